// Browser test of notices: a French officer drafts a red notice through the form (a field the
// server refuses is named under it), the French supervisor approves and submits it, the General
// Secretariat's reviewer (second factor) takes it from the review queue, reads the review
// assistance and publishes it, and a Jordanian officer finds it in force with its control number;
// then a refusal whose reason the requesting bureau reads in the steps, and the page in Arabic.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { launchBrowser, PASSWORD, signedIn as signInAs } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

/** The demo users' second factor (src/modules/demo/demo.service.ts). */
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

let server;
let browser;
/** The reviewer's session: signed in once with a one-time code (a code is accepted once), then reused. */
let reviewerState;

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (username, locale) => signInAs(browser, server.url, username, locale);

async function reviewer() {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 900 },
    locale: 'en-GB',
    storageState: reviewerState,
  });
  const page = await context.newPage();
  await page.goto(server.url);
  if (!reviewerState) {
    await page.getByTestId('username').fill('xg.reviewer');
    await page.getByTestId('password').fill(PASSWORD);
    await page.getByTestId('signin-submit').click();
    await page.locator('[data-testid="totp"] input').first().click();
    await page.keyboard.type(authenticator.generate(TOTP_SECRET));
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('dashboard-title').waitFor();
    reviewerState = await context.storageState();
  } else {
    await page.getByTestId('dashboard-title').waitFor();
  }
  return page;
}

/** Kept with the other screenshots, and in /tmp to look at. */
async function shot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  fs.copyFileSync(file, path.join(os.tmpdir(), `${name}.png`));
}

const pick = async (page, testId, option) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

/** A 1×1 PNG: what the server checks is that it is an image, not its size. */
const PNG_1X1 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

const status = (page) => page.getByTestId('notice-header').getByTestId('status-badge');

async function openNotice(page, id) {
  await page.goto(`${server.url}/notices/${id}`);
  await page.getByTestId('notice-header').waitFor();
}

/** Takes a workflow step by its button and waits for the status it leads to. */
async function step(page, action, to) {
  await page.getByTestId(`action-${action}`).click();
  await page.locator(`[data-testid="notice-header"] [data-status="${to}"]`).waitFor();
}

