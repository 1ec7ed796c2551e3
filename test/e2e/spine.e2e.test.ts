import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/harness.ts';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';
const ky = JSON.parse(readFileSync('web/src/i18n/ky/core.json', 'utf8'));

describe.skipIf(browserSkipReason !== undefined)(
  `web UI in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;
    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
    }, 180_000);
    afterAll(async () => rig?.close());

    async function signIn(username: string, password = PASSWORD, opts: { mobile?: boolean } = {}) {
      const page = await rig.page(opts);
      await page.goto('/');
      await page.getByLabel(/^Username/).fill(username);
      await page.getByLabel(/^Password/).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      return page;
    }

    it('serves the UI at / and deep links, and shows a clear error for a wrong password', async () => {
      const page = await rig.page();
      const res = await page.goto('/users');
      expect(res?.status()).toBe(200);
      await expect.poll(() => page.url()).toContain('/login');
      await page.getByLabel(/^Username/).fill('caseworker.osh');
      await page.getByLabel(/^Password/).fill('wrong-password');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByText('The username or password is not correct.').waitFor();
      await page.screenshot({ path: `${shots}/sign-in-error.png` });
    });

    it('signs a caseworker in, in their own language, and hides what their role may not open', async () => {
      const page = await signIn('caseworker.osh');
      // Bakyt's account prefers Kyrgyz: the UI follows the account, not the sign-in page.
      await page
        .getByRole('heading', { name: `${ky.home.welcome.replace('{{name}}', 'Bakyt Tashiev')}` })
        .waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('ky');
      expect(await page.locator('a[href="/audit"]').count()).toBe(0);
      expect(await page.locator('a[href="/users"]').count()).toBe(1); // colleagues of the office
      await page.goto('/audit');
      await page.getByRole('heading', { name: ky.forbidden.title }).waitFor();
      await page.screenshot({ path: `${shots}/home-caseworker-ky.png` });
      await page.getByRole('button', { name: ky.session.signOut }).click();
      await page.getByRole('button', { name: ky.login.submit }).waitFor();
    });

    it('lets an auditor read the audit log, sign-ins included', async () => {
      const page = await signIn('auditor');
      await page.getByRole('link', { name: 'Audit log' }).click();
      await page.getByText('auth.login').first().waitFor();
      await page.screenshot({ path: `${shots}/audit-log.png` });
    });

    it('switches the whole UI to Russian and Kyrgyz and remembers the choice', async () => {
      const page = await signIn('analyst');
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      await page.getByLabel('Language').selectOption('ru');
      await page.getByRole('heading', { name: /Добро пожаловать/ }).waitFor();
      await page.getByLabel('Язык').selectOption('ky');
      await page.getByRole('heading', { name: /Кош келиңиз/ }).waitFor();
      await page.screenshot({ path: `${shots}/home-ky.png` });
      const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
      expect(me.user.locale).toBe('ky');
      await page.reload();
      await page.getByRole('heading', { name: /Кош келиңиз/ }).waitFor();
    });

    it('works 360 px wide: the menu opens from the burger', async () => {
      const page = await signIn('admin', PASSWORD, { mobile: true });
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page.getByRole('link', { name: 'Users' }).click();
      await page.getByText('caseworker.osh').first().waitFor();
      await page.screenshot({ path: `${shots}/users-mobile.png` });
    });
  },
);
