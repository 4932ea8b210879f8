// Browser tests of the console: real server, real Chromium (Debian's, never a downloaded one).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { authenticator } from 'otplib';
import { chromium } from 'playwright-core';
import { screenshots, startServer } from './server.mjs';

const PASSWORD = 'meridian-demo-2026';
const TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

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

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1360, height: 860 }, locale: 'en-GB' });
  return context.newPage();
}

const shot = (page, name) => page.screenshot({ path: path.join(screenshots, `${name}.png`), fullPage: true });

async function signIn(page, username, { totp = false, screenshot, totpScreenshot } = {}) {
  await page.goto(server.url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  if (screenshot) await shot(page, screenshot);
  await page.getByTestId('signin-submit').click();
  if (totp) {
    await page.getByTestId('totp').first().waitFor();
    if (totpScreenshot) await shot(page, totpScreenshot);
    await page.locator('[data-testid="totp"] input').first().click();
    await page.keyboard.type(authenticator.generate(TOTP_SECRET));
    await page.getByTestId('signin-submit').click();
  }
  await page.getByTestId('dashboard-title').waitFor();
}

describe('console', () => {
  it('signs an administrator in with the second factor and lands on the dashboard', async () => {
    const page = await newPage();
    await signIn(page, 'fr.admin', { totp: true, screenshot: 'sign-in', totpScreenshot: 'sign-in-totp' });
    assert.match(await page.getByTestId('dashboard-title').innerText(), /Sophie Bernard/);
    assert.match(await page.getByTestId('dashboard-bureau').innerText(), /France \(FR\)/);
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

    await page.getByTestId('language-switch').click();
    await page.getByRole('option', { name: 'Français' }).click();
    await page.getByText('Tableau de bord').first().waitFor();
    assert.equal(await page.evaluate(() => document.documentElement.dir), 'ltr');
    const navLtr = await page.getByTestId('navbar').boundingBox();
    assert.ok(navLtr.x < 10, 'navbar should be on the left again');
    await page.context().close();
  });

  it('lets a bureau administrator create a unit and an API key shown once', async () => {
    const page = await newPage();
    await signIn(page, 'fr.admin', { totp: true });
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
    await page.context().close();
  });

  it('shows an officer no administration and a DPO the audit', async () => {
    const page = await newPage();
    await signIn(page, 'fr.officer');
    assert.equal(await page.getByTestId('nav-admin').count(), 0);
    assert.equal(await page.getByTestId('nav-audit').count(), 0);
    assert.equal(await page.getByTestId('nav-icse').count(), 0, 'ICSE only for child-protection units');
    await page.getByTestId('nav-notices').click();
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
});
