// Browser tests of the criminal databases: an officer records a stolen vehicle through the form
// (validation messages first), another bureau finds it — or only learns that a restricted one
// exists — and the owner sees the hit in its inbox and answers; an import reports its rejects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { screenshots, startServer } from './server.mjs';

const PASSWORD = 'meridian-demo-2026';
const VIN_OPEN = '1M8GDM9A1KP042788'; // wrong check digit: accepted with a warning
const VIN_HIDDEN = 'VF3LBHZRFKS000777';

let server;
let browser;

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function signedIn(username) {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

async function fill(page, testId, value) {
  const field = page.getByTestId(testId);
  await field.fill(value);
}

/** A record made through the API from the signed-in page (same session), for the other cases. */
async function createViaApi(page, db, body) {
  return page.evaluate(
    async ([db, body]) => {
      const res = await fetch(`/api/v1/databases/${db}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    [db, body],
  );
}

describe('criminal databases in the console', () => {
  let fr;
  let recordUrl;

  it('shows the catalogue of the 19 databases', async () => {
    fr = await signedIn('fr.officer');
    await page(fr, '/databases');
    await fr.getByTestId('catalogue').waitFor();
    assert.equal(await fr.locator('[data-testid^="db-"]').count(), 19);
    await shot(fr, 'databases-catalogue');
  });

  it('creates a stolen vehicle through the form, showing the field at fault first', async () => {
    await fr.getByTestId('new-vehicles').click();
    await fill(fr, 'field-reference', 'FR-E2E-V1');
    await fill(fr, 'field-vin', VIN_OPEN);
    await fr.getByTestId('save-record').click();
    // Purpose left empty: the server names the field and the form shows it there.
    await fr.getByTestId('form-error').waitFor();
    const purposeError = fr
      .locator('[data-testid="field-purpose"]')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
    assert.match(await purposeError.innerText(), /purpose|characters/i);
    await shot(fr, 'record-form-errors');

    await fill(fr, 'field-purpose', 'Car stolen in Lyon on 2 November, reported by the owner');
    await fill(fr, 'field-make', 'Peugeot');
    await fill(fr, 'field-model', '3008');
    // Shared with every bureau but Nigeria: a restriction the owner chose.
    await fr.getByTestId('field-restriction-mode').getByText('All but').click();
    await fr.getByTestId('field-restriction-bureaus').click();
    await fr.getByTestId('field-restriction-bureaus').fill('NG');
    await fr.getByRole('option', { name: /^NG/ }).click();
    await fr.keyboard.press('Escape');
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('record-title').waitFor();
    recordUrl = fr.url();
    assert.match(await fr.getByTestId('record-title').innerText(), /Peugeot 3008/);
    assert.match(await fr.getByTestId('record-warnings').innerText(), /check digit/);
    assert.match(await fr.locator('body').innerText(), /All but NG/i);
    await shot(fr, 'record-page');

    const hidden = await createViaApi(fr, 'vehicles', {
      reference: 'FR-E2E-V2',
      restriction: { mode: 'except', bureaus: ['JO'] },
      handling: 'official',
      purpose: 'Vehicle linked to an investigation not shared with Jordan',
      sourceReliability: 'B',
      infoAccuracy: 2,
      data: { vin: VIN_HIDDEN, make: 'Renault' },
    });
    assert.equal(hidden.status, 201);
  });

  it('lets another bureau find it, and only learn that the restricted one exists', async () => {
    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/search');
    await fill(jo, 'search-purpose', 'Vehicle checked at the Karameh border crossing');
    await fill(jo, 'search-value', VIN_OPEN.toLowerCase().replace(/(.{4})/g, '$1 '));
    await jo.getByTestId('run-search').click();
    await jo.getByTestId('result-see').waitFor();
    assert.match(await jo.getByTestId('hit-notice').innerText(), /FR has been notified/);
    await shot(jo, 'search-found');

    await fill(jo, 'search-value', VIN_HIDDEN);
    await jo.getByTestId('run-search').click();
    await jo.getByTestId('result-exists').waitFor();
    assert.match(await jo.getByTestId('result-exists').innerText(), /contact bureau FR/);
    await shot(jo, 'search-exists');
    await jo.context().close();
  });

  it('puts the hit in the owner inbox, where the owner answers', async () => {
    await page(fr, '/databases/hits');
    const hit = fr.getByTestId('hit').filter({ hasText: 'Peugeot 3008' });
    await hit.waitFor();
    assert.match(await hit.innerText(), /jo\.ct of JO \(Counter-terrorism unit\)/);
    assert.match(await hit.innerText(), /Karameh border crossing/);
    await hit.getByTestId('open-hit').click();
    await hit.getByTestId('reply-box').fill('Please hold the vehicle; our liaison officer will call.');
    await hit.getByTestId('send-reply').click();
    await hit.getByTestId('reply-text').waitFor();
    await shot(fr, 'hit-inbox');

    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/hits');
    await jo.getByTestId('hit-box').getByText('Made by our bureau').click();
    const sent = jo.getByTestId('hit').filter({ hasText: 'Peugeot 3008' });
    await sent.getByTestId('open-hit').click();
    assert.match(await sent.getByTestId('reply-text').innerText(), /hold the vehicle/);
    await jo.context().close();
  });

  it('keeps the history of a changed record', async () => {
    await fr.goto(recordUrl);
    await fr.getByTestId('edit-record').click();
    await fill(fr, 'field-colour', 'dark blue');
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('record-title').waitFor();
    await fr.getByTestId('tab-history').click();
    await fr.getByTestId('history').waitFor();
    assert.match(await fr.getByTestId('history').innerText(), /Colour/);
    await shot(fr, 'record-history');
  });

  it('imports a CSV file and lists the rejected rows', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-e2e-import-')), 'documents.csv');
    fs.writeFileSync(
      file,
      [
        'reference,restriction,handling,purpose,sourceReliability,infoAccuracy,documentNumber,issuingCountry,type,status',
        'FR-E2E-D1,everyone,official,Blank passports stolen from a prefecture,A,1,17FE12345,FR,passport,stolen_blank',
        'FR-E2E-D2,everyone,official,Blank passports stolen from a prefecture,A,1,17FE12346,DE,passport,stolen_blank',
      ].join('\n'),
    );
    await page(fr, '/databases/travel_documents/import');
    await fr.getByTestId('import-file').click();
    await fr.locator('input[type="file"]').setInputFiles(file);
    await fr.getByTestId('start-import').click();
    await fr.getByTestId('rejected-rows').waitFor();
    assert.match(await fr.getByTestId('import-status').innerText(), /Nothing was imported/);
    assert.match(await fr.getByTestId('rejected-rows').innerText(), /FR-E2E-D2.*issuingCountry/s);
    await shot(fr, 'import-report');
  });

  it('shows the console in Arabic, right to left', async () => {
    await fr.evaluate(() => localStorage.setItem('meridian.language', 'ar'));
    await page(fr, '/databases');
    await fr.getByTestId('catalogue').waitFor();
    assert.equal(await fr.evaluate(() => document.documentElement.dir), 'rtl');
    assert.match(await fr.getByTestId('db-travel_documents').innerText(), /وثائق السفر المسروقة/);
    await shot(fr, 'databases-catalogue-ar');
    await fr.evaluate(() => localStorage.setItem('meridian.language', 'en'));
  });
});

async function page(p, url) {
  await p.goto(`${server.url}${url}`);
}
