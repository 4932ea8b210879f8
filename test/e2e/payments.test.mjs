// Browser test of payment interventions: the French officer opens a case for a defrauded
// company — an IBAN refused as typed, an account number routed by its bank's BIC to Nigeria, a
// lower-case Brazilian IBAN normalised and routed to Brazil, a report time the server refuses on
// its field — and sends it through a lost answer and a double click, which open one case. The
// Nigerian officer finds it in the queue by time left, acknowledges, forwards it to the
// financial intelligence unit, records one transfer frozen and the other moved on to Jordan;
// the Jordanian officer finds the chase in its queue and records the money returned; France
// follows it all in the timelines and through the chain, also in Arabic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleFixture, shot } from './harness.mjs';

const ui = consoleFixture();
const signedIn = ui.signedIn;

/** Picks `option` in the Mantine select `input`, typing `search` first if given. */
async function choose(page, input, option, search) {
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** The whole field around an input: its label, description and error. */
const fieldOf = (_page, input) =>
  input.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " mantine-InputWrapper-root ")][1]');

const VICTIM = 'Lumière Composites SAS';
const JORDAN_IBAN = 'JO94 CBJO 0010 0000 0000 0131 0003 02';

describe('payment interventions in the console', () => {
  it('carries a case from France to Nigeria, chases the money to Jordan and sees it returned', async () => {
    const fr = await signedIn('fr.officer');
    const ng = await signedIn('ng.officer');
    const jo = await signedIn('jo.officer');

    // France opens the case.
    await fr.getByTestId('nav-payments').click();
    await fr.getByTestId('payments-title').waitFor();
    await fr.getByTestId('new-payment-case').click();
    await fr.getByTestId('payment-form-title').waitFor();
    await choose(fr, fr.getByTestId('case-fraud-type'), 'Business e-mail compromise');
    await fr.getByTestId('case-victim-name').fill(VICTIM);
    await fr
      .getByTestId('case-summary')
      .fill('The supplier’s bank details were changed by a forged e-mail; three transfers left.');

    const tx = (i) => fr.getByTestId('transaction').nth(i);
    // First transfer: an IBAN with wrong check digits is refused as typed.
    await tx(0).getByTestId('tx-amount').fill('42 000 000,00');
    assert.match(
      await tx(0).getByTestId('tx-amount-preview').innerText(),
      /Will be sent as \$42,000,000\.00/,
    );
    const account0 = tx(0).getByTestId('tx-account');
    await account0.fill('DE89 3704 0044 0532 0130 01');
    assert.match(await fieldOf(fr, account0).innerText(), /Not a valid IBAN/);
    // An account number needs its bank; the BIC routes it to Nigeria.
    await account0.fill('0123456789');
    assert.match(await fieldOf(fr, tx(0).getByTestId('tx-account-bic')).innerText(), /Give the bank's BIC/);
    await tx(0).getByTestId('tx-account-bic').fill('fbningla');
    assert.equal(await tx(0).getByTestId('tx-account-bic').inputValue(), 'FBNINGLA');
    assert.equal(await tx(0).getByTestId('tx-account-routes').innerText(), 'Routes to: Nigeria');
    await tx(0).getByTestId('tx-beneficiary').fill('Global Trade Partners Ltd');
    await tx(0).getByTestId('tx-sending').fill('FR1420041010050500013M02606');
    await tx(0).getByTestId('tx-reference').fill('INV-2026-0457');

    // Second transfer, in euros, to another Nigerian account of the same bank.
    await fr.getByTestId('add-transaction').click();
    await choose(fr, tx(1).getByTestId('tx-currency'), 'EUR — Euro', 'EUR');
    await tx(1).getByTestId('tx-amount').fill('1500000.00');
    assert.match(await tx(1).getByTestId('tx-amount-preview').innerText(), /€1,500,000\.00/);
    await tx(1).getByTestId('tx-account').fill('9876543210');
    await tx(1).getByTestId('tx-account-bic').fill('FBNINGLA');
    await tx(1).getByTestId('tx-beneficiary').fill('Lagos Import Export');

    // Third: a Brazilian IBAN pasted in lower case is normalised and routed to Brazil.
    await fr.getByTestId('add-transaction').click();
    await tx(2).getByTestId('tx-amount').fill('9900');
    await tx(2).getByTestId('tx-account').fill('br18 0036 0305 0000 1000 9795 493c 1');
    assert.equal(await tx(2).getByTestId('tx-account').inputValue(), 'BR18 0036 0305 0000 1000 9795 493C 1');
    assert.equal(await tx(2).getByTestId('tx-account-routes').innerText(), 'Routes to: Brazil');
    await tx(2).getByTestId('tx-beneficiary').fill('Rio Consultoria Ltda');
    assert.equal(
      await fr.getByTestId('routing-summary').innerText(),
      'The request will go to: Nigeria, Brazil',
    );

    // A report time in the future: the server refuses it, on its field.
    await fr.getByTestId('case-reported-at').fill('2099-01-01T10:00');
    await fr.getByTestId('case-submit').click();
    await fr.getByTestId('payment-form-error').waitFor();
    assert.match(
      await fieldOf(fr, fr.getByTestId('case-reported-at')).innerText(),
      /must be a past date and time/,
    );
    await shot(fr, 'payments-form');
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 16);
    await fr.getByTestId('case-reported-at').fill(yesterday);

    // The answer is lost on the way back: the case was opened, the officer is told to send again.
    let lost = 0;
    await fr.route('**/api/v1/payments/cases', async (route) => {
      if (route.request().method() !== 'POST' || lost > 0) return route.continue();
      lost += 1;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await fr.getByTestId('case-submit').click();
    await fr.getByText(/The server could not be reached/).waitFor();
    await fr.unroute('**/api/v1/payments/cases');
    // Sent again, with a double click: the same Idempotency-Key, so still one case.
    await fr.getByTestId('case-submit').dblclick();
    await fr.getByTestId('payment-case-title').waitFor();
    assert.equal(await fr.getByTestId('payment-case-title').innerText(), VICTIM);
    const caseUrl = fr.url();
    const caseId = caseUrl.split('/').pop();
    assert.deepEqual(
      await fr.getByTestId('payment-part').evaluateAll((els) => els.map((e) => e.dataset.country)),
      ['NG', 'BR'],
    );
    assert.deepEqual(await fr.getByTestId('transaction-amount').allInnerTexts(), [
      '$42,000,000.00',
      '€1,500,000.00',
      '€9,900.00',
    ]);
    assert.equal(
      await fr.getByTestId('acknowledge').count(),
      0,
      'the victim’s bureau does not act for Nigeria',
    );
    await shot(fr, 'payments-case-opened');
    await fr.getByRole('link', { name: 'Back to the payments' }).click();
    await fr.getByTestId('payments-tab-opened').click();
    await fr.getByTestId('opened-table').waitFor();
    assert.equal(await fr.getByTestId('opened-row').filter({ hasText: VICTIM }).count(), 1, 'one case');

    // Nigeria: the request is in the queue, ordered by time left.
    await ng.getByTestId('nav-payments').click();
    const ngRow = ng.locator(`[data-testid="queue-row"][data-case="${caseId}"]`);
    await ngRow.waitFor();
    const dues = await ng.getByTestId('queue-row').evaluateAll((els) => els.map((e) => e.dataset.due));
    assert.deepEqual(dues, [...dues].sort(), 'most urgent first');
    const ours = dues.indexOf(await ngRow.getAttribute('data-due'));
    assert.equal(ours, dues.filter((d) => d < dues[ours]).length, 'only more urgent requests above it');
    assert.match(await ngRow.getByTestId('queue-clock').innerText(), /left$/);
    assert.equal(await ngRow.getByTestId('queue-clock').getAttribute('data-state'), 'running');
    await shot(ng, 'payments-queue');
    await ngRow.getByTestId('case-link').click();
    await ng.getByTestId('payment-case-title').waitFor();
    assert.equal(await ng.getByTestId('payment-part').count(), 1, 'Nigeria sees its own part only');
    assert.equal(await ng.getByTestId('payment-transaction').count(), 2);
    await ng.getByTestId('acknowledge').click();
    await ng.getByTestId('acknowledge').waitFor({ state: 'detached' });
    assert.equal(await ng.getByTestId('part-status').getAttribute('data-status'), 'acknowledged');
    await choose(ng, ng.getByTestId('forward-unit'), 'Financial intelligence unit');
    await ng.getByTestId('forward').click();
    await ng.locator('[data-testid="part-status"][data-status="forwarded"]').waitFor();
    assert.match(await ng.getByTestId('forwarded-unit').innerText(), /Financial intelligence unit$/);

    // The dollars are frozen, all of them.
    const ngTx = (seq) => ng.locator(`[data-testid="payment-transaction"][data-seq="${seq}"]`);
    await ngTx(1).getByTestId('record-outcome').click();
    await ng.getByTestId('outcome-choice-frozen').check();
    assert.equal(await ng.locator('input[data-testid="outcome-frozen"]').count(), 1);
    assert.equal(await ng.locator('input[data-testid="outcome-frozen"]').inputValue(), '42000000.00');
    await ng.getByTestId('outcome-note').fill('Frozen by First Bank at 09:40 on our request.');
    await ng.getByTestId('outcome-submit').click();
    await ng.locator('[data-testid="payment-transaction"][data-seq="1"][data-outcome="frozen"]').waitFor();
    assert.equal(await ngTx(1).getByTestId('frozen-amount').innerText(), 'Frozen: $42,000,000.00');

    // The euros had moved on to Jordan, but for a quarter of a million.
    await ngTx(2).getByTestId('record-outcome').click();
    await ng.getByTestId('outcome-choice-moved_on').check();
    const moved = ng.getByTestId('outcome-account');
    await moved.fill('JO95 CBJO 0010 0000 0000 0131 0003 02');
    assert.match(await fieldOf(ng, moved).innerText(), /Not a valid IBAN/);
    await moved.fill(JORDAN_IBAN.toLowerCase());
    assert.equal(await ng.getByTestId('outcome-account-routes').innerText(), 'Routes to: Jordan');
    await ng.locator('input[data-testid="outcome-frozen"]').fill('250000');
    await ng.getByTestId('outcome-note').fill('Wired on to Amman an hour before the freeze.');
    await shot(ng, 'payments-outcome-moved-on');
    await ng.getByTestId('outcome-submit').click();
    await ng.locator('[data-testid="payment-transaction"][data-seq="2"][data-outcome="moved_on"]').waitFor();
    assert.match(await ngTx(2).innerText(), /Moved on to Jordan:/);
    assert.equal(await ngTx(2).getByTestId('chase-link').count(), 0, 'the chase is the victim bureau’s');
    assert.equal(await ng.getByTestId('part-status').getAttribute('data-status'), 'answered');
    await shot(ng, 'payments-case-nigeria');

    // Jordan: the chase is in its queue, for what was not frozen; the money comes back.
    await jo.getByTestId('nav-payments').click();
    const joRow = jo.getByTestId('queue-row').filter({ hasText: VICTIM });
    await joRow.waitFor();
    await joRow.getByTestId('case-link').click();
    await jo.getByTestId('chase-badge').waitFor();
    assert.equal(await jo.getByTestId('parent-case-link').count(), 0);
    assert.deepEqual(await jo.getByTestId('transaction-amount').allInnerTexts(), ['€1,250,000.00']);
    assert.equal(
      await jo.getByTestId('transaction-account').innerText(),
      'JO94 CBJO 0010 0000 0000 0131 0003 02',
    );
    await jo.getByTestId('record-outcome').click();
    await jo.getByTestId('outcome-choice-returned').check();
    assert.equal(await jo.locator('input[data-testid="outcome-returned"]').inputValue(), '1250000.00');
    await jo.getByTestId('outcome-submit').click();
    await jo.locator('[data-testid="payment-transaction"][data-outcome="returned"]').waitFor();
    assert.equal(await jo.getByTestId('returned-amount').innerText(), 'Returned: €1,250,000.00');
    await shot(jo, 'payments-chase-jordan');

    // France follows it all: Nigeria's steps, the chase, Jordan's return.
    await fr.goto(caseUrl);
    await fr.getByTestId('payment-timeline').waitFor();
    const steps = await fr
      .getByTestId('payment-timeline')
      .locator('[data-testid^="step-"]')
      .evaluateAll((els) => els.map((e) => e.dataset.testid));
    assert.deepEqual(steps, [
      'step-open',
      'step-route',
      'step-route',
      'step-acknowledge',
      'step-forward',
      'step-outcome',
      'step-answer',
      'step-outcome',
    ]);
    assert.match(await fr.getByTestId('payment-timeline').innerText(), /ng\.officer, Nigeria \(NG\)/);
    assert.match(await fr.getByTestId('payment-timeline').innerText(), /Frozen by First Bank/);
    const ngPart = fr.locator('[data-testid="payment-part"][data-country="NG"]');
    assert.equal(await ngPart.getByTestId('part-status').getAttribute('data-status'), 'answered');
    await shot(fr, 'payments-case-timeline');
    await ngPart.getByTestId('chase-link').click();
    await fr.getByTestId('parent-case-link').waitFor();
    await fr.locator('[data-testid="payment-transaction"][data-outcome="returned"]').waitFor();
    assert.match(await fr.getByTestId('payment-timeline').innerText(), /Jordan \(JO\)/);
    await fr.getByTestId('parent-case-link').click();
    await fr.waitForURL(caseUrl);

    // In Arabic the case reads right to left; amounts keep their own direction.
    await fr.getByTestId('language-switch').click();
    await fr.getByRole('option', { name: 'العربية' }).click();
    await fr.getByText('التسلسل الزمني').waitFor();
    assert.equal(await fr.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(
      await fr
        .getByTestId('transaction-amount')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
      'ltr',
    );
    await shot(fr, 'payments-case-arabic');
    await fr.getByTestId('nav-payments').click();
    await fr.getByTestId('payments-tab-opened').click();
    await fr.getByTestId('opened-table').waitFor();
    await shot(fr, 'payments-opened-arabic');
    await fr.getByTestId('language-switch').click();
    await fr.getByRole('option', { name: 'English' }).click();
    await fr.getByText('Opened by us').waitFor();
    assert.equal(
      await fr.getByTestId('opened-row').filter({ hasText: VICTIM }).count(),
      2,
      'the case and its chase',
    );
    await shot(fr, 'payments-opened');

    await fr.context().close();
    await ng.context().close();
    await jo.context().close();
  });

  it('is offered only to those with the payments capability', async () => {
    const border = await signedIn('fr.border'); // a border post: screening and databases only
    assert.equal(await border.getByTestId('nav-payments').count(), 0);
    await border.goto(`${ui.server.url}/payments`);
    await border.getByTestId('dashboard-title').waitFor();
    await border.context().close();
  });
});
