// Browser tests of the console: real server, real Chromium (Debian's, never a downloaded one).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { launchBrowser, PASSWORD } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

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

async function newPage(storageState) {
  const context = await browser.newContext({
    viewport: { width: 1360, height: 860 },
    locale: 'en-GB',
    storageState,
  });
  return context.newPage();
}

/** The French bureau administrator's session: signed in once with the second factor, then reused. */
let adminState;
async function adminPage() {
  if (adminState) {
    const page = await newPage(adminState);
    await page.goto(server.url);
    await page.getByTestId('dashboard-title').waitFor();
    return page;
  }
  const page = await newPage();
  await signIn(page, 'fr.admin', { totp: true });
  adminState = await page.context().storageState();
  return page;
}

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

/** Codes already sent per account: were the server to refuse a replayed code, the next step is used. */
const usedCodes = new Set();
async function freshCode(account, secret) {
  for (;;) {
    const code = authenticator.generate(secret);
    if (!usedCodes.has(`${account}:${code}`)) {
      usedCodes.add(`${account}:${code}`);
      return code;
    }
    await new Promise((r) => setTimeout(r, authenticator.timeRemaining() * 1000 + 200));
  }
}

async function typeCode(page, account, secret) {
  await page.locator('[data-testid="totp"] input').first().click();
  await page.keyboard.type(await freshCode(account, secret));
}

