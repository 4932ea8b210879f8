// What most browser test files share: one server with the demo data and one browser for the
// file, demo users signed in, and screenshots kept with the others and in /tmp to look at.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before } from 'node:test';
import { launchBrowser, signedIn } from './browser.mjs';
import { screenshots, startServer } from './server.mjs';

/** Starts the server and the browser before the file's tests and stops them after. */
export function consoleFixture() {
  const state = { server: null, browser: null };
  before(async () => {
    fs.mkdirSync(screenshots, { recursive: true });
    state.server = await startServer();
    state.browser = await launchBrowser();
  });
  after(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return {
    get server() {
      return state.server;
    },
    get browser() {
      return state.browser;
    },
    /** A fresh browser context where `username` has signed in (no second factor). */
    signedIn: (username, locale) => signedIn(state.browser, state.server.url, username, locale),
  };
}

export async function shot(page, name) {
  const file = path.join(screenshots, `${name}.png`);
  // From the top: a page scrolled down would show its fixed header in the middle of the shot.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file, fullPage: true });
  fs.copyFileSync(file, path.join(os.tmpdir(), `${name}.png`));
}
