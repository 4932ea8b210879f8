// Browser test of the public notices, read by someone who never signs in: the demo's published
// red notices (src/modules/demo/demo.notices.ts) as cards, a search by name, a notice with its
// charges and photo, the yellow and UN tabs, the way there from the sign-in page and back; the
// notices that must not be public (a blue notice, a red one without consent, a diffusion, one
// under review, a draft) are nowhere; then the same pages in Arabic, right to left.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { launchBrowser } from './browser.mjs';
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

/** A page of a fresh browser context: nobody signed in. */
async function stranger(locale = 'en-GB') {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale });
  return context.newPage();
}

/** Kept with the other screenshots, and in /tmp to look at. */
async function shot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  fs.copyFileSync(file, path.join(os.tmpdir(), `${name}.png`));
}

const PUBLIC_RED = ['AL-QUDAH', 'AL-RAWABDEH', 'FERREIRA DA COSTA', 'LEMAIRE', 'OKONKWO'];
// Blue (no public extract), red without the bureau's consent, a diffusion, under review, a draft.
const NEVER_PUBLIC = ['MORI', 'WHITFIELD', 'AL-SHAMI', 'VASSEUR', 'BALOGUN'];

async function cardNames(page) {
  await page.getByTestId('public-total').waitFor();
  return (await page.getByTestId('public-card-name').allInnerTexts()).map((s) => s.trim()).sort();
}

/** Waits until the grid shows exactly `names` (a search answers asynchronously). */
async function expectCards(page, names) {
  const want = [...names].sort();
  const deadline = Date.now() + 10_000;
  let got;
  for (;;) {
    got = await cardNames(page);
    if (JSON.stringify(got) === JSON.stringify(want) || Date.now() > deadline) break;
    await page.waitForTimeout(100);
  }
  assert.deepEqual(got, want);
}

async function pick(page, testId, option) {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option }).click();
}

