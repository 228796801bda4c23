// Shared helpers for the end-to-end tests: Debian's Chromium through playwright-core (never a
// downloaded browser), console-error collection, canvas pixel counting.
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE_URL || 'http://127.0.0.1:8080';

/**
 * Every route and drill-down level as [path, selector that proves the view is complete]; demo
 * routes wait for the address data. Shared by the audits that walk all views (a11y, reflow).
 */
export const VIEWS = [
  ['/', 'figure.chart canvas'],
  ['/trends', '#stroom figure.chart canvas'],
  ['/doorlooptijden', 'figure.chart canvas'],
  // (The comparison table itself: the chart before it holds the first table of main, in its closed toggle.)
  ['/gemeenten', '[data-testid=gemeenten-table] table'],
  ['/gemeente/GM1979', 'main h1'],
  ['/gemeente/GM1979/dorp/Loppersum', '[data-testid=no-address-data]'],
  ['/gemeente/GM1979?bron=demo', '[data-testid=dorpen-table]'],
  ['/gemeente/GM1979/dorp/Loppersum?bron=demo', '[data-testid=clusters-table]'],
  ['/gemeente/GM1979/dorp/Loppersum/cluster/LOP-07?bron=demo', '[data-testid=alike]'],
  ['/data', 'main h1'],
  ['/over', 'main h1'],
  // The embed view of a chart (analysis::embed): no navigation or footer, only that chart's frame.
  ['/trends?insluiten=trends-stroom', 'figure.chart.embedded canvas'],
];

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launch() {
  return chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records console errors and uncaught exceptions. */
export async function openPage(browser, { width = 1280, height = 900, scale = 1 } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: scale });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => {
    // Chromium warns about Trunk's integrity attribute on preload; not an app error.
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** Wait until the app has rendered its data (or an error panel) and replaced the static first paint. */
export async function waitForApp(page) {
  await page.waitForFunction(() => !document.getElementById('boot'), null, { timeout: 20000 });
  await page.waitForSelector('main h1', { timeout: 20000 });
  await page.waitForFunction(() => !document.querySelector('.loading'), null, { timeout: 20000 });
  // Parts of a view rendered a few tasks later (ui::deferred) hold a hidden [data-pending] until then.
  await page.waitForFunction(() => !document.querySelector('[data-pending]'), null, { timeout: 20000 });
}

/** Number of non-white pixels in the first canvas (device pixels). */
export async function inkedPixels(page, selector = 'canvas') {
  // Charts draw in tasks after the view's render (ui::draw_queue); <html data-pending> until done.
  await page.waitForFunction(() => !document.querySelector('[data-pending]'), null, { timeout: 20000 });
  return page.$eval(selector, (c) => {
    const ctx = c.getContext('2d');
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240) n++;
    return n;
  });
}

/**
 * Write a bronbestand of `rows` rows into `file`, made from the rows of the demo file `demo`:
 * copy k of the demo rows gets ids prefixed R000, R001, … so every id stays unique.
 */
export function bigBronbestand(demo, rows, file) {
  const lines = fs.readFileSync(demo, 'utf8').split('\n').filter((l) => l.length);
  const header = lines.shift();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const out = fs.openSync(file, 'w');
  fs.writeSync(out, header + '\n');
  let n = 0;
  for (let rep = 0; n < rows; rep++) {
    const chunk = [];
    for (const l of lines) {
      if (n === rows) break;
      chunk.push(`R${String(rep).padStart(3, '0')}${l}`);
      n++;
    }
    fs.writeSync(out, chunk.join('\n') + '\n');
  }
  fs.closeSync(out);
  return file;
}
