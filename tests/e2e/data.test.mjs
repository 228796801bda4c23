// End-to-end: the "Data & bronnen" page (/data) and "Over" (/over) — publications with links, the
// quality report, the archive download, loading a bronbestand and a publication file of one's own
// (rejected rows with line and column, rows read = accepted + rejected, the loaded-file notice on
// other views), refusing a file over the size limit, the demo button, both languages, 360 and
// 1280 px. The load benchmarks (27,790 and 1,000,000 rows) are in bench-bronbestand-load.test.mjs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, bigBronbestand, launch, openPage, waitForApp } from './browser.mjs';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const FIXTURES = path.join(ROOT, 'tests/e2e/fixtures');
const DEMO = path.join(ROOT, 'public/data/demo/bronbestand-demo.csv');

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** RFC 4180 records of a CSV text (quotes, doubled quotes, newlines inside quotes). */
function csvRecords(text) {
  const out = [];
  let rec = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { rec.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      rec.push(field); out.push(rec); rec = []; field = '';
    } else field += c;
  }
  if (field !== '' || rec.length) { rec.push(field); out.push(rec); }
  return out;
}

/** Observations in the bundled archive, counted from the files themselves. */
function observationCount() {
  const m = JSON.parse(fs.readFileSync(path.join(ROOT, 'public/data/manifest.json'), 'utf8'));
  return m.publications.reduce((n, p) => n + csvRecords(fs.readFileSync(path.join(ROOT, 'public/data', p.file), 'utf8')).length - 1, 0);
}

async function openData(page, query = '') {
  await page.goto(`${BASE}/data${query}`);
  await waitForApp(page);
  await page.waitForSelector('[data-testid=publications]');
}

async function noOverflow(page, what) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `${what}: page wider than the viewport by ${overflow}px`);
}

