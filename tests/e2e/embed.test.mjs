// End-to-end: embedding a chart in another web page (analysis::embed). Every chart offers the
// <iframe> code for its embed view (`?insluiten=<chart id>`, with the page's filters and language);
// the embed view shows only that chart, its source line and a link to the full page, and the
// demonstration banner and stamp when the data is synthetic; a chart of the reader's own file
// cannot be embedded (the file never leaves their computer) and says so.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE, launch, openPage, waitForApp, inkedPixels } from './browser.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures');
const DEMO_TIMEOUT = 60000;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The embed code of chart `id` on the current page, opened as a reader would. */
async function embedCode(page, id) {
  const box = page.locator(`figure.chart[data-chart="${id}"] details.chart-embed`);
  await box.locator('summary').click();
  const area = box.locator('textarea');
  // The code is computed when the box opens (the closed boxes cost nothing on a filter change).
  await page.waitForFunction((sel) => document.querySelector(sel)?.value.length > 0, `figure.chart[data-chart="${id}"] details.chart-embed textarea`);
  // The code box is labelled and its text is selected on focus, ready to copy.
  const label = await page.locator(`label[for="${await area.getAttribute('id')}"]`).textContent();
  await area.focus();
  const selected = await area.evaluate((a) => a.selectionEnd - a.selectionStart === a.value.length);
  return { code: await area.inputValue(), label, selected };
}

/** What a reader of the embed view sees. */
async function embedView(page) {
  return page.evaluate(() => {
    const shown = (el) => !!el && el.getClientRects().length > 0;
    const visible = (sel) => [...document.querySelectorAll(sel)].filter(shown);
    return {
      marked: document.documentElement.hasAttribute('data-embed'),
      figures: visible('figure.chart').map((f) => f.dataset.chart),
      h1: visible('h1').map((h) => h.textContent.trim()),
      nav: visible('.site-nav').length,
      footer: visible('.site-footer').length,
      filters: visible('main select, main input').length,
      source: visible('figure.chart.embedded [data-testid=chart-source]').map((p) => p.textContent),
      links: visible('.embed-header a').map((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel })),
      banner: visible('[data-testid=demo-banner]').length,
      stamp: visible('figure.chart.embedded .badge-demo').length,
      codeBoxes: visible('.chart-embed').length,
    };
  });
}

