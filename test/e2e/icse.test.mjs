// Browser test of child-exploitation media (ICSE): the United States' child-protection officer
// drops two images at once (both new), opens a series with a victim and classifies one image into
// it; Jordan's officer uploads a rotated copy and is told at once that the series is known and its
// victim not yet identified, with a blurred preview; revealing the original asks for a reason
// first; the United States marks the victim identified and Jordan is told, the status changing;
// a hash list is imported; the pages read right to left in Arabic; an officer outside a
// child-protection unit sees no ICSE at all.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { consoleFixture, shot } from './harness.mjs';

const repoRoot = path.resolve(import.meta.dirname, '../..');
// The shared test images, read where they are (never copied into the repository).
const IMAGES = path.resolve(repoRoot, '../shared/testdata/pdq/images');
const ORIGINAL = path.join(IMAGES, 'reg-test-input/dih/bridge-1-original.jpg');
const ROTATED = path.join(IMAGES, 'reg-test-input/dih/bridge-3-rotate-180.jpg');
const UNRELATED = path.join(IMAGES, 'reg-test-input/labelme-subset/q0122.jpg');
const UNRELATED_PDQ = 'cfb2009ddd21c6dab0046a7745b5984757a8a4535b3377aea2591d32b33ff940';

const ui = consoleFixture();
const signedIn = ui.signedIn;

/** Picks `option` in the Mantine select (or multi-select) whose input has `testId`. */
async function choose(page, testId, option) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Drops files on the drop zone as a user dragging them from the desktop would. */
async function dropFiles(page, files) {
  const payload = files.map((f) => ({
    name: path.basename(f),
    base64: fs.readFileSync(f).toString('base64'),
  }));
  const transfer = await page.evaluateHandle((items) => {
    const dt = new DataTransfer();
    for (const { name, base64 } of items) {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], name, { type: 'image/jpeg' }));
    }
    return dt;
  }, payload);
  const zone = page.getByTestId('drop-zone');
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
}

/** Waits for the batch to finish and the server's grouping to be shown. */
async function batchDone(page) {
  await page.locator('[data-testid="upload-progress"][data-finished="true"]').waitFor();
  await page.getByTestId('results-source').filter({ hasText: 'Grouped by the server' }).waitFor();
}

/** Whether an <img> has loaded real pixels. */
const loaded = (locator) => locator.evaluate((img) => img.complete && img.naturalWidth > 0);

