// End-to-end: a page on paper (council members print their gemeente for a meeting).
// Regression: printing showed no data table and no method under any chart (a closed <details>
// hides its content from print as well), drew the charts as the screen's bitmap, cut off the
// tables' last column, and did not say when and from where the page was printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BASE, launch, openPage, waitForApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Open `path`, then switch to print media and fire `beforeprint`, as the browser does when printing. */
async function printPreview(page, path) {
  await page.goto(`${BASE}${path}`);
  await waitForApp(page);
  await page.waitForSelector('figure.chart canvas[data-draws]');
  await page.waitForSelector('figure.chart details.chart-table table', { state: 'attached' });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
}

test('print: a gemeente page prints its chart as vectors, with table, method, source and print stamp', async () => {
  const { context, page, errors } = await openPage(browser);
  await printPreview(page, '/gemeente/GM1979');
  const figure = page.locator('figure.chart').first();
  // The chart as SVG, with its axis texts as text; the canvas is not printed.
  assert.ok(await figure.locator('.chart-print svg').isVisible(), 'vector picture on paper');
  assert.equal(await figure.locator('.chart-plot').isVisible(), false, 'no screen bitmap on paper');
  assert.match(await figure.locator('.chart-print svg').textContent(), /20\.000/);
  // The table and the method, closed on screen, are on paper.
  assert.ok(await figure.locator('details.chart-table table').isVisible(), 'table on paper');
  assert.match(await figure.locator('details.chart-table table').textContent(), /15\.815/);
  assert.ok(await figure.locator('details.chart-method p').isVisible(), 'method on paper');
  assert.equal(await figure.locator('details.chart-table summary').isVisible(), false, 'no toggles on paper');
  // The table fits the page: nothing cut off at its right edge.
  const fits = await figure.locator('details.chart-table').evaluate((d) => {
    const t = d.querySelector('table');
    return t.getBoundingClientRect().right <= d.closest('main').getBoundingClientRect().right + 1;
  });
  assert.ok(fits, 'table inside the page');
  // When and from where it was printed.
  const stamp = page.locator('[data-testid=printed-from]');
  assert.ok(await stamp.isVisible());
  assert.match(await stamp.textContent(), /^Afgedrukt op \d{1,2} [a-z]+ \d{4} van http:\/\/127\.0\.0\.1:\d+\/gemeente\/GM1979/);
  // After printing the pictures are removed again; the screen is as before.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await figure.locator('.chart-print').innerHTML(), '');
  assert.ok(await figure.locator('.chart-plot canvas').isVisible());
  assert.equal(await stamp.isVisible(), false, 'the stamp is for paper only');
  assert.deepEqual(errors, []);
  await context.close();
});