/** The API as the signed-in page's user (same origin, JSON, the session cookie). */
function call(page, method, url, body, version) {
  return page.evaluate(
    async ({ method, url, body, version }) => {
      const res = await fetch(`/api/v1${url}`, {
        method,
        headers: {
          'content-type': 'application/json',
          ...(version ? { 'if-match': `"${version}"` } : {}),
        },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, url, body, version },
  );
}

describe('notices in the console', () => {
  let noticeId;
  let controlNumber;

  it('lets an officer draft a red notice through the form, naming the field the server refuses', async () => {
    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-notices').click();
    await fr.getByTestId('notices-title').waitFor();
    await fr.getByTestId('new-notice').click();
    await fr.getByTestId('pick-type-red').click();
    assert.match(await fr.getByTestId('pick-type-red').innerText(), /provisionally arrest/);
    assert.equal(await fr.getByTestId('pick-type-un').count(), 0, 'UN special notices are the GS’s');

    await fr.getByTestId('field-subject.forenames').fill('Adrien');
    await pick(fr, 'field-subject.sex', 'male');
    await fr.getByTestId('field-subject.dateOfBirth').fill('1984-03-17');
    await fr.getByTestId('field-subject.nationalities').fill('FR');
    await fr.getByTestId('field-subject.nationalities').press('Enter');
    await pick(fr, 'field-warrant.basis', 'prosecution');
    await fr.getByTestId('field-warrant.reference').fill('LY-2025-4471');
    await fr.getByTestId('field-warrant.date').fill('2025-11-03');
    await fr.getByTestId('field-warrant.issuingAuthority').fill('Tribunal judiciaire de Lyon');
    await fr.getByTestId('field-warrant.issuingCountry').fill('FR');
    await fr.getByTestId('field-warrant.maximumPenaltyMonths').fill('240');
    await fr.getByTestId('add-charges').click();
    await fr.getByTestId('field-charges.0.offence').fill('Armed robbery');
    await fr
      .getByTestId('field-charges.0.facts')
      .fill('Robbed a jewellery shop in Lyon with two accomplices, threatening the staff with a firearm.');
    await fr.getByTestId('field-publicExtract').check();

    // No family name: the server refuses and the form says so under the field.
    await fr.getByTestId('save-notice').click();
    await fr.getByTestId('form-error').waitFor();
    assert.match(await fr.getByTestId('form-error-list').innerText(), /Family name: is required/);
    assert.equal(await fr.getByTestId('field-subject.familyName').getAttribute('aria-invalid'), 'true');
    await shot(fr, 'notices-form');

    await fr.getByTestId('field-subject.familyName').fill('Delacroix-Vasseur');
    await fr.getByTestId('save-notice').click();
    await fr.getByTestId('notice-header').waitFor();
    noticeId = fr.url().split('/').at(-1);
    assert.equal(await fr.getByTestId('notice-title').innerText(), 'DELACROIX-VASSEUR, Adrien');
    assert.equal(await status(fr).getAttribute('data-status'), 'draft');
    assert.equal(await fr.getByTestId('notice-header').getAttribute('data-type'), 'red');
    assert.equal(await fr.getByTestId('control-number').innerText(), 'Given on publication');
    assert.match(await fr.getByTestId('section-warrant').innerText(), /Tribunal judiciaire de Lyon/);
    assert.match(await fr.getByTestId('section-charges').innerText(), /Armed robbery/);
    assert.equal(await fr.getByTestId('edit-notice').count(), 1, 'a draft may still be changed');
    assert.equal(await fr.getByTestId('action-approve').count(), 0, 'an officer does not approve');

    // Changed (If-Match on the version read): the form starts from what the server holds.
    await fr.getByTestId('edit-notice').click();
    await fr.getByTestId('notice-form-title').waitFor();
    assert.equal(await fr.getByTestId('field-subject.familyName').inputValue(), 'Delacroix-Vasseur');
    await fr.getByTestId('field-subject.placeOfBirth').fill('Villeurbanne');
    await fr.getByTestId('save-notice').click();
    await fr.getByTestId('section-subject').getByText('Villeurbanne').waitFor();
    assert.match(await fr.getByTestId('timeline').innerText(), /Changed/);

    // A photo, while the draft is the bureau's to change: served back to the page as an image.
    await fr
      .getByTestId('notice-photos')
      .locator('input[type="file"]')
      .setInputFiles({
        name: 'portrait.png',
        mimeType: 'image/png',
        buffer: Buffer.from(PNG_1X1, 'base64'),
      });
    const photo = fr.getByTestId('notice-photo');
    await photo.waitFor();
    await fr.waitForFunction(
      () => document.querySelector('[data-testid="notice-photo"]')?.naturalWidth === 1,
    );

    // The bureau's list shows it as a draft.
    await fr.getByTestId('nav-notices').click();
    await fr.getByTestId('notices-tab-bureau').click();
    const row = fr.locator(`[data-testid="notice-row"][data-id="${noticeId}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /Red/);
    assert.match(await row.innerText(), /DELACROIX-VASSEUR, Adrien/);
    assert.equal(await row.getByTestId('status-badge').getAttribute('data-status'), 'draft');
    await shot(fr, 'notices-list');
    await fr.context().close();
  });

  it('goes from the supervisor to the General Secretariat, which publishes it with a control number', async () => {
    const sup = await signedIn('fr.supervisor');
    await openNotice(sup, noticeId);
    await step(sup, 'approve', 'approved');
    await step(sup, 'submit', 'submitted');
    assert.equal(
      await sup.getByTestId('edit-notice').count(),
      0,
      'submitted: no longer the bureau’s to change',
    );
    await sup.context().close();

    const gs = await reviewer();
    await gs.getByTestId('nav-notices').click();
    // A reviewer lands on the review queue.
    const row = gs.locator(
      `[data-testid="notices-list-review"] [data-testid="notice-row"][data-id="${noticeId}"]`,
    );
    await row.waitFor();
    await row.getByTestId('notice-link').click();
    await gs.getByTestId('review-panel').waitFor();
    await step(gs, 'take', 'under_review');
    const panel = gs.getByTestId('review-panel');
    await panel.getByText('Review assistance').waitFor();
    await gs.getByTestId('action-publish').waitFor();
    await shot(gs, 'notices-review');
    await step(gs, 'publish', 'published');
    controlNumber = await gs.getByTestId('control-number').innerText();
    assert.match(controlNumber, /^\d{4}\/\d{5}$/);
    const steps = await gs.getByTestId('timeline').innerText();
    for (const s of ['Created', 'Approved', 'Submitted', 'Taken for review', 'Published']) {
      assert.match(steps, new RegExp(s));
    }
    assert.match(steps, /fr\.supervisor · France \(FR\)/, 'the supervisor who approved is named');
    assert.equal(await gs.getByTestId('review-panel').count(), 0, 'a published notice is past review');
    await shot(gs, 'notices-detail');

    // The statistics count it.
    await gs.getByTestId('nav-notices').click();
    await gs.getByTestId('notices-tab-stats').click();
    assert.ok(Number(await gs.getByTestId('stats-red').getByTestId('stats-total').innerText()) >= 1);
    await shot(gs, 'notices-stats');
    await gs.context().close();
  });

  it('reaches another bureau: in force, with its control number, and reads right to left in Arabic', async () => {
    const jo = await signedIn('jo.officer');
    await jo.getByTestId('nav-notices').click();
    await jo.getByTestId('notices-tab-published').click();
    const row = jo.locator(
      `[data-testid="notices-list-published"] [data-testid="notice-row"][data-id="${noticeId}"]`,
    );
    await row.waitFor();
    assert.equal(await row.getByTestId('row-control-number').innerText(), controlNumber);
    assert.match(await row.innerText(), /France \(FR\)/);
    await shot(jo, 'notices-in-force');
    await row.getByTestId('notice-link').click();
    await jo.getByTestId('notice-header').waitFor();
    assert.equal(await jo.getByTestId('notice-actions').count(), 0, 'nothing for another bureau to do');
    assert.equal(
      await jo.getByTestId('pdf-fr').getAttribute('href'),
      `/api/v1/notices/${noticeId}/pdf?lang=fr`,
    );

    await jo.getByTestId('language-switch').click();
    await jo.getByRole('option', { name: 'العربية' }).click();
    await jo.getByTestId('notice-header').getByText('حمراء').first().waitFor();
    assert.equal(await jo.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await status(jo).innerText(), 'منشورة');
    assert.equal(await jo.getByTestId('control-number').innerText(), controlNumber);
    await jo.getByTestId('section-warrant').getByText('مذكرة التوقيف أو الحكم').waitFor();
    await shot(jo, 'notices-detail-ar');
    await jo.context().close();
  });

  it('shows a reviewer’s refusal, with its reason, to the requesting bureau', async () => {
    // A request whose penalty is under what a red notice needs, drafted and submitted through the API.
    const fr = await signedIn('fr.officer');
    const created = await call(fr, 'POST', '/notices', {
      kind: 'notice',
      type: 'red',
      data: {
        subject: { familyName: 'Rambert', forenames: 'Lucie', sex: 'female', dateOfBirth: '1991-07-02' },
        warrant: {
          basis: 'prosecution',
          reference: 'BX-2025-118',
          date: '2025-10-20',
          issuingAuthority: 'Tribunal judiciaire de Bordeaux',
          issuingCountry: 'FR',
          maximumPenaltyMonths: 6,
        },
        charges: [
          { offence: 'Shoplifting', facts: 'Took cosmetics worth 80 euros from a shop in Bordeaux.' },
        ],
      },
    });
    assert.equal(created.status, 201);
    const id = created.body.id;
    await fr.context().close();
    const sup = await signedIn('fr.supervisor');
    const approved = await call(
      sup,
      'POST',
      `/notices/${id}/steps`,
      { action: 'approve' },
      created.body.version,
    );
    assert.equal(approved.status, 200);
    const submitted = await call(
      sup,
      'POST',
      `/notices/${id}/steps`,
      { action: 'submit' },
      approved.body.version,
    );
    assert.equal(submitted.status, 200);
    await sup.context().close();

    const gs = await reviewer();
    await openNotice(gs, id);
    await step(gs, 'take', 'under_review');
    const flag = gs.locator('[data-testid="review-flag"][data-code="red.penalty_too_low"]');
    await flag.waitFor();
    assert.equal(await flag.getAttribute('data-severity'), 'problem');
    assert.match(await flag.innerText(), /Penalty under the threshold/);
    await shot(gs, 'notices-review-problem');

    await gs.getByTestId('action-refuse').click();
    assert.equal(await gs.getByTestId('confirm-step').isDisabled(), true, 'a refusal needs a reason');
    const reason =
      'The maximum penalty of 6 months is under the 2 years a red notice requires (RPD art. 83).';
    await gs.getByTestId('step-reason').fill(reason);
    await gs.getByTestId('confirm-step').click();
    await gs.locator('[data-testid="notice-header"] [data-status="refused"]').waitFor();
    await gs.context().close();

    const back = await signedIn('fr.officer');
    await openNotice(back, id);
    assert.equal(await status(back).getAttribute('data-status'), 'refused');
    // Said at the top of the page, and in the steps.
    assert.match(
      await back.getByTestId('notice-reason').innerText(),
      /Refused by General Secretariat \(XG\)/,
    );
    assert.match(await back.getByTestId('notice-reason').innerText(), /RPD art\. 83/);
    assert.equal(await back.getByTestId('control-number').innerText(), '—');
    const refusal = back.getByTestId('step-refuse');
    assert.match(await refusal.innerText(), /Refused/);
    assert.equal(await refusal.getByTestId('step-comment').innerText(), reason);
    assert.match(await refusal.innerText(), /General Secretariat|XG/);
    await shot(back, 'notices-refused');
    await back.context().close();
  });
});
