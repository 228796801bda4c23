// End-to-end: addresses that people edit by hand, that mail clients cut or re-encode, or that are
// made to hurt. Every view's state lives in its address, so every route must take any value of
// any parameter: no panic (the error panel), no console error, the view itself shown (its h1), and
// a value shown as text, never as HTML. Found by a random walk over these routes, parameters and
// values (300 addresses, none failed); this is a fixed selection of it, so a regression shows here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, waitForApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const html = '<img src=x onerror=window.__hurt=1>';
const long = 'x'.repeat(3000);
const q = (pairs) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');

// [address, its h1 (a regular expression)]
const ADDRESSES = [
  [`/?${q([['versie', '1900-01'], ['lang', '0']])}`, /^Overzicht$/],
  [`/?${q([['van', '2030-01'], ['tot', '2019'], ['bron', 'eigen']])}`, /^Overzicht$/],
  [`/trends?${q([['mijlpaal', html], ['gemeente', 'GM9999'], ['van', '2020-13-45']])}`, /^Trends$/],
  [`/trends?${q([['van', '2024'], ['tot', '2020'], ['versie', '99999999999999999999'], ['a', '-1'], ['b', 'NaN']])}`, /^Trends$/],
  [`/trends?${q([['batch', long], ['risico', 'é‽😀'], ['eigenaar', ',,,'], ['bron', 'demo']])}`, /^Trends$/],
  [`/doorlooptijden?${q([['stap', 'opname-opname'], ['cohort', '1e308'], ['klaar', '%']])}`, /^Doorlooptijden$/],
  [`/doorlooptijden?${q([['stap', html], ['fase', '-'], ['oud', '2022-Q1'], ['bron', 'demo'], ['lang', 'en']])}`, /^Lead times$/],
  [`/gemeenten?${q([['sorteer', html], ['gemeente', 'GM0014,GM9999']])}`, /^Gemeenten$/],
  [`/gemeenten?${q([['sorteer', '-'], ['bron', 'demo'], ['dorp', long]])}`, /^Gemeenten$/],
  [`/gemeente/${encodeURIComponent(html)}`, /niet gevonden/],
  [`/gemeente/GM0014?${q([['van', '2021-01-01'], ['tot', '2021-01-01'], ['insluiten', 'x']])}`, /^Groningen$/],
  [`/gemeente/GM1979?${q([['bron', 'demo'], ['batch', 'null'], ['risico', ''], ['sorteer', 'a,b,c']])}`, /^Eemsdelta$/],
  [`/gemeente/GM0014/dorp/${encodeURIComponent(html)}?bron=demo`, /./],
  [`/gemeente/GM1979/dorp/%E2%80%BD/cluster/${encodeURIComponent(long)}?bron=demo`, /./],
  [`/gemeente/GM1979/dorp/x/cluster/y`, /./],
  // Regression: a deep link whose last part holds a dot (a cluster "Fase 2.1", a village "St. Annen")
  // looked like a file to the serve command's server and got a plain-text "not found" instead of
  // the app (scripts/serve-static.mjs).
  [`/gemeente/GM1979/dorp/St.%20Annen/cluster/Fase%202.1?bron=demo`, /^cluster Fase 2\.1 · St\. Annen$/],
  [`/data?${q([['bron', 'eigen'], ['lang', 'en'], ['insluiten', html]])}`, /^Data & sources$/],
  [`/over?${q([['sorteer', html], ['lang', 'EN']])}`, /^(Over|About)/],
];

for (const [width, half] of [[360, 0], [1280, 1]]) {
  test(`hand-edited and hostile addresses on every route at ${width}px: no panic, no console error, the view shown, values as text`, async () => {
    const { context, page, errors } = await openPage(browser, { width });
    for (const [address, h1] of ADDRESSES.filter((_, i) => i % 2 === half)) {
      await page.goto(`${BASE}${address}`);
      await waitForApp(page).catch((e) => { throw new Error(`${address}: ${e.message}`); });
      assert.equal(await page.locator('.panic-panel').count(), 0, `no error panel on ${address}`);
      assert.match((await page.textContent('main h1')).trim(), h1, address);
      assert.equal(await page.locator('img[src=x]').count(), 0, `a value is text, not HTML, on ${address}`);
      assert.equal(await page.evaluate(() => window.__hurt), undefined);
      assert.deepEqual(errors, [], address);
    }
    await context.close();
  });
}
