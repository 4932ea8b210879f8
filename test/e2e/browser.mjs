// The browser of the browser tests: Debian's Chromium (never a downloaded one), headless, and a
// demo user signed in with a password.
import { chromium } from 'playwright-core';

export const PASSWORD = 'meridian-demo-2026';

export function launchBrowser() {
  return chromium.launch({
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
}

/** A page of a fresh browser context where `username` has signed in and sees the dashboard. */
export async function signedIn(browser, url, username, locale = 'en-GB') {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

/** The same for an account with a second factor: `code` is a fresh one-time code (each is accepted once). */
export async function signedInWithCode(browser, url, username, code, locale = 'en-GB') {
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByTestId('username').fill(username);
  await page.getByTestId('password').fill(PASSWORD);
  await page.getByTestId('signin-submit').click();
  await page.locator('[data-testid="totp"] input').first().click();
  await page.keyboard.type(code);
  await page.getByTestId('signin-submit').click();
  await page.getByTestId('dashboard-title').waitFor();
  return page;
}

/** Records `body` in database `db` as the signed-in page's user, through the API; the HTTP status. */
export function recordAs(page, db, body) {
  return page.evaluate(
    async ({ db, body }) => {
      const res = await fetch(`/api/v1/databases/${db}/records`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return res.status;
    },
    { db, body },
  );
}
