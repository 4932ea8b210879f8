// Browser test of person screening: Jordan records a wanted person in Arabic script; France
// screens two travellers at once, one written the French way, family name first; the first is a
// match with its explanation and Jordan is notified, the second finds no one. Also in Arabic.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser, recordAs, signedIn as signInAs } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

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

const signedIn = (username, locale) => signInAs(browser, server.url, username, locale);

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

describe('person screening in the console', () => {
  it('finds an Arabic-script record from a French spelling and explains why', async () => {
    const jo = await signedIn('jo.officer');
    const created = await recordAs(jo, 'nominal', {
      reference: 'JO-E2E-P1',
      restriction: { mode: 'everyone' },
      handling: 'official',
      purpose: 'Wanted for the Amman bank robbery of March',
      legalBasis: 'Jordanian code of criminal procedure, art. 112',
      sourceReliability: 'B',
      infoAccuracy: 2,
      data: {
        names: [{ written: 'محمد عبد الله الخطيب', script: 'Arab' }],
        sex: 'male',
        dateOfBirth: '1981-03-02',
        nationalities: ['JO'],
        status: 'wanted',
      },
    });
    assert.equal(created, 201);

    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-persons').click();
    await fr.getByTestId('screen-purpose').fill('Checking the passengers of flight AF 566 from Amman');
    await fr.getByTestId('search-name').fill('ALKHATEEB, Mohamed Abdalla');
    await fr.getByTestId('search-dob').fill('1981-03-02');
    await fr.getByTestId('add-person').click();
    await fr.getByTestId('person-row-2').getByTestId('search-name').fill('Pierre Dupont');
    await fr.getByTestId('person-row-2').getByTestId('search-dob').fill('1975-07-14');
    await fr.getByTestId('screen-run').click();
    await fr.getByTestId('screen-results').waitFor();
    const first = fr.getByTestId('answer-1');
    assert.match(await first.getByTestId('match-count').innerText(), /1/);
    await first.getByTestId('is-match').first().waitFor();
    const text = await first.innerText();
    assert.match(text, /name \d+%/);
    assert.match(text, /date of birth same/);
    assert.match(text, /Bureau JO has been notified/);
    assert.match(await fr.getByTestId('answer-2').getByTestId('match-count').innerText(), /0/);
    await shot(fr, 'person-screening');
  });

  it('names the field at fault for one person of the list', async () => {
    const fr = await signedIn('fr.officer');
    await fr.getByTestId('nav-persons').click();
    await fr.getByTestId('screen-purpose').fill('Checking a passenger list');
    await fr.getByTestId('search-name').fill('Omar Haddad');
    await fr.getByTestId('search-dob').fill('14/07/1975');
    await fr.getByTestId('screen-run').click();
    const dob = fr
      .getByTestId('search-dob')
      .locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]');
    await dob.locator('.mantine-InputWrapper-error').waitFor();
    await shot(fr, 'person-screening-error');
  });

  it('reads right to left in Arabic', async () => {
    const jo = await signedIn('jo.officer', 'ar');
    await jo.goto(`${server.url}/persons`);
    await jo.getByTestId('screen-purpose').waitFor();
    assert.equal(await jo.locator('html').getAttribute('dir'), 'rtl');
    await jo.getByTestId('screen-purpose').fill('فحص قائمة المسافرين');
    await jo.getByTestId('search-name').fill('Mohammed Abdullah al-Khatib');
    await jo.getByTestId('screen-run').click();
    await jo.getByTestId('screen-results').waitFor();
    await shot(jo, 'person-screening-ar');
  });
});
