// Lighthouse audit of the main routes of the release build (dist/), served on 127.0.0.1 by
// scripts/serve-static.mjs, in Debian's Chromium (never a downloaded browser), with Lighthouse's
// default mobile emulation and simulated throttling. One run per route when it passes on a steady
// host.
// Prints per route every run: performance, accessibility and best-practices scores, LCP, TBT, CLS,
// and what Lighthouse blames when a score is under its threshold. Thresholds (issue 8), all
// enforced (exit 1): performance 0.90, accessibility 1.00, best practices 0.95.
// The performance score moves with the load of the machine (total blocking time is the observed
// main-thread time × 4), so a route under 0.90 is run five times and judged on the median, as
// Lighthouse's documentation advises for variable scores ("run 5 times, use the median"); all
// runs are printed.
// The CPU slowdown is calibrated to the host, as Lighthouse's docs/throttling.md ("Calibrating the
// CPU slowdown") advises: its default 4× turns a high-end desktop (benchmark index 1500–2000) into
// a mid-tier phone; a slower host (1000–1500) needs about 2× for the same phone. Before every run
// the host's index is measured with Lighthouse's own benchmark (pageFunctions.computeBenchmarkIndex)
// and the slowdown set to index / 500, never more than the default 4× and never less than 1×: on
// a host of 2000 or more nothing changes. The machines this project runs on measured between 855
// and 2132 within one hour (shared CPUs, 2026-11-23), and the same build scored 0.96 and 0.84 on
// /over with a fixed 4× (index 2132, then 1065). Index and slowdown are printed with every route.
// The calibration holds only while the host keeps its speed, so the index is measured three times
// per run: before it (for the slowdown), by Lighthouse itself just before the page loads
// (lhr.environment.benchmarkIndex), and after it. A run whose three differ by more than 25 % was
// measured on a host that changed speed under it, and says nothing about the app: it is printed
// ("host unsteady") and the route is run five times like one under 0.90. Of five runs, the median
// of the steady ones is the verdict when there are at least three, else the median of all five.
// What broke (CI, 2026-11-23): /doorlooptijden measured index 2079 before its run (slowdown 4×),
// then ran its script 2.2× slower than on the same host when idle, and scored 0.84, 0.87 and 0.99
// (median 0.87); every other step of that run passed.
// Usage: node scripts/lighthouse.mjs [route …]     (env CHROME_PATH, default /usr/bin/chromium)
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as constants from 'lighthouse/core/config/constants.js';
import { pageFunctions } from 'lighthouse/core/lib/page-functions.js';
import { chromium } from 'playwright-core';

const ROUTES = process.argv.slice(2).length ? process.argv.slice(2) : ['/', '/trends', '/doorlooptijden', '/gemeenten', '/gemeente/GM1979', '/data', '/over'];
const MIN = { performance: 0.9, accessibility: 1.0, 'best-practices': 0.95 };
const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';
const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--no-default-browser-check',
  '--disable-extensions', '--mute-audio',
];

const freePort = () => new Promise((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
});
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const t0 = Date.now();
const webPort = await freePort();
const server = spawn(process.execPath, ['scripts/serve-static.mjs', 'dist', String(webPort)], { stdio: ['ignore', 'pipe', 'inherit'] });
await new Promise((resolve, reject) => {
  server.stdout.on('data', (d) => { if (String(d).includes('serving')) resolve(); });
  server.on('exit', (c) => reject(new Error(`server exited ${c}`)));
});

const cdpPort = await freePort();
const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lighthouse-chromium-'));
const chrome = spawn(CHROME, [...FLAGS, `--remote-debugging-port=${cdpPort}`, `--user-data-dir=${profile}`, 'about:blank'], { stdio: 'ignore' });
let up = false;
for (let i = 0; i < 100 && !up; i++) {
  try { up = (await fetch(`http://127.0.0.1:${cdpPort}/json/version`)).ok; } catch { await sleep(100); }
}

const cleanup = () => {
  chrome.kill();
  server.kill();
  try { fs.rmSync(profile, { recursive: true, force: true }); } catch { /* the browser may still hold it */ }
};
if (!up) { console.error('lighthouse: Chromium did not start'); cleanup(); process.exit(1); }

