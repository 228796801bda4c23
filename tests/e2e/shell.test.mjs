// End-to-end: the release build served on 127.0.0.1 — the first chart, deep links,
// language switch, data errors with retry, and the panic panel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { BASE, launch, openPage, waitForApp, inkedPixels } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Every route in both languages at 360 and 1280 px (one h1, <html lang>, no sideways scrolling, no
// console errors) is checked by a11y.test.mjs, which opens every route and drill-down level in
// those four ways anyway.

const ROUTES = ['/', '/trends', '/doorlooptijden', '/gemeenten', '/data', '/over'];

test('the first chart draws pixels, crisp on a HiDPI screen, and its table has the published numbers', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280, scale: 2 });
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  await page.waitForSelector('figure.chart canvas');
  const { w, cw } = await page.$eval('figure.chart canvas', (c) => ({ w: c.width, cw: c.clientWidth }));
  assert.equal(w, cw * 2, 'backing store = CSS width × devicePixelRatio');
  assert.ok((await inkedPixels(page)) > 5000, 'canvas has drawn content');
  const cell = page.locator('[data-testid=chart-table] tr[data-series=voldoet_norm][data-period="2024-12-31"] td.num');
  assert.equal(await cell.getAttribute('data-value'), '16596');
  assert.equal((await cell.textContent()).trim(), '16.596');
  const summary = await page.textContent('[data-testid=chart-summary]');
  assert.match(summary, /16\.596 van de 27\.713/);
  assert.match(await page.textContent('[data-testid=chart-source]'), /Bron: .*NCG/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('keyboard focus on the chart shows a tooltip and announces the value', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  await page.focus('.chart-plot');
  await page.keyboard.press('End');
  await page.waitForSelector('.tooltip');
  const live = await page.textContent('[data-testid=chart-live]');
  assert.match(live, /\d/);
  // Regression: the value's line repeated the series' name, so a screen reader heard
  // "Werkvoorraad: 31 december 2022, Werkvoorraad: 27.234 adressen, …". Each part once.
  for (const path of ['/', '/trends']) {
    if (path !== '/') { await page.goto(`${BASE}${path}`); await waitForApp(page); }
    for (let i = 0; i < 3; i++) {
      await page.focus('.chart-plot');
      await page.keyboard.press(i === 0 ? 'End' : 'ArrowLeft');
      await page.waitForSelector('.tooltip');
      const name = (await page.textContent('.tooltip strong')).trim();
      const said = await page.textContent('[data-testid=chart-live]');
      assert.equal(said.split(name).length - 1, 1, `${path}: "${name}" said once: ${said}`);
      assert.ok(said.startsWith(`${name}: `), said);
    }
  }
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  await page.focus('.chart-plot');
  await page.keyboard.press('End');
  await page.waitForSelector('.tooltip');
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('.tooltip').count(), 0);
  await context.close();
});

