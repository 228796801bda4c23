// End-to-end: the Overzicht answers the three residents' questions with real figures, arrows in
// text and symbol, and links to the charts behind them; the latest publication and the changes
// since the previous one are read from the HTML tables.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, launch, openPage, waitForApp } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const answer = (page, key) => page.locator(`[data-testid=answer][data-key=${key}]`);

for (const width of [360, 1280]) {
  test(`three answers with figures, arrows and links (${width}px, nl)`, async () => {
    const { context, page, errors } = await openPage(browser, { width });
    await page.goto(`${BASE}/`);
    await waitForApp(page);
    assert.equal(await page.locator('[data-testid=answer]').count(), 3);
    // (a) Completed tracks per month: 2.275 declared safe in 2025 against 4.800 in 2024.
    const trend = answer(page, 'trend');
    assert.equal((await trend.locator('[data-testid=answer-number]').textContent()).trim(), '190');
    const arrow = await trend.locator('[data-testid=answer-trend]').textContent();
    assert.match(arrow, /↓/);
    assert.match(arrow, /Duidelijk minder dan in 2024 \(400 per maand\)/);
    assert.match(await trend.locator('[data-testid=answer-method]').textContent(), /6 maanden.*standaardfout/);
    assert.match(await trend.locator('a').getAttribute('href'), /\/trends\?mijlpaal=afgerond#stroom$/);
    // (b) Lead time: SodM table 2.4, 1.209 days on 350 of 1.177 addresses.
    const lead = answer(page, 'doorlooptijd');
    assert.equal((await lead.locator('[data-testid=answer-number]').textContent()).trim(), '3,3 jaar');
    assert.match(await lead.textContent(), /1\.209 dagen.*350 van de 1\.177/s);
    // Regression: the headline had no date, so a six-year-old mean read as today's.
    // Regression: SodM's table gives no date, so that date is ours, and the headline says so
    // ("stand 17 juli 2020" stated it as fact).
    assert.match(await lead.textContent(), /gereed, vermoedelijk stand 17 juli 2020/);
    // And it says why the estimate on Doorlooptijden comes out higher.
    assert.match(await lead.textContent(), /komt hoger uit dan dit gemiddelde/);
    // Regression: the link opened Doorlooptijden on "opname → beoordeling" (24 months), not on the
    // whole trajectory this answer is about, nor on SodM's means that hold its figure.
    assert.equal(await lead.locator('a').getAttribute('href'), '/doorlooptijden?stap=traject#sodm');
    // (c) What is left and when it is done: an estimate with a range.
    const rest = answer(page, 'rest');
    assert.equal((await rest.locator('[data-testid=answer-number]').textContent()).trim(), '11.117');
    const restText = await rest.textContent();
    // (The badge said "Schatting: de prognose hieronder", read as a chart below that is not there.)
    assert.match(restText, /Hieronder een schatting, geen gepubliceerd cijfer/);
    // From the estimated stand at the end of 2025 (2025's published count carried in; it ran from
    // the end of 2024 at 2024's pace, which 2025 did not have).
    assert.match(restText, /op 31 december 2025 nog 9\.082 over/);
    assert.match(restText, /tussen de 2e helft 2027 en de 1e helft 2030/);
    assert.match(restText, /272 adressen per maand/);
    // Regression (a task-based review): the badge "Schatting" stood under the headline 11.117,
    // which is published arithmetic (27.713 − 16.596); it now stands above the forecast it names.
    assert.ok(restText.indexOf('Er resten dus nog 11.117') < restText.indexOf('Hieronder een schatting'), restText);
    // Latest publication with its date and source link; what changed since the previous one.
    const latest = page.locator('[data-testid=latest-publication-section]');
    assert.match(await latest.textContent(), /NCG jaarcijfers 2025.*31 december 2025/s);
    assert.match(await latest.locator('a').first().getAttribute('href'), /^https:\/\//);
    assert.equal(await page.getAttribute('#laatste-cijfers tr[data-series=veilig_verklaard][data-period="2025"] td.num', 'data-value'), '2275');
    // The change is the third figure after the label (the fourth cell), before the publications.
    const change = (key) => page.getAttribute(`#verschillen tr[data-key=${key}] > :nth-child(4)`, 'data-value');
    assert.equal(await change('voldoet_norm'), '2698');
    assert.equal(await change('werkvoorraad'), '103');
    assert.equal(await change('veilig_verklaard'), '-2525');
    // On a phone the change was the sixth column, off the screen behind two columns of titles: the
    // label and the three figures now fit without scrolling sideways.
    const fits = await page.evaluate(() => {
      const box = document.querySelector('#verschillen').getBoundingClientRect();
      return [...document.querySelectorAll('#verschillen tr')].every((r) => r.children[3].getBoundingClientRect().right <= box.right + 0.5);
    });
    assert.ok(fits, 'latest, previous and change fit the screen');
    // The check of the assessments announced in June 2026 (ACVG) is said above the answers, and
    // under the norm chart, which ends in 2024, as a note without a number (the page said nothing).
    assert.match(await page.textContent('[data-testid=check-notice]'), /^\s*Let op: op 24 juni 2026 is een controle.*ruim 8\.000 adressen/s);
    assert.match(await page.locator('figure.chart[data-chart=voldoet-norm] [data-testid=chart-off-axis]').textContent(), /^\s*Na deze cijfers\s*, 24 juni 2026: Controle aangekondigd/);
    // The norm chart is still the first chart of the page.
    assert.equal(await page.getAttribute('figure.chart', 'data-chart'), 'voldoet-norm');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `page wider than the viewport by ${overflow}px`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the answers in English keep the language on their links', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/?lang=en`);
  await waitForApp(page);
  assert.match(await answer(page, 'trend').locator('[data-testid=answer-trend]').textContent(), /Clearly fewer than in 2024 \(400 per month\)/);
  assert.equal((await answer(page, 'doorlooptijd').locator('[data-testid=answer-number]').textContent()).trim(), '3.3 years');
  assert.equal((await answer(page, 'rest').locator('[data-testid=answer-number]').textContent()).trim(), '11,117');
  assert.match(await answer(page, 'rest').textContent(), /between H2 2027 and H1 2030/);
  assert.equal(await answer(page, 'trend').locator('a').getAttribute('href'), '/trends?lang=en&mijlpaal=afgerond#stroom');
  assert.match(await page.textContent('#verschillen caption'), /Headline figures/);
  assert.match(await page.textContent('[data-testid=check-notice]'), /^\s*Note: on 24 June 2026 a check.*over 8,000 addresses/s);
  assert.match(await page.locator('[data-testid=chart-off-axis]').first().textContent(), /After these figures/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the forecast link scrolls to the forecast, which Trends renders a few tasks later', async () => {
  // Regression guard for ui::deferred: the lower Trends sections are rendered after the first
  // one, so the router's scroll to #prognose found nothing; the deferred part follows the link.
  const { context, page, errors } = await openPage(browser, { width: 1280, height: 800 });
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  await answer(page, 'rest').locator('a').click();
  await page.waitForSelector('#prognose figure.chart canvas');
  await page.waitForFunction(() => {
    const r = document.getElementById('prognose').getBoundingClientRect();
    return r.top >= -2 && r.top < window.innerHeight / 2;
  }, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the trend link opens the chart behind the answer', async () => {
  const { context, page, errors } = await openPage(browser, { width: 1280 });
  await page.goto(`${BASE}/`);
  await waitForApp(page);
  await answer(page, 'trend').locator('a').click();
  await page.waitForSelector('#stroom figure.chart canvas');
  assert.ok(page.url().includes('/trends?mijlpaal=afgerond'));
  assert.match(await page.textContent('#stroom [data-testid=chart-summary]'), /Veilig verklaard \(NCG\): in 2025 gemiddeld 190 adressen per maand/);
  // Regression (a task-based review): the link ends in #stroom, but the page stayed at its top
  // (the router scrolled before the view was there); only a direct load scrolled.
  await page.waitForFunction(() => {
    const r = document.getElementById('stroom').getBoundingClientRect();
    return window.scrollY > 0 && r.top >= -2 && r.top < window.innerHeight / 2;
  }, null, { timeout: 5000 });
  assert.deepEqual(errors, []);
  await context.close();
});