for (const width of [360, 1280]) {
  for (const lang of ['nl', 'en']) {
    test(`/data and /over render in ${lang} at ${width}px without console errors`, async () => {
      const { context, page, errors } = await openPage(browser, { width });
      await openData(page, lang === 'en' ? '?lang=en' : '');
      assert.equal(await page.locator('h1').count(), 1);
      assert.equal((await page.textContent('h1')).trim(), lang === 'en' ? 'Data & sources' : 'Data & bronnen');
      for (const id of ['coverage-table', 'quality-table', 'flags', 'drop-zone', 'demo-button']) {
        assert.equal(await page.locator(`[data-testid=${id}]`).count(), 1, id);
      }
      // The file picker has a visible label.
      assert.ok(await page.isVisible('label[for=eigen-bestand]'));
      assert.match(await page.textContent('[data-testid=privacy]'), lang === 'en' ? /sent nowhere/ : /nergens naartoe gestuurd/);
      await noOverflow(page, '/data');
      await page.goto(`${BASE}/over${lang === 'en' ? '?lang=en' : ''}`);
      // The app's page, not the static first paint that precedes it (same text, ncg prerender).
      await waitForApp(page);
      await page.waitForSelector('[data-testid=glossary]');
      assert.equal(await page.locator('h1').count(), 1);
      assert.ok((await page.locator('[data-testid=glossary] dt').count()) >= 25);
      // Every term has its own anchor (a review: "op norm" was the 19th term of a page without
      // one, and the footer's "Hoe wij rekenen" led to the top of /over).
      const ids = await page.$$eval('[data-testid=glossary] dt', (dts) => dts.map((d) => d.id));
      assert.equal(new Set(ids).size, ids.length, ids.join(' '));
      assert.ok(ids.includes('term-op-norm'), ids.join(' '));
      // Regression (review): Doorlooptijden's method note speaks of the 25th and 75th percentile and
      // the glossary did not explain the word; it does, under one anchor in both languages.
      assert.match(await page.textContent('#term-percentiel + dd'), lang === 'en' ? /^percentile: .*R type 7/ : /^de waarde waar .*R type 7/);
      assert.match(await page.getAttribute('footer a[href*="/over"]', 'href'), /#herleiden$/);
      assert.match(await page.textContent('main'), /EUPL-1\.2/);
      assert.match(await page.textContent('main'), lang === 'en' ? /Honesty rules/ : /Eerlijkheidsregels/);
      await noOverflow(page, '/over');
      assert.deepEqual(errors, [], 'console errors');
      await context.close();
    });
  }
}

test('the publications list shows at least 12 NCG publications with links, and the coverage counts every figure', async () => {
  const { context, page, errors } = await openPage(browser);
  await openData(page);
  const ncg = page.locator('[data-testid=publication][data-publisher^=NCG]');
  assert.ok((await ncg.count()) >= 12, `${await ncg.count()} NCG publications`);
  for (const href of await ncg.locator('[data-testid=publication-link]').evaluateAll((as) => as.map((a) => a.href))) {
    assert.match(href, /^https?:\/\//);
  }
  assert.equal(await ncg.locator('[data-testid=publication-link]').count(), await ncg.count(), 'every NCG publication has a link');
  assert.match(await page.textContent('[data-testid=publication][data-id=sodm-2020-09]'), /17 juli 2020.*2 september 2020/s);
  // A date known only as the latest possible day is not shown as the day of publication.
  assert.match(await page.textContent('[data-testid=publication][data-id=ncg-jaarverslag-2020]'), /Gepubliceerd: uiterlijk 7 juni 2021 \(de exacte datum is onbekend\)/);
  // Regression: a line reference ("L651", "seed 000 L564") pointed into a document a reader could
  // not open ("seeds/000_….txt", outside the site). The text version is deployed and linked, and
  // line 651 holds the figure cited for the caseload (26.716).
  const doc = await page.getAttribute('[data-testid=publication][data-id=sodm-2020-09] [data-testid=publication-document]', 'href');
  const res = await page.request.get(new URL(doc, page.url()).href);
  assert.equal(res.status(), 200, doc);
  assert.match((await res.text()).split('\n')[650], /26\.716/);
  // Every source document is linked, among them the minister's letter of 24 June 2026 that the
  // notice of the announced check cites (seed 004 L110: the group with consequences is small).
  const docs = page.locator('[data-testid=documents] a');
  assert.equal(await docs.count(), 5);
  const letter = await docs.nth(4).getAttribute('href');
  assert.match(await docs.nth(4).textContent(), /^004 – Kamerbrief/);
  const lres = await page.request.get(new URL(letter, page.url()).href);
  assert.equal(lres.status(), 200, letter);
  assert.match((await lres.text()).split('\n')[109], /ACVG aan dat deze groep klein is/);
  // Coverage: the footer sums to the number of observations.
  const sums = await page.$$eval('[data-testid=coverage-table] tr[data-key=alle] td.num', (tds) => tds.map((td) => Number(td.dataset.value)));
  assert.equal(sums.reduce((a, b) => a + b, 0), observationCount());
  // Regression: the documents' links had no rel="external", so the app's router took the click and
  // showed "Pagina niet gevonden" instead of the letter (fetching the address worked; clicking did
  // not). Every link to a data file leaves the app; clicking the letter's opens the text itself.
  const inApp = await page.$$eval('main a[href*="data/"]:not([rel~=external])', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(inApp, [], 'links to data files that the router would take');
  assert.deepEqual(errors, []);
  // (After this the browser shows a plain text file, and asks the host for a favicon it lacks.)
  await docs.nth(4).click();
  await page.waitForURL(/bronnen\/.*004.*\.txt$/);
  assert.match(await page.textContent('body'), /ACVG aan dat deze groep klein is/);
  await context.close();
});

test('the quality report shows the SodM revision of 2019-H1 (357 -> 875) and is never "fixed"', async () => {
  const { context, page } = await openPage(browser);
  await openData(page);
  const row = page.locator('[data-testid=quality-table] tr[data-series=beoordeling][data-period=\"2019-H1\"][data-key=Revision]');
  assert.equal(await row.count(), 1);
  const text = await row.textContent();
  assert.match(text, /Beoordeling gereed, 1e helft 2019: herzien van 357 in sodm-2020-01 naar 875 in sodm-2020-09 \(verschil \+518\)/);
  assert.match(text, /publicaties\/sodm-2020-09\.csv:\d+/);
  await page.goto(`${BASE}/data?lang=en`);
  await page.waitForSelector('[data-testid=quality-table]');
  assert.match(await page.textContent('[data-testid=quality-table] tr[data-series=beoordeling][data-period=\"2019-H1\"][data-key=Revision]'), /Assessment done, H1 2019: revised from 357 in sodm-2020-01 to 875 in sodm-2020-09 \(difference \+518\)/);
  await context.close();
});

test('the archive download is one CSV row per observation', async () => {
  const { context, page, errors } = await openPage(browser);
  await openData(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=archive-download]')]);
  assert.equal(download.suggestedFilename(), 'versterkingsmonitor-archief.csv');
  const file = await download.path();
  // A dataset for programs: plain UTF-8, no byte order mark in its first column's name.
  assert.ok(!fs.readFileSync(file, 'utf8').startsWith('\uFEFF'));
  const records = csvRecords(fs.readFileSync(file, 'utf8'));
  const header = records[0];
  for (const col of ['publication', 'peildatum', 'publisher', 'quoted_by', 'title', 'url', 'measure', 'label_nl', 'period', 'gemeente', 'value', 'flag', 'source', 'note']) {
    assert.ok(header.includes(col), `column ${col}`);
  }
  assert.equal(records.length - 1, observationCount());
  const at = (r, c) => r[header.indexOf(c)];
  const hit = records.find((r) => at(r, 'publication') === 'sodm-2020-09' && at(r, 'measure') === 'beoordeling' && at(r, 'period') === '2019-H1' && at(r, 'risicoprofiel') === '');
  assert.equal(at(hit, 'value'), '875');
  // Figures known only from a quotation say who quoted them, apart from whose figures they are.
  const quoted = records.find((r) => at(r, 'publication') === 'ncg-2021-07-31');
  assert.deepEqual([at(quoted, 'publisher'), at(quoted, 'quoted_by')], ['NCG', 'RTV Noord']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bronbestand loaded with the picker: rejected rows with line and column, rows read = accepted + rejected, every view switches', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360 });
  await openData(page, '?lang=nl');
  await page.setInputFiles('[data-testid=file-input]', path.join(FIXTURES, 'bronbestand-klein.csv'));
  await page.waitForSelector('[data-testid=own-ready]');
  const balance = page.locator('[data-testid=active-set] [data-testid=rows-balance]');
  assert.equal(await balance.getAttribute('data-read'), '37');
  assert.equal(await balance.getAttribute('data-accepted'), '31');
  assert.equal(await balance.getAttribute('data-rejected'), '6');
  assert.match(await balance.textContent(), /Gelezen: 37 rijen = 31 geaccepteerd \+ 6 afgewezen/);
  // Every rejected row with its line, column and reason. The column is the field's number and
  // name (it was the character in the line: "7" for the gemeente, the second of 22 columns).
  const rows = await page.$$eval('[data-testid=active-set] [data-testid=rejected-table] tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  assert.equal(rows.length, 6);
  assert.deepEqual(rows[0].slice(0, 2), ['12', '2 (gemeente)']);
  assert.match(rows[0][2], /onbekende gemeente 'GM9999'/);
  assert.ok(rows.some(([line, , why]) => line === '23' && /2020-02-30/.test(why)));
  // (A duplicate says what it is a duplicate of: "dubbel adres", where it said "dubbele sleutel".)
  assert.ok(rows.some(([line, col, why]) => line === '37' && col === '1 (id)' && /dubbel adres T0001 \(eerder op regel 2\)/.test(why)));
  // The full list as a download.
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=active-set] [data-testid=rejected-download]')]);
  const listText = fs.readFileSync(await dl.path(), 'utf8');
  // Regression: without a byte order mark Excel read the list in the old code page ("â€“").
  assert.ok(listText.startsWith('\uFEFF'), 'a CSV for a spreadsheet starts with a byte order mark');
  const list = csvRecords(listText);
  assert.equal(list.filter((r) => r[3] === 'fout').length, 6);
  // The URL and the notice say the own file is active, on this view and the others.
  assert.ok(page.url().includes('bron=eigen'));
  const notice = page.locator('[data-testid=own-file-notice]');
  assert.equal(await notice.getAttribute('data-addresses'), '31');
  assert.match(await notice.textContent(), /bronbestand-klein\.csv \(31 adressen\).*geen gepubliceerde cijfers/s);
  // Figures from the file: addresses per gemeente (Delfzijl's old code harmonised to Eemsdelta).
  assert.equal(await page.getAttribute('[data-testid=per-gemeente] tr[data-key=GM1979] td', 'data-value'), '13');
  assert.equal(await page.getAttribute('[data-testid=per-gemeente] tr[data-key=GM0014] td', 'data-value'), '8');
  await noOverflow(page, '/data with a file');
  // The file is offered in the views that show it, not in Trends (published figures only).
  assert.deepEqual(await page.$$eval('[data-testid=active-set] p a', (as) => as.map((a) => new URL(a.href).pathname)), ['/gemeenten', '/doorlooptijden']);
  await page.click('[data-testid=active-set] a[href^="/gemeenten"]');
  await page.waitForFunction(() => location.pathname === '/gemeenten');
  assert.ok(page.url().includes('bron=eigen'));
  assert.equal(await page.getAttribute('[data-testid=own-file-notice]', 'data-addresses'), '31');
  // Regression: Trends shows only published figures, yet the notice said "U bekijkt uw eigen
  // bestand … Dit zijn geen gepubliceerde cijfers" above them. There it says the file is loaded
  // and that this page shows published figures only.
  await page.click('.site-nav a[href^="/trends"]');
  await page.waitForFunction(() => location.pathname === '/trends');
  assert.ok(page.url().includes('bron=eigen'));
  const elsewhere = await page.textContent('[data-testid=own-file-notice]');
  assert.match(elsewhere, /Uw eigen bestand bronbestand-klein\.csv \(31 adressen\) is geladen\. Deze pagina toont alleen gepubliceerde cijfers/);
  assert.doesNotMatch(elsewhere, /U bekijkt|geen gepubliceerde cijfers/);
  // Closing the file removes the notice and the data source from the URL.
  await page.click('[data-testid=own-file-close]');
  await page.waitForFunction(() => !document.querySelector('[data-testid=own-file-notice]'));
  assert.ok(!page.url().includes('bron='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('in English the load report says the same', async () => {
  const { context, page, errors } = await openPage(browser);
  await openData(page, '?lang=en');
  // The publications' titles are Dutch, as published: marked so on the English page (WCAG 3.1.2,
  // language of parts); the interface around them is English. Their notes are shown in our
  // translation (vertalingen.csv), said to be ours, in English.
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('[data-testid=publication] h3', 'lang'), 'nl');
  const note = page.locator('[data-testid=publication][data-id=eemsdelta-2023-02-15] [data-testid=publication-notes]');
  assert.equal(await note.getAttribute('lang'), 'en');
  assert.match(await note.textContent(), /^Text version of the infographic\. Reference date = date of the council decision/);
  assert.match(await page.textContent('[data-testid=publication][data-id=eemsdelta-2023-02-15] summary'), /Notes \(our translation from Dutch\)/);
  await page.setInputFiles('[data-testid=file-input]', path.join(FIXTURES, 'bronbestand-klein.csv'));
  await page.waitForSelector('[data-testid=own-ready]');
  assert.match(await page.textContent('[data-testid=active-set] [data-testid=rows-balance]'), /Read: 37 rows = 31 accepted \+ 6 rejected/);
  assert.match(await page.textContent('[data-testid=active-set] [data-testid=rejected-table]'), /unknown gemeente 'GM9999'/);
  assert.match(await page.textContent('[data-testid=own-file-notice]'), /your own file bronbestand-klein\.csv \(31 addresses\)/);
  // After a reload the file is gone (it lived only in memory): the notice says so.
  await page.reload();
  await waitForApp(page);
  await page.waitForSelector('[data-testid=own-file-notice]');
  assert.match(await page.textContent('[data-testid=own-file-notice]'), /no longer loaded/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a canonical publication file is checked against the archive', async () => {
  const { context, page, errors } = await openPage(browser);
  await openData(page);
  await page.setInputFiles('[data-testid=file-input]', path.join(FIXTURES, 'publicatie-controle.csv'));
  await page.waitForSelector('[data-testid=pubcheck]');
  const b = page.locator('[data-testid=pubcheck] [data-testid=rows-balance]');
  assert.equal(await b.getAttribute('data-read'), '11');
  assert.equal(await b.getAttribute('data-accepted'), '10');
  assert.equal(await b.getAttribute('data-rejected'), '1');
  assert.match(await page.textContent('[data-testid=pubcheck-findings]'), /Werkvoorraad, 31 december 2024: herzien van 27\.713 in ncg-2024-12-31 naar 27\.700 in eigen-publicatie \(verschil -13\)/);
  assert.deepEqual(await page.$$eval('[data-testid=pubcheck] [data-testid=rejected-table] tbody tr > :first-child', (tds) => tds.map((td) => td.textContent.trim())), ['12']);
  // A publication file does not change the address data.
  assert.ok(!page.url().includes('bron='));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a file over the size limit is refused before it is read (picker and drop zone)', async () => {
  const { context, page, errors } = await openPage(browser);
  await openData(page);
  // A 263 MB file made of one 1 MB block repeated: File.size is real, nothing is generated.
  for (const via of ['change', 'drop']) {
    await page.evaluate((via) => {
      const block = new Uint8Array(1 << 20);
      const file = new File(Array(251).fill(block), 'te-groot.csv', { type: 'text/csv' });
      const dt = new DataTransfer();
      dt.items.add(file);
      if (via === 'change') {
        const input = document.querySelector('[data-testid=file-input]');
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        document.querySelector('[data-testid=drop-zone]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      }
    }, via);
    await page.waitForSelector('[data-testid=load-refused]');
    assert.match(await page.textContent('[data-testid=load-refused]'), /te-groot\.csv is te groot \(263 MB; maximaal 250 MB\)/);
    assert.equal(await page.locator('[data-testid=load-progress]').count(), 0);
    await page.reload();
    await page.waitForSelector('[data-testid=drop-zone]');
  }
  assert.deepEqual(errors, []);
  await context.close();
});


test('loading a big file shows progress and can be stopped; nothing changes', async () => {
  const file = bigBronbestand(DEMO, 400000, path.join(os.tmpdir(), `versterkingsmonitor-400000-${process.pid}.csv`));
  const { context, page, errors } = await openPage(browser);
  try {
    await openData(page);
    await page.setInputFiles('[data-testid=file-input]', file);
    await page.waitForSelector('[data-testid=load-progress] progress');
    await page.click('[data-testid=load-cancel]');
    await page.waitForSelector('[data-testid=load-cancelled]');
    assert.match(await page.textContent('[data-testid=load-cancelled]'), /is gestopt\. Er is niets veranderd/);
    await page.waitForTimeout(500);
    assert.equal(await page.locator('[data-testid=own-ready]').count(), 0);
    assert.ok(!page.url().includes('bron='));
    assert.deepEqual(errors, []);
  } finally {
    fs.rmSync(file, { force: true });
    await context.close();
  }
});

test('the demo button switches to the synthetic demo and explains its calibration', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360 });
  await openData(page);
  assert.match(await page.textContent('[data-testid=demo-calibration]'), /SodM tabel 2\.1/);
  await page.click('[data-testid=demo-button]');
  await page.waitForSelector('[data-testid=demo-active]');
  assert.ok(page.url().includes('bron=demo'));
  assert.equal(await page.locator('[data-testid=demo-banner]').count(), 1);
  await page.waitForSelector('[data-testid=active-set] [data-testid=rows-balance]', { timeout: 30000 });
  const b = page.locator('[data-testid=active-set] [data-testid=rows-balance]');
  assert.equal(await b.getAttribute('data-read'), '27790');
  assert.equal(await b.getAttribute('data-accepted'), '27790');
  assert.deepEqual(errors, []);
  await context.close();
});

// Regressions: two files a resident is likely to have made in Excel said too little. A bronbestand
// saved as CSV by Excel in Dutch (semicolons) was an "onbekend soort bestand" with its header
// repeated; a file with only its header was "kon niet worden gebruikt" over "0 rijen" and
// "Geen regels afgewezen", without a reason.
test('a semicolon CSV from Dutch Excel and a file with only a header say what is wrong and what to do', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360 });
  await openData(page);
  const header = fs.readFileSync(DEMO, 'utf8').split('\n')[0];
  const file = (name, text) => ({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.setInputFiles('[data-testid=file-input]', file('excel.csv', `${header.replaceAll(',', ';')}\r\nA1;GM0014\r\n`));
  await page.waitForSelector('[data-testid=load-failed]');
  assert.match(await page.textContent('[data-testid=load-failed]'), /excel\.csv, regel 1, teken 3: fout: kolommen gescheiden door puntkomma's, zoals Excel in het Nederlands CSV opslaat; sla het op als ‘CSV UTF-8 \(door komma's gescheiden\)’/);
  await page.setInputFiles('[data-testid=file-input]', file('kop.csv', `${header}\n`));
  await page.waitForSelector('[data-testid=no-rows-reason]');
  assert.equal(await page.textContent('[data-testid=no-rows-reason]'), 'Het bestand heeft een kopregel maar geen regels daaronder: er staan geen adressen in.');
  // Regression: the archive's own maten.csv was an "onbekend soort bestand … (verwacht
  // manifest.json, maten.csv, …)"; this page loads only a bronbestand or a publication file.
  await page.setInputFiles('[data-testid=file-input]', file('maten.csv', fs.readFileSync(path.join(ROOT, 'public/data/maten.csv'), 'utf8')));
  await page.waitForFunction(() => /maten\.csv, een van de eigen bestanden/.test(document.querySelector('[data-testid=load-failed]')?.textContent ?? ''));
  assert.doesNotMatch(await page.textContent('[data-testid=load-failed]'), /verwacht manifest\.json/);
  assert.deepEqual(errors, []);
  await context.close();
});