// Regression (review): focus on a time chart opened the tooltip of the last series at the newest
// date ("Voldoet aan de veiligheidsnorm" before "Werkvoorraad"); it starts on the first series there.
test('keyboard focus on a time chart starts at the newest point of its first series', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${BASE}/gemeente/GM1979`);
  await waitForApp(page);
  await page.waitForSelector('figure[data-chart=trend-GM1979] canvas');
  await page.focus('figure[data-chart=trend-GM1979] .chart-plot');
  await page.waitForSelector('figure[data-chart=trend-GM1979] .tooltip');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Werkvoorraad/);
  await page.keyboard.press('ArrowRight');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Voldoet aan de veiligheidsnorm/);
  // Regression (a third review): Up and Down did what Left and Right do. They now go to another
  // series (down the legend), to its point nearest the one shown.
  await page.keyboard.press('ArrowLeft');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Werkvoorraad/);
  const date = async () => (await page.textContent('figure[data-chart=trend-GM1979] .tooltip')).match(/\d{1,2} \w+ 20\d\d/)?.[0];
  const before = await date();
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Voldoet aan de veiligheidsnorm/);
  assert.equal(await date(), before, 'the same date on the next series');
  // (Eemsdelta's chart has two series: Down on the last one stays there.)
  await page.keyboard.press('ArrowDown');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Voldoet aan de veiligheidsnorm/);
  await page.keyboard.press('ArrowUp');
  assert.match(await page.textContent('figure[data-chart=trend-GM1979] .tooltip'), /Werkvoorraad/);
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: on a 360 px phone a tooltip of a point in the middle of a chart flipped to the left
// of it and started off the screen (left −25 px on the Trends flow chart: "…fgerond (NCG)"). Below
// 480 px a tooltip spans the chart, above or below its point.
test('on a phone every tooltip of a chart stays on the screen', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360, height: 740 });
  for (const path of ['/', '/trends']) {
    await page.goto(`${BASE}${path}`);
    await waitForApp(page);
    await page.focus('.chart-plot');
    await page.keyboard.press('Home');
    const seen = new Set();
    for (let i = 0; i < 40; i++) {
      await page.waitForSelector('.tooltip');
      const box = await page.$eval('.tooltip', (t) => {
        const [r, c] = [t.getBoundingClientRect(), t.parentElement.querySelector('canvas').getBoundingClientRect()];
        return { l: r.left, r: r.right, top: r.top, canvasBottom: c.bottom, text: t.textContent };
      });
      assert.ok(box.l >= 0 && box.r <= 360, `${path}: tooltip "${box.text.slice(0, 40)}" at ${Math.round(box.l)}–${Math.round(box.r)} px`);
      // Regression: spanning the chart at the point, the tooltip hid the bars and lines around
      // it. On a phone it stands under the chart.
      assert.ok(box.top >= box.canvasBottom, `${path}: tooltip "${box.text.slice(0, 40)}" under the chart (${Math.round(box.top)} px, chart ends at ${Math.round(box.canvasBottom)} px)`);
      seen.add(box.text);
      await page.keyboard.press('ArrowRight');
    }
    assert.ok(seen.size > 5, `${path}: walked ${seen.size} tooltips`);
  }
  // A tap on a touch screen: the same place.
  const touch = await browser.newContext({ viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true });
  const tp = await touch.newPage();
  await tp.goto(`${BASE}/trends`);
  await waitForApp(tp);
  await tp.locator('#stroom figure.chart canvas').scrollIntoViewIfNeeded();
  const c = await tp.locator('#stroom figure.chart canvas').boundingBox();
  await tp.mouse.click(c.x + c.width * 0.6, c.y + c.height * 0.5);
  await tp.waitForSelector('#stroom .tooltip');
  const t = await tp.locator('#stroom .tooltip').boundingBox();
  assert.ok(t.y >= c.y + c.height && t.x >= 0 && t.x + t.width <= 360, `a tapped point's tooltip under the chart: ${JSON.stringify({ t, c })}`);
  await touch.close();
  // A desktop keeps the tooltip beside its point, over the chart.
  const wide = await openPage(browser, { width: 1280 });
  await wide.page.goto(`${BASE}/trends`);
  await waitForApp(wide.page);
  await wide.page.focus('#stroom .chart-plot');
  await wide.page.waitForSelector('#stroom .tooltip');
  const d = await wide.page.$eval('#stroom .tooltip', (tip) => {
    const [r, cv] = [tip.getBoundingClientRect(), tip.parentElement.querySelector('canvas').getBoundingClientRect()];
    return { over: r.top < cv.bottom && r.bottom > cv.top, width: r.width };
  });
  assert.ok(d.over && d.width < 400, `desktop: beside the point, over the chart ${JSON.stringify(d)}`);
  // Regression (a task-based review): walking the bars with the keys, nothing in the picture said
  // which one was chosen, and the tooltip of a low bar, centred on it, ran below the chart and off
  // the screen. Every point is ringed where its tooltip says, and every tooltip ends within the
  // chart's picture (the canvas and its figure's caption above it).
  await wide.page.keyboard.press('Home');
  for (let i = 0; i < 30; i++) {
    await wide.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const m = await wide.page.$eval('#stroom .chart-plot', (plot) => {
      const [tip, mark, cv] = [plot.querySelector('.tooltip'), plot.querySelector('.tip-mark'), plot.querySelector('canvas')];
      if (!tip || !mark) return null;
      const [r, k, c] = [tip.getBoundingClientRect(), mark.getBoundingClientRect(), cv.getBoundingClientRect()];
      return { tipBottom: r.bottom, tipTop: r.top, onScreen: r.top >= 0 && r.bottom <= innerHeight + 1, canvasBottom: c.bottom, figTop: plot.closest('figure').getBoundingClientRect().top, mark: [k.left + k.width / 2, k.top + k.height / 2], inside: k.left >= c.left - 8 && k.right <= c.right + 8 && k.top >= c.top - 8 && k.bottom <= c.bottom + 8, text: tip.textContent.slice(0, 40) };
    });
    assert.ok(m, `point ${i}: a tooltip and its mark`);
    assert.ok(m.inside, `point ${i}: the mark on the chart ${JSON.stringify(m)}`);
    // (A tooltip taller than half the chart, a derived flow's with its long note, cannot fit on
    // either side of every point; it must still be on the screen, below.)
    const fits = m.tipBottom - m.tipTop <= (m.canvasBottom - m.figTop) / 2;
    assert.ok(!fits || (m.tipBottom <= m.canvasBottom + 1 && m.tipTop >= m.figTop), `point ${i}: tooltip "${m.text}" within the chart (${Math.round(m.tipTop)}–${Math.round(m.tipBottom)} px, chart ${Math.round(m.figTop)}–${Math.round(m.canvasBottom)} px)`);
    assert.ok(m.onScreen, `point ${i}: tooltip "${m.text}" on the screen (${Math.round(m.tipTop)}–${Math.round(m.tipBottom)} px)`);
    await wide.page.keyboard.press('ArrowRight');
  }
  await wide.context.close();
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression (a review): a link from one page to a section of another opened that page at its
// top: the router scrolled before the new view was there (the footer's "Hoe wij rekenen" to
// /over#herleiden). And a Dutch Excel opens the charts' comma-separated CSV in one column: under
// every chart's downloads a link says how to open it (/over#csv), and it lands there.
test('a link to a section of another page lands on that section', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360, height: 740 });
  const landed = async (id) => {
    await page.waitForFunction((id) => { const e = document.getElementById(id); return e && Math.abs(e.getBoundingClientRect().top) < 5; }, id, { timeout: 5000 }).catch(() => {});
    return page.evaluate((id) => Math.round(document.getElementById(id)?.getBoundingClientRect().top ?? NaN), id);
  };
  await page.goto(`${BASE}/trends`);
  await waitForApp(page);
  await page.click('footer a[href="/over#herleiden"]');
  await page.waitForFunction(() => location.pathname === '/over');
  assert.ok(Math.abs(await landed('herleiden')) < 5, `footer link: #herleiden at ${await landed('herleiden')} px`);
  await page.goto(`${BASE}/trends?lang=en`);
  await waitForApp(page);
  const help = page.locator('#stroom .chart-actions-help');
  assert.equal(await help.getAttribute('href'), '/over?lang=en#csv');
  assert.equal((await help.textContent()).trim(), 'How to open a CSV');
  await help.click();
  await page.waitForFunction(() => location.pathname === '/over');
  assert.ok(Math.abs(await landed('csv')) < 5, `CSV help: #csv at ${await landed('csv')} px`);
  assert.match(await page.textContent('#csv'), /comment\.char = "#"/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link loads directly, in English', async () => {
  const { context, page, errors } = await openPage(browser);
  const res = await page.goto(`${BASE}/trends?lang=en`);
  assert.equal(res.status(), 200);
  await waitForApp(page);
  assert.equal((await page.textContent('h1')).trim(), 'Trends');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('.site-nav a[aria-current=page]', 'href'), '/trends?lang=en');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the language switch keeps the route and flips all text', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  assert.equal((await page.textContent('.site-nav li:first-child a')).trim(), 'Overzicht');
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal((await page.textContent('.site-nav li:first-child a')).trim(), 'Overview');
  assert.ok(page.url().includes('lang=en'));
  assert.match(await page.textContent('[data-testid=chart-summary]'), /16,596 of 27,713/);
  await page.click('.lang-switch');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  await context.close();
});