test('every chart offers its embed code, and the embed view shows that chart alone', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/trends?lang=en`);
  await waitForApp(page);
  const ids = await page.$$eval('figure.chart', (fs) => fs.map((f) => f.dataset.chart));
  assert.ok(ids.length >= 3, `charts on /trends: ${ids}`);
  const boxes = await page.$$eval('figure.chart', (fs) => fs.filter((f) => f.querySelector('details.chart-embed textarea')).length);
  assert.equal(boxes, ids.length, 'an embed box under every chart');

  const { code, label, selected } = await embedCode(page, 'trends-stroom');
  assert.equal(label, 'HTML code to embed this chart');
  assert.ok(selected, 'the code is selected on focus');
  const src = `${BASE}/trends?lang=en&amp;insluiten=trends-stroom`;
  assert.match(code, /^<iframe src="[^"]+" title="[^"]+ — Versterkingsmonitor Groningen" width="100%" height="\d+" style="border:0;max-width:100%" loading="lazy"><\/iframe><script>[^<]+<\/script>$/);
  assert.ok(code.includes(`src="${src}"`), code);
  const title = await page.textContent('figure.chart[data-chart=trends-stroom] .chart-title');
  assert.ok(code.includes(`title="${title} — `), `${code} names the chart "${title}"`);

  // Open the address of the code, as the frame would.
  await page.goto(src.replace('&amp;', '&'));
  await waitForApp(page);
  const v = await embedView(page);
  assert.ok(v.marked, '<html data-embed>');
  assert.deepEqual(v.figures, ['trends-stroom']);
  assert.deepEqual(v.h1, ['Trends']);
  assert.equal(v.nav + v.footer + v.filters + v.codeBoxes, 0, JSON.stringify(v));
  assert.match(v.source[0], /^Source: /);
  // The name and the "full page" link open the view itself, with its state but not the embed, outside the frame.
  assert.equal(v.links.length, 2);
  for (const l of v.links) assert.deepEqual(l, { href: '/trends?lang=en', target: '_blank', rel: 'noopener' });
  assert.ok((await inkedPixels(page, 'figure.chart.embedded canvas')) > 1000, 'the embedded chart is drawn');
  assert.equal(v.banner + v.stamp, 0, 'published figures: no demonstration banner');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the code works when pasted into another page: the frame shows the chart and takes its height', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/trends`);
  await waitForApp(page);
  const { code } = await embedCode(page, 'trends-stroom');
  assert.match(code, /<\/iframe><script>.*versterkingsmonitor-hoogte.*<\/script>$/);
  // A news article on a phone, on another origin (about:blank), with the code pasted as given.
  const host = await context.newPage();
  host.on('pageerror', (e) => errors.push(String(e)));
  host.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await host.setViewportSize({ width: 400, height: 800 });
  await host.setContent(`<!doctype html><html lang="nl"><body style="margin:8px"><h1>Krant</h1><p>Tekst.</p>${code}<p>Meer tekst.</p></body></html>`);
  const frameHandle = await host.waitForSelector('iframe');
  const frame = await frameHandle.contentFrame();
  await frame.waitForFunction(() => !document.getElementById('boot') && !document.querySelector('.loading, [data-pending]'), null, { timeout: 20000 });
  await frame.waitForSelector('figure.chart.embedded canvas');
  // The frame's height follows its content: no scroll bar inside, no white space under it.
  await host.waitForFunction(() => document.querySelector('iframe').style.height !== '', null, { timeout: 10000 });
  let fit;
  for (let i = 0; i < 50; i++) {
    const inner = await frame.evaluate(() => ({ content: document.body.scrollHeight, view: window.innerHeight, scroll: document.documentElement.scrollHeight }));
    const outer = await frameHandle.evaluate((f) => f.getBoundingClientRect().height);
    fit = { ...inner, outer };
    if (Math.abs(outer - inner.content) <= 1 && inner.scroll <= inner.view + 1) break;
    await host.waitForTimeout(100);
  }
  assert.ok(Math.abs(fit.outer - fit.content) <= 1 && fit.scroll <= fit.view + 1, `frame fits its content: ${JSON.stringify(fit)}`);
  assert.ok(fit.content > 1200, `at 400 px the chart with its notes is tall: ${JSON.stringify(fit)}`);
  assert.ok((await frame.$$eval('figure.chart', (fs) => fs.filter((f) => f.getClientRects().length).length)) === 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('an embed of synthetic demonstration data keeps the banner, the stamp and says so in its name', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360 });
  const view = '/gemeente/GM1979/dorp/Loppersum?bron=demo';
  await page.goto(`${BASE}${view}`);
  await waitForApp(page);
  await page.waitForSelector('figure.chart[data-chart=fasen-dorp] canvas', { timeout: DEMO_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('[data-testid=demo-banner] [role=status], [data-pending]'), null, { timeout: DEMO_TIMEOUT });
  const { code } = await embedCode(page, 'fasen-dorp');
  assert.ok(code.includes(`src="${BASE}/gemeente/GM1979/dorp/Loppersum?bron=demo&amp;insluiten=fasen-dorp"`), code);
  assert.match(code, /title="[^"]+ \(SYNTHETISCHE DEMO — GEEN ECHTE CIJFERS\) — Versterkingsmonitor Groningen"/);

  await page.goto(`${BASE}${view}&insluiten=fasen-dorp`);
  await waitForApp(page);
  await page.waitForSelector('figure.chart.embedded canvas', { timeout: DEMO_TIMEOUT });
  await page.waitForFunction(() => !document.querySelector('[data-testid=demo-banner] [role=status], [data-pending]'), null, { timeout: DEMO_TIMEOUT });
  const v = await embedView(page);
  assert.deepEqual(v.figures, ['fasen-dorp']);
  assert.equal(v.banner, 1, 'the demonstration banner');
  assert.equal(v.stamp, 1, 'the stamp on the chart');
  // Regression: the banner's "Terug naar de gepubliceerde cijfers" opened, inside the other site's
  // frame, a page without this chart; and its long text filled a 400×300 frame. In a frame it is
  // one short line without a link.
  const banner = page.locator('[data-testid=demo-banner]');
  assert.equal(await banner.getAttribute('data-here'), 'embedded');
  assert.equal(await banner.locator('a').count(), 0);
  assert.equal((await banner.innerText()).trim(), 'Synthetische demonstratiegegevens');
  // Regression: with the page's padding and margins that one line took 76 px of a 300 px frame.
  assert.ok((await banner.boundingBox()).height <= 40, `banner ${(await banner.boundingBox()).height} px high`);
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 0, 'fits a 360 px frame');

  // A chart of published figures, shown while the demo is active, is embedded without the demo
  // source: its frame would otherwise carry the demonstration banner over real figures.
  await page.goto(`${BASE}/trends?bron=demo`);
  await waitForApp(page);
  await page.waitForFunction(() => !document.querySelector('[data-testid=demo-banner] [role=status], [data-pending]'), null, { timeout: DEMO_TIMEOUT });
  const published = await embedCode(page, 'trends-stroom');
  assert.ok(published.code.includes(`src="${BASE}/trends?insluiten=trends-stroom"`), published.code);
  assert.ok(!published.code.includes('SYNTHETISCHE'), published.code);
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: a frame whose id named no chart of the view (an old link; the demo banner's link
// back to the published figures from a demo chart) showed the whole page, 4,369 px of it, without
// a word. It still shows the page, and its header says why.
test('an id that names no chart leaves the whole view visible and says so; the static first paint shows only the heading', async () => {
  const { context, page, errors } = await openPage(browser, { width: 640 });
  // Before the app runs: the prerendered page, with the script's mark, shows no header or navigation.
  await page.route('**/*.wasm', (r) => r.abort());
  await page.goto(`${BASE}/trends?insluiten=trends-stroom`);
  const boot = await page.evaluate(() => ({
    marked: document.documentElement.hasAttribute('data-embed'),
    shown: [...document.querySelectorAll('#boot header, #boot nav, #boot .lead')].filter((e) => e.getClientRects().length).length,
    h1: [...document.querySelectorAll('#boot h1')].filter((e) => e.getClientRects().length).map((h) => h.textContent),
  }));
  assert.deepEqual(boot, { marked: true, shown: 0, h1: ['Trends'] });
  await page.unroute('**/*.wasm');
  errors.length = 0; // the aborted wasm request
  await page.goto(`${BASE}/trends?insluiten=bestaat-niet`);
  await waitForApp(page);
  const v = await embedView(page);
  assert.ok(v.figures.length >= 3, `all charts shown: ${v.figures}`);
  assert.ok(await page.isVisible('[data-testid=embed-missing]'), 'the header says the chart is not there');
  assert.match(await page.textContent('[data-testid=embed-missing]'), /Deze grafiek staat niet \(meer\) op deze pagina/);
  await page.goto(`${BASE}/trends?insluiten=trends-stroom`);
  await waitForApp(page);
  assert.equal(await page.isVisible('[data-testid=embed-missing]'), false, 'not said when the chart is there');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a chart of the reader\'s own file cannot be embedded, and says why', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/data`);
  await waitForApp(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(FIXTURES, 'bronbestand-klein.csv'));
  await page.waitForSelector('[data-testid=own-ready]');
  await page.click('.site-nav a[href^="/doorlooptijden"]');
  await page.waitForFunction(() => location.pathname === '/doorlooptijden' && location.search.includes('bron=eigen'));
  await waitForApp(page);
  const box = page.locator('figure.chart details.chart-embed').first();
  await box.locator('summary').click();
  assert.equal(await box.locator('textarea').count(), 0);
  assert.match(await box.textContent(), /eigen bestand kan niet worden ingesloten/);
  assert.deepEqual(errors, []);
  await context.close();
});
