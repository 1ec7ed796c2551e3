import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';
import type { Harness } from '../helpers/harness.ts';
import { PASSWORD, startHarness } from '../helpers/harness.ts';
import { webBuilt } from '../../src/http/web.ts';

/** Debian's Chromium; the tests never download a browser. */
export const CHROMIUM = process.env.KOLDOO_CHROMIUM ?? '/usr/bin/chromium';

/** Why browser tests cannot run here, or undefined when they can. */
export const browserSkipReason = existsSync(CHROMIUM)
  ? undefined
  : `${CHROMIUM} not found (apt-get install chromium); browser tests skipped`;

/** A real server on a free loopback port with the built UI, plus a headless Chromium. */
export interface BrowserRig {
  harness: Harness;
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies and storage) with a page, 360 px wide if `mobile`. */
  page(opts?: { mobile?: boolean; locale?: string }): Promise<Page>;
  /**
   * Signs in through the login form on a fresh page and waits to leave it. With `english`, the
   * account's own interface language (the demo accounts prefer Russian or Kyrgyz) is set to
   * English first, for tests that read the English labels.
   */
  signIn(username: string, opts?: { mobile?: boolean; english?: boolean }): Promise<Page>;
  close(): Promise<void>;
}

/** Builds the web UI once if it is missing, starts the server and the browser. */
export async function startRig(): Promise<BrowserRig> {
  if (!webBuilt()) {
    // Vitest sets NODE_ENV=test, which would build development React.
    execFileSync('npm', ['run', 'build:web', '--silent'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const harness = await startHarness('pglite');
  await harness.app.listen({ port: 0, host: '127.0.0.1' });
  const address = harness.app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Without these, Chromium keeps trying to reach the network, which this sandbox refuses.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const newPage: BrowserRig['page'] = async (opts = {}) => {
    const context = await browser.newContext({
      baseURL: `http://127.0.0.1:${port}`,
      locale: opts.locale ?? 'en-US',
      // A browser far from the offices (as a consulate's abroad): for most hours of the day its
      // date is not theirs, and the forms must still take the offices' day for "today".
      timezoneId: 'Pacific/Honolulu',
      viewport: opts.mobile ? { width: 360, height: 740 } : { width: 1280, height: 800 },
    });
    const page = await context.newPage();
    // Fail in seconds, not half a minute, when something the test waits for never shows.
    page.setDefaultTimeout(10_000);
    return page;
  };
  return {
    harness,
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    page: newPage,
    async signIn(username, opts = {}) {
      if (opts.english) {
        const client = await harness.login(username);
        const res = await client.patch('/api/v1/auth/me', { locale: 'en' });
        if (res.status !== 200) throw new Error(`setting ${username}'s language answered ${res.status}`);
      }
      const page = await newPage(opts);
      await page.goto('/login');
      await page.getByLabel(/^Username/).fill(username);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/login'));
      return page;
    },
    async close() {
      await browser.close();
      await harness.app.close();
      await harness.database.close();
    },
  };
}