describe('child-exploitation media in the console', () => {
  it('matches a rotated copy to a known series, reveals on a reason, and tells of an identification', async () => {
    // The United States drops two images at once: nothing known, both new.
    const us = await signedIn('us.childprotection');
    await us.getByTestId('nav-icse').click();
    await us.getByTestId('icse-title').waitFor();
    await dropFiles(us, [ORIGINAL, UNRELATED]);
    await batchDone(us);
    const usFiles = us.getByTestId('upload-file');
    assert.equal(await usFiles.count(), 2);
    assert.deepEqual(
      await us.getByTestId('result-group').evaluateAll((els) => els.map((e) => e.dataset.status)),
      ['new'],
    );
    assert.equal(await us.getByTestId('icse-result').count(), 2);
    for (const img of await us.getByTestId('icse-result').getByTestId('blurred-preview').all()) {
      await img.scrollIntoViewIfNeeded();
      await us.waitForFunction((el) => el.complete && el.naturalWidth > 0, await img.elementHandle());
    }
    await shot(us, 'icse-upload');

    // A series with a victim.
    await us.getByTestId('icse-nav-series').click();
    await us.getByTestId('series-new').click();
    await us.getByTestId('series-name').fill('Bridge series');
    await us.getByTestId('series-description').fill('Outdoor set, 2026');
    await us.getByTestId('series-create').click();
    await us.getByTestId('series-title').filter({ hasText: 'Bridge series' }).waitFor();
    await us.getByTestId('add-subject-label').fill('Girl, about 9');
    await us.getByTestId('add-subject-notes').fill('Seen in the outdoor set');
    await us.getByTestId('add-subject-submit').click();
    await us.getByTestId('subjects-victim').getByText('Girl, about 9').waitFor();
    assert.equal(
      await us.getByTestId('subjects-victim').getByTestId('subject-status').getAttribute('data-identified'),
      'false',
    );
    await us.getByTestId('series-danger').waitFor();

    // The original is classified into it, the victim shown.
    await us.getByTestId('icse-nav-upload').click();
    await us.getByTestId('recent-media').getByText('bridge-1-original.jpg').click();
    await us.getByTestId('medium-name').filter({ hasText: 'bridge-1-original.jpg' }).waitFor();
    assert.match(await us.getByTestId('medium-facts').innerText(), /SHA-256\s+[0-9a-f]{64}/);
    assert.match(await us.getByTestId('medium-facts').innerText(), /PDQ\s+[0-9a-f]{64}/);
    await choose(us, 'classify-category', '1 — Child abuse material');
    await choose(us, 'classify-series', 'Bridge series');
    await choose(us, 'classify-subjects', 'Girl, about 9 (Victim)');
    await us.keyboard.press('Escape');
    await us.getByTestId('classify-save').click();
    await us.getByTestId('medium-series').filter({ hasText: 'Bridge series' }).waitFor();
    await shot(us, 'icse-medium');

    // Jordan chooses a rotated copy: the series is known, its victim not yet identified.
    const jo = await signedIn('jo.childprotection');
    await jo.getByTestId('nav-icse').click();
    await jo.getByTestId('upload-input').setInputFiles([ROTATED]);
    await batchDone(jo);
    const group = jo.getByTestId('result-group').first();
    assert.equal(await group.getAttribute('data-status'), 'known');
    assert.equal(await group.getByTestId('group-series').innerText(), 'Bridge series');
    assert.match(await group.getByTestId('group-danger').innerText(), /Girl, about 9/);
    assert.match(
      await group.getByTestId('icse-status').first().textContent(),
      /Known series — victim not yet identified/,
    );
    assert.match(await group.getByTestId('result-matches').innerText(), /Similar image \(PDQ\)/);
    const preview = group.getByTestId('blurred-preview');
    await jo.waitForFunction((el) => el.complete && el.naturalWidth > 0, await preview.elementHandle());
    assert.match(await preview.getAttribute('src'), /\/api\/v1\/icse\/media\/[0-9a-f-]{36}\/preview$/);
    await shot(jo, 'icse-known-series');

    // Revealing the original: a reason first, then the bytes, from an object URL revoked on close.
    await group.getByTestId('reveal-open').click();
    assert.equal(await jo.getByTestId('revealed').count(), 0);
    assert.equal(await jo.getByTestId('reveal-submit').isDisabled(), true);
    await jo.getByTestId('reveal-reason').fill('Comparing with seized material, case JO-2026-114');
    await jo.getByTestId('reveal-submit').click();
    const revealed = jo.getByTestId('revealed');
    await revealed.waitFor();
    await jo.waitForFunction((el) => el.complete && el.naturalWidth > 0, await revealed.elementHandle());
    const objectUrl = await revealed.getAttribute('src');
    assert.match(objectUrl, /^blob:/);
    assert.equal(await loaded(revealed), true);
    await shot(jo, 'icse-reveal');
    await jo.getByTestId('reveal-close').click();
    await revealed.waitFor({ state: 'detached' });
    const stillThere = await jo.evaluate(
      (u) =>
        fetch(u).then(
          () => true,
          () => false,
        ),
      objectUrl,
    );
    assert.equal(stillThere, false, 'the object URL is revoked once the modal closes');

    // The United States marks the victim identified; Jordan is told, and the status changes.
    await us.getByTestId('medium-series').getByRole('link', { name: 'Bridge series' }).click();
    await us.getByTestId('series-title').waitFor();
    await us.getByTestId('identify-open').click();
    await us.getByTestId('identify-notes').fill('Safeguarded on 2026-11-20');
    await us.getByTestId('identify-submit').click();
    await us
      .getByTestId('subjects-victim')
      .locator('[data-testid="subject-status"][data-identified="true"]')
      .waitFor();
    assert.match(
      await us.getByTestId('subjects-victim').textContent(),
      /Identified.*United States of America \(US\) — /,
    );
    assert.equal(await us.getByTestId('series-danger').count(), 0);
    await shot(us, 'icse-series');

    const notice = jo.getByTestId('notification').first();
    await notice.waitFor({ timeout: 15_000 });
    assert.match(
      await notice.getByTestId('notification-text').innerText(),
      /Victim “Girl, about 9” of series Bridge series identified by United States of America \(US\)/,
    );
    await jo.getByTestId('nav-icse-unread').waitFor();
    await jo.locator('[data-testid="result-group"][data-status="victim_identified"]').waitFor();
    await shot(jo, 'icse-notified');
    await notice.getByTestId('notification-read').click();
    await jo.getByTestId('notifications-none').waitFor();
    assert.equal(await jo.getByTestId('nav-icse-unread').count(), 0);

    // The victim's page: identified by the United States; Jordan and the United States hold media.
    await jo.getByTestId('group-series').click();
    await jo.getByTestId('subjects-victim').getByRole('link', { name: 'Girl, about 9' }).click();
    await jo.getByTestId('subject-title').waitFor();
    assert.match(
      await jo.getByTestId('subject-identified').innerText(),
      /Identified by United States of America \(US\)/,
    );
    assert.deepEqual(await jo.getByTestId('holder').allTextContents(), [
      'Jordan (JO)',
      'United States of America (US)',
    ]);
    await shot(jo, 'icse-subject');

    // In Arabic the series list reads right to left.
    await jo.getByTestId('icse-nav-series').click();
    await jo.getByTestId('series-row').first().waitFor();
    await shot(jo, 'icse-series-list');
    await jo.getByTestId('language-switch').click();
    await jo.getByRole('option', { name: 'العربية' }).click();
    await jo.getByText('حُدِّدت هوية الضحية').first().waitFor();
    assert.equal(await jo.evaluate(() => document.documentElement.dir), 'rtl');
    await shot(jo, 'icse-series-list-arabic');
    await jo.getByTestId('series-row').getByRole('link').first().click();
    await jo.getByTestId('series-title').waitFor();
    await shot(jo, 'icse-series-arabic');

    // A hash list from elsewhere: the United States' own unrelated image is found again.
    await us.getByTestId('icse-nav-import').click();
    const chooser = us.waitForEvent('filechooser');
    await us.getByTestId('import-file').click();
    await (await chooser).setFiles({
      name: 'hashes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${UNRELATED_PDQ},100,seized/q0122.jpg\n`),
    });
    assert.equal(
      await us.getByTestId('import-format').getByRole('radio', { checked: true }).getAttribute('value'),
      'pdq',
    );
    await us.getByTestId('import-start').click();
    await us.getByTestId('import-summary').waitFor();
    assert.equal(await us.getByTestId('import-imported').innerText(), '1');
    assert.equal(await us.getByTestId('import-matched').innerText(), '1');
    await shot(us, 'icse-import');

    await us.context().close();
    await jo.context().close();
  });

  it('is not there for an officer outside a child-protection unit', async () => {
    const fr = await signedIn('fr.officer');
    assert.equal(await fr.getByTestId('nav-icse').count(), 0);
    await fr.goto(`${ui.server.url}/icse`);
    await fr.getByTestId('dashboard-title').waitFor();
    assert.equal(await fr.getByTestId('icse-title').count(), 0);
    const status = await fr.evaluate(() => fetch('/api/v1/icse/series').then((r) => r.status));
    assert.equal(status, 403);
    await fr.context().close();
  });
});
