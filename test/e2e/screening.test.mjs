// Browser test of border screening: the Paris-CDG border officer checks a passport's MRZ that
// Jordan reported stolen (a hit, with Jordan as the owner), one nobody reported (no hit), one
// with a wrong check digit (invalid, the check digit named), a wanted person typed field by
// field, and a CSV manifest of five travellers; then reads the page in Arabic, right to left.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, recordAs, signedIn as signInAs } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

let server;
let browser;
let stolen; // a travel document of the Jordanian demo data: { id, number }

before(async () => {
  fs.mkdirSync(screenshots, { recursive: true });
  server = await startServer();
  browser = await launchBrowser();
  // The demo data (src/modules/demo/demo.records.ts) gives each bureau 20 stolen travel
  // documents; the border officer may browse them, so the test takes one of Jordan's.
  const page = await signedIn('fr.border');
  const docs = await page.evaluate(async () => {
    const res = await fetch('/api/v1/databases/travel_documents/records?owner=JO&limit=50');
    return res.json();
  });
  const record = docs.items.find((r) => r.data.issuingCountry === 'JO' && r.data.documentNumber);
  assert.ok(record, 'the demo data has a Jordanian travel document');
  stolen = { id: record.id, number: record.data.documentNumber };
  await page.context().close();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const signedIn = (username, locale) => signInAs(browser, server.url, username, locale);

/** Kept with the other screenshots, and in /tmp to look at. */
async function shot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  fs.copyFileSync(file, path.join(os.tmpdir(), `${name}.png`));
}

/** ICAO 9303 check digit: weights 7, 3, 1; '<' is 0, A is 10 … Z is 35. */
function checkDigit(field) {
  const weights = [7, 3, 1];
  let sum = 0;
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    const value = c === '<' ? 0 : /\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55;
    sum += value * weights[i % 3];
  }
  return sum % 10;
}

/** A passport's two MRZ lines (TD3, 44 characters each) with valid check digits. */
function td3({ country, number, family, given, birth, sex, expiry = '301231' }) {
  const line1 = `P<${country}${family}<<${given}`.padEnd(44, '<');
  const doc = number.padEnd(9, '<');
  const personal = '<'.repeat(14);
  const p1 = `${doc}${checkDigit(doc)}`;
  const p2 = `${birth}${checkDigit(birth)}`;
  const p3 = `${expiry}${checkDigit(expiry)}`;
  const p4 = `${personal}${checkDigit(personal)}`;
  return `${line1}\n${p1}${country}${p2}${sex}${p3}${p4}${checkDigit(p1 + p2 + p3 + p4)}`;
}

const stolenMrz = () =>
  td3({
    country: 'JOR',
    number: stolen.number,
    family: 'SAMPLE',
    given: 'TRAVELLER',
    birth: '820314',
    sex: 'M',
  });
const unknownMrz = td3({
  country: 'FRA',
  number: 'ZZ7734521',
  family: 'VASSEUR',
  given: 'MARGOT',
  birth: '910623',
  sex: 'F',
});

async function openScreening(page) {
  await page.getByTestId('nav-screening').click();
  await page.getByTestId('screening-title').waitFor();
}

const result = (page, status) => page.locator(`[data-testid="screen-result"][data-status="${status}"]`);