async function signIn(page, username, { totp = false, screenshot, totpScreenshot } = {}) {
  await page.goto(server.url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  if (screenshot) await shot(page, screenshot);
  await page.getByTestId('signin-submit').click();
  if (totp) {
    await page.getByTestId('totp').first().waitFor();
    if (totpScreenshot) await shot(page, totpScreenshot);
    await typeCode(page, username, TOTP_SECRET);
    await page.getByTestId('signin-submit').click();
  }
  await page.getByTestId('dashboard-title').waitFor();
}

const pick = async (page, testId, option) => {
  await page.getByTestId(testId).click();
  await page.getByRole('option', { name: option, exact: true }).click();
};

describe('console', () => {
  it('signs an administrator in with the second factor and lands on the dashboard', async () => {
    const page = await newPage();
    // A one-time code works once, so each test signs in a different second-factor account.
    await signIn(page, 'us.admin', { totp: true, screenshot: 'sign-in', totpScreenshot: 'sign-in-totp' });
    assert.match(await page.getByTestId('dashboard-title').innerText(), /Robert Miller/);
    assert.match(await page.getByTestId('dashboard-bureau').innerText(), /United States.*\(US\)/);
    await page.getByTestId('events-status').getByText('Connected').waitFor();
    await shot(page, 'dashboard-en');
    await page.context().close();
  });

  it('switches to Arabic with the whole layout right-to-left, and back', async () => {
    const page = await newPage();
    await signIn(page, 'jo.officer');
    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'العربية' }).click();
    await page.getByText('لوحة المعلومات').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'ar');
    const nav = await page.getByTestId('navbar').boundingBox();
    const viewport = page.viewportSize();
    assert.ok(nav.x > viewport.width / 2, `navbar should be on the right in Arabic, x=${nav.x}`);
    await shot(page, 'dashboard-ar');

    // The choice is remembered: a reload comes back in Arabic, right-to-left.
    await page.reload();
    await page.getByText('لوحة المعلومات').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');

    await pick(page, 'language-switch', 'Français');
    await page.getByText('Tableau de bord').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'fr');

    await pick(page, 'language-switch', 'English');
    await page.getByTestId('nav-dashboard').getByText('Dashboard').waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    const navLtr = await page.getByTestId('navbar').boundingBox();
    assert.ok(navLtr.x < 10, `navbar should be on the left again, x=${navLtr.x}`);
    await page.context().close();
  });

  it('says why a sign-in failed, in the chosen language', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await pick(page, 'language-switch', 'Español');
    await page.getByTestId('username').fill('fr.officer');
    await page.getByTestId('password').fill('not-the-password');
    await page.getByTestId('signin-submit').click();
    assert.equal(await page.getByTestId('signin-error').innerText(), 'Usuario o contraseña incorrectos.');
    await pick(page, 'language-switch', 'العربية');
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'rtl');
    assert.equal(
      await page.getByTestId('signin-error').innerText(),
      'اسم المستخدم أو كلمة المرور غير صحيحة.',
      'the message follows the language switch',
    );
    await page.getByText('تسجيل الدخول إلى ميريديان').waitFor();
    await shot(page, 'sign-in-ar');
    await page.context().close();
  });

  it('lets a bureau administrator create a unit and an API key shown once', async () => {
    // An officer of the bureau watches the dashboard while the administrator works.
    const watcher = await newPage();
    await signIn(watcher, 'fr.officer');
    await watcher.getByTestId('events-status').getByText('Connected').waitFor();

    const page = await adminPage();
    await page.getByTestId('nav-admin').click();
    await page.getByTestId('unit-name').fill('Marseille port border post');
    await page.getByTestId('unit-kind').click();
    await page.getByRole('option', { name: 'Border post' }).click();
    await page.getByRole('textbox', { name: 'Capabilities' }).click();
    await page.getByRole('option', { name: 'Border screening' }).click();
    await page.getByRole('option', { name: 'Databases' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('unit-create').click();
    await page.getByTestId('units-table').getByText('Marseille port border post').waitFor();
    await shot(page, 'admin-units');
    const live = watcher
      .getByTestId('events-table')
      .getByRole('row')
      .filter({ hasText: 'Marseille port border post' });
    await live.getByText('Unit created').waitFor();
    await watcher.context().close();

    await page.getByTestId('tab-api-keys').click();
    await page.getByTestId('apikey-name').fill('Marseille gates');
    await page.getByTestId('apikey-unit').click();
    await page.getByRole('option', { name: 'Marseille port border post' }).click();
    await page.getByRole('textbox', { name: 'Capabilities' }).click();
    await page.getByRole('option', { name: 'Border screening' }).click();
    await page.keyboard.press('Escape');
    await page.getByTestId('apikey-create').click();
    const secret = await page.getByTestId('apikey-secret').innerText();
    assert.match(secret, /^mk_[A-Za-z0-9]{8}_[A-Za-z0-9_-]{20,}$/);
    await page.waitForTimeout(400); // let the modal finish opening
    await shot(page, 'api-key-modal');
    await page.getByTestId('apikey-close').click();
    await page.getByTestId('apikeys-table').getByText('Marseille gates').waitFor();
    assert.equal(await page.getByText(secret).count(), 0, 'the key is not shown again');
    await page.getByTestId('tab-users').click();
    await page.getByTestId('users-table').getByText('fr.officer').waitFor();
    await shot(page, 'admin-users');

    // The key works for the machine it was made for.
    const me = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(me.status, 200);
    assert.deepEqual((await me.json()).capabilities, ['screening']);

    // Revoked after a confirmation, it stops working at once.
    await page.getByTestId('tab-api-keys').click();
    const row = page.getByTestId('apikeys-table').getByRole('row').filter({ hasText: 'Marseille gates' });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByTestId('apikey-revoke-confirm').click();
    await row.getByText('Revoked').waitFor();
    const after = await fetch(`${server.url}/api/v1/auth/me`, {
      headers: { authorization: `Bearer ${secret}` },
    });
    assert.equal(after.status, 401);
    await page.context().close();
  });

  it('shows an officer no administration and a DPO the audit', async () => {
    const page = await newPage();
    await signIn(page, 'fr.officer');
    assert.equal(await page.getByTestId('nav-admin').count(), 0);
    assert.equal(await page.getByTestId('nav-audit').count(), 0);
    assert.equal(await page.getByTestId('nav-icse').count(), 0, 'ICSE only for child-protection units');
    // A capability still to come says so (notices, messages and payments have their own pages now).
    await page.getByTestId('nav-messages').click();
    await page.getByTestId('messages-title').waitFor();
    await page.getByTestId('nav-payments').click();
    await page.getByTestId('payments-title').waitFor();
    await page.getByTestId('nav-networks').click();
    await page.getByTestId('not-yet').waitFor();
    await page.context().close();

    const dpo = await newPage();
    await signIn(dpo, 'fr.dpo', { totp: true });
    await dpo.getByTestId('nav-audit').click();
    await dpo.getByTestId('audit-action').fill('auth.*');
    await dpo.getByTestId('audit-search').click();
    await dpo.getByTestId('audit-table').getByText('auth.login').first().waitFor();
    await shot(dpo, 'audit');
    await dpo.context().close();
  });
  it('enrols a new data-protection officer in the second factor at first sign-in', async () => {
    const admin = await adminPage();
    await admin.getByTestId('nav-admin').click();
    await admin.getByTestId('tab-users').click();
    await admin.getByTestId('user-username').fill('fr.dpo2');
    await admin.getByTestId('user-display-name').fill('Nadia Rousseau');
    await admin.getByTestId('user-password').fill('correct horse battery');
    await admin.getByRole('textbox', { name: 'Roles' }).click();
    await admin.getByRole('option', { name: 'Data-protection officer' }).click();
    await admin.keyboard.press('Escape');
    await admin.getByTestId('user-create').click();
    await admin.getByTestId('users-table').getByText('fr.dpo2').waitFor();
    await admin.context().close();

    const page = await newPage();
    await page.goto(server.url);
    await page.getByTestId('username').fill('fr.dpo2');
    await page.getByTestId('password').fill('correct horse battery');
    await page.getByTestId('signin-submit').click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{16,}$/, 'a base32 secret to type into an authenticator');
    await page.getByText(/^otpauth:\/\/totp\//).waitFor();
    await shot(page, 'sign-in-enrol');
    await typeCode(page, 'fr.dpo2', secret);
    await page.getByTestId('signin-submit').click();
    await page.getByTestId('dashboard-title').waitFor();
    assert.match(await page.getByTestId('dashboard-title').innerText(), /Nadia Rousseau/);
    await page.getByTestId('nav-audit').waitFor();
    await page.context().close();
  });

  it('shows ICSE only to a child-protection unit, and lets the GS administrator pick any bureau', async () => {
    const cp = await newPage();
    await signIn(cp, 'jo.childprotection');
    await cp.getByTestId('nav-icse').click();
    await cp.getByTestId('icse-title').waitFor();
    await cp.context().close();

    const gs = await newPage();
    await signIn(gs, 'xg.admin', { totp: true });
    await gs.getByTestId('nav-admin').click();
    await gs.getByTestId('bureau-picker').click();
    await gs.getByTestId('bureau-picker').fill('Japan');
    await gs.getByRole('option', { name: 'Japan (JP)' }).click();
    await gs.getByTestId('units-table').getByText('Cybercrime unit').waitFor();
    assert.equal(await gs.getByTestId('units-table').getByText('Child exploitation unit').count(), 0);
    await gs.context().close();
  });

  it('signs out everywhere: the other sessions of the user end too', async () => {
    const first = await newPage();
    await signIn(first, 'fr.supervisor');
    const second = await newPage();
    await signIn(second, 'fr.supervisor');
    await second.getByTestId('sign-out-everywhere').click();
    await second.getByTestId('signin-submit').waitFor();
    await first.reload();
    await first.getByTestId('signin-submit').waitFor();
    assert.equal(await first.getByTestId('dashboard-title').count(), 0);
    await first.context().close();
    await second.context().close();
  });
});
