// Browser test of the payments figures dashboard on the demo's payment cases: the French officer
// sees the figures the API gives (totals in US dollars and per currency, cases, median time to
// freeze), the charts are drawn, one currency can be shown alone, and the CSV downloads with the
// API's own numbers; a Nigerian officer reads it right to left in Arabic; a reader whose bureau
// has no case in view gets an honest empty page.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { signedInWithCode } from './browser.mjs';
import { consoleFixture, shot } from './harness.mjs';

const ui = consoleFixture();
const signedIn = ui.signedIn;

/** What the API answers the signed-in page's user (JSON, or the CSV's text). */
const apiGet = (page, url, text = false) =>
  page.evaluate(
    async ({ url, text }) => {
      const res = await fetch(url);
      return text ? res.text() : res.json();
    },
    { url, text },
  );

/** Minor units in `currency` as the console shows them in English (exact: Intl formats the decimal text). */
function money(minor, currency, digits = 2) {
  const n = BigInt(minor);
  const scale = 10n ** BigInt(digits);
  const decimal =
    digits === 0 ? n.toString() : `${n / scale}.${(n % scale).toString().padStart(digits, '0')}`;
  return new Intl.NumberFormat('en', {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(decimal);
}

async function openFigures(page) {
  await page.goto(`${ui.server.url}/payments/figures`);
  await page.getByTestId('figures-title').waitFor();
}

describe('payments figures in the console', () => {
  it('shows the API’s figures of the demo cases, with charts, one currency alone and the CSV', async () => {
    const fr = await signedIn('fr.officer');
    const f = await apiGet(fr, '/api/v1/payments/figures');
    assert.ok(f.cases >= 10, `the demo gives France cases to count (${f.cases})`);
    assert.ok(BigInt(f.total.frozenUsdCents) > 0n);

    await openFigures(fr);
    await fr.getByTestId('figures-page').waitFor();
    assert.equal(
      await fr.getByTestId('figures-frozen-value').innerText(),
      money(f.total.frozenUsdCents, 'USD'),
    );
    assert.equal(
      await fr.getByTestId('figures-returned-value').innerText(),
      money(f.total.returnedUsdCents, 'USD'),
    );
    assert.equal(await fr.getByTestId('figures-cases-value').innerText(), String(f.cases));
    assert.match(await fr.getByTestId('figures-median-value').innerText(), /hr/);
    // Every currency exactly as it was frozen (JPY has no decimals, JOD three).
    const digits = { JPY: 0, JOD: 3 };
    for (const [c, minor] of Object.entries(f.total.frozen)) {
      const row = await fr.getByTestId(`figures-currency-${c}`).innerText();
      assert.ok(row.includes(money(minor, c, digits[c] ?? 2)), `${c}: ${row}`);
    }

    // The charts are drawn, with bars.
    for (const id of ['figures-chart-month', 'figures-chart-fraud', 'figures-chart-country']) {
      const chart = fr.getByTestId(id);
      await chart.locator('svg.recharts-surface').first().waitFor();
      assert.ok((await chart.locator('.recharts-bar-rectangle').count()) > 0, `${id} has bars`);
    }
    // The exact table lists every receiving country the API names.
    for (const g of f.byCountry) await fr.getByTestId(`figures-row-${g.key}`).waitFor();
    await shot(fr, 'payments-figures');

    // Euros alone: the totals are the API's euro amounts, unconverted.
    await fr.getByTestId('figures-unit').click();
    await fr.getByRole('option', { name: 'EUR only', exact: true }).click();
    await fr.waitForFunction(
      (expected) => document.querySelector('[data-testid="figures-frozen-value"]')?.textContent === expected,
      money(f.total.frozen.EUR, 'EUR'),
    );

    // The CSV, through the button (the session cookie), with the API's numbers.
    const [download] = await Promise.all([
      fr.waitForEvent('download'),
      fr.getByTestId('figures-csv').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'payment-figures.csv');
    const csv = fs.readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split('\n');
    assert.equal(lines[0], 'grouping,key,currency,frozen_minor,returned_minor');
    assert.ok(
      lines.includes(`total,all,USD_CONVERTED,${f.total.frozenUsdCents},${f.total.returnedUsdCents}`),
    );
    assert.ok(lines.includes(`total,all,EUR,${f.total.frozen.EUR},${f.total.returned.EUR}`));
    for (const g of f.byMonth) {
      assert.ok(lines.includes(`month,${g.key},USD_CONVERTED,${g.frozenUsdCents},${g.returnedUsdCents}`));
    }
    assert.equal(csv, await apiGet(fr, '/api/v1/payments/figures.csv', true));
  });

  it('reads right to left in Arabic', async () => {
    const ng = await signedIn('ng.officer', 'ar');
    const f = await apiGet(ng, '/api/v1/payments/figures');
    assert.ok(f.transactions > 0);
    await openFigures(ng);
    await ng.getByTestId('figures-page').waitFor();
    assert.equal(await ng.evaluate(() => document.documentElement.dir), 'rtl');
    assert.match(await ng.getByTestId('figures-title').innerText(), /[\u0600-\u06FF]/);
    // Right to left, money carries its ISO code ("USD"), which the bidi rules leave in one piece.
    assert.match(await ng.getByTestId('figures-frozen-value').innerText(), /USD/);
    await ng.getByTestId('figures-chart-month').locator('svg.recharts-surface').first().waitFor();
    assert.ok((await ng.getByTestId('figures-chart-country').locator('.recharts-bar-rectangle').count()) > 0);
    await shot(ng, 'payments-figures-ar');
  });

  it("lets the General Secretariat's reviewer oversee: every bureau's figures and the overdue requests, no action", async () => {
    const gs = await signedInWithCode(
      ui.browser,
      ui.server.url,
      'xg.reviewer',
      authenticator.generate('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP'),
    );
    const f = await apiGet(gs, '/api/v1/payments/figures');
    assert.ok(f.transactions > 0, 'the reviewer counts every bureau’s transactions');
    await gs.getByTestId('nav-payments').click();
    await gs.getByTestId('payments-tab-overdue').waitFor();
    assert.equal(await gs.getByTestId('payments-tab-queue').count(), 0);
    assert.equal(await gs.getByTestId('new-payment-case').count(), 0);
    await gs.getByTestId('overdue-table').waitFor();
    assert.ok((await gs.getByTestId('queue-row').count()) >= 1);
    await shot(gs, 'payments-overdue-gs');
    await gs.getByTestId('case-link').first().click();
    await gs.getByTestId('payment-case').waitFor();
    assert.equal(await gs.getByRole('button', { name: /acknowledge/i }).count(), 0);
  });

  it('says so when no case is in view', async () => {
    // The General Secretariat's officer: what the API counts for it decides what the page shows.
    const xg = await signedIn('xg.officer');
    const f = await apiGet(xg, '/api/v1/payments/figures');
    await openFigures(xg);
    if (f.transactions === 0) {
      await xg.getByTestId('figures-empty').waitFor();
      assert.equal(await xg.getByTestId('figures-chart-month').count(), 0);
      assert.equal(await xg.getByTestId('figures-csv').count(), 0);
      await shot(xg, 'payments-figures-empty');
    } else {
      await xg.getByTestId('figures-page').waitFor();
    }
  });
});
