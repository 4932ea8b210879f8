// Browser test of messaging: the French officer writes to Jordan from a template (urgent, "not to
// be passed on", a file attached) after the server named the fields at fault; the Jordanian
// officer, already signed in, is told at once (a notification and the unread count), opens the
// message (signature verified), acknowledges it, and is refused when forwarding it; the French
// officer then sees Jordan's delivery, reading and acknowledgement; the message reads right to
// left in Arabic.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { consoleFixture, shot } from './harness.mjs';

const ui = consoleFixture();
const signedIn = ui.signedIn;

/** Picks `option` in the Mantine select (or multi-select) whose input has `testId`. */
async function choose(page, testId, option, search) {
  const input = page.getByTestId(testId);
  await input.click();
  if (search) await input.fill(search);
  await page.getByRole('option', { name: option, exact: true }).click();
}

// A 1×1 PNG: the server recognises files by their bytes.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

describe('messaging in the console', () => {
  it('carries a signed, urgent message from France to Jordan and back its states', async () => {
    // Jordan is signed in before the message leaves: it arrives live.
    const jo = await signedIn('jo.officer');
    assert.equal(await jo.getByTestId('nav-messages-unread').count(), 0);

    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-messages').click();
    await fr.getByTestId('messages-title').waitFor();
    await fr.getByTestId('compose').click();
    await fr.getByTestId('compose-title').waitFor();

    // First without recipients and with "other" but no note: the server names both fields.
    await fr.getByTestId('compose-subject').fill('Test');
    await fr.getByTestId('compose-body').fill('Test');
    await choose(fr, 'compose-handling', 'Other restriction');
    await fr.getByTestId('compose-send').click();
    await fr.getByTestId('compose-error').waitFor();
    const toField = fr.locator('.mantine-InputWrapper-root', { has: fr.getByTestId('compose-to') });
    assert.match(await toField.innerText(), /name at least one bureau/);
    const noteField = fr.locator('.mantine-InputWrapper-root', {
      has: fr.getByTestId('compose-handling-note'),
    });
    assert.match(await noteField.innerText(), /state the restriction/);

    // Jordan, from the template, in Jordan's language (Arabic) unless chosen otherwise.
    await choose(fr, 'compose-to', 'Jordan (JO)', 'Jordan');
    await fr.keyboard.press('Escape');
    assert.doesNotMatch(
      await toField.innerText(),
      /name at least one bureau/,
      'the error goes once answered',
    );
    await choose(fr, 'template-select', 'Request for information');
    assert.equal(await fr.getByTestId('template-language').inputValue(), 'العربية');
    await choose(fr, 'template-language', 'English');
    await fr.getByTestId('template-field-caseReference').fill('FR-2026-0457');
    await fr.getByTestId('template-field-subjectOfRequest').fill('Karim HADDAD, born 1984-03-02');
    await fr.getByTestId('template-field-informationSought').fill('Known addresses and travel since 2025');
    await fr.getByTestId('template-field-deadline').fill('30 June 2026');
    await fr.getByTestId('template-fill').click();
    await fr.waitForFunction(() =>
      document.querySelector('[data-testid="compose-subject"]').value.includes('FR-2026-0457'),
    );
    assert.equal(
      await fr.getByTestId('compose-subject').inputValue(),
      'Request for information — FR-2026-0457',
    );
    assert.match(await fr.getByTestId('compose-body').inputValue(), /Known addresses and travel since 2025/);
    await choose(fr, 'compose-priority', 'Urgent');
    await choose(fr, 'compose-handling', 'Not to be passed on');
    await fr.locator('input[type="file"]').setInputFiles({
      name: 'photo.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await shot(fr, 'messages-compose');
    await fr.getByTestId('compose-send').click();

    // The sent message: signed by France, JO not yet reading it.
    await fr.getByTestId('message-subject').waitFor();
    assert.equal(
      await fr.getByTestId('message-subject').innerText(),
      'Request for information — FR-2026-0457',
    );
    assert.match(await fr.getByTestId('signature').innerText(), /Signed by France \(FR\) — verified/);
    const frRow = fr.getByTestId('recipient-row').filter({ hasText: 'Jordan (JO)' });
    assert.equal(await frRow.getByTestId('state-read').getAttribute('data-done'), 'false');
    assert.equal(await frRow.getByTestId('state-acknowledged').getAttribute('data-done'), 'false');
    const messageUrl = fr.url();

    // Jordan is told at once: a notification, and the unread count beside "Messages".
    await jo.getByTestId('message-alert').waitFor();
    assert.match(await jo.getByTestId('message-alert').innerText(), /Urgent message from France \(FR\)/);
    await jo.getByTestId('nav-messages-unread').waitFor();
    assert.equal(await jo.getByTestId('nav-messages-unread').innerText(), '1');
    await jo.getByTestId('nav-messages').click();
    const row = jo.getByTestId('message-row').filter({ hasText: 'FR-2026-0457' });
    await row.waitFor();
    assert.equal(await row.getAttribute('data-unread'), 'true');
    assert.equal(await row.getByTestId('priority-badge').innerText(), 'URGENT');
    assert.equal(await row.getByTestId('handling-badge').innerText(), 'Not to be passed on');
    assert.equal(await jo.getByTestId('inbox-unread').innerText(), '1');
    await shot(jo, 'messages-inbox');

    // Opening it: France's signature verified; it is no longer unread.
    await row.getByTestId('message-link').click();
    await jo.getByTestId('message-subject').waitFor();
    assert.match(await jo.getByTestId('signature').innerText(), /Signed by France \(FR\) — verified/);
    assert.equal(await jo.getByTestId('signature').getAttribute('data-valid'), 'true');
    assert.match(await jo.getByTestId('message-body').innerText(), /Karim HADDAD/);
    assert.equal(
      await jo.getByTestId('message-attachments').getByRole('link', { name: 'photo.png' }).count(),
      1,
    );
    await jo.getByTestId('nav-messages-unread').waitFor({ state: 'detached' });
    await jo.getByTestId('acknowledge').click();
    await jo.getByTestId('acknowledge').waitFor({ state: 'detached' });

    // Forwarding is refused, with the reason.
    await jo.getByTestId('forward').click();
    await choose(jo, 'forward-to', 'Germany (DE)', 'Germany');
    await jo.keyboard.press('Escape');
    await jo.getByTestId('forward-send').click();
    await jo.getByTestId('forward-error').waitFor();
    assert.match(
      await jo.getByTestId('forward-error').innerText(),
      /marked “not to be passed on”.*permission of its sender, France \(FR\)/s,
    );
    await jo.getByRole('button', { name: 'Cancel' }).click();

    // Back in Paris: Jordan's delivery, reading and acknowledgement, with their times.
    await fr.goto(messageUrl);
    await fr.getByTestId('recipient-table').waitFor();
    for (const state of ['delivered', 'read', 'acknowledged']) {
      assert.equal(await frRow.getByTestId(`state-${state}`).getAttribute('data-done'), 'true', state);
    }
    assert.equal(await frRow.getByTestId('state-answered').getAttribute('data-done'), 'false');
    // Only the sender may let a bureau pass it on.
    await fr.getByTestId('permit').waitFor();
    assert.equal(await jo.getByTestId('permit').count(), 0);
    await shot(fr, 'messages-recipient-states');

    // In Arabic the console turns right to left; the English body keeps its own direction.
    await jo.getByTestId('language-switch').click();
    await jo.getByRole('option', { name: 'العربية' }).click();
    await jo.getByText('موقّعة من').waitFor();
    assert.equal(await jo.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await jo.getByTestId('message-body').getAttribute('dir'), 'auto');
    assert.equal(
      await jo.getByTestId('message-body').evaluate((el) => getComputedStyle(el).direction),
      'ltr',
    );
    await shot(jo, 'messages-arabic');
    await fr.context().close();
    await jo.context().close();
  });

  it('lets the sender allow Jordan to pass it on, and a party open the exchange to the GS', async () => {
    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-messages').click();
    await fr.getByTestId('tab-sent').click();
    await fr
      .getByTestId('message-row')
      .filter({ hasText: 'FR-2026-0457' })
      .getByTestId('message-link')
      .click();
    await fr.getByTestId('permit').click();
    await choose(fr, 'permit-bureau', 'Jordan (JO)');
    await fr.getByTestId('permit-submit').click();
    await fr.getByTestId('permit-done').waitFor();
    await fr.context().close();

    const jo = await signedIn('jo.officer');
    await jo.getByTestId('nav-messages').click();
    await jo
      .getByTestId('message-row')
      .filter({ hasText: 'FR-2026-0457' })
      .getByTestId('message-link')
      .click();
    assert.equal(await jo.getByTestId('gs-access').count(), 0);
    await jo.getByTestId('grant-gs').click();
    await jo
      .getByTestId('gs-reason')
      .fill('Coordination of the joint investigation with the Operations Centre');
    await jo.getByTestId('gs-submit').click();
    await jo.getByTestId('gs-access').waitFor();
    assert.equal(await jo.getByTestId('grant-gs').count(), 0);

    // With France's permission, the forward goes through.
    await jo.getByTestId('forward').click();
    await choose(jo, 'forward-to', 'Germany (DE)', 'Germany');
    await jo.keyboard.press('Escape');
    await jo.getByTestId('forward-comment').fill('For your information, with the permission of NCB Paris.');
    await jo.getByTestId('forward-send').click();
    await jo
      .getByTestId('message-subject')
      .getByText(/^Fwd: Request for information/)
      .waitFor();
    await jo.context().close();
  });

  it('is offered only to those with the messaging capability', async () => {
    const border = await signedIn('fr.border'); // a border post without messaging
    assert.equal(await border.getByTestId('nav-messages').count(), 0);
    await border.goto(`${ui.server.url}/messages`);
    await border.getByTestId('dashboard-title').waitFor();
    await border.context().close();
  });

  it('answers in Arabic: the reply reads right to left and marks the message answered', async () => {
    const jo = await signedIn('jo.officer');
    await jo.getByTestId('nav-messages').click();
    await jo
      .getByTestId('message-row')
      .filter({ hasText: 'FR-2026-0457' })
      .getByTestId('message-link')
      .click();
    await jo.getByTestId('reply').click();
    await jo.getByTestId('compose-title').waitFor();
    assert.match(await jo.getByTestId('compose-subject').inputValue(), /^Re: Request for information/);
    await jo.getByTestId('compose-body').fill('لا تتوفر لدينا أي معلومات عن هذا الشخص.');
    await choose(jo, 'compose-language', 'العربية');
    await jo.getByTestId('compose-send').click();
    await jo.getByTestId('message-subject').waitFor();
    assert.equal(
      await jo.getByTestId('message-body').evaluate((el) => getComputedStyle(el).direction),
      'rtl',
    );
    // The thread shows both messages.
    assert.equal(await jo.getByTestId('thread-item').count(), 2);
    await shot(jo, 'messages-reply-arabic-body');
    await jo.context().close();

    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-messages').click();
    await fr.getByTestId('tab-sent').click();
    await fr
      .getByTestId('message-row')
      .filter({ hasText: 'FR-2026-0457' })
      .getByTestId('message-link')
      .click();
    const row = fr.getByTestId('recipient-row').filter({ hasText: 'Jordan (JO)' });
    await row.waitFor();
    assert.equal(await row.getByTestId('state-answered').getAttribute('data-done'), 'true');
    await fr.context().close();
  });
});
