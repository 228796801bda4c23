// End-to-end: a page on paper (council members print their gemeente for a meeting).
// Regression: printing showed no data table and no method under any chart (a closed <details>
// hides its content from print as well), drew the charts as the screen's bitmap, cut off the
// tables' last column, and did not say when and from where the page was printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
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