/** Lighthouse's benchmark index of the host now, measured in a fresh tab of the audit's Chromium; 0 if it fails. */
async function hostIndex() {
  let browser;
  try {
    browser = await chromium.connectOverCDP(`http://127.0.0.1:${cdpPort}`);
    const context = browser.contexts()[0] ?? (await browser.newContext());
    const page = await context.newPage();
    const index = await page.evaluate(`(${pageFunctions.computeBenchmarkIndex.toString()})()`);
    await page.close();
    return Number(index) || 0;
  } catch (e) {
    console.error(`lighthouse: benchmark index not measured (${e.message}); default slowdown`);
    return 0;
  } finally {
    await browser?.close().catch(() => {});
  }
}

/** CPU slowdown for a mid-tier phone on a host of benchmark index `index`: index / 500 within [1, 4]. */
function calibratedSlowdown(index) {
  const DEFAULT = constants.throttling.mobileSlow4G.cpuSlowdownMultiplier;
  if (!(index > 0)) return DEFAULT;
  return Math.round(Math.min(DEFAULT, Math.max(1, index / 500)) * 100) / 100;
}

/** Host indices of a run: before, during (Lighthouse's own) and after. */
const indices = (l) => { const c = l.calibration ?? {}; return `index ${Math.round(c.index ?? 0)}/${Math.round(c.during ?? 0)}/${Math.round(c.after ?? 0)}`; };
/** A run is steady when the host's three indices are within 25 % of each other (all measured). */
const STEADY_RATIO = 1.25;
const MAX_RUNS = 5;
function steady(l) {
  const c = l?.calibration;
  const xs = [c?.index, c?.during, c?.after].map(Number);
  if (xs.some((x) => !(x > 0))) return true; // an index not measured: nothing to judge it by
  return Math.max(...xs) / Math.min(...xs) <= STEADY_RATIO;
}
const pct = (s) => (s == null ? ' n/a' : s.toFixed(2));
const ms = (a) => (a?.numericValue == null ? 'n/a' : `${Math.round(a.numericValue)} ms`);
let fatal = false;
const rows = [];
for (const route of ROUTES) {
  const url = `http://127.0.0.1:${webPort}${route}`;
  const runOnce = async () => {
    try {
      const index = await hostIndex();
      const slowdown = calibratedSlowdown(index);
      const throttling = { ...constants.throttling.mobileSlow4G, cpuSlowdownMultiplier: slowdown };
      const r = await lighthouse(url, { port: cdpPort, output: 'json', logLevel: 'error', onlyCategories: Object.keys(MIN), throttling });
      const after = await hostIndex();
      if (r?.lhr) r.lhr.calibration = { index, slowdown, during: Number(r.lhr.environment?.benchmarkIndex) || 0, after };
      return r?.lhr;
    } catch (e) {
      console.error(`lighthouse ${route}: run failed: ${e.message}`);
      return undefined;
    }
  };
  const perfOf = (l) => l?.categories?.performance?.score ?? 0;
  const median = (ls) => [...ls].sort((x, y) => perfOf(x) - perfOf(y))[Math.floor(ls.length / 2)];
  const runs = [];
  let lhr;
  for (let attempt = 0; attempt < MAX_RUNS; attempt++) {
    const run = await runOnce();
    if (!run) break;
    runs.push(run);
    const steadyRuns = runs.filter(steady);
    if (attempt > 0 || perfOf(run) < MIN.performance || !steady(run)) {
      console.log(`lighthouse ${route}: run ${attempt + 1}: performance ${pct(perfOf(run))}, TBT ${ms(run.audits?.['total-blocking-time'])}, LCP ${ms(run.audits?.['largest-contentful-paint'])}, host ${indices(run)}${steady(run) ? '' : ' (host unsteady)'}`);
    }
    // The first run, steady and passing, is the verdict; otherwise five runs are judged together.
    if (runs.length === 1 && steadyRuns.length === 1 && perfOf(run) >= MIN.performance) { lhr = run; break; }
  }
  if (runs.length > 1) {
    const steadyRuns = runs.filter(steady);
    const pool = steadyRuns.length >= 3 ? steadyRuns : runs;
    lhr = median(pool);
    const judged = pool === steadyRuns ? `the median of the ${steadyRuns.length} steady ones` : `the median of all (${steadyRuns.length} steady)`;
    console.log(`lighthouse ${route}: performance ${runs.map((l) => `${pct(perfOf(l))}${steady(l) ? '' : ' (unsteady)'}`).join(', ')} over ${runs.length} runs; judged on ${judged}`);
  } else {
    lhr = runs[0];
  }
  if (!lhr) { fatal = true; rows.push(`${route.padEnd(18)} run failed`); continue; }
  if (lhr.runtimeError) console.error(`lighthouse ${route}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const c = lhr.categories;
  const a = lhr.audits;
  const line = `${route.padEnd(18)} performance ${pct(c.performance?.score)}  accessibility ${pct(c.accessibility?.score)}  best-practices ${pct(c['best-practices']?.score)}  LCP ${ms(a['largest-contentful-paint'])}  TBT ${ms(a['total-blocking-time'])}  CLS ${a['cumulative-layout-shift']?.numericValue?.toFixed(3) ?? 'n/a'}  FCP ${ms(a['first-contentful-paint'])}  SI ${ms(a['speed-index'])}  host CPU ${indices(lhr)} → CPU slowdown ${lhr.calibration?.slowdown ?? 'n/a'}×${steady(lhr) ? '' : ' (unsteady)'}`;
  rows.push(line);
  console.log(`lighthouse ${line}`);
  for (const [cat, min] of Object.entries(MIN)) {
    const score = c[cat]?.score;
    if (score != null && score >= min) continue;
    fatal = true;
    console.log(`lighthouse FAIL ${route} ${cat} ${pct(score)} < ${min.toFixed(2)}`);
    // What Lighthouse blames: the audits of this category that lost points, worst first.
    const blamed = c[cat].auditRefs
      .map((ref) => ({ ref, audit: a[ref.id] }))
      .filter(({ audit }) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative' && audit.scoreDisplayMode !== 'notApplicable')
      .sort((x, y) => y.ref.weight * (1 - y.audit.score) - x.ref.weight * (1 - x.audit.score));
    for (const { ref, audit } of blamed.slice(0, 8)) {
      console.log(`lighthouse   ${route} ${cat}: ${audit.id} score ${pct(audit.score)} weight ${ref.weight}${audit.displayValue ? ` (${audit.displayValue})` : ''} — ${audit.title}`);
    }
    if (cat === 'performance') {
      for (const id of ['largest-contentful-paint-element', 'lcp-breakdown-insight', 'long-tasks', 'bootup-time', 'mainthread-work-breakdown', 'render-blocking-insight', 'layout-shifts', 'network-requests']) {
        const d = a[id];
        if (!d || d.scoreDisplayMode === 'notApplicable') continue;
        const items = (d.details?.items || []).slice(0, 6).map((it) => {
          const name = it.url || it.node?.snippet || it.group || it.groupLabel || it.label || it.phase || it.subpart || '';
          const t = it.duration ?? it.total ?? it.scripting ?? it.timing ?? it.score ?? it.transferSize;
          return `${String(name).replace(/^http:\/\/127\.0\.0\.1:\d+/, '').slice(0, 70)}${t != null ? ` ${typeof t === 'number' ? Math.round(t * 1000) / 1000 : t}` : ''}`;
        });
        console.log(`lighthouse   ${route} ${id}${d.displayValue ? ` (${d.displayValue})` : ''}: ${items.join(' | ')}`);
      }
    }
  }
}
cleanup();
const secs = Math.round((Date.now() - t0) / 1000);
console.log(`lighthouse summary (${ROUTES.length} routes, ${secs} s; thresholds performance ${MIN.performance}, accessibility ${MIN.accessibility}, best-practices ${MIN['best-practices']}):`);
for (const r of rows) console.log(`lighthouse ${r}`);
process.exit(fatal ? 1 : 0);