test('print: a long table not opened gives way to a note; opened, it is printed (English)', async () => {
  const { context, page, errors } = await openPage(browser);
  await printPreview(page, '/trends?lang=en');
  const long = page.locator('figure.chart:has(.table-print-note)').first();
  assert.ok(await long.count(), 'Trends has a chart with a long table');
  assert.equal(await long.locator('details.chart-table table').isVisible(), false);
  assert.match(await long.locator('.table-print-note').textContent(), /^The table of this chart has \d+ rows and is not printed\./);
  // Every chart on the page is drawn for paper.
  const charts = await page.locator('figure.chart').count();
  assert.equal(await page.locator('figure.chart .chart-print svg').count(), charts);
  assert.match(await page.textContent('[data-testid=printed-from]'), /^Printed on \d{1,2} [A-Z][a-z]+ \d{4} from /);
  // Opened on screen, the long table is printed, without the note.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.emulateMedia({ media: 'screen' });
  await long.locator('details.chart-table summary').click();
  await page.emulateMedia({ media: 'print' });
  assert.ok(await long.locator('details.chart-table table').isVisible());
  assert.equal(await long.locator('.table-print-note').isVisible(), false);
  // A real print to PDF goes through without errors.
  const pdf = await page.pdf({ format: 'A4' });
  assert.ok(pdf.length > 10000, `PDF of ${pdf.length} bytes`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: the Overzicht printed "Hoe is dit berekend?" and "Wat wordt er gecontroleerd?" as
// bare lines, without what they open onto (only the details under a chart were opened on paper).
test('print: the Overzicht prints its methods and what the announced check is about', async () => {
  const { context, page, errors } = await openPage(browser);
  await printPreview(page, '/');
  const method = page.locator('[data-testid=answer-method]').first();
  const check = page.locator('[data-testid=check-notice] details p').first();
  assert.ok(await method.isVisible(), 'the method on paper');
  assert.ok(await check.isVisible(), 'what is checked, on paper');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await method.isVisible(), false, 'closed on screen');
  assert.equal(await check.isVisible(), false, 'closed on screen');
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: on A4 the demo gemeente page printed its charts two by two, and the tables under them
// ("Werkvoorraad per fase en per risicoprofiel") ran past the page's edge ("5 plan en bo…", no
// "6 afgerond") and over the neighbouring chart's source line. On paper every table lies inside its
// own chart and the page.
test('print: on an A4 page every table of a demo gemeente page fits its chart and the page', async () => {
  const { context, page, errors } = await openPage(browser, { width: 720, height: 1000 });
  await page.goto(`${BASE}/gemeente/GM1979?bron=demo`);
  await waitForApp(page);
  await page.waitForSelector('[data-testid=dorpen-table]', { timeout: 120000 });
  await page.waitForSelector('figure.chart canvas[data-draws]');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const over = await page.$$eval('figure.chart', (figs) => figs.flatMap((f) => {
    const t = f.querySelector('details.chart-table table');
    if (!t || !t.getClientRects().length) return [];
    const fr = f.getBoundingClientRect();
    const tr = t.getBoundingClientRect();
    const main = document.querySelector('main').getBoundingClientRect();
    return tr.right > Math.min(fr.right, main.right) + 1 ? [`${f.dataset.chart}: ${Math.round(tr.right)} > ${Math.round(fr.right)}`] : [];
  }));
  assert.deepEqual(over, []);
  // Regression: the charts were drawn for a 340 px column and scaled to the page: the batch chart
  // (15 groups) grew to ~1.240 px, taller than an A4 page, and was printed over its own table.
  // Every printed picture is at most 24 cm (907 px) tall.
  const tall = await page.$$eval('figure.chart .chart-print svg', (svgs) => svgs
    .map((s) => [s.closest('figure').dataset.chart, Math.round(s.getBoundingClientRect().height)])
    .filter(([, h]) => h > 907 || h < 50));
  assert.deepEqual(tall, []);
  assert.ok(await page.locator('figure[data-chart=uitsplitsing-batch] .chart-print svg').count(), 'the batch chart is printed');
  // Regression: "Werkvoorraad per fase en per eigenaar in Eemsdelta (tabel)" was printed alone at
  // the foot of page 5, its table on page 6. Every caption keeps with its table's first rows.
  const loose = await page.$$eval('caption', (cs) => cs.filter((c) => getComputedStyle(c).breakAfter !== 'avoid').map((c) => c.textContent.slice(0, 60)));
  assert.deepEqual(loose, []);
  assert.deepEqual(errors, []);
  await context.close();
});


/** The text of every page of a PDF (pdftotext, Debian's poppler-utils; scripts/setup.sh installs it). */
function pdfPages(pdf) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'print-'));
  const file = path.join(dir, 'page.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8');
  fs.rmSync(dir, { recursive: true, force: true });
  // pdftotext ends every page with a form feed.
  return text.split('\f').slice(0, -1);
}

const DEMO_MARK = 'SYNTHETISCHE DEMO — GEEN ECHTE CIJFERS';

// Regression: printing a demo dorp (/gemeente/GM1979/dorp/Loppersum?bron=demo) gave 15 A4 pages,
// and the pages with only the clusters' and streets' tables had no mark of the demonstration (the
// caption that says "synthetisch" is on a table's first page only). Every page now carries the
// mark at its top, in room kept free for it; a page of published figures has none.
test('print: every page of a demo page carries the demonstration mark; published pages do not', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${BASE}/gemeente/GM1979/dorp/Loppersum?bron=demo`);
  await waitForApp(page);
  await page.waitForSelector('[data-testid=clusters-table]', { timeout: 120000 });
  await page.waitForSelector('figure.chart canvas[data-draws]');
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  const mark = page.locator('[data-testid=demo-print-mark]');
  assert.equal((await mark.textContent()).trim(), DEMO_MARK);
  // The mark is repeated on every page (fixed) and never over the content: the page keeps room
  // for it at its top (the body's padding, repeated on every page).
  const room = await page.evaluate(() => {
    const m = document.querySelector('[data-testid=demo-print-mark]');
    const b = getComputedStyle(document.body);
    return { position: getComputedStyle(m).position, height: m.getBoundingClientRect().height, pad: parseFloat(b.paddingTop), clone: b.boxDecorationBreak || b.webkitBoxDecorationBreak };
  });
  assert.equal(room.position, 'fixed');
  assert.equal(room.clone, 'clone');
  assert.ok(room.height > 5 && room.height < room.pad, `the mark (${room.height}px) fits its room (${room.pad}px)`);
  const pages = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(pages.length > 5, `a long demo page: ${pages.length} pages`);
  const without = pages.map((p, i) => (p.includes(DEMO_MARK) ? 0 : i + 1)).filter((n) => n);
  assert.deepEqual(without, [], 'pages without the demonstration mark');
  // The same page in English.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`${BASE}/gemeente/GM1979/dorp/Loppersum?bron=demo&lang=en`);
  await waitForApp(page);
  await page.waitForSelector('[data-testid=clusters-table]', { timeout: 120000 });
  await page.emulateMedia({ media: 'print' });
  assert.equal((await mark.textContent()).trim(), 'SYNTHETIC DEMO — NOT REAL FIGURES');
  assert.ok(await mark.isVisible());
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await mark.isVisible(), false, 'on paper only');
  // Published figures: no mark, on the gemeente page and on Trends with the demonstration on
  // (Trends shows only published figures).
  for (const p of ['/gemeente/GM1979', '/trends?bron=demo']) {
    await page.goto(`${BASE}${p}`);
    await waitForApp(page);
    assert.equal(await page.locator('[data-testid=demo-print-mark]').count(), 0, p);
  }
  await page.goto(`${BASE}/gemeente/GM1979`);
  await waitForApp(page);
  await page.emulateMedia({ media: 'print' });
  const published = pdfPages(await page.pdf({ format: 'A4' }));
  assert.ok(published.length >= 1);
  assert.equal(published.filter((p) => p.includes(DEMO_MARK) || p.includes('SYNTHETIC')).length, 0, 'no mark on published figures');
  assert.equal(await page.evaluate(() => parseFloat(getComputedStyle(document.body).paddingTop)), 0, 'no room kept without the mark');
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: paper showed what only works on a screen: "Download tabel (CSV)", "Klik op een
// kolomkop om te sorteren", the select boxes of Trends with their labels ("Stap in het proces"
// alone on the page), a closed toggle's line ("▸ Alle aantallen zoals gepubliceerd of bekend").
// A heading or caption is kept with what follows it, and the footer is printed whole.
test('print: no downloads, sort hint, fields or closed toggles on paper; headings keep with what follows', async () => {
  const { context, page, errors } = await openPage(browser);
  const hidden = (sel) => page.$$eval(sel, (els) => els.filter((e) => e.getClientRects().length).map((e) => e.outerHTML.slice(0, 80)));
  await page.goto(`${BASE}/gemeenten`);
  await waitForApp(page);
  await page.emulateMedia({ media: 'print' });
  assert.deepEqual(await hidden('main button:not(.sort-button), main .button, main p.no-print, .share-button, .lang-switch'), []);
  assert.equal(await page.locator('th .sort-button').first().isVisible(), true, 'the column headers stay');
  assert.equal(await page.getByText('Klik op een kolomkop').isVisible(), false);
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.getByText('Klik op een kolomkop').isVisible(), true, 'the hint is on screen');
  await printPreview(page, '/trends');
  assert.deepEqual(await hidden('main select, main label:has(select), main .chart-actions, main .chart-embed, #stroom-aantallen'), []);
  assert.ok(await page.locator('.filter-panel > summary').isVisible(), 'the selection line stays');
  const loose = await page.$$eval('main h2, main h3, main caption', (hs) => hs.filter((h) => getComputedStyle(h).breakAfter !== 'avoid').map((h) => h.textContent.slice(0, 40)));
  assert.deepEqual(loose, []);
  assert.equal(await page.$eval('.site-footer', (f) => getComputedStyle(f).breakInside), 'avoid');
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: Doorlooptijden printed on A4 with the browser's usual margins (1 cm) put the page's
// footer (source, latest publication, date of printing) alone on a fifth page: it did not fit under
// the last section, and it is never split. On paper it is set small and close under the content;
// the last page holds more than the footer, with and without margins.
test('print: the footer is not alone on the last page (Doorlooptijden, A4)', async () => {
  const { context, page, errors } = await openPage(browser);
  await printPreview(page, '/doorlooptijden');
  const footer = (await page.locator('.site-footer').innerText()).replace(/\s+/g, ' ').trim();
  assert.match(footer, /Afgedrukt op/);
  for (const margin of ['1cm', '0']) {
    const pages = pdfPages(await page.pdf({ format: 'A4', margin: { top: margin, bottom: margin, left: margin, right: margin } }));
    const last = pages.at(-1).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l);
    const other = last.filter((l) => !footer.includes(l));
    assert.ok(other.length > 0, `margin ${margin}: the last of ${pages.length} pages holds only the footer: ${JSON.stringify(last)}`);
    assert.ok(last.some((l) => l.startsWith('Afgedrukt op')), `margin ${margin}: the footer is on the last page`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: printed on A4 the Gemeenten table broke its dates inside their cells ("15-02-" on one
// line, "2023*" on the next; "31-12-" over "2025" on the demonstration), as the print style let
// every number cell of a drill-down table wrap. Dates, numbers and their marks ("≈ 5.000", "32%")
// now stay on one line on paper, and the table still fits the page: published and demonstration,
// Dutch and English (the demonstration has six fase columns more).
test('print: the Gemeenten table keeps its dates and numbers on one line and fits an A4 page', async () => {
  const { context, page, errors } = await openPage(browser, { width: 720, height: 1000 });
  for (const q of ['', '?lang=en', '?bron=demo', '?bron=demo&lang=en']) {
    await page.goto(`${BASE}/gemeenten${q}`);
    await waitForApp(page);
    await page.waitForSelector('[data-testid=gemeenten-table]', { timeout: 120000 });
    await page.emulateMedia({ media: 'print' });
    const r = await page.$eval('[data-testid=gemeenten-table]', (box) => {
      // The lines a cell's text takes: the distinct tops of its text's boxes.
      const lines = (c) => { const rg = document.createRange(); rg.selectNodeContents(c); return new Set([...rg.getClientRects()].map((x) => Math.round(x.top))).size; };
      const cells = [...box.querySelectorAll('tbody td.num')].filter((c) => c.textContent.trim());
      // The pace ("394 t/m 2024") may break after its number; nothing else.
      const pace = (c) => c === c.parentElement.lastElementChild.previousElementSibling;
      return {
        dates: cells.filter((c) => /\d{4}/.test(c.textContent) && c === c.parentElement.querySelector('td')).map((c) => [c.textContent, lines(c)]),
        broken: cells.filter((c) => !pace(c) && lines(c) > 1).map((c) => c.textContent),
        room: box.clientWidth,
        wide: box.scrollWidth,
        right: box.querySelector('table').getBoundingClientRect().right,
        page: document.querySelector('main').getBoundingClientRect().right,
      };
    });
    assert.ok(r.dates.length >= 5, `/gemeenten${q}: dates ${JSON.stringify(r.dates)}`);
    assert.deepEqual(r.dates.filter(([, n]) => n !== 1), [], `/gemeenten${q}: a date on more than one line`);
    assert.deepEqual(r.broken, [], `/gemeenten${q}: numbers broken over lines`);
    assert.ok(r.wide <= r.room && r.right <= r.page + 1, `/gemeenten${q}: table ${r.wide}px in ${r.room}px`);
    await page.emulateMedia({ media: 'screen' });
  }
  assert.deepEqual(errors, []);
  await context.close();
});

/** The text of the footer as printed (with the print stamp, written when printing starts). */
async function footerText(page) {
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  return (await page.locator('.site-footer').innerText()).replace(/\s+/g, ' ').trim();
}

// Regression: printed on A4 a gemeente page ended on a page with only its footer (Het Hogeland
// with the browser's usual margins of 1 cm; the demonstration's Eemsdelta and Het Hogeland) or with
// the last two lines of a paragraph: its tables, tiles, paragraphs and charts took more room on
// paper than they needed. The last page holds at least three lines of the page's own content
// besides the footer and the demonstration's mark, in both languages, at 1 cm and 0 margins.
test('print: a gemeente page does not end on a page with only its footer or a line or two (A4)', async () => {
  const { context, page, errors } = await openPage(browser);
  for (const path of ['/gemeente/GM1979', '/gemeente/GM1979?lang=en', '/gemeente/GM1966', '/gemeente/GM1966?lang=en',
    '/gemeente/GM1979?bron=demo', '/gemeente/GM1979?bron=demo&lang=en', '/gemeente/GM1966?bron=demo', '/gemeente/GM1966?bron=demo&lang=en']) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${BASE}${path}`);
    await waitForApp(page);
    if (path.includes('demo')) await page.waitForSelector('[data-testid=dorpen-table]', { timeout: 120000 });
    await page.waitForSelector('figure.chart canvas[data-draws]');
    await page.emulateMedia({ media: 'print' });
    const footer = await footerText(page);
    for (const margin of ['1cm', '0']) {
      const pages = pdfPages(await page.pdf({ format: 'A4', margin: { top: margin, bottom: margin, left: margin, right: margin } }));
      const last = pages.at(-1).split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l);
      assert.ok(last.some((l) => /^(Afgedrukt op|Printed on)/.test(l)), `${path}, margin ${margin}: the footer is on the last page`);
      const own = last.filter((l) => !footer.includes(l) && !/^SYNTHE(TISCHE|TIC) DEMO/.test(l));
      assert.ok(own.length >= 3, `${path}, margin ${margin}: the last of ${pages.length} pages holds only ${JSON.stringify(own)} besides the footer`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: on paper the Gemeenten chart's table broke its dates in their cells ("≈ 14.500
// (15-02-" on one line, "2023, benadering in bron)" on the next; "(15 Feb" over "2023, …" in
// English); the comparison table under it kept them whole, the chart's table did not. Every short
// date in a table cell is a span kept on one line; on an A4 page (190 mm of text, 718 px) none
// wraps, and the table still fits the page.
test('print: the Gemeenten chart\'s table keeps its dates on one line and fits an A4 page', async () => {
  const { context, page, errors } = await openPage(browser, { width: 718, height: 1000 });
  for (const q of ['', '?lang=en']) {
    await page.emulateMedia({ media: 'screen' });
    await page.goto(`${BASE}/gemeenten${q}`);
    await waitForApp(page);
    await page.waitForSelector('[data-chart=gemeenten-overzicht] details.chart-table table', { state: 'attached' });
    await page.emulateMedia({ media: 'print' });
    const r = await page.$eval('[data-chart=gemeenten-overzicht] details.chart-table', (box) => {
      const lines = (n) => { const rg = document.createRange(); rg.selectNodeContents(n); return new Set([...rg.getClientRects()].map((x) => Math.round(x.top))).size; };
      const table = box.querySelector('table');
      const cells = [...table.querySelectorAll('tbody td')];
      // The dates as the table writes them: "15-02-2023", "15 Feb 2023".
      const written = cells.flatMap((c) => c.textContent.match(/\d{2}-\d{2}-\d{4}|\d{1,2} [A-Z][a-z]{2} \d{4}/g) || []);
      const spans = [...table.querySelectorAll('td .date')];
      return {
        written,
        spans: spans.map((s) => s.textContent),
        broken: spans.filter((s) => lines(s) > 1).map((s) => `${s.parentElement.textContent} (${lines(s)} lines)`),
        nowrap: spans.every((s) => getComputedStyle(s).whiteSpace === 'nowrap'),
        room: box.clientWidth,
        wide: box.scrollWidth,
        right: table.getBoundingClientRect().right,
        page: document.querySelector('main').getBoundingClientRect().right,
      };
    });
    assert.ok(r.written.length >= 4, `/gemeenten${q}: dates in the chart's table: ${JSON.stringify(r.written)}`);
    assert.deepEqual(r.spans, r.written, `/gemeenten${q}: every date is kept whole`);
    assert.ok(r.nowrap, `/gemeenten${q}: a date's span does not wrap`);
    assert.deepEqual(r.broken, [], `/gemeenten${q}: a date over two lines`);
    assert.ok(r.wide <= r.room && r.right <= r.page + 1, `/gemeenten${q}: table ${r.wide}px in ${r.room}px`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: printed on A4 the demonstration's dorp page cut its clusters table off at the right
// (12 columns, 867 px on a page of 686 px of text; 774 px in English): on paper the whole page was
// shrunk or the last columns lost. Every table of the dorp page fits the page's text width, at
// 1 cm margins (718 px) and without margins (794 px), in both languages; its numbers stay on one
// line, its text columns wrap.
test('print: every table of a demo dorp page fits an A4 page, its numbers on one line', async () => {
  for (const width of [718, 794]) {
    const { context, page, errors } = await openPage(browser, { width, height: 1000 });
    for (const q of ['?bron=demo', '?bron=demo&lang=en']) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(`${BASE}/gemeente/GM1979/dorp/Loppersum${q}`);
      await waitForApp(page);
      await page.waitForSelector('[data-testid=clusters-table]', { timeout: 120000 });
      await page.emulateMedia({ media: 'print' });
      const r = await page.evaluate(() => {
        const lines = (n) => { const rg = document.createRange(); rg.selectNodeContents(n); return new Set([...rg.getClientRects()].map((x) => Math.round(x.top))).size; };
        const main = document.querySelector('main').getBoundingClientRect();
        const tables = [...document.querySelectorAll('main table')].filter((t) => t.getClientRects().length);
        const clusters = document.querySelector('[data-testid=clusters-table]');
        return {
          tables: tables.length,
          over: tables.filter((t) => t.parentElement.scrollWidth > t.parentElement.clientWidth || t.getBoundingClientRect().right > main.right + 1)
            .map((t) => `${t.caption?.textContent.slice(0, 40)}: ${Math.round(t.getBoundingClientRect().width)}px in ${t.parentElement.clientWidth}px`),
          page: document.documentElement.scrollWidth,
          columns: clusters.querySelectorAll('thead th').length,
          numbers: clusters.querySelectorAll('tbody td[data-value]').length,
          broken: [...clusters.querySelectorAll('tbody td[data-value]')].filter((c) => lines(c) > 1).map((c) => c.textContent),
        };
      });
      assert.ok(r.tables >= 4 && r.columns >= 12 && r.numbers > 100, `${q} at ${width}px: ${JSON.stringify(r)}`);
      assert.deepEqual(r.over, [], `${q} at ${width}px: tables wider than the page`);
      assert.equal(r.page, width, `${q} at ${width}px: the page is no wider than the paper`);
      assert.deepEqual(r.broken, [], `${q} at ${width}px: numbers over two lines`);
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Regression: the Overzicht printed on 7 A4 pages. Its three answers stood in the screen's grid,
// two columns on A4, and each is about a page long: the third ran down one half of two pages
// beside an empty half. An opened toggle ("Hoe is dit berekend?", "Wat wordt er
// gecontroleerd?") printed its disclosure marker ("▶"). On paper the answers follow one another
// at the page's full width, a toggle's line is a label without a marker, and the page takes at
// most 6 pages (5 without margins), in Dutch and English, with its methods, chart, tables and
// sources.
test('print: the Overzicht\'s answers run the full width of an A4 page, without toggle markers, on fewer pages', async () => {
  const { context, page, errors } = await openPage(browser);
  for (const q of ['', '?lang=en']) {
    await page.emulateMedia({ media: 'screen' });
    await printPreview(page, `/${q}`);
    const r = await page.evaluate(() => {
      const main = document.querySelector('main');
      const ms = getComputedStyle(main);
      const text = main.clientWidth - parseFloat(ms.paddingLeft) - parseFloat(ms.paddingRight);
      const cards = [...document.querySelectorAll('[data-testid=answer]')].map((c) => c.getBoundingClientRect());
      return {
        text,
        widths: cards.map((c) => Math.round(c.width)),
        stacked: cards.every((c, i) => i === 0 || c.top >= cards[i - 1].bottom),
        markers: [...main.querySelectorAll('summary')].filter((s) => s.getClientRects().length && getComputedStyle(s).listStyleType !== 'none').map((s) => s.textContent),
      };
    });
    assert.equal(r.widths.length, 3, `/${q}: three answers`);
    assert.ok(r.widths.every((w) => w >= r.text * 0.95), `/${q}: answers ${JSON.stringify(r.widths)} px wide in ${r.text} px of text`);
    assert.ok(r.stacked, `/${q}: the answers one under the other`);
    assert.deepEqual(r.markers, [], `/${q}: toggles printed with their marker`);
    // What a reader needs stays: the methods, the chart, the tables; the screen's controls go.
    assert.ok(await page.locator('[data-testid=answer-method]').first().isVisible(), `/${q}: the method`);
    assert.ok(await page.locator('figure.chart .chart-print svg').isVisible(), `/${q}: the chart`);
    assert.ok(await page.locator('#verschillen table').isVisible() && await page.locator('#laatste-cijfers table').isVisible(), `/${q}: the tables`);
    assert.deepEqual(await page.$$eval('main :is(button:not(.sort-button), select, .chart-actions, .chart-embed)', (els) => els.filter((e) => e.getClientRects().length).map((e) => e.outerHTML.slice(0, 60))), []);
    for (const [margin, most] of [['1cm', 6], ['0', 5]]) {
      const pages = pdfPages(await page.pdf({ format: 'A4', margin: { top: margin, bottom: margin, left: margin, right: margin } }));
      assert.ok(pages.length <= most, `/${q}, margin ${margin}: ${pages.length} pages (7 before)`);
      assert.ok(pages.at(-1).includes(q ? 'Printed on' : 'Afgedrukt op'), `/${q}, margin ${margin}: the footer on the last page`);
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: on A4 some tables were wider than the page's text (686 px at 1 cm margins), and
// Chromium then printed the whole page smaller: Trends' flows table (839 px: a source's address
// in one piece), Doorlooptijden's table of estimates (968 px: a window's months and "(oude
// definitie: …)" on one line) and Data & bronnen's coverage table (1709 px: every cell on one
// line). On every route, in both languages, at 1 cm margins (718 px) and without (794 px), no
// table, picture or pre is wider than the text, and nothing scrolls; the three tables are printed.
test('print: no table, picture or pre is wider than an A4 page\'s text on any route', async () => {
  const routes = [
    ['/', 'figure.chart canvas'],
    ['/trends', '[data-chart=trends-stroom] details.chart-table table'],
    ['/doorlooptijden', '[data-testid=overview] table'],
    ['/gemeenten', '[data-testid=gemeenten-table] table'],
    ['/gemeente/GM1979', 'main h1'],
    ['/gemeente/GM1895?bron=demo', '[data-testid=dorpen-table]'],
    ['/gemeente/GM1895/dorp/Winschoten?bron=demo', '[data-testid=clusters-table]'],
    ['/gemeente/GM1895/dorp/Winschoten/cluster/WSC-01?bron=demo', '[data-testid=alike]'],
    ['/data', '[data-testid=coverage-table] table'],
    ['/over', 'main h1'],
  ];
  const { context, page, errors } = await openPage(browser, { width: 718, height: 1000 });
  for (const [route, ready] of routes) {
    for (const lang of ['', 'lang=en']) {
      const path = lang ? `${route}${route.includes('?') ? '&' : '?'}${lang}` : route;
      await page.emulateMedia({ media: 'screen' });
      await page.setViewportSize({ width: 718, height: 1000 });
      await page.goto(`${BASE}${path}`);
      await waitForApp(page);
      await page.waitForSelector(ready, { state: 'attached', timeout: 120000 });
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
      for (const width of [718, 794]) {
        await page.setViewportSize({ width, height: 1000 });
        const r = await page.evaluate(() => {
          const main = document.querySelector('main');
          const ms = getComputedStyle(main);
          const right = main.getBoundingClientRect().right - parseFloat(ms.paddingRight);
          const shown = [...main.querySelectorAll('table, pre, figure, svg, img')].filter((e) => e.getClientRects().length && !e.closest('.sr-only'));
          const name = (e) => `${e.tagName.toLowerCase()} ${(e.querySelector?.('caption') || e.closest('figure') || e).textContent.trim().slice(0, 40)}`;
          return {
            page: document.documentElement.scrollWidth,
            over: shown.filter((e) => e.getBoundingClientRect().right > right + 1).map((e) => `${name(e)}: ${Math.round(e.getBoundingClientRect().right)} > ${Math.round(right)}`),
            scrolls: [...main.querySelectorAll('.table-scroll, .chart-table')].filter((b) => b.getClientRects().length && b.scrollWidth > b.clientWidth + 1).map((b) => `${name(b)}: ${b.scrollWidth}px in ${b.clientWidth}px`),
            printed: ['[data-chart=trends-stroom] details.chart-table table', '[data-testid=overview] table', '[data-testid=coverage-table] table'].filter((s) => document.querySelector(s)?.getClientRects().length),
            dropZone: !!document.querySelector('[data-testid=drop-zone]')?.getClientRects().length,
          };
        });
        const where = `${path} at ${width}px`;
        assert.equal(r.page, width, `${where}: the page is wider than the paper`);
        assert.deepEqual(r.over, [], `${where}: wider than the text`);
        assert.deepEqual(r.scrolls, [], `${where}: a table's box scrolls`);
        if (route === '/trends' || route === '/doorlooptijden' || route === '/data') assert.equal(r.printed.length, 1, `${where}: the table is printed`);
        assert.equal(r.dropZone, false, `${where}: the file box is a screen's`);
      }
    }
  }
  assert.deepEqual(errors, []);
  await context.close();
});
