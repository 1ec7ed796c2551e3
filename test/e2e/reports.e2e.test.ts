import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';

describe.skipIf(browserSkipReason !== undefined)(
  `the reports screen in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
      const cw = await rig.harness.as('caseworker');
      // Enough cases in Osh oblast to be published, and two in Batken to be withheld.
      const regions = [...Array<string>(7).fill('KG-O'), ...Array<string>(6).fill('KG-GO'), 'KG-B', 'KG-B'];
      for (const [i, originRegion] of regions.entries()) {
        const res = await cw.post('/api/v1/cases', {
          person: {
            givenName: 'Test',
            familyName: `Person${i}`,
            sex: 'female',
            estimatedAge: 30,
            originRegion,
          },
          type: 'returnee_reintegration',
          intakeChannel: 'iom_office',
          consent: { givenOn: '2026-01-10', scope: ['data_processing'] },
        });
        expect(res.status).toBe(201);
      }
    }, 180_000);
    afterAll(async () => rig?.close());

    it('shows a supervisor the map and the charts, withheld cells as "fewer than 5"', async () => {
      const page = await rig.signIn('supervisor.osh', { english: true });
      await page.getByRole('link', { name: 'Reports', exact: true }).click();
      await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();

      const map = page.getByTestId('region-map');
      const osh = map.locator('path[data-region="KG-O"]');
      await osh.waitFor();
      expect(await map.locator('path[data-region]').count()).toBe(9);
      expect(await osh.getAttribute('data-count')).toBe('7');
      expect(await osh.evaluate((el) => getComputedStyle(el).fill)).toMatch(/^rgb/);
      expect(await map.locator('path[data-region="KG-B"]').getAttribute('data-count')).toBe('suppressed');
      await map.locator('path[data-region="KG-B"]').focus();
      await page.getByTestId('region-map-active').getByText('Batken: fewer than 5 cases').waitFor();
      await osh.hover();
      await page.getByTestId('region-map-active').getByText('Osh: 7 cases').waitFor();

      const status = page.getByTestId('status-chart');
      await status.getByRole('heading', { name: 'Cases by status' }).waitFor();
      await status.getByRole('row', { name: /Open\s+15/ }).waitFor();
      await page.getByTestId('month-chart').waitFor();

      // The month range is kept in the address.
      await page.getByLabel('From month').fill('2020-01');
      await page.waitForURL(/from=2020-01/);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.getByLabel('From month').blur();
      await page.screenshot({ path: `${shots}/reports.png`, fullPage: true });
    });

    it('offers a caseworker no Reports item', async () => {
      const page = await rig.signIn('caseworker.osh', { english: true });
      await page.getByRole('navigation').getByRole('link').first().waitFor();
      expect(await page.getByRole('link', { name: 'Reports', exact: true }).count()).toBe(0);
    });
  },
);