describe('public notices, without signing in', () => {
  it('are reached from the sign-in page and lead back to it', async () => {
    const page = await stranger();
    await page.goto(server.url);
    await page.getByTestId('signin-public-notices').click();
    await page.getByTestId('public-title').waitFor();
    assert.equal(new URL(page.url()).pathname, '/public/notices');
    assert.match(
      await page.getByTestId('public-intro').innerText(),
      /Public extracts of notices published at the request of member bureaus/,
    );
    await expectCards(page, PUBLIC_RED);
    await page.getByTestId('public-signin').click();
    await page.getByTestId('username').waitFor();
    await page.context().close();
  });

  it('list the published red notices, search by name and show a notice with its charges and photo', async () => {
    const page = await stranger();
    await page.goto(`${server.url}/public/notices`);
    await expectCards(page, PUBLIC_RED);
    assert.match(await page.getByTestId('public-total').innerText(), /5/);
    assert.equal(await page.getByTestId('username').count(), 0, 'no sign-in form');
    // The French notice has a photo; the others the placeholder.
    const lemaire = page.getByTestId('public-card').filter({ hasText: 'LEMAIRE' });
    const photo = lemaire.getByTestId('public-card-photo');
    await photo.waitFor();
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="public-card-photo"]');
      return img?.complete && img.naturalWidth > 0;
    });
    assert.match(await lemaire.innerText(), /Thierry Paul/);
    assert.match(await lemaire.innerText(), /France/i);
    assert.match(
      await page.getByTestId('public-card').filter({ hasText: 'AL-RAWABDEH' }).innerText(),
      /Jordan/i,
    );
    await shot(page, 'public-list');

    // Search by name (any case): one card, and the search is in the address.
    await page.getByTestId('filter-name').fill('lemaire');
    await page.getByTestId('filter-search').click();
    await expectCards(page, ['LEMAIRE']);
    assert.match(page.url(), /name=lemaire/);
    // By nationality: the two Jordanians.
    await page.getByTestId('filter-clear').click();
    await expectCards(page, PUBLIC_RED);
    await pick(page, 'filter-nationality', 'Jordan');
    await page.getByTestId('filter-search').click();
    await expectCards(page, ['AL-QUDAH', 'AL-RAWABDEH']);
    await shot(page, 'public-search');
    await page.getByTestId('filter-clear').click();
    await expectCards(page, PUBLIC_RED);
    await page.getByTestId('filter-name').fill('lemaire');
    await page.getByTestId('filter-search').click();
    await expectCards(page, ['LEMAIRE']);

    await page.getByTestId('public-card').first().click();
    const detail = page.getByTestId('public-detail');
    await detail.waitFor();
    assert.match(new URL(page.url()).pathname, /^\/public\/notices\/red\/\d{4}-\d{5}$/);
    assert.equal(await page.getByTestId('public-detail-name').innerText(), 'LEMAIRE, Thierry Paul');
    assert.match(
      await page.getByTestId('public-field-dateOfBirth').innerText(),
      /April 17, 1979|17 April 1979/,
    );
    assert.match(await page.getByTestId('public-field-sex').innerText(), /Male/);
    assert.match(await page.getByTestId('public-field-placeOfBirth').innerText(), /Marseille/);
    assert.match(await page.getByTestId('public-field-height').innerText(), /1\.82 m/);
    assert.match(await page.getByTestId('public-field-marks').innerText(), /anchor/);
    const charges = await page.getByTestId('public-charges').innerText();
    assert.match(charges, /Murder/);
    assert.match(charges, /Armed robbery/);
    assert.match(charges, /France \(FR\)/);
    await page.waitForFunction(() => {
      const img = document.querySelector('[data-testid="public-photo"]');
      return img?.complete && img.naturalWidth === 240;
    });
    // What a public extract leaves out: identity documents, the facts.
    const text = await detail.innerText();
    assert.doesNotMatch(text, /21FR84730|jeweller/);
    await shot(page, 'public-detail');

    // Back to the same search.
    await page.getByTestId('public-back').click();
    await expectCards(page, ['LEMAIRE']);
    assert.equal(await page.getByTestId('filter-name').inputValue(), 'lemaire');
    await page.context().close();
  });

  it('have yellow and UN tabs, and nothing that is not a published public extract', async () => {
    const page = await stranger();
    await page.goto(`${server.url}/public/notices`);
    await expectCards(page, PUBLIC_RED);
    const seen = [...(await cardNames(page))];

    await page.getByTestId('public-tab-yellow').click();
    await expectCards(page, ['NASCIMENTO']);
    assert.equal(
      await page.getByTestId('filter-warrant-country').count(),
      0,
      'the warrant country is for red notices',
    );
    seen.push(...(await cardNames(page)));
    await page.getByTestId('public-card').first().click();
    await page.getByTestId('public-detail').waitFor();
    assert.match(
      await page.getByTestId('public-field-dateOfEvent').innerText(),
      /October 21, 2025|21 October 2025/,
    );
    assert.match(await page.getByTestId('public-field-place').innerText(), /Foz do Iguaçu/);
    assert.match(await page.getByTestId('public-field-country').innerText(), /Brazil/);
    await shot(page, 'public-yellow');
    await page.getByTestId('public-back').click();

    await page.getByTestId('public-tab-un').click();
    await expectCards(page, ['AL-HARBAWI']);
    seen.push(...(await cardNames(page)));
    await page.getByTestId('public-card').first().click();
    await page.getByTestId('public-detail').waitFor();
    assert.match(await page.getByTestId('public-field-unReference').innerText(), /QDi\.990/);
    assert.match(await page.getByTestId('public-field-unCommittee').innerText(), /1267/);
    assert.match(
      await page.getByTestId('public-field-unMeasures').innerText(),
      /Asset freeze, Travel ban, Arms embargo/,
    );
    await shot(page, 'public-un');

    for (const name of NEVER_PUBLIC) assert.ok(!seen.includes(name), `${name} is not public`);
    for (const name of NEVER_PUBLIC) {
      await page.goto(`${server.url}/public/notices?kind=red&name=${encodeURIComponent(name)}`);
      await expectCards(page, []);
      await page.getByTestId('public-empty').waitFor();
    }
    await page.goto(`${server.url}/public/notices/red/1999-99999`);
    await page.getByTestId('public-not-found').waitFor();
    await page.context().close();
  });

  it('read in Arabic, right to left', async () => {
    const page = await stranger();
    await page.goto(`${server.url}/public/notices`);
    await expectCards(page, PUBLIC_RED);
    await pick(page, 'language-switch', 'العربية');
    await page.getByText('النشرات العامة').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    assert.match(await page.getByTestId('public-intro').innerText(), /مقتطفات عامة/);
    assert.match(await page.getByTestId('public-card').filter({ hasText: 'AL-QUDAH' }).innerText(), /الأردن/);
    // Right to left: the language switch sits on the left of the header.
    const sw = await page.getByTestId('language-switch').boundingBox();
    assert.ok(sw.x < 680, `language switch at x=${sw.x}`);
    await shot(page, 'public-list-ar');

    await page.getByTestId('public-card').filter({ hasText: 'AL-QUDAH' }).click();
    await page.getByTestId('public-detail').waitFor();
    assert.match(await page.getByTestId('public-kind').innerText(), /نشرة حمراء/);
    assert.match(await page.getByTestId('public-charges').innerText(), /Drug trafficking/);
    assert.match(await page.getByTestId('public-field-sex').innerText(), /ذكر/);
    await shot(page, 'public-detail-ar');
    await page.context().close();
  });
});
