// Benchmark (printed, never asserted): loading a bronbestand through the file picker on the
// release build — the 27,790-row synthetic demo and a 1,000,000-row file generated at test time
// in a temp dir (the demo rows with new, increasing ids; never committed). For each it prints
//   bench bronbestand_load rows=… total_ms=… longest_task_ms=… max_gap_ms=… read_ms=… parse_ms=… derive_ms=…
// total_ms: from the file input's change event to the loaded file's report on screen.
// longest_task_ms: the longest main-thread task seen by a PerformanceObserver ('longtask', > 50 ms;
// 0 when none; long_tasks how many, longest_task_at_ms when it started after the change event),
// max_gap_ms: the longest pause of a 5 ms timer (what a user would feel).
// Asserted: loading completes and rows read = accepted = the rows of the file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, bigBronbestand, launch, openPage, waitForApp } from './browser.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const DEMO = path.join(ROOT, 'public/data/demo/bronbestand-demo.csv');

let browser;
let tmp;
before(async () => {
  browser = await launch();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'versterkingsmonitor-bench-'));
});
after(async () => {
  await browser?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});


async function benchLoad(file, rows) {
  const { context, page, errors } = await openPage(browser);
  try {
    await page.goto(`${BASE}/data`);
    await waitForApp(page);
    await page.waitForSelector('[data-testid=file-input]');
    await page.evaluate(() => {
      const input = document.querySelector('[data-testid=file-input]');
      input.addEventListener('change', () => {
        const b = { t0: performance.now(), end: 0, tasks: [], gaps: [] };
        window.__bench = b;
        b.observer = new PerformanceObserver((list) => {
          for (const e of list.getEntries()) if (e.startTime + e.duration >= b.t0) b.tasks.push([e.duration, e.startTime - b.t0]);
        });
        try { b.observer.observe({ type: 'longtask' }); } catch { /* not supported: tasks stay empty */ }
        let last = performance.now();
        b.beat = setInterval(() => {
          const now = performance.now();
          b.gaps.push(now - last);
          last = now;
        }, 5);
        // The moment the loaded file's report is on screen.
        b.mutations = new MutationObserver(() => {
          if (!b.end && document.querySelector('[data-testid=own-ready]')) b.end = performance.now();
        });
        b.mutations.observe(document.body, { childList: true, subtree: true });
      }, { capture: true, once: true });
    });
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.waitForSelector('[data-testid=own-ready]', { timeout: 300000 });
    // Let the tasks right after "ready" (rendering) be seen too.
    await page.waitForTimeout(400);
    const r = await page.evaluate(() => {
      const b = window.__bench;
      clearInterval(b.beat);
      b.observer.disconnect();
      b.mutations.disconnect();
      const t = document.querySelector('[data-testid=load-timing]');
      const balance = document.querySelector('[data-testid=active-set] [data-testid=rows-balance]');
      const plain = (v) => Number(String(v || '0').replace(/[.,]/g, ''));
      return {
        total: (b.end || performance.now()) - b.t0,
        longest: b.tasks.reduce((m, [d]) => Math.max(m, d), 0),
        longestAt: (b.tasks.reduce((m, t) => (t[0] > m[0] ? t : m), [0, 0]))[1],
        longTasks: b.tasks.length,
        gap: b.gaps.reduce((m, d) => Math.max(m, d), 0),
        read: plain(t?.dataset.readMs),
        parse: plain(t?.dataset.parseMs),
        derive: plain(t?.dataset.deriveMs),
        rowsRead: balance?.dataset.read,
        accepted: balance?.dataset.accepted,
      };
    });
    console.log(
      `bench bronbestand_load rows=${rows} total_ms=${Math.round(r.total)} longest_task_ms=${Math.round(r.longest)} ` +
        `max_gap_ms=${Math.round(r.gap)} read_ms=${r.read} parse_ms=${r.parse} derive_ms=${r.derive} ` +
        `long_tasks=${r.longTasks} longest_task_at_ms=${Math.round(r.longestAt)}`,
    );
    assert.equal(r.rowsRead, String(rows));
    assert.equal(r.accepted, String(rows));
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
}

test('benchmark: the 27,790-row demo bronbestand through the picker', async () => {
  await benchLoad(DEMO, 27790);
});

test('benchmark: a 1,000,000-row bronbestand through the picker', { timeout: 600000 }, async () => {
  const file = bigBronbestand(DEMO, 1000000, path.join(tmp, 'bronbestand-1000000.csv'));
  try {
    await benchLoad(file, 1000000);
  } finally {
    fs.rmSync(file, { force: true });
  }
});
