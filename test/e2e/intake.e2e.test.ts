import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';
const ruHotline = JSON.parse(readFileSync('web/src/i18n/ru/hotline.json', 'utf8')).hotline;

describe.skipIf(browserSkipReason !== undefined)(
  `intake, hotline and My work in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;
    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
    }, 180_000);
    afterAll(async () => rig?.close());

    /** The demo accounts prefer Russian or Kyrgyz; these tests read the English labels. */
    async function preferEnglish(username: string) {
      const client = await rig.harness.login(username);
      const res = await client.patch('/api/v1/auth/me', { locale: 'en' });
      expect(res.status).toBe(200);
      return client;
    }

    /** A full-page screenshot from the top, so the fixed header sits where it belongs. */
    async function shot(page: Page, name: string) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
    }

    const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

    /** A case opened through the API by the Osh caseworker (assigned to them). */
    async function caseThroughApi(familyName: string, pseudonym: string) {
      const cw = await rig.harness.as('caseworker');
      const res = await cw.post('/api/v1/cases', {
        person: {
          givenName: 'Санобар',
          familyName,
          pseudonym,
          sex: 'female',
          estimatedAge: 51,
          originRegion: 'KG-O',
        },
        type: 'trafficking_survivor',
        intakeChannel: 'iom_office',
        consent: { givenOn: '2026-01-10', scope: ['data_processing', 'referral'] },
      });
      expect(res.status).toBe(201);
      return { client: cw, kase: res.body.case as { id: string; number: string } };
    }

    it('lets the hotline operator log a call with the keyboard only, then open a case for IOM Osh', async () => {
      await preferEnglish('hotline');
      const page = await rig.signIn('hotline');
      await page.getByRole('link', { name: 'My work', exact: true }).waitFor();
      await page.getByRole('link', { name: 'Hotline', exact: true }).click();
      await page.getByText('Hotline 189').waitFor();

      // The form opens focused on its first field; Tab follows the conversation.
      await expect.poll(() => activeId(page)).toBe('call-channel');
      const kb = page.keyboard;
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-anonymous');
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-callerName');
      await kb.type('Тамара Осмонова');
      await kb.press('Tab');
      await kb.type('0555 123 456');
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-callerRegion');
      await kb.type('Jalal');
      await page.getByRole('option', { name: 'Jalal-Abad' }).waitFor();
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-callerDistrict');
      await kb.type('Suz');
      await page.getByRole('option', { name: 'Suzak' }).waitFor();
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-topic');
      await kb.type('Traf');
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-urgency');
      await kb.type('High');
      await kb.press('Tab');
      expect(await activeId(page)).toBe('call-summary');
      await kb.type(
        'Came back from Russia: the workshop owners took her passport, did not pay, beat her when she tried to leave.',
      );
      await shot(page, 'hotline');
      await kb.press('Control+Enter');

      // Saved: the call is at the top of today's calls, the form is empty and focused again.
      const today = page
        .getByRole('region', { name: "Today's calls" })
        .or(page.locator('section[aria-labelledby="todays-calls-title"]'));
      const first = today.locator('li').first();
      await first.getByText('Тамара Осмонова').waitFor();
      await first.getByText('Trafficking or exploitation').waitFor();
      await first.getByText('High').waitFor();
      await page.getByText('The call was saved.').waitFor();
      expect(await page.locator('#call-callerName').inputValue()).toBe('');
      await expect.poll(() => activeId(page)).toBe('call-channel');
      const hotline = await rig.harness.as('hotline_operator');
      const calls = await hotline.get('/api/v1/calls?limit=5');
      expect(calls.body.items[0]).toMatchObject({
        callerName: 'Тамара Осмонова',
        callerPhone: '+996555123456',
        callerRegion: 'KG-J',
        callerDistrict: 'KG-J-SUZAK',
        topic: 'trafficking_exploitation',
        urgency: 'high',
        channel: 'hotline',
      });

      // Convert the call into a case worked by IOM Osh.
      await first.getByRole('button', { name: /Open a case/ }).click();
      const dialog = page.getByRole('dialog', { name: 'Open a case from this call' });
      await dialog.waitFor();
      expect(await dialog.getByLabel(/^Family name/).inputValue()).toBe('Осмонова');
      expect(await dialog.getByLabel(/^Given name/).inputValue()).toBe('Тамара');
      await dialog.getByLabel(/^Sex/).selectOption('female');
      await dialog.getByLabel(/^Age/).fill('29');
      await dialog.getByLabel(/^Office that will work the case/).fill('Osh');
      await page.getByRole('option', { name: 'IOM Osh sub-office' }).click();
      await shot(page, 'hotline-convert');
      await dialog.getByRole('button', { name: 'Open case' }).click();
      const number = (await dialog.getByTestId('case-number').textContent()) ?? '';
      expect(number).toMatch(/^KG-OSH-\d{4}-\d{5}$/);
      await dialog.getByText('As a hotline operator you cannot open the case afterwards').waitFor();
      expect(await dialog.getByRole('link', { name: /Open case/ }).count()).toBe(0);
      await dialog.getByRole('button', { name: 'Close' }).last().click();
      await first.getByText(`Case ${number}`).waitFor();

      // The next call is already being typed: the console as an operator sees it mid-shift.
      await page.locator('#call-channel').focus();
      await kb.press('Tab');
      await kb.press('Space');
      expect(await page.locator('#call-callerName').count()).toBe(0); // anonymous: no name, no phone
      await kb.press('Tab');
      await kb.type('Osh');
      await kb.press('Tab');
      await kb.type('Uzg');
      await kb.press('Tab');
      await kb.type('Unp');
      await kb.press('Tab');
      await kb.press('Tab');
      await kb.type('A relative has worked 4 months on a building site in Almaty without pay.');
      await shot(page, 'hotline');
    });

    it('shows the hotline console at 360 px in the operator’s own language', async () => {
      // Cholpon's account is in Russian: the console at phone width, as she would see it.
      const client = await rig.harness.login('hotline');
      expect((await client.patch('/api/v1/auth/me', { locale: 'ru' })).status).toBe(200);
      const page = await rig.signIn('hotline', { mobile: true });
      await page.goto('/hotline');
      await page.getByText(ruHotline.number.replace('{{number}}', '189')).waitFor();
      await page.getByText(ruHotline.today.title).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await shot(page, 'hotline-mobile');
    });

    it('runs the new-case wizard end to end for a caseworker and lands on the case', async () => {
      await preferEnglish('caseworker.osh');
      const page = await rig.signIn('caseworker.osh');
      // My work comes first in the navigation; the wizard is one click away from it.
      await expect
        .poll(async () => (await page.locator('nav a').first().textContent())?.trim())
        .toBe('My work');
      await page.getByRole('link', { name: 'My work', exact: true }).click();
      await page.getByRole('link', { name: 'New case' }).click();
      await page.getByRole('heading', { name: 'New case' }).waitFor();

      await page.getByLabel(/^Family name/).fill('Садыкова');
      await page.getByLabel(/^Given name/).fill('Алима');
      await page.getByLabel(/^Pseudonym/).fill('Алима-7');
      await page.getByLabel(/^Sex/).selectOption('female');
      await page.getByLabel(/^Age \(estimate\)/).fill('32');
      await page.getByLabel(/^Phone/).fill('0772 40 11 22');
      await page.getByRole('combobox', { name: /^Region of origin/ }).fill('Osh');
      await page.getByRole('option', { name: 'Osh', exact: true }).click();
      await page.getByRole('combobox', { name: /^District of origin/ }).fill('Kara-Suu');
      await page.getByRole('option', { name: 'Kara-Suu' }).click();
      await page.getByLabel(/^Village or town/).fill('Кара-Суу');
      await page.getByRole('checkbox', { name: 'Kyrgyz' }).check();
      await page.getByRole('checkbox', { name: 'Russian' }).check();
      await page.getByRole('button', { name: 'Add a document' }).first().click();
      await page.locator('#wiz-person-documentsHeld-0-type').selectOption('passport');
      await shot(page, 'wizard-person');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Household' }).waitFor();
      await page.getByRole('button', { name: 'Add a household member' }).click();
      await page.locator('#wiz-household-0-name').fill('Эмир');
      await page.locator('#wiz-household-0-relationship').selectOption('child');
      await page.locator('#wiz-household-0-age').fill('2');
      await page.locator('#wiz-household-0-whereNow').selectOption('abroad');
      await page.locator('#wiz-household-0-country').fill('Russia');
      await page.getByRole('option', { name: 'Russia' }).click();
      await page.locator('#wiz-household-0-withWhom').fill('Сестра Гулнара, Москва');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Migration' }).waitFor();
      await page.getByRole('combobox', { name: /^Country of destination/ }).fill('Russia');
      await page.getByRole('option', { name: 'Russia' }).click();
      await page.getByLabel(/^City or place/).fill('Москва');
      await page.getByLabel(/^Left on/).fill('2025-04-10');
      await page.getByLabel(/^Returned on/).fill('2025-03-28');
      await page.getByLabel(/^Sector of work/).selectOption('services');
      await page.getByLabel(/^Who recruited/).selectOption('friend');
      await page.getByRole('checkbox', { name: 'Wages unpaid or withheld' }).check();
      await page.getByRole('checkbox', { name: 'Very long hours, no rest days' }).check();
      await page.getByRole('button', { name: 'Next' }).click();
      // A return before the departure is caught on this step, and nothing typed is lost.
      await page.getByText('The return is before the departure.').waitFor();
      expect(await activeId(page)).toBe('wiz-episode-returnedOn');
      await page.getByLabel(/^Returned on/).fill('2026-03-28');
      await page.getByLabel(/^Unpaid wages/).fill('45000');
      await page.getByLabel(/^Currency/).fill('RUB');
      await page.getByRole('button', { name: 'Next' }).click();

      await page.getByRole('heading', { name: 'Case and consent' }).waitFor();
      await page.getByLabel(/^Case type/).selectOption('family_reunification');
      expect(await page.getByLabel(/^How the person reached us/).inputValue()).toBe('iom_office');
      expect(await page.getByRole('combobox', { name: /^Office that will work the case/ }).inputValue()).toBe(
        'IOM Osh sub-office',
      );
      await page.getByRole('checkbox', { name: 'Referral to other services' }).check();
      await page.getByRole('button', { name: 'Create case' }).click();

      await page.waitForURL(/\/cases\/[0-9a-f-]{36}$/);
      const id = new URL(page.url()).pathname.split('/').pop()!;
      const cw = await rig.harness.as('caseworker');
      const detail = await cw.get(`/api/v1/cases/${id}`);
      expect(detail.status).toBe(200);
      expect(detail.body.case.number).toMatch(/^KG-OSH-\d{4}-\d{5}$/);
      expect(detail.body.case).toMatchObject({ type: 'family_reunification', intakeChannel: 'iom_office' });
      expect(detail.body.case.consentScope).toEqual(['data_processing', 'referral']);
      expect(detail.body.case.person).toMatchObject({
        familyName: 'Садыкова',
        givenName: 'Алима',
        pseudonym: 'Алима-7',
        phone: '+996772401122',
        originRegion: 'KG-O',
        originDistrict: 'KG-O-KARA-SUU',
        languages: ['ky', 'ru'],
        documentsHeld: [{ type: 'passport' }],
      });
      expect(detail.body.case.household).toMatchObject([
        { name: 'Эмир', relationship: 'child', age: 2, whereNow: 'abroad', country: 'RU' },
      ]);
      // The episode's facts were screened: wages withheld and excessive overtime, two medium indicators.
      expect(detail.body.case.screening.indicators).toEqual(
        expect.arrayContaining(['withholding_of_wages', 'excessive_overtime']),
      );
      const episodes = await cw.get(`/api/v1/cases/${id}/episodes`);
      expect(episodes.body.items).toHaveLength(1);
      expect(episodes.body.items[0]).toMatchObject({
        destinationCountry: 'RU',
        destinationCity: 'Москва',
        departedOn: '2025-04-10',
        returnedOn: '2026-03-28',
        sector: 'services',
        recruiterRelationship: 'friend',
        facts: { wagesUnpaid: true, excessiveHours: true },
        wagesUnpaidAmount: '45000.00',
        wagesUnpaidCurrency: 'RUB',
      });
    });

    it('warns in the wizard when the family name matches a person already registered', async () => {
      const { kase } = await caseThroughApi('Эргешова', 'Санобар-3');
      await preferEnglish('caseworker.osh');
      const page = await rig.signIn('caseworker.osh');
      await page.goto('/cases/new');
      await page.getByLabel(/^Family name/).fill('Эргешова');
      await page.getByLabel(/^Given name/).fill('Санобар');
      await page.getByLabel(/^Sex/).selectOption('female');
      await page.getByRole('button', { name: 'Next' }).click();
      const warning = page.getByRole('alert').filter({ hasText: 'This person may already be registered' });
      await warning.waitFor();
      await warning.getByText('Санобар-3').waitFor();
      const link = warning.getByRole('link', { name: `Open case ${kase.number}` });
      await link.waitFor();
      expect(await link.getAttribute('href')).toBe(`/cases/${kase.id}`);
      // Each likely record says how sure the match is and why, field by field.
      const match = warning
        .getByTestId('possible-match')
        .filter({ has: page.getByRole('link', { name: `Open case ${kase.number}` }) });
      expect(await match.getByTestId('match-score').textContent()).toMatch(/^Score \d+%: /);
      expect(await match.locator('li[data-component="name"]').textContent()).toContain(
        'Name: the same name, whatever the script or word order',
      );
      expect(await match.locator('li[data-component="sex"]').textContent()).toContain('Sex: the same');
      await match.getByText(/^Not compared, missing in one record: .*Phone/).waitFor();
      await shot(page, 'wizard-duplicate-warning');
      // Still on the person step with everything typed; "a different person" goes on.
      expect(await page.getByLabel(/^Family name/).inputValue()).toBe('Эргешова');
      await warning.getByRole('button', { name: 'It is a different person — continue' }).click();
      await page.getByRole('heading', { name: 'Household' }).waitFor();
    });

    it('lists an item waiting for approval on the supervisor’s My work, linked to its case', async () => {
      const { client: cw, kase } = await caseThroughApi('Абдыкадырова', 'Астра-4');
      const plan = await cw.request('PUT', `/api/v1/cases/${kase.id}/plan`, {
        goals: ['Открыть швейную мастерскую'],
      });
      expect(plan.status).toBeLessThan(300);
      const item = await cw.post(`/api/v1/cases/${kase.id}/plan/items`, {
        catalogueCode: 'sewing_equipment',
        description: 'Швейная машина Janome и утюг',
        quantity: 3,
        unitCost: '18000.00',
      });
      expect(item.status).toBe(201);
      const followup = await cw.post(`/api/v1/cases/${kase.id}/followups`, {
        kind: 'visit',
        dueOn: '2026-01-15',
      });
      expect(followup.status).toBe(201);

      await preferEnglish('supervisor.osh');
      const page = await rig.signIn('supervisor.osh');
      await page.getByRole('link', { name: 'My work', exact: true }).click();
      await page.getByRole('heading', { name: 'My work' }).waitFor();
      const approvals = page.locator('section[aria-labelledby="work-approvals"]');
      await approvals.getByRole('heading', { name: 'Waiting for your approval' }).waitFor();
      const row = approvals.getByRole('row').filter({ hasText: kase.number });
      await row.waitFor();
      await row.getByText('Швейная машина Janome и утюг').waitFor();
      await row.getByText('Bakyt Tashiev').waitFor();
      await row.getByText(/54,000/).waitFor();
      expect(await row.getByRole('link', { name: kase.number }).getAttribute('href')).toBe(
        `/cases/${kase.id}`,
      );
      await page.locator('section[aria-labelledby="work-office-overdue"]').getByText(kase.number).waitFor();
      await shot(page, 'my-work');
    });
  },
);
