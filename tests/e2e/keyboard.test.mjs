// End-to-end: a keyboard-only walk through the Trends view (issue 8) with Tab, Shift-Tab, Enter and
// Escape — no mouse, no arrow keys. Every control (links, selects, buttons, table summaries,
// scrollable tables, chart plots) is reached with Tab, and again in reverse order with Shift-Tab;
// every chart shows its tooltip when its plot gets focus, Escape hides it and Enter brings it back;
// Enter on a chart's "show table" summary opens the data table; the skip link moves focus to main.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, waitForApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** Mark every keyboard-focusable element of the page with data-kbd (document order); returns the count. */
const markFocusables = (page) => page.evaluate(() => {
  const sel = 'a[href], button:not([disabled]), select:not([disabled]), input:not([disabled]), textarea, summary, [tabindex]:not([tabindex="-1"])';
  const visible = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const els = [...document.querySelectorAll(sel)].filter((el) => el.tabIndex >= 0 && visible(el) && !el.closest('details:not([open]) > :not(summary)'));
  els.forEach((el, i) => { el.dataset.kbd = String(i); });
  return els.length;
});

const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  return { kbd: el.dataset.kbd ?? null, tag: el.tagName.toLowerCase(), cls: String(el.className || ''), text: (el.textContent || '').trim().slice(0, 40) };
});

const tooltipShown = (page) => page.evaluate(() => {
  const plot = document.activeElement;
  const tip = plot?.querySelector('.tooltip');
  const live = plot?.querySelector('[data-testid=chart-live]')?.textContent.trim() || '';
  return !!tip && tip.getClientRects().length > 0 && live.length > 0;
});

test('keyboard walk on /trends: every control and every chart tooltip with Tab, Shift-Tab, Enter, Escape', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280, height: 900 });
  await page.goto(`${BASE}/trends`);
  await waitForApp(page);
  await page.waitForSelector('#stroom figure.chart canvas');
  const total = await markFocusables(page);
  const charts = await page.locator('figure.chart').count();
  assert.ok(total > 20 && charts >= 4, `${total} focusable elements, ${charts} charts`);

  // Forward: Tab from the top of the page until focus leaves the document.
  const forward = [];
  const tooltips = new Set();
  let tables = 0;
  await page.evaluate(() => { document.activeElement?.blur(); window.scrollTo(0, 0); });
  for (let i = 0; i < total + 20; i++) {
    await page.keyboard.press('Tab');
    const a = await active(page);
    if (!a) break;
    assert.ok(a.kbd !== null, `Tab reached an element not counted as focusable: ${JSON.stringify(a)}`);
    if (forward.includes(a.kbd)) break; // wrapped around
    forward.push(a.kbd);
    if (a.cls.includes('chart-plot')) {
      const chart = await page.evaluate(() => document.activeElement.closest('figure.chart').dataset.chart);
      assert.ok(await tooltipShown(page), `${chart}: focus on the plot shows a tooltip`);
      await page.keyboard.press('Escape');
      assert.equal(await page.evaluate(() => document.activeElement.querySelectorAll('.tooltip').length), 0, `${chart}: Escape hides the tooltip`);
      await page.keyboard.press('Enter');
      assert.ok(await tooltipShown(page), `${chart}: Enter shows the tooltip again`);
      if (tooltips.size === 0) {
        // Regression (a task-based review): Enter after Escape jumped to the newest point, away
        // from the one the reader had walked to with the arrow keys.
        const tipText = () => page.evaluate(() => document.activeElement.querySelector('.tooltip')?.textContent);
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('ArrowLeft');
        const walked = await tipText();
        await page.keyboard.press('Escape');
        await page.keyboard.press('Enter');
        assert.equal(await tipText(), walked, `${chart}: Enter reopens the point Escape closed`);
      }
      tooltips.add(chart);
    }
    if (a.tag === 'summary' && (await page.evaluate(() => document.activeElement.parentElement.classList.contains('chart-table')))) {
      await page.keyboard.press('Enter');
      const shown = await page.evaluate(() => {
        const d = document.activeElement.parentElement;
        const t = d.querySelector('table');
        return d.open && !!t && t.getClientRects().length > 0 && t.querySelectorAll('tbody tr').length > 0;
      });
      assert.ok(shown, 'Enter on "show table" opens the chart data table');
      await page.keyboard.press('Enter'); // close again: the walk's set of focusables stays the same
      assert.equal(await page.evaluate(() => document.activeElement.parentElement.open), false);
      tables++;
    }
  }
  const missed = await page.evaluate((seen) => [...document.querySelectorAll('[data-kbd]')]
    .filter((el) => !seen.includes(el.dataset.kbd))
    .map((el) => `${el.tagName.toLowerCase()}.${el.className} "${(el.textContent || '').trim().slice(0, 30)}"`), forward);
  assert.deepEqual(missed, [], 'every control is reached with Tab');
  assert.equal(forward.length, total);
  assert.equal(tooltips.size, charts, 'every chart tooltip is reached');
  assert.equal(tables, charts, 'every chart table is opened with Enter');

  // Backward: Shift-Tab from the last element visits the same elements in reverse order.
  const backward = [forward[forward.length - 1]];
  await page.focus(`[data-kbd="${forward[forward.length - 1]}"]`);
  await page.keyboard.press('Escape');
  for (let i = 0; i < total + 5; i++) {
    await page.keyboard.press('Shift+Tab');
    const a = await active(page);
    if (!a || backward.includes(a.kbd)) break;
    backward.push(a.kbd);
  }
  assert.deepEqual(backward, [...forward].reverse(), 'Shift-Tab walks the same order backwards');

  // The skip link: first Tab stop of a freshly loaded page, Enter moves focus to the main content
  // of this view. Regression: it used to navigate to the Overzicht ("/#inhoud", via <base href="/">).
  await page.goto(`${BASE}/trends?mijlpaal=opname&lang=en`);
  await waitForApp(page);
  await page.keyboard.press('Tab');
  assert.match(String(await page.evaluate(() => document.activeElement.className)), /skip-link/);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.id === 'inhoud');
  assert.equal(new URL(page.url()).pathname + new URL(page.url()).search, '/trends?mijlpaal=opname&lang=en');
  assert.match(await page.textContent('h1'), /Trends/i);
  console.log(`keyboard /trends: ${forward.length} tab stops, ${tooltips.size} chart tooltips, ${tables} chart tables`);
  assert.deepEqual(errors, []);
  await context.close();
});