describe('border screening in the console', () => {
  it('shows a stolen document as a HIT with its owner bureau, a clean one as NO HIT, a bad MRZ as INVALID', async () => {
    const fr = await signedIn('fr.border');
    await openScreening(fr);
    assert.equal(await fr.getByTestId('mrz-input').evaluate((el) => el === document.activeElement), true);

    // (a) Jordan's stolen document; Ctrl+Enter checks.
    await fr.getByTestId('mrz-input').fill(stolenMrz());
    await fr.getByTestId('mrz-input').press('Control+Enter');
    const hit = result(fr, 'hit');
    await hit.waitFor();
    assert.equal(await hit.getByTestId('result-title').innerText(), 'HIT');
    const card = hit.getByTestId('hit').first();
    // The bureau's name comes with the list of bureaus, which may arrive after the answer.
    await card.getByTestId('hit-owner').filter({ hasText: '(JO)' }).waitFor();
    assert.match(await card.innerText(), /Stolen and lost travel documents/);
    assert.equal(await card.getByTestId('hit-record').getAttribute('href'), `/records/${stolen.id}`);
    assert.equal(await hit.getByTestId('read-documentNumber').locator('p').last().innerText(), stolen.number);
    assert.match(await hit.getByTestId('read-issuingCountry').innerText(), /JO/);
    assert.match(await hit.getByTestId('read-name').innerText(), /TRAVELLER SAMPLE/);
    await shot(fr, 'screening-mrz-hit');

    // (b) A passport nobody reported.
    await fr.getByTestId('mrz-input').fill(unknownMrz);
    await fr.getByTestId('mrz-check').click();
    const clean = result(fr, 'no_hit');
    await clean.waitFor();
    assert.equal(await clean.getByTestId('result-title').innerText(), 'NO HIT');
    assert.equal(await clean.getByTestId('hit').count(), 0);
    assert.match(await clean.getByTestId('read-documentNumber').innerText(), /ZZ7734521/);

    // (c) The same passport with its document-number check digit one off.
    const [l1, l2] = unknownMrz.split('\n');
    const wrong = `${l1}\n${l2.slice(0, 9)}${(Number(l2[9]) + 1) % 10}${l2.slice(10)}`;
    await fr.getByTestId('mrz-input').fill(wrong);
    await fr.getByTestId('mrz-check').click();
    const bad = result(fr, 'invalid');
    await bad.waitFor();
    assert.equal(await bad.getByTestId('result-title').innerText(), 'INVALID');
    assert.match(await bad.getByTestId('invalid-reasons').innerText(), /Document number check digit/i);
    await shot(fr, 'screening-mrz-invalid');
    await fr.context().close();
  });

  it('tells an officer whose post may only screen to contact the owner bureau, without the record', async () => {
    const gate = await signedIn('fr.gate');
    await openScreening(gate);
    await gate.getByTestId('mrz-input').fill(stolenMrz());
    await gate.getByTestId('mrz-check').click();
    const hit = result(gate, 'hit');
    await hit.waitFor();
    const card = hit.getByTestId('hit').first();
    assert.match(await card.getByTestId('hit-contact').innerText(), /Contact the owner bureau.*JO/);
    assert.equal(await card.getByTestId('hit-record').count(), 0);
    await shot(gate, 'screening-contact-owner');
    await gate.context().close();
  });

  it('finds a wanted person typed field by field, with the score and why', async () => {
    const jo = await signedIn('jo.officer');
    const created = await recordAs(jo, 'nominal', {
      reference: 'JO-E2E-S1',
      restriction: { mode: 'everyone' },
      handling: 'official',
      purpose: 'Wanted for the Aqaba port fraud',
      legalBasis: 'Jordanian code of criminal procedure, art. 112',
      sourceReliability: 'B',
      infoAccuracy: 2,
      data: {
        names: [{ written: 'خالد محمود الزعبي', script: 'Arab', latin: 'Khaled Mahmoud Al-Zoubi' }],
        sex: 'male',
        dateOfBirth: '1977-09-21',
        nationalities: ['JO'],
        status: 'wanted',
      },
    });
    assert.equal(created, 201);
    await jo.context().close();

    const fr = await signedIn('fr.border');
    await openScreening(fr);
    await fr.getByTestId('screening-tab-fields').click();
    await fr.getByTestId('doc-number').fill('K88123456');
    await fr.getByTestId('doc-country').fill('JO');
    await fr.getByTestId('search-name').fill('AL ZOUBI, Khaled Mahmoud');
    await fr.getByTestId('search-dob').fill('1977-09-21');
    await fr.getByTestId('fields-check').click();
    const hit = result(fr, 'hit');
    await hit.waitFor();
    const person = hit.getByTestId('hit').filter({ hasText: 'Person' });
    assert.match(await person.getByTestId('hit-score').innerText(), /score \d+%/i);
    assert.equal(await person.getByTestId('hit-reasons').getAttribute('dir'), 'ltr');
    assert.match(await person.getByTestId('hit-reasons').innerText(), /date of birth same/);
    await person.getByTestId('hit-owner').filter({ hasText: '(JO)' }).waitFor();
    await shot(fr, 'screening-fields-person');

    // An unknown country is named under its field.
    await fr.getByTestId('doc-country').fill('XX');
    await fr.getByTestId('fields-check').click();
    await result(fr, 'invalid').waitFor();
    await fr.getByText('is not a known country: XX').first().waitFor();
    await fr.context().close();
  });

  it('checks a CSV manifest in one call and lists hits first', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-manifest-'));
    const file = path.join(dir, 'af566.csv');
    const mrzCell = (mrz, sep) => `"${mrz.replace('\n', sep)}"`;
    const other = td3({
      country: 'DEU',
      number: 'C4K7M2P9X',
      family: 'WEBER',
      given: 'JONAS',
      birth: '791130',
      sex: 'M',
    });
    fs.writeFileSync(
      file,
      [
        'mrz,documentNumber,issuingCountry,documentType,name,dateOfBirth,nationality,sex',
        `${mrzCell(unknownMrz, '\n')},,,,,,,`,
        `${mrzCell(stolenMrz(), '|')},,,,,,,`,
        ',Q9Z8Y7X6W,XX,passport,Ines Garnier,1988-02-11,FR,F',
        `${mrzCell(other, '|')},,,,,,,`,
        ',T5521887,ES,identity_card,Lucia Romero,1993-06-02,ES,female',
      ].join('\r\n'),
    );

    const fr = await signedIn('fr.border');
    await openScreening(fr);
    await fr.getByTestId('screening-tab-manifest').click();
    await fr.locator('input[type="file"]').setInputFiles(file);
    assert.match(await fr.getByTestId('manifest-read').innerText(), /af566\.csv: 5/);
    const first = fr.waitForResponse((r) => r.url().endsWith('/api/v1/screening/travellers'));
    await fr.getByTestId('manifest-check').click();
    const answer = await first;
    const key = answer.request().headers()['idempotency-key'];
    assert.match(key, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(JSON.parse(answer.request().postData()).items.length, 5);

    await fr.getByTestId('manifest-summary').waitFor();
    assert.equal(await fr.getByTestId('summary-hits').innerText(), '1');
    assert.equal(await fr.getByTestId('summary-checked').innerText(), '4');
    assert.equal(await fr.getByTestId('summary-noHits').innerText(), '3');
    assert.equal(await fr.getByTestId('summary-invalid').innerText(), '1');
    const table = fr.getByTestId('manifest-table');
    const statusOf = (n) => table.getByTestId(`manifest-row-${n}`).getAttribute('data-status');
    assert.deepEqual(await Promise.all([1, 2, 3, 4, 5].map(statusOf)), [
      'no_hit',
      'hit',
      'invalid',
      'no_hit',
      'no_hit',
    ]);
    // Hits first, then what could not be read, then the rest in file order.
    const order = await table
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    assert.deepEqual(order, [
      'manifest-row-2',
      'manifest-row-3',
      'manifest-row-1',
      'manifest-row-4',
      'manifest-row-5',
    ]);
    const hitRow = table.getByTestId('manifest-row-2');
    assert.match(await hitRow.getByTestId('status-badge').innerText(), /^HIT$/i);
    assert.match(await hitRow.innerText(), /JO/);
    assert.match(await table.getByTestId('manifest-row-3').innerText(), /is not a known country: XX/);
    assert.match(await table.getByTestId('manifest-row-4').innerText(), /JONAS WEBER/);
    await shot(fr, 'screening-manifest');

    await fr.getByTestId('manifest-only-problems').click();
    assert.equal(await table.locator('tbody tr').count(), 2);

    // Checking the same file again is answered from the first check, not checked twice.
    const again = fr.waitForResponse((r) => r.url().endsWith('/api/v1/screening/travellers'));
    await fr.getByTestId('manifest-check').click();
    const replay = await again;
    assert.equal(replay.request().headers()['idempotency-key'], key);
    assert.equal(replay.headers()['idempotent-replayed'], 'true');
    await fr.getByTestId('manifest-summary').waitFor();
    assert.equal(await fr.getByTestId('summary-hits').innerText(), '1');
    await fr.context().close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a manifest without known columns or with too many rows, and offers a template', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'meridian-manifest-'));
    const file = path.join(dir, 'bad.csv');
    fs.writeFileSync(file, 'passenger,seat\nJohn Smith,12A\n');
    const fr = await signedIn('fr.border');
    await openScreening(fr);
    await fr.getByTestId('screening-tab-manifest').click();
    await fr.locator('input[type="file"]').setInputFiles(file);
    assert.match(await fr.getByTestId('manifest-error').innerText(), /first line must name the columns/);
    assert.equal(await fr.getByTestId('manifest-check').isDisabled(), true);

    // More than 10,000 travellers: said plainly, nothing sent.
    const big = path.join(dir, 'big.csv');
    const rows = Array.from({ length: 10_001 }, (_, i) => `P${String(i).padStart(7, '0')},FR,Test Person`);
    fs.writeFileSync(big, ['documentNumber,issuingCountry,name', ...rows].join('\n'));
    await fr.locator('input[type="file"]').setInputFiles(big);
    assert.match(await fr.getByTestId('manifest-error').innerText(), /10001 rows; at most 10000/);
    assert.equal(await fr.getByTestId('manifest-check').isDisabled(), true);

    // The template is a manifest the page reads.
    const download = fr.waitForEvent('download');
    await fr.getByTestId('manifest-template').click();
    const template = path.join(dir, 'template.csv');
    await (await download).saveAs(template);
    assert.match(fs.readFileSync(template, 'utf8'), /^mrz,documentNumber,issuingCountry,documentType,name/);
    await fr.locator('input[type="file"]').setInputFiles(template);
    assert.match(await fr.getByTestId('manifest-read').innerText(), /template\.csv: 2/);
    await fr.context().close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('is offered only to those who may screen', async () => {
    const cyber = await signedIn('fr.cyber'); // a unit without the screening capability
    assert.equal(await cyber.getByTestId('nav-screening').count(), 0);
    await cyber.goto(`${server.url}/screening`);
    await cyber.getByTestId('screening-not-allowed').waitFor();
    assert.equal(await cyber.getByTestId('mrz-input').count(), 0);
    await cyber.context().close();
  });

  it('reads right to left in Arabic', async () => {
    const fr = await signedIn('fr.border');
    await openScreening(fr);
    await fr.getByTestId('language-switch').click();
    await fr.getByRole('option', { name: 'العربية' }).click();
    await fr.getByTestId('screening-title').getByText('التدقيق على الحدود').waitFor();
    assert.equal(await fr.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await fr.getByTestId('mrz-input').getAttribute('dir'), 'ltr', 'an MRZ reads left to right');
    await fr.getByTestId('mrz-input').fill(stolenMrz());
    await fr.getByTestId('mrz-check').click();
    const hit = result(fr, 'hit');
    await hit.waitFor();
    assert.equal(await hit.getByTestId('result-title').innerText(), 'تطابق');
    assert.match(await hit.getByTestId('hit-owner').innerText(), /المكتب المالك/);
    await shot(fr, 'screening-ar');
    await fr.context().close();
  });
});
