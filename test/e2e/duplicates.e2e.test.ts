import { mkdirSync } from 'node:fs';
import { eq } from 'drizzle-orm';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { duplicateScans } from '../../src/db/schema/index.ts';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';

describe.skipIf(browserSkipReason !== undefined)(
  `duplicate review and the wizard's match in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;
    /** One man registered twice: by the hotline in Cyrillic, by a Single Window Centre in Latin letters. */
    let cyrillic: { caseId: string; number: string; personId: string };
    let latin: { caseId: string; number: string; personId: string };

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
      const cw = await rig.harness.as('caseworker');
      const open = async (person: Record<string, unknown>) => {
        const res = await cw.post('/api/v1/cases', {
          person,
          type: 'returnee_reintegration',
          intakeChannel: 'iom_office',
          consent: { givenOn: '2026-01-10', scope: ['data_processing'] },
        });
        expect(res.status).toBe(201);
        return { caseId: res.body.case.id, number: res.body.case.number, personId: res.body.case.person.id };
      };
      cyrillic = await open({
        givenName: 'Асанбай',
        familyName: 'Токтогулов',
        pseudonym: 'Асанбай-9',
        sex: 'male',
        estimatedAge: 52,
        phone: '+996555111222',
        originRegion: 'KG-O',
      });
      latin = await open({
        givenName: 'Asanbaj',
        familyName: 'Toktogulov',
        pseudonym: 'Asanbaj-10',
        sex: 'male',
        birthDate: '1974-03-02',
        phone: '+996555111222',
        originRegion: 'KG-O',
      });
    }, 180_000);
    afterAll(async () => rig?.close());

    /** A full-page screenshot from the top, so the fixed header sits where it belongs. */
    async function shot(page: Page, name: string) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    }

    const personOfCase = async (caseId: string) =>
      (await (await rig.harness.as('supervisor')).get(`/api/v1/cases/${caseId}`)).body.case.person
        .id as string;

    it('lets a supervisor run a scan, read the pair’s evidence, merge it and undo the merge', async () => {
      const page = await rig.signIn('supervisor.osh', { english: true });
      await page.getByRole('link', { name: 'Duplicate records', exact: true }).click();
      await page.getByRole('heading', { name: 'Duplicate records', level: 1 }).waitFor();
      await page.getByText('No pairs are waiting for review.').waitFor();

      // Another scan is running (started elsewhere): the screen says so and follows that scan.
      const [stuck] = await rig.harness.database.db
        .insert(duplicateScans)
        .values({ threshold: 0.5, weightsVersion: 'koldoo-match-2' })
        .returning();
      await page.getByRole('button', { name: 'Run a scan' }).click();
      await page.getByRole('alert').filter({ hasText: 'A scan is already running' }).waitFor();
      const progress = page.getByTestId('scan-progress');
      await progress.and(page.locator('[data-status="running"]')).waitFor();
      expect(page.url()).toContain(`scan=${stuck!.id}`);
      expect(await page.getByRole('button', { name: 'Run a scan' }).isDisabled()).toBe(true);
      await rig.harness.database.db
        .update(duplicateScans)
        .set({ status: 'failed', finishedAt: new Date() })
        .where(eq(duplicateScans.id, stuck!.id));
      await progress.getByText('The scan stopped', { exact: true }).waitFor();

      // Our own scan runs to the end with its progress bar.
      await page.getByRole('button', { name: 'Run a scan' }).click();
      await progress.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
      await progress.getByText('Finished').waitFor();
      expect(
        await progress.getByRole('progressbar', { name: 'Scan progress' }).getAttribute('aria-valuenow'),
      ).toBe('100');
      await progress.getByText(/Likely duplicates: \d+/).waitFor();

      // The pair: both records side by side, the score, and the evidence field by field.
      const pair = page
        .getByTestId('duplicate-pair')
        .filter({ hasText: 'Асанбай-9' })
        .filter({ hasText: 'Asanbaj-10' });
      await pair.waitFor();
      expect(await pair.getByTestId('pair-person').count()).toBe(2);
      expect(await pair.getByTestId('match-score').textContent()).toMatch(
        /^Score \d+%: very likely the same person$/,
      );
      const evidence = (component: string) => pair.locator(`li[data-component="${component}"]`);
      expect(await evidence('name').textContent()).toMatch(/^same personName: /);
      expect(await evidence('phone').textContent()).toBe('same personPhone: the same number');
      expect(await evidence('birthDate').textContent()).toContain('Birth date or age: ');
      expect(await evidence('origin').textContent()).toContain('Place of origin: the same region');
      await pair.getByText('Not compared, missing in one record: Documents, Household').waitFor();

      // Merge: the fuller record (an exact birth date) is proposed; keep the hotline's instead.
      await pair.getByRole('button', { name: 'Merge the records' }).click();
      const form = pair.getByTestId('merge-form');
      const keepLatin = form.getByRole('radio', { name: /^Keep Asanbaj-10/ });
      await keepLatin.waitFor();
      expect(await keepLatin.isChecked()).toBe(true);
      await form.getByRole('radio', { name: /^Keep Асанбай-9/ }).check();
      await form
        .getByText('Asanbaj-10 (Asanbaj Toktogulov) will be merged into Асанбай-9 (Асанбай Токтогулов).', {
          exact: false,
        })
        .waitFor();
      await form.getByRole('button', { name: 'Merge', exact: true }).click();
      await form.getByText('Say why, for the record.').waitFor();
      await form
        .getByLabel(/^Reason for the merge/)
        .fill('Same phone; the hotline wrote the name in Cyrillic, the centre in Latin letters');
      await shot(page, 'duplicate-review');
      await form.getByRole('button', { name: 'Merge', exact: true }).click();

      const result = page.getByTestId('merge-result');
      await result
        .getByText('Asanbaj-10 (Asanbaj Toktogulov) was merged into Асанбай-9 (Асанбай Токтогулов).')
        .waitFor();
      await result.getByText('Moved: cases 1, migration episodes 0, household links 0.').waitFor();
      expect(await personOfCase(latin.caseId)).toBe(cyrillic.personId);
      await page
        .getByTestId('duplicate-pair')
        .filter({ hasText: 'Asanbaj-10' })
        .waitFor({ state: 'detached' });

      // Undo, with its reason: the case goes back to the Latin record, the pair stays confirmed.
      await result.getByRole('button', { name: 'Undo the merge' }).click();
      await result
        .getByLabel(/^Reason for undoing/)
        .fill('Checked with the centre: a namesake from the same village');
      await result.getByRole('button', { name: 'Undo', exact: true }).click();
      await page
        .getByTestId('merge-undone')
        .getByText('Asanbaj-10 (Asanbaj Toktogulov) is a separate record again')
        .waitFor();
      expect(await personOfCase(latin.caseId)).toBe(latin.personId);
      await page
        .locator('label')
        .filter({ hasText: /^Same person$/ })
        .click();
      await page.waitForURL(/status=confirmed/);
      const confirmed = page.getByTestId('duplicate-pair').filter({ hasText: 'Asanbaj-10' });
      await confirmed.getByText(/^Confirmed as one person on .+ Reason: Same phone;/).waitFor();
    });

    it('finds a merge again under Recent merges after leaving the page, and undoes it there', async () => {
      const page = await rig.signIn('supervisor.osh', { english: true });
      await page.getByRole('link', { name: 'Duplicate records', exact: true }).click();
      await page
        .locator('label')
        .filter({ hasText: /^Same person$/ })
        .click();
      const pair = page.getByTestId('duplicate-pair').filter({ hasText: 'Asanbaj-10' });
      await pair.getByRole('button', { name: 'Merge the records' }).click();
      const form = pair.getByTestId('merge-form');
      await form.getByRole('radio', { name: /^Keep Асанбай-9/ }).check();
      await form.getByLabel(/^Reason for the merge/).fill('Same phone, checked again with the centre');
      await form.getByRole('button', { name: 'Merge', exact: true }).click();
      await page
        .getByTestId('merge-result')
        .getByText('You can also undo it later, under Recent merges.')
        .waitFor();
      expect(await personOfCase(latin.caseId)).toBe(cyrillic.personId);

      // Away and back: the notice is gone, the merge is under Recent merges, newest first.
      await page.getByRole('link', { name: 'Home', exact: true }).first().click();
      await page.waitForURL((url) => !url.pathname.startsWith('/duplicates'));
      await page.getByRole('link', { name: 'Duplicate records', exact: true }).click();
      await page.getByRole('heading', { name: 'Duplicate records', level: 1 }).waitFor();
      expect(await page.getByTestId('merge-result').count()).toBe(0);
      await page.getByRole('tab', { name: 'Recent merges' }).click();
      await page.waitForURL(/tab=merges/);
      const records = page.getByTestId('merge-record');
      await records.first().waitFor();
      expect(await records.count()).toBe(2);
      const standing = records.first();
      expect(await standing.getAttribute('data-status')).toBe('active');
      await standing
        .getByRole('heading', {
          name: 'Asanbaj-10 (Asanbaj Toktogulov) merged into Асанбай-9 (Асанбай Токтогулов)',
        })
        .waitFor();
      await standing.getByText(/^Merged .+ by Aigul Mamatova\. Reason: Same phone, checked again/).waitFor();
      await standing.getByText('Moved: cases 1, migration episodes 0, household links 0.').waitFor();
      // The first merge, undone from the notice, is listed as undone, with its reason.
      const earlier = records.nth(1);
      expect(await earlier.getAttribute('data-status')).toBe('undone');
      await earlier.getByText(/^Undone .+ by Aigul Mamatova\. Reason: Checked with the centre/).waitFor();
      expect(await earlier.getByRole('button', { name: 'Undo the merge' }).count()).toBe(0);

      // Records changed since the list was read: the refusal says what changed.
      const cw = await rig.harness.as('caseworker');
      const episode = await cw.post(`/api/v1/cases/${latin.caseId}/episodes`, {
        destinationCountry: 'RU',
        facts: {},
      });
      expect(episode.status).toBe(201);
      await standing.getByRole('button', { name: 'Undo the merge' }).click();
      await standing.getByRole('button', { name: 'Undo', exact: true }).click();
      await standing.getByText('Say why, for the record.').waitFor();
      await standing.getByLabel(/^Reason for undoing/).fill('A namesake after all');
      await standing.getByRole('button', { name: 'Undo', exact: true }).click();
      await standing
        .getByRole('alert')
        .getByText('Migration episodes were added to the moved cases since the merge.')
        .waitFor();
      expect(await personOfCase(latin.caseId)).toBe(cyrillic.personId);

      // Once the episode is gone again the same Undo goes through, and the merge shows as undone.
      expect(
        (await cw.request('DELETE', `/api/v1/cases/${latin.caseId}/episodes/${episode.body.episode.id}`))
          .status,
      ).toBe(204);
      await standing.getByRole('button', { name: 'Undo', exact: true }).click();
      const undone = records.filter({ hasText: 'A namesake after all' });
      await undone.and(page.locator('[data-status="undone"]')).waitFor();
      await undone.getByText(/^Undone .+ by Aigul Mamatova\. Reason: A namesake after all$/).waitFor();
      expect(await personOfCase(latin.caseId)).toBe(latin.personId);
      await page
        .locator('label')
        .filter({ hasText: /^In effect$/ })
        .click();
      await page.waitForURL(/merges=active/);
      await page.getByText('No merges are in effect.').waitFor();
    });

    it('shows the new-case wizard the registered person, with evidence, for a variant spelling', async () => {
      const page = await rig.signIn('caseworker.osh', { english: true });
      await page.goto('/cases/new');
      await page.getByLabel(/^Family name/).fill('Toktogulov');
      await page.getByLabel(/^Given name/).fill('Asanbai');
      await page.getByLabel(/^Sex/).selectOption('male');
      await page.getByLabel(/^Phone/).fill('0555 111 222');

      // A check that cannot run does not hold intake up: the wizard goes on and says so quietly.
      await page.route('**/api/v1/persons/match', (route) =>
        route.fulfill({
          status: 503,
          contentType: 'application/json',
          body: '{"error":{"code":"unavailable","message":"x","details":{}}}',
        }),
      );
      await page.getByRole('button', { name: 'Next' }).click();
      await page.getByRole('heading', { name: 'Household' }).waitFor();
      const skipped = page.getByTestId('duplicate-check-skipped');
      await skipped.getByText('Could not check whether this person is already registered').waitFor();
      await page.unroute('**/api/v1/persons/match');
      await skipped.getByRole('button', { name: 'Check again' }).click();
      await page.getByRole('heading', { name: 'Person' }).waitFor();

      const warning = page.getByRole('alert').filter({ hasText: 'This person may already be registered' });
      await warning.waitFor();
      const match = warning.getByTestId('possible-match').filter({ hasText: 'Асанбай-9' });
      await match.waitFor();
      expect(await match.getByTestId('match-score').textContent()).toMatch(/^Score \d+%: /);
      expect(await match.locator('li[data-component="phone"]').textContent()).toBe(
        'same personPhone: the same number',
      );
      expect(await match.locator('li[data-component="name"]').textContent()).toMatch(
        /Name: (the same name|spelled differently, sounds the same)/,
      );
      const link = match.getByRole('link', { name: `Open case ${cyrillic.number}` });
      expect(await link.getAttribute('href')).toBe(`/cases/${cyrillic.caseId}`);
      await link.click();
      await page.waitForURL(`**/cases/${cyrillic.caseId}`);
    });

    it('lets an administrator start the scan but shows no persons', async () => {
      const page = await rig.signIn('admin', { english: true });
      await page.getByRole('link', { name: 'Duplicate records', exact: true }).click();
      await page.getByRole('button', { name: 'Run a scan' }).waitFor();
      await page.getByText('Pairs are reviewed by the supervisors of the offices').waitFor();
      expect(await page.getByTestId('duplicate-pair').count()).toBe(0);
    });
  },
);