// Regression: in a horizontal bar chart the arrow keys stepped through the bars by their length
// (the hits were sorted by x), jumping between categories. They now go top to bottom, in the
// order of the table under the chart.
test('the arrow keys walk a horizontal bar chart from top to bottom', async () => {
  const { context, page, errors } = await openPage(browser);
  await page.goto(`${BASE}/trends`);
  await waitForApp(page);
  const plot = 'figure[data-chart=trends-doelen] .chart-plot';
  await page.waitForSelector(`${plot} canvas[data-draws]`);
  const categories = await page.$$eval('figure[data-chart=trends-doelen] details.chart-table tbody tr th, figure[data-chart=trends-doelen] details.chart-table tbody tr td:first-child', (cells) => cells.map((c) => c.textContent.trim()));
  await page.focus(plot);
  // Focus starts at the top bar (it started at the bottom one, where ArrowDown did nothing).
  await page.waitForSelector(`${plot} .tooltip`);
  const first = await page.$eval(`${plot} .tooltip`, (t) => t.querySelector('strong, .tooltip-title, b')?.textContent.trim() ?? t.textContent.trim());
  assert.ok(first.startsWith(categories[0]), `${first} / ${categories[0]}`);
  await page.keyboard.press('Home');
  const titles = [];
  for (let i = 0; i < 12; i++) {
    await page.waitForSelector(`${plot} .tooltip`);
    const title = await page.$eval(`${plot} .tooltip`, (t) => t.querySelector('strong, .tooltip-title, b')?.textContent.trim() ?? t.textContent.trim());
    if (titles[titles.length - 1] !== title) titles.push(title);
    await page.keyboard.press('ArrowDown');
  }
  // The tooltips' categories come in the table's order (each category's bars one after another).
  const positions = titles.map((t) => categories.findIndex((c) => t.startsWith(c)));
  assert.ok(positions.every((p) => p >= 0), `${JSON.stringify(titles)} in ${JSON.stringify(categories)}`);
  assert.deepEqual(positions, [...positions].sort((a, b) => a - b), JSON.stringify(titles));
  assert.ok(new Set(positions).size >= 3, JSON.stringify(titles));
  assert.deepEqual(errors, []);
  await context.close();
});
