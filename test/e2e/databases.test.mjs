// Browser tests of the criminal databases: an officer records a stolen vehicle through the form
// (validation messages first) shared with only some bureaus, and a passport by its MRZ; another
// bureau finds the vehicle — or only learns that a restricted one exists — and compares a DNA
// profile; the owner is notified, sees the hit in its inbox and answers; a changed and closed
// record keeps its history; an import reports its rejects.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, signedIn as signInAs } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

const VIN_OPEN = '1M8GDM9A1KP042788'; // wrong check digit: accepted with a warning
const VIN_HIDDEN = 'VF3LBHZRFKS000777';
const MRZ = ['P<FRAMARTIN<<CLAIRE<<<<<<<<<<<<<<<<<<<<<<<<<', '24FR837512FRA8504124F3406016<<<<<<<<<<<<<<00'];
const LEGAL_BASIS = 'Code de procédure pénale, art. 694; INTERPOL RPD art. 10';
const PROFILE = {
  D3S1358: ['15', '17'],
  vWA: ['16', '18'],
  FGA: ['21', '24'],
  TH01: ['6', '9.3'],
  D8S1179: ['13', '14'],
  D21S11: ['29', '30'],
  D18S51: ['14', '17'],
  D5S818: ['11', '12'],
};

let server;
let browser;

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (username) => signInAs(browser, server.url, username);

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
  let hiddenId;
  let passportUrl;

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
    // Purpose left empty: the server names the field; the form shows it there and in the summary.
    await fr.getByTestId('form-error').waitFor();
    const purposeError = fr
      .locator('[data-testid="field-purpose"]')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
    assert.match(await purposeError.innerText(), /purpose|characters/i);
    assert.match(await fr.getByTestId('form-error').innerText(), /Purpose: /);
    await shot(fr, 'record-form-errors');

    await fill(fr, 'field-purpose', 'Car stolen in Lyon on 2 November, reported by the owner');
    await fill(fr, 'field-make', 'Peugeot');
    await fill(fr, 'field-model', '3008');
    // Shared with Jordan and Germany only: a restriction the owner chose.
    await fr.getByTestId('field-restriction-mode').getByText('Only').click();
    for (const code of ['JO', 'DE']) {
      await fr.getByTestId('field-restriction-bureaus').click();
      await fr.getByTestId('field-restriction-bureaus').fill(code);
      await fr.getByRole('option', { name: new RegExp(`^${code} `) }).click();
    }
    await fr.keyboard.press('Escape');
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('record-title').waitFor();
    recordUrl = fr.url();
    assert.match(await fr.getByTestId('record-title').innerText(), /Peugeot 3008/);
    assert.match(await fr.getByTestId('record-warnings').innerText(), /VIN: .*check digit/);
    assert.match(await fr.locator('body').innerText(), /Only DE, JO/i);
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
    hiddenId = hidden.body.id;
    const dna = await createViaApi(fr, 'dna', {
      reference: 'FR-E2E-DNA1',
      restriction: { mode: 'everyone' },
      handling: 'restricted',
      purpose: 'Stain from the Lyon armed robbery, for international comparison',
      legalBasis: LEGAL_BASIS,
      sourceReliability: 'A',
      infoAccuracy: 1,
      data: { laboratoryReference: 'FR-LAB-E2E-1', sampleType: 'crime_scene_stain', loci: PROFILE },
    });
    assert.equal(dna.status, 201, JSON.stringify(dna.body));
    const person = await createViaApi(fr, 'nominal', {
      reference: 'FR-E2E-N1',
      restriction: { mode: 'everyone' },
      handling: 'official',
      purpose: 'Sought for the Lyon armed robbery of 2 November',
      legalBasis: LEGAL_BASIS,
      sourceReliability: 'B',
      infoAccuracy: 2,
      data: {
        names: [{ written: 'يوسف بن علي', script: 'Arab', latin: 'Youssef Benali' }],
        sex: 'male',
        dateOfBirth: '1984-03-12',
        nationalities: ['FR'],
        status: 'wanted',
      },
    });
    assert.equal(person.status, 201, JSON.stringify(person.body));
  });

  it('browses a database, filtered to the bureau and status', async () => {
    await page(fr, '/databases/vehicles');
    await fr.getByTestId('record-list').waitFor();
    await fr.getByTestId('only-mine').check();
    await fr.getByTestId('record-list').filter({ hasText: 'Peugeot 3008' }).waitFor();
    assert.doesNotMatch(await fr.getByTestId('record-list').innerText(), /\n(?!FR)[A-Z]{2}\t/);
    await shot(fr, 'databases-browse');
  });

  it('enters a passport by its machine-readable zone, check digits verified', async () => {
    await page(fr, '/databases/travel_documents/new');
    await fill(fr, 'field-reference', 'FR-E2E-P1');
    await fill(fr, 'field-purpose', 'Passport reported stolen by its holder at the Lyon police station');
    await fill(fr, 'field-legalBasis', LEGAL_BASIS);
    await fr.getByTestId('field-status').click();
    await fr.getByRole('option', { name: /stolen issued/i }).click();
    // A mistyped document number: its check digit no longer matches.
    await fill(fr, 'field-mrz', [MRZ[0], MRZ[1].replace('24FR83751', '24FR83761')].join('\n'));
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('form-error').waitFor();
    assert.match(
      await fr.getByTestId('form-error').innerText(),
      /Machine-readable zone \(MRZ\): .*check digit/i,
    );
    await shot(fr, 'record-form-mrz-errors');
    await fill(fr, 'field-mrz', MRZ.join('\n'));
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('record-title').waitFor();
    const data = await fr.getByTestId('record-data').innerText();
    assert.match(data, /24FR83751/);
    assert.match(data, /MARTIN/);
    passportUrl = fr.url();
    await shot(fr, 'record-page-mrz');
  });

  it('lets another bureau find it, and only learn that the restricted one exists', async () => {
    await fr.goto(recordUrl);
    await fr.getByTestId('record-title').waitFor();
    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/search');
    await fill(jo, 'search-purpose', 'Vehicle checked at the Karameh border crossing');
    await fill(jo, 'search-value', VIN_OPEN.toLowerCase().replace(/(.{4})/g, '$1 '));
    await jo.getByTestId('run-search').click();
    await jo.getByTestId('result-see').waitFor();
    assert.match(await jo.getByTestId('hit-notice').innerText(), /FR has been notified/);
    await shot(jo, 'search-found');
    // The owner, elsewhere in the console, is told at once.
    await fr.getByTestId('hit-alert').waitFor();
    assert.match(await fr.getByTestId('hit-alert').innerText(), /JO \(Counter-terrorism unit\) found/);
    await shot(fr, 'hit-notification');

    await fill(jo, 'search-value', VIN_HIDDEN);
    await jo.getByTestId('run-search').click();
    await jo.getByTestId('result-exists').waitFor();
    assert.match(await jo.getByTestId('result-exists').innerText(), /contact bureau FR/);
    await shot(jo, 'search-exists');

    await page(jo, `/records/${hiddenId}`);
    await jo.getByTestId('record-exists').waitFor();
    assert.match(await jo.getByTestId('record-exists').innerText(), /bureau FR/);
    await shot(jo, 'record-exists');
    await jo.context().close();
  });

  it('compares a DNA profile locus by locus', async () => {
    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/search');
    await fill(jo, 'search-purpose', 'Stain from the Amman bombing scene');
    await jo.getByTestId('tab-dna').click();
    for (const [locus, alleles] of Object.entries(PROFILE)) {
      const input = jo.getByTestId(`locus-${locus}`);
      for (const a of alleles) {
        await input.fill(a);
        await input.press('Enter');
      }
    }
    assert.match(await jo.getByTestId('dna-count').innerText(), /8 given/);
    await jo.getByTestId('run-search').click();
    const result = jo.getByTestId('result-see').filter({ hasText: 'FR-LAB-E2E-1' });
    await result.waitFor();
    assert.match(await result.innerText(), /full match/i);
    assert.match(await result.innerText(), /D3S1358/);
    await shot(jo, 'search-dna');
    await jo.context().close();
  });

  it('finds a person by another spelling of the name, with the score and the reasons', async () => {
    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/search');
    await fill(jo, 'search-purpose', 'Passenger list check, flight RJ 112');
    await jo.getByTestId('tab-person').click();
    await fill(jo, 'search-name', 'Yousef Ben Ali');
    await fill(jo, 'search-dob', '1984');
    await jo.getByTestId('run-search').click();
    const result = jo
      .getByTestId('result-see')
      .filter({ hasText: 'FR-E2E-N1' })
      .or(jo.getByTestId('result-see').filter({ hasText: 'Benali' }));
    await result.first().waitFor();
    assert.match(await result.first().innerText(), /score \d+%/i);
    await shot(jo, 'search-person');
    await jo.context().close();
  });

  it('puts the hit in the owner inbox, where the owner answers', async () => {
    await page(fr, '/databases/hits');
    const hit = fr.getByTestId('hit').filter({ hasText: 'Peugeot 3008' });
    await hit.waitFor();
    assert.equal(await hit.getAttribute('data-unseen'), 'true');
    assert.match(await hit.innerText(), /jo\.ct of JO \(Counter-terrorism unit\)/);
    assert.match(await hit.innerText(), /Karameh border crossing/);
    await hit.getByTestId('open-hit').click();
    await hit.getByTestId('reply-box').fill('Please hold the vehicle; our liaison officer will call.');
    await hit.getByTestId('send-reply').click();
    await hit.getByTestId('reply-text').waitFor();
    await fr.getByTestId('hit-stats').waitFor();
    await shot(fr, 'hit-inbox');

    const jo = await signedIn('jo.ct');
    await page(jo, '/databases/hits');
    await jo.getByTestId('hit-box').getByText('Made by our bureau').click();
    const sent = jo.getByTestId('hit').filter({ hasText: 'Peugeot 3008' });
    await sent.getByTestId('open-hit').click();
    assert.match(await sent.getByTestId('reply-text').innerText(), /hold the vehicle/);
    await shot(jo, 'hit-inbox-sent');
    await jo.context().close();
  });

  it('keeps files and the history of a changed, then closed record', async () => {
    await fr.goto(recordUrl);
    await fr.getByRole('tab', { name: 'Files' }).click();
    await fr.locator('input[type="file"]').setInputFiles(path.join(screenshots, 'record-page.png'));
    await fr.getByTestId('attachments').getByText('record-page.png').waitFor();
    await shot(fr, 'record-files');
    await fr.getByTestId('edit-record').click();
    await fill(fr, 'field-colour', 'dark blue');
    await fr.getByTestId('save-record').click();
    await fr.getByTestId('record-title').waitFor();
    await fr.getByTestId('close-record').click();
    await fr.getByTestId('close-reason').click();
    await fr.getByRole('option', { name: /recovered/i }).click();
    await fr.getByTestId('confirm-close').click();
    await fr
      .getByText(/Closed \(recovered\)/i)
      .first()
      .waitFor();
    await fr.getByTestId('tab-history').click();
    await fr.getByTestId('history').waitFor();
    const history = await fr.getByTestId('history').innerText();
    assert.match(history, /Colour/);
    assert.match(history, /closed/i);
    await shot(fr, 'record-history');
  });

  it('deletes a record for good after a warning', async () => {
    await fr.goto(passportUrl);
    await fr.getByTestId('delete-record').click();
    await fr.getByText(/removed for good/).waitFor();
    await fr.getByTestId('confirm-delete').click();
    await fr.getByTestId('database-title').waitFor();
    assert.match(fr.url(), /\/databases\/travel_documents$/);
    const gone = await fr.evaluate(
      async (u) => (await fetch(`/api/v1/records/${u.split('/').pop()}`)).status,
      passportUrl,
    );
    assert.equal(gone, 404);
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

    await fr.getByTestId('import-mode').getByText('Keep the valid rows').click();
    await fr.getByTestId('start-import').click();
    await fr.getByTestId('import-status').filter({ hasText: 'Import finished' }).waitFor();
    assert.equal(await fr.getByTestId('import-created').innerText(), '1');
    assert.equal(await fr.getByTestId('import-rejected').innerText(), '1');
  });

  it('shows the console in Arabic, right to left', async () => {
    await fr.evaluate(() => localStorage.setItem('meridian.language', 'ar'));
    await page(fr, '/databases');
    await fr.getByTestId('catalogue').waitFor();
    assert.equal(await fr.evaluate(() => document.documentElement.dir), 'rtl');
    assert.match(await fr.getByTestId('db-travel_documents').innerText(), /وثائق السفر المسروقة/);
    await shot(fr, 'databases-catalogue-ar');
    await page(fr, recordUrl.replace(server.url, ''));
    await fr.getByTestId('record-title').waitFor();
    await shot(fr, 'record-page-ar');
    await fr.evaluate(() => localStorage.setItem('meridian.language', 'en'));
  });
});

async function page(p, url) {
  await p.goto(`${server.url}${url}`);
}