test('a missing data file shows a translated error and the retry button recovers', async () => {
  const { context, page } = await openPage(browser);
  let fail = true;
  await page.route('**/data/maten.csv', (route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  await page.goto(`${BASE}/`);
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /maten\.csv.*404/);
  fail = false;
  await page.click('.error-panel button');
  await page.waitForSelector('figure.chart canvas');
  await context.close();
});

test('a server error (500) on the manifest is an error, not empty data', async () => {
  const { context, page } = await openPage(browser, { width: 360 });
  await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto(`${BASE}/?lang=en`);
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /manifest\.json.*500/);
  assert.match(await page.textContent('.error-panel button'), /Try again/);
  await context.close();
});

// The data files keep their names from month to month. A host with no caching rule of its own
// (nginx and Apache by default) lets a browser keep them for days by its own estimate, so a reader
// who came back after a new publication saw last month's files, or a new publication with last
// month's maten.csv. The app asks the host again for every data file (fetch `no-cache`); this host
// says the files may be kept for an hour, and the second visit must still ask for them.
test('data files are asked of the host again on every visit, whatever it allows to be kept', async () => {
  const asked = new Map();
  const host = http.createServer(async (req, res) => {
    const upstream = await fetch(BASE + req.url, { headers: { 'accept-encoding': 'identity' } });
    const body = Buffer.from(await upstream.arrayBuffer());
    const path = new URL(req.url, 'http://x').pathname;
    if (path.startsWith('/data/')) asked.set(path, (asked.get(path) || 0) + 1);
    res.writeHead(upstream.status, {
      'content-type': upstream.headers.get('content-type') || 'application/octet-stream',
      'cache-control': path.startsWith('/data/') ? 'public, max-age=3600' : 'no-cache',
      'last-modified': 'Mon, 01 Jan 2024 00:00:00 GMT',
    });
    res.end(body);
  });
  await new Promise((r) => host.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${host.address().port}`;
  const { context, page, errors } = await openPage(browser);
  try {
    for (const visit of [1, 2]) {
      await page.goto(`${base}/trends`);
      await waitForApp(page);
      for (const f of ['/data/maten.csv', '/data/publicaties/ncg-2024-12-31.csv']) {
        assert.equal(asked.get(f), visit, `visit ${visit}: ${f} asked of the host ${asked.get(f)} times`);
      }
    }
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    host.close();
  }
});

test('broken bytes in a data file are reported with file, line and column', async () => {
  const { context, page } = await openPage(browser);
  await page.route('**/data/gemeenten.csv', (route) => route.fulfill({ status: 200, body: Buffer.from('code,name\n\xff\n', 'latin1') }));
  await page.goto(`${BASE}/`);
  await page.waitForSelector('.error-panel');
  assert.match(await page.textContent('.error-panel'), /gemeenten\.csv:2:1/);
  await context.close();
});

test('a panic shows the error panel instead of a blank page', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE}/?test-panic=1`);
  await page.waitForSelector('#panic-panel');
  assert.match(await page.textContent('#panic-panel'), /Er ging iets mis/);
  await context.close();
});

