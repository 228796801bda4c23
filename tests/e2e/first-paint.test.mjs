// End-to-end: the static first paint (`ncg prerender`, src/bin/ncg/prerender.rs; `ui::boot`).
// Every main view's page carries its heading and lead before the wasm has arrived (Lighthouse's
// largest contentful paint was the lead, at 4.2–5.2 s while the wasm downloaded), in the URL's
// language; a page served for another route shows no wrong heading; the Over page reads without
// JavaScript; and when the app has its data the static block is gone and the app's page sits at
// the same place (no jump).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, waitForApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** A page whose wasm never arrives: what a phone shows while it downloads. */
async function withoutWasm(opts = {}) {
  const o = await openPage(browser, opts);
  await o.page.route('**/*.wasm', () => { /* never answered */ });
  return o;
}

const FIRST = [
  ['/', 'Overzicht', 'Overview'],
  ['/trends', 'Trends', 'Trends'],
  ['/doorlooptijden', 'Doorlooptijden', 'Lead times'],
  ['/gemeenten', 'Gemeenten', 'Municipalities'],
  ['/data', 'Data & bronnen', 'Data & sources'],
  ['/over', 'Over de Versterkingsmonitor', 'About the Versterkingsmonitor'],
  ['/gemeente/GM1979', 'Eemsdelta', 'Eemsdelta'],
];

test('every main view and gemeente page shows its heading and lead before the wasm, in its language', async () => {
  const { context, page } = await withoutWasm({ width: 360, height: 740 });
  for (const [route, nl, en] of FIRST) {
    for (const [lang, heading] of [['nl', nl], ['en', en]]) {
      await page.goto(`${BASE}${route}${lang === 'en' ? '?lang=en' : ''}`, { waitUntil: 'domcontentloaded' });
      const h1 = page.locator('h1');
      assert.equal(await h1.count(), 1, `${route} ${lang}: one h1`);
      assert.equal((await h1.textContent()).trim(), heading, `${route} ${lang}`);
      assert.ok(await h1.isVisible(), `${route} ${lang}: visible`);
      assert.equal(await page.getAttribute('html', 'lang'), lang, `${route} ${lang}: html lang`);
      if (!route.startsWith('/gemeente/')) assert.ok(await page.locator('#boot p.lead').isVisible(), `${route} ${lang}: lead`);
    }
  }
  await context.close();
});

test('a page served for another route (the SPA fallback) shows no wrong heading before the app', async () => {
  const { context, page } = await withoutWasm();
  for (const route of ['/gemeente/GM1979/dorp/Loppersum', '/bestaat-niet', '/gemeente/GM0003']) {
    await page.goto(`${BASE}${route}`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('h1').count(), 0, `${route}: no heading of another view`);
    assert.equal(await page.locator('#boot [aria-current]').count(), 0, `${route}: nothing marked current`);
    assert.ok(await page.locator('#boot .site-nav').isVisible(), `${route}: the navigation is there`);
  }
  await context.close();
});

test('the Over page reads in full without JavaScript', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${BASE}/over`);
  assert.equal((await page.locator('h1:visible').textContent()).trim(), 'Over de Versterkingsmonitor');
  assert.ok(await page.locator('[data-lang=nl] dl dt').count() > 10, 'the glossary');
  assert.equal(await page.title(), 'Over de Versterkingsmonitor — Versterkingsmonitor Groningen');
  await context.close();
});

test('with the data the static block is gone and the app\'s heading and lead are where they were', async () => {
  for (const route of ['/trends', '/doorlooptijden', '/over', '/gemeente/GM1979']) {
    const boot = await withoutWasm({ width: 412, height: 823 });
    await boot.page.goto(`${BASE}${route}`, { waitUntil: 'domcontentloaded' });
    const before = await boot.page.locator('h1').boundingBox();
    await boot.context.close();
    const { context, page, errors } = await openPage(browser, { width: 412, height: 823 });
    await page.goto(`${BASE}${route}`);
    await waitForApp(page);
    assert.equal(await page.locator('#boot').count(), 0, `${route}: static block removed`);
    assert.equal(await page.locator('h1').count(), 1, `${route}: one h1`);
    const after = await page.locator('h1').boundingBox();
    assert.deepEqual(after, before, `${route}: the heading did not move`);
    assert.deepEqual(errors, [], `${route}: console errors`);
    await context.close();
  }
});

// On a phone the navigation stands in rows (style/main.css; it scrolled sideways and hid half its
// items): the first paint's must be as high as the app's, or everything under it jumps when the
// app replaces it (Lighthouse's CLS), in both languages (other labels, other widths).
test('the navigation is as high in the first paint as in the app, on a phone too', async () => {
  for (const [width, q] of [[320, ''], [360, ''], [360, '?lang=en'], [320, '?lang=en'], [1280, '']]) {
    for (const route of ['/trends', '/over']) {
      const boot = await withoutWasm({ width, height: 800 });
      await boot.page.goto(`${BASE}${route}${q}`, { waitUntil: 'domcontentloaded' });
      const before = await boot.page.locator('#boot .site-nav').boundingBox();
      await boot.context.close();
      const { context, page, errors } = await openPage(browser, { width, height: 800 });
      await page.goto(`${BASE}${route}${q}`);
      await waitForApp(page);
      const after = await page.locator('.site-nav').boundingBox();
      assert.deepEqual(after, before, `${route}${q} @${width}px: the navigation kept its place and height`);
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});

test('a panic before the data shows the panic panel, not the static block', async () => {
  // Regression guard for ui::boot: the style sheet hides the app while #boot is there, so the
  // panic panel must remove it (ui::panic).
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE}/trends?test-panic=1`);
  await page.waitForSelector('#panic-panel', { state: 'visible', timeout: 20000 });
  assert.equal(await page.locator('#boot').count(), 0);
  await context.close();
});

// Regression: on a slow phone the first paint showed the language link alone, and ~2.5 s later the
// app's header put "Delen" (share) before it: the link jumped sideways, and a tap meant for
// "English" hit "Delen". The first paint keeps the share button's place (unseen until the app's
// own is there), so the language link is where it will stay.
test('the language link does not move when the app replaces the first paint', async () => {
  for (const [width, q] of [[360, ''], [412, '?lang=en'], [1280, '']]) {
    for (const route of ['/trends', '/gemeente/GM1979']) {
      const boot = await withoutWasm({ width, height: 800 });
      await boot.page.goto(`${BASE}${route}${q}`, { waitUntil: 'domcontentloaded' });
      const before = await boot.page.locator('#boot .lang-switch:visible').boundingBox();
      // The reserved place shows nothing and takes no tap or Tab.
      assert.equal(await boot.page.locator('#boot .share-button').evaluate((b) => getComputedStyle(b).visibility), 'hidden');
      await boot.context.close();
      const { context, page, errors } = await openPage(browser, { width, height: 800 });
      await page.goto(`${BASE}${route}${q}`);
      await waitForApp(page);
      const after = await page.locator('.lang-switch').boundingBox();
      assert.deepEqual(after, before, `${route}${q} @${width}px: the language link did not move`);
      assert.ok(await page.locator('.share-button').isVisible(), 'the app\'s share button is there');
      assert.deepEqual(errors, []);
      await context.close();
    }
  }
});