test('an unknown route shows the not-found page with a way back', async () => {
  const { context, page } = await openPage(browser);
  await page.goto(`${BASE}/bestaat-niet`);
  await page.waitForSelector('h1');
  assert.match(await page.textContent('h1'), /niet gevonden/);
  await context.close();
});

// Regression: on Overzicht, Trends and Over, which show only published figures whatever `bron`
// is, the banner said "u bekijkt SYNTHETISCHE DEMONSTRATIEGEGEVENS" over NCG's real figures. There
// it now says that the demonstration is on and that this page shows published figures only.
test('the synthetic-data banner is on every view while the demo is active, and the demo loads', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360 });
  const WITH_ADDRESS_DATA = ['/doorlooptijden', '/gemeenten', '/data'];
  for (const r of ROUTES) {
    await page.goto(`${BASE}${r}?bron=demo`);
    await waitForApp(page);
    const banner = page.locator('[data-testid=demo-banner]');
    assert.equal(await banner.count(), 1, `${r}: banner present`);
    const text = await banner.textContent();
    // Regression: the footer said "Bron: publicaties van de NCG en SodM" under synthetic figures.
    const footer = await page.textContent('[data-testid=footer-source]');
    if (WITH_ADDRESS_DATA.includes(r)) {
      assert.match(text, /SYNTHETISCHE DEMONSTRATIEGEGEVENS/, r);
      assert.match(footer, /^Bron: het synthetische demonstratiebestand \(geen echte cijfers\)/, r);
    } else {
      assert.match(footer, /^Bron: publicaties van de Nationaal Coördinator Groningen/, r);
      assert.doesNotMatch(text, /u bekijkt/i, r);
      assert.match(text, /De synthetische demonstratie staat aan\. Deze pagina toont alleen gepubliceerde cijfers/, r);
      assert.equal(await banner.getAttribute('aria-label'), 'Synthetische demonstratie', r);
    }
  }
  // The same in English, on a view of published figures.
  await page.goto(`${BASE}/trends?bron=demo&lang=en`);
  await waitForApp(page);
  assert.match(await page.textContent('[data-testid=demo-banner]'), /The synthetic demonstration is on\. This page shows only published figures/);
  assert.equal(await page.textContent('[data-testid=demo-banner] a'), 'Turn the demo off');
  // The demo file itself loads and parses without an error message.
  await page.waitForFunction(() => !document.querySelector('[data-testid=demo-banner] [role=status]'), null, { timeout: 20000 });
  // Leaving the demo removes the banner.
  await page.click('[data-testid=demo-banner] a');
  await page.waitForFunction(() => !document.querySelector('[data-testid=demo-banner]'));
  assert.ok(!page.url().includes('bron=demo'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('when the demonstration cannot be loaded, the footer names the published figures the page shows', async () => {
  // Regression: the page fell back to the published figures, but the footer still said "Bron: het
  // synthetische demonstratiebestand", so a printed page labelled real figures as synthetic.
  const { context, page } = await openPage(browser, { width: 1280 });
  await page.route('**/demo/*.csv', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto(`${BASE}/gemeente/GM1979?bron=demo`);
  await waitForApp(page);
  await page.waitForFunction(() => /kon niet worden geladen/.test(document.querySelector('[data-testid=demo-banner]')?.textContent || ''), null, { timeout: 20000 });
  assert.match(await page.textContent('[data-testid=footer-source]'), /^Bron: publicaties van de Nationaal Coördinator Groningen/);
  // Nor does paper carry the demonstration's mark on every page (print.test.mjs) over them.
  assert.equal(await page.locator('[data-testid=demo-print-mark]').count(), 0);
  await context.close();
});

// Regression: at 360 px the main navigation was one row of 762 px that scrolled sideways: it
// showed "Overzicht, Trends, Doorlooptijden, G…" and hid Gemeenten, Data & bronnen and Over, and a
// resident did not know the bar scrolls (a shadow at its edge and scrolling the marked item into
// view did not tell). Before that, on the last views the marked item was off-screen. On a phone
// the items now stand in rows: every one fully on screen with room for its focus ring, the marked
// one underlined, nothing to scroll; a wide screen keeps its one row.
test('on a phone every navigation item is on screen, without a sideways scroll', async () => {
  const state = (page) => page.evaluate(() => {
    const nav = document.querySelector('.site-nav');
    const links = [...nav.querySelectorAll('a')].map((a) => {
      const r = a.getBoundingClientRect();
      return { text: a.textContent.trim(), left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top) };
    });
    const a = nav.querySelector('a[aria-current=page], li.section-current a');
    const line = getComputedStyle(a);
    return { links, marked: new URL(a.href).pathname, line: [line.borderBottomStyle, line.borderBottomColor], navScroll: nav.scrollWidth - nav.clientWidth,
             pageScroll: document.documentElement.scrollWidth - innerWidth, pageY: window.scrollY, W: innerWidth };
  });
  // 3 px of focus ring and 2 px of offset around an item.
  const inside = (s, l) => l.left >= 5 && l.right <= s.W - 5;
  for (const width of [320, 360, 400]) {
    const { context, page, errors } = await openPage(browser, { width, height: 760 });
    for (const [path, href] of [['/over', '/over'], ['/gemeente/GM1979', '/gemeenten'], ['/trends?lang=en', '/trends'], ['/', '/']]) {
      await page.goto(`${BASE}${path}`);
      await waitForApp(page);
      const s = await state(page);
      assert.equal(s.links.length, 6, `${path} @${width}px`);
      for (const l of s.links) assert.ok(inside(s, l), `${path} @${width}px: "${l.text}" is fully on screen (${JSON.stringify(s)})`);
      assert.equal(s.navScroll, 0, `${path} @${width}px: the navigation does not scroll sideways`);
      assert.equal(s.pageScroll, 0, `${path} @${width}px: nor does the page`);
      assert.equal(s.marked, href, `${path} @${width}px: the marked item`);
      assert.deepEqual(s.line, ['solid', 'rgb(11, 79, 108)'], `${path} @${width}px: the marked item is underlined`);
      assert.equal(s.pageY, 0, `${path} @${width}px: the page did not scroll`);
    }
    // With the keyboard: each item reached with Tab is on screen with its focus ring.
    await page.locator('.site-nav a').first().focus();
    for (let i = 0; i < 6; i++) {
      const r = await page.evaluate(() => {
        const a = document.activeElement, b = a.getBoundingClientRect();
        return { text: a.textContent.trim(), left: Math.round(b.left), right: Math.round(b.right), W: innerWidth, navScroll: a.closest('.site-nav')?.scrollLeft };
      });
      assert.ok(inside(r, r) && r.navScroll === 0, `@${width}px, Tab: ${JSON.stringify(r)}`);
      await page.keyboard.press('Tab');
    }
    assert.deepEqual(errors, []);
    await context.close();
  }
  // A wide screen: the one row it had.
  const { context, page } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/trends`);
  await waitForApp(page);
  const s = await state(page);
  assert.equal(new Set(s.links.map((l) => l.top)).size, 1, `one row at 1280 px: ${JSON.stringify(s.links)}`);
  await context.close();
});

// Regression: in forced colours (Windows high contrast) a transparent border is drawn in the text
// colour, so every navigation item had the marked item's line under it and nothing showed where
// the reader was. Only the marked item (the page, or the Gemeenten section) keeps a line there.
test('in forced colours only the marked navigation item is underlined', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.emulateMedia({ forcedColors: 'active', colorScheme: 'dark' });
  for (const [path, marked] of [['/trends', '/trends'], ['/gemeente/GM1979', '/gemeenten']]) {
    await page.goto(`${BASE}${path}`);
    await waitForApp(page);
    const items = await page.$$eval('.site-nav a', (as) => {
      const bg = getComputedStyle(document.querySelector('.site-nav')).backgroundColor;
      return as.map((a) => ({ href: new URL(a.href).pathname, line: getComputedStyle(a).borderBottomColor !== bg && getComputedStyle(a).borderBottomStyle !== 'none' }));
    });
    assert.deepEqual(items.filter((i) => i.line).map((i) => i.href), [marked], `${path}: ${JSON.stringify(items)}`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: on a 1920 px meeting-room screen the header's name sat at the window's left edge
// (16 px) and the language link at its right edge, while the navigation and the page column are
// centred (118 px in): the header did not line up with anything below it. At 1280 px and on a
// phone the edges must line up too.
test('the header lines up with the page column, from a phone to a meeting-room screen', async () => {
  for (const [width, height] of [[1920, 1080], [1280, 800], [360, 760]]) {
    const { context, page, errors } = await openPage(browser, { width, height });
    await page.goto(`${BASE}/`);
    await waitForApp(page);
    const e = await page.evaluate(() => {
      const box = (sel) => document.querySelector(sel).getBoundingClientRect();
      const main = document.querySelector('main');
      const pad = parseFloat(getComputedStyle(main).paddingLeft);
      const m = main.getBoundingClientRect();
      return { brand: box('.brand-name').left, lang: box('.lang-switch').right, h1: box('main h1').left,
               colLeft: m.left + pad, colRight: m.right - pad, footer: box('.site-footer p').left };
    });
    const near = (a, b) => Math.abs(a - b) <= 1;
    assert.ok(near(e.brand, e.h1), `${width}px: the name starts where the heading starts (${JSON.stringify(e)})`);
    assert.ok(near(e.footer, e.colLeft), `${width}px: the footer text starts at the column's edge (${JSON.stringify(e)})`);
    if (width > 480) assert.ok(near(e.lang, e.colRight), `${width}px: the language link ends at the column's right edge (${JSON.stringify(e)})`);
    assert.deepEqual(errors, []);
    await context.close();
  }
});

// Regression: on a 360 px phone a table wider than the screen scrolls sideways in its box, and its
// caption, as wide as the table, was cut off at the screen's edge ("Revisions between the two
// chosen public…"). Captions now wrap inside the screen, also in an opened chart table.
test('on a phone table captions stay inside the screen', async () => {
  const { context, page, errors } = await openPage(browser, { width: 360, height: 760 });
  await page.goto(`${BASE}/trends?lang=en`);
  await waitForApp(page);
  await page.evaluate(() => document.querySelectorAll('figure.chart details').forEach((d) => { d.open = true; }));
  await page.waitForTimeout(100);
  const captions = await page.$$eval(':is(.table-scroll, .chart-table) caption', (cs) => cs.map((c) => {
    const r = c.getBoundingClientRect();
    const box = c.closest('.table-scroll, .chart-table');
    return { text: c.textContent.slice(0, 40), right: Math.round(r.right), wide: box.scrollWidth > box.clientWidth };
  }));
  assert.ok(captions.some((c) => c.wide), `at least one table scrolls sideways at 360 px: ${JSON.stringify(captions)}`);
  for (const c of captions) assert.ok(c.right <= 360, `caption "${c.text}" ends at ${c.right}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the share button: the share sheet where there is one, else the address copied, else shown to copy by hand', async () => {
  const path = '/trends?mijlpaal=beoordeling';
  // 1. A browser with a share sheet (phones): it gets the view's address and title; nothing is said.
  {
    const { context, page, errors } = await openPage(browser, { width: 360, height: 760 });
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: (d) => { window.__shared = d; return Promise.resolve(); } });
    });
    await page.goto(`${BASE}${path}`);
    await waitForApp(page);
    const button = page.locator('.site-header button.share-button');
    assert.equal(await button.isVisible(), true, 'the button is in the header on a phone');
    assert.equal(await button.evaluate((b) => b.textContent), 'Delen (de link naar deze weergave)', 'accessible name starts with the visible text');
    await button.click();
    await page.waitForFunction(() => window.__shared);
    const shared = await page.evaluate(() => window.__shared);
    assert.equal(shared.url, page.url());
    assert.equal(shared.title, await page.title());
    assert.equal((await page.textContent('.share-status')).trim(), '');
    // A closed share sheet is not an error either.
    await page.evaluate(() => { Navigator.prototype.share = () => Promise.reject(new DOMException('closed', 'AbortError')); });
    await button.click();
    await page.waitForTimeout(200);
    assert.equal((await page.textContent('.share-status')).trim(), '');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // 2. No share sheet (desktop Linux): the address is copied, and the status says so; a filter
  //    change (a new address) clears it.
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await context.newPage();
    await page.addInitScript(() => { Object.defineProperty(Navigator.prototype, 'share', { configurable: true, value: undefined }); });
    await page.goto(`${BASE}${path}&lang=en`);
    await waitForApp(page);
    await page.click('.share-button');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('Link copied'));
    assert.equal(await page.getAttribute('.share-status', 'role'), 'status');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    await page.selectOption('#mijlpaal', { index: 0 });
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.trim() === '');
    // Regression: a clipboard that answered after the reader had moved on (here 400 ms, and a
    // filter changed at once) made "Link copied" appear under the new address, which was not
    // the one copied. The status now belongs to the address that was shared.
    await page.evaluate(() => {
      const write = navigator.clipboard.writeText.bind(navigator.clipboard);
      navigator.clipboard.writeText = (text) => new Promise((ok) => setTimeout(() => ok(write(text)), 400));
    });
    await page.click('.share-button');
    await page.selectOption('#mijlpaal', { index: 1 });
    await page.waitForTimeout(800);
    assert.equal((await page.textContent('.share-status')).trim(), '', 'nothing said about the previous address');
    await page.click('.share-button');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('Link copied'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    // 3. The clipboard refuses: the address is shown, to copy by hand.
    await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('no', 'NotAllowedError')); });
    await page.click('.share-button');
    await page.waitForFunction(() => document.querySelector('.share-status').textContent.includes('Copy this link:'));
    assert.ok((await page.textContent('.share-status')).includes(page.url()), 'the address itself is shown');
    // Not on paper.
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.share-button').isVisible(), false);
    await context.close();
  }
  // 4. Not in the embed view (its header links to the full page instead).
  {
    const { context, page } = await openPage(browser, { width: 640 });
    await page.goto(`${BASE}/trends?insluiten=trends-stroom`);
    await waitForApp(page);
    assert.equal(await page.locator('.share-button').count(), 0);
    await context.close();
  }
});
