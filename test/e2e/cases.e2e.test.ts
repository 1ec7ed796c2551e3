/**
 * The case screens in a real browser: a caseworker of IOM Osh finds a case in the list, records a
 * migration episode that makes the screening "likely", an RSS assessment, and a plan item; the
 * supervisor approves it (and another one over the ceiling, with a reason); the caseworker buys
 * and delivers it, schedules a follow-up and walks the case to its close; a caseworker of
 * another office gets "not found". The data is created through the API first (no demo cases).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PASSWORD } from '../helpers/harness.ts';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';
const en = JSON.parse(readFileSync('web/src/i18n/en/cases.json', 'utf8'));
const L = en.cases;
const C = en.casesCodes;

/** A signed-in API client that talks to the rig like the browser does (cookie + CSRF), over fetch. */
async function apiAs(baseUrl: string, username: string) {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`login ${username}: ${login.status}`);
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: {
        cookie,
        'x-csrf-token': csrfToken,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}

const isoDaysFromNow = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

describe.skipIf(browserSkipReason !== undefined)(
  `case screens in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;
    let caseId = '';
    let caseNumber = '';

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
      const cw = await apiAs(rig.baseUrl, 'caseworker.osh');
      // English screens for the screenshots and the assertions (the demo accounts prefer ky and ru).
      for (const username of ['caseworker.osh', 'supervisor.osh', 'caseworker.batken']) {
        await (
          await apiAs(rig.baseUrl, username)
        )('PATCH', '/auth/me', { locale: 'en' });
      }
      const consent = { givenOn: isoDaysFromNow(-60), scope: ['data_processing', 'referral', 'follow_up'] };
      // Sanobar (DOMAIN.md story 1): her case, with a first episode that screens "possible".
      const created = await cw<{ case: { id: string; number: string } }>('POST', '/cases', {
        person: {
          givenName: 'Санобар',
          familyName: 'Эргешова',
          pseudonym: 'Sanobar-3',
          sex: 'female',
          estimatedAge: 51,
          originRegion: 'KG-O',
          originDistrict: 'KG-O-ARAVAN',
          languages: ['ky', 'uz'],
        },
        type: 'trafficking_survivor',
        intakeChannel: 'iom_office',
        openedOn: isoDaysFromNow(-60),
        consent,
        household: [
          { name: 'Асанбай', relationship: 'spouse', sex: 'male', age: 52, whereNow: 'home' },
          {
            name: 'Айгерим',
            relationship: 'child',
            sex: 'female',
            age: 9,
            whereNow: 'home',
            withWhom: 'Аунт, Aravan',
          },
        ],
      });
      caseId = created.case.id;
      caseNumber = created.case.number;
      await cw('POST', `/cases/${caseId}/episodes`, {
        destinationCountry: 'RU',
        destinationCity: 'Saratov oblast, farm',
        departedOn: isoDaysFromNow(-400),
        returnedOn: isoDaysFromNow(-90),
        sector: 'agriculture',
        recruiterRelationship: 'same_village',
        recruitedHow: 'A man from the village promised paid work on his brother’s farm',
        facts: { wagesUnpaid: true, abusiveConditions: true },
        wagesUnpaidAmount: '320000.00',
        wagesUnpaidCurrency: 'RUB',
      });
      await cw('POST', `/cases/${caseId}/assessments`, {
        instrument: 'koldoo-rss-1',
        takenOn: isoDaysFromNow(-45),
        answers: {
          income_sources: 0,
          debt: 0,
          food_security: 0.5,
          housing: 0.5,
          social_network: 0.5,
          distress: 0,
        },
      });
      // Two more cases so the list has something to filter, one with an overdue follow-up.
      const astra = await cw<{ case: { id: string } }>('POST', '/cases', {
        person: {
          givenName: 'Астра',
          familyName: 'Мамытова',
          pseudonym: 'Astra-7',
          sex: 'female',
          estimatedAge: 47,
          originRegion: 'KG-J',
        },
        type: 'returnee_reintegration',
        intakeChannel: 'single_window_centre',
        consent,
      });
      await cw('POST', `/cases/${astra.case.id}/followups`, { kind: 'visit', dueOn: isoDaysFromNow(-3) });
      await cw('POST', '/cases', {
        person: {
          givenName: 'Тамара',
          familyName: 'Осмонова',
          pseudonym: 'Tamara-5',
          sex: 'female',
          estimatedAge: 29,
          originRegion: 'KG-O',
        },
        type: 'legal_assistance',
        intakeChannel: 'hotline',
      });
    }, 240_000);
    afterAll(async () => rig?.close());
    async function signIn(username: string, opts: { mobile?: boolean } = {}): Promise<Page> {
      const page = await rig.page(opts);
      // The machine running the suite may be busy (other suites, other browsers): wait longer than the rig's 10 s.
      page.setDefaultTimeout(30_000);
      await page.goto('/');
      await page.getByLabel(/^Username/).fill(username);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { name: /Welcome/ }).waitFor();
      return page;
    }

    const tab = (page: Page, name: string) => page.getByRole('tab', { name }).click();
    const screening = (page: Page) => page.getByTestId('screening');

    it('lists the caseworker’s cases with pseudonyms, filters from the address bar and opens a case', async () => {
      const page = await signIn('caseworker.osh');
      await page.getByRole('link', { name: L.nav }).click();
      await page.getByRole('heading', { name: L.list.title }).waitFor();
      await page.getByRole('cell', { name: 'Sanobar-3' }).waitFor();
      // Pseudonyms by default; the real name only after the explicit toggle.
      expect(await page.getByText('Санобар Эргешова').count()).toBe(0);
      await expect.poll(() => page.getByText(L.overdue, { exact: false }).count()).toBeGreaterThan(0);
      await page.screenshot({ path: `${shots}/cases-list.png`, fullPage: true });

      await page.getByLabel(L.fields.status).selectOption('open');
      await page.getByLabel(L.list.search, { exact: true }).fill('Sanobar');
      await page.getByRole('button', { name: L.list.searchButton }).click();
      await expect.poll(() => page.url()).toContain('q=Sanobar');
      expect(page.url()).toContain('status=open');
      await expect.poll(() => page.getByRole('row').count()).toBe(2); // header + Sanobar
      // A bookmarked filtered list opens the same.
      await page.reload();
      await page.getByRole('cell', { name: 'Sanobar-3' }).waitFor();
      expect(await page.getByLabel(L.list.search, { exact: true }).inputValue()).toBe('Sanobar');

      await page.getByRole('cell', { name: 'Sanobar-3' }).click();
      await expect.poll(() => page.url()).toContain(`/cases/${caseId}`);
      await page.getByRole('heading', { name: `${caseNumber} · Sanobar-3` }).waitFor();
      await page.getByLabel(L.showName).check();
      await page.getByTestId('real-name').getByText('Санобар Эргешова').waitFor();
    }, 120_000);

    it('adds an episode that makes the screening "likely", with its reasons, beside the caseworker’s determination', async () => {
      const page = await signIn('caseworker.osh');
      await page.goto(`/cases/${caseId}`);
      await screening(page).getByText(C.likelihood.possible).waitFor();

      await tab(page, L.tabs.migration);
      await page.getByRole('button', { name: L.migration.add }).click();
      await page.getByLabel(L.migration.country).selectOption('RU');
      await page.getByLabel(L.migration.city).fill('Moscow, vegetable warehouse');
      // Validates as the user types: a return before the departure is flagged at once.
      await page.getByLabel(L.migration.departedOn).fill(isoDaysFromNow(-200));
      await page.getByLabel(L.migration.returnedOn).fill(isoDaysFromNow(-300));
      await page.getByText(L.v.returnBeforeDeparture).waitFor();
      await page.getByLabel(L.migration.returnedOn).fill(isoDaysFromNow(-100));
      await page.getByLabel(C.fact.documentsTaken).check();
      await page.getByLabel(C.fact.deceived).check();
      await page.getByRole('button', { name: L.migration.add }).click();

      await screening(page).getByText(C.likelihood.likely).waitFor();
      await screening(page).getByText(C.indicator.retention_of_documents).waitFor();
      await screening(page).getByText(new RegExp(C.fact.documentsTaken)).waitFor();
      expect(await screening(page).getByText(C.likelihood.possible).count()).toBe(0);

      await page.getByRole('button', { name: L.determination.record }).click();
      await page.getByLabel(L.determination.likelihood).selectOption('likely');
      await page
        .getByLabel(L.determination.note)
        .fill('Passport kept by the farm owner; eight months unpaid.');
      await page.getByRole('button', { name: L.save, exact: true }).click();
      await page.getByText('Passport kept by the farm owner; eight months unpaid.').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/case-page.png`, fullPage: false });
    }, 120_000);

    it('records an RSS assessment and shows the scores trend as a chart with a table', async () => {
      const page = await signIn('caseworker.osh');
      await page.goto(`/cases/${caseId}?tab=assessments`);
      await page.getByTestId('scores-chart').waitFor();
      expect(await page.locator('[data-testid="scores-chart"] tbody tr').count()).toBe(1);
      await page.getByRole('button', { name: L.rss.add }).click();
      const answer = async (question: string, option: string) =>
        page.getByRole('radiogroup', { name: question }).getByLabel(option, { exact: true }).check();
      await answer(C.rss.income_sources.q, C.rss.income_sources.o2);
      await answer(C.rss.debt.q, C.rss.debt.o1);
      await answer(C.rss.employment.q, C.rss.employment.o3);
      await answer(C.rss.productive_assets.q, C.rss.productive_assets.o1);
      await answer(C.rss.housing.q, C.rss.housing.o2);
      await answer(C.rss.documents.q, C.rss.documents.o2);
      await answer(C.rss.social_network.q, C.rss.social_network.o1);
      await answer(C.rss.distress.q, C.rss.distress.o1);
      await page.getByText(L.rss.answered.replace('{{answered}}', '8').replace('{{total}}', '15')).waitFor();
      await page.getByRole('button', { name: L.rss.save }).click();
      await page.getByText(L.rss.saved).waitFor();
      await expect.poll(() => page.locator('[data-testid="scores-chart"] tbody tr').count()).toBe(2);
      expect(
        await page.locator('[data-testid="scores-chart"] svg[role="img"] path').count(),
      ).toBeGreaterThanOrEqual(4);

      // Vulnerability: factors per level, a live suggestion, and the level the caseworker sets.
      await page.getByRole('button', { name: L.domv.add }).click();
      const level = (name: string) => page.getByRole('group', { name });
      await level(C.domvLevel.individual).getByRole('button', { name: L.domv.addRisk }).click();
      await level(C.domvLevel.individual).getByLabel(L.domv.factor, { exact: true }).selectOption('health');
      await level(C.domvLevel.individual)
        .getByLabel(L.domv.factorNote)
        .fill('Kidney infection from the cold shed');
      await level(C.domvLevel.household).getByRole('button', { name: L.domv.addRisk }).click();
      await level(C.domvLevel.household).getByLabel(L.domv.factor, { exact: true }).selectOption('debt');
      await level(C.domvLevel.household).getByRole('button', { name: L.domv.addRisk }).click();
      await level(C.domvLevel.household)
        .getByLabel(L.domv.factor, { exact: true })
        .last()
        .selectOption('income');
      await level(C.domvLevel.community).getByRole('button', { name: L.domv.addProtective }).click();
      await level(C.domvLevel.community)
        .getByLabel(L.domv.factor, { exact: true })
        .selectOption('social_network');
      const suggested = page.getByText(L.domv.suggested, { exact: true }).locator('..');
      await suggested.getByText(C.risk.medium, { exact: true }).waitFor();
      await level(C.domvLevel.household).getByRole('button', { name: L.domv.addRisk }).click();
      await suggested.getByText(C.risk.high, { exact: true }).waitFor();
      await page.getByRole('button', { name: L.domv.save }).click();
      await page.getByTestId('case-badges').getByText(C.risk.high, { exact: true }).waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(300); // let the page settle to its new height after the form closed
      await page.screenshot({ path: `${shots}/case-assessments.png`, fullPage: true });
    }, 120_000);

    it('takes a plan item from proposal through approval to delivery, and a follow-up', async () => {
      const cwPage = await signIn('caseworker.osh');
      await cwPage.goto(`/cases/${caseId}?tab=plan`);
      await cwPage.getByRole('button', { name: L.plan.propose }).click();
      await cwPage.getByLabel(L.plan.item).selectOption('sewing_equipment');
      await cwPage.getByLabel(L.plan.quantity).fill('0');
      await cwPage.getByText('Enter a number from 1 to 10000.').waitFor();
      await cwPage.getByLabel(L.plan.quantity).fill('3');
      await cwPage.getByLabel(L.plan.supplier).fill('Tiguu-Service LLC, Osh');
      await cwPage.getByRole('button', { name: L.plan.propose }).last().click();
      const item = cwPage.getByTestId('plan-item').first();
      await item.getByText(C.itemState.proposed, { exact: true }).waitFor();
      // Only abilities with plan:approve see the approve button.
      expect(await item.getByRole('button', { name: L.plan.approve }).count()).toBe(0);

      // A second item that takes the case over its ceiling (250 000 som for survivors).
      const cw = await apiAs(rig.baseUrl, 'caseworker.osh');
      await cw('POST', `/cases/${caseId}/plan/items`, {
        catalogueCode: 'business_grant',
        quantity: 1,
        unitCost: '230000.00',
        businessPlan: { summary: 'Sell the harvest at the Aravan bazaar', activity: 'Vegetable farming' },
      });

      const sup = await signIn('supervisor.osh');
      await sup.goto(`/cases/${caseId}?tab=plan`);
      const sewing = sup.getByTestId('plan-item').filter({ hasText: 'Tiguu-Service' });
      await sewing.getByRole('button', { name: L.plan.approve }).click();
      await sewing.getByRole('button', { name: L.plan.approve }).click();
      await sewing.getByText(C.itemState.approved, { exact: true }).waitFor();
      const grant = sup.getByTestId('plan-item').filter({ hasText: 'Vegetable farming' });
      await grant.getByRole('button', { name: L.plan.approve }).click();
      await grant.getByRole('button', { name: L.plan.approve }).click();
      // The API answers over-ceiling: the form asks for the override reason.
      await grant.getByLabel(L.plan.overrideReason).fill('Family of eight; farming is their only income.');
      await grant.getByRole('button', { name: L.plan.approveOver }).click();
      await grant.getByText(C.itemState.approved, { exact: true }).waitFor();
      await sup.getByText(/Over the ceiling by/).waitFor();

      await cwPage.reload();
      const bought = cwPage.getByTestId('plan-item').filter({ hasText: 'Tiguu-Service' });
      await bought.getByRole('button', { name: L.plan.procure }).click();
      await bought.getByRole('button', { name: L.plan.procure }).click();
      await bought.getByText(C.itemState.procured, { exact: true }).waitFor();
      await bought.getByRole('button', { name: L.plan.deliver }).click();
      await bought.getByRole('button', { name: L.plan.deliver }).click();
      await bought.getByText(L.v.acknowledge).waitFor(); // not acknowledged yet
      await bought.getByLabel(L.plan.acknowledged).check();
      await bought.getByRole('button', { name: L.plan.deliver }).click();
      await bought.getByText(C.itemState.delivered, { exact: true }).waitFor();
      await cwPage.evaluate(() => window.scrollTo(0, 0));
      await cwPage.screenshot({ path: `${shots}/case-plan.png`, fullPage: true });

      await tab(cwPage, L.tabs.followups);
      await cwPage.getByRole('button', { name: L.followups.schedule }).click();
      await cwPage.getByLabel(L.followups.dueOn).fill(isoDaysFromNow(30));
      await cwPage.getByRole('button', { name: L.followups.schedule }).last().click();
      await cwPage.getByText(L.followups.scheduled).waitFor();
      await cwPage.getByText(C.followupStatus.scheduled, { exact: true }).waitFor();
    }, 120_000);

    it('offers closing as sustainably reintegrated only from monitoring', async () => {
      const page = await signIn('caseworker.osh');
      await page.goto(`/cases/${caseId}?tab=timeline`);
      await page.getByText(C.event.screening_changed).first().waitFor();
      const workflow = page.getByTestId('workflow');
      const reasons = async () => {
        await workflow.getByRole('button', { name: L.workflow.close }).click();
        const options = await workflow.getByLabel(L.workflow.reason).locator('option').allTextContents();
        await workflow.getByRole('button', { name: 'Cancel', exact: true }).click();
        return options;
      };
      expect(await reasons()).not.toContain(C.closure.sustainably_reintegrated);
      for (const status of ['assessment', 'planning', 'assistance', 'monitoring'] as const) {
        const label = L.workflow.forward.replace('{{status}}', C.status[status]);
        await workflow.getByRole('button', { name: label }).click();
        await page.getByTestId('case-badges').getByText(C.status[status], { exact: true }).waitFor();
      }
      // Going back asks for a note.
      await workflow
        .getByRole('button', { name: L.workflow.back.replace('{{status}}', C.status.assistance) })
        .click();
      await workflow.getByRole('button', { name: L.workflow.confirm }).click();
      await workflow.getByText(L.v.required).waitFor();
      await workflow.getByRole('button', { name: 'Cancel', exact: true }).click();

      expect(await reasons()).toContain(C.closure.sustainably_reintegrated);
      await workflow.getByRole('button', { name: L.workflow.close }).click();
      await workflow.getByLabel(L.workflow.reason).selectOption('sustainably_reintegrated');
      await workflow.getByRole('button', { name: L.workflow.confirm }).click();
      await page.getByTestId('case-badges').getByText(C.status.closed, { exact: true }).waitFor();
      await workflow.getByRole('button', { name: L.workflow.reopen }).waitFor();
      await page.getByText(C.event.status_changed).first().waitFor();
    }, 120_000);

    it('shows a caseworker of another office a clear "not found"', async () => {
      const page = await signIn('caseworker.batken');
      await page.goto(`/cases/${caseId}`);
      await page.getByRole('heading', { name: L.notFound.title }).waitFor();
      expect(await page.getByText('Sanobar-3').count()).toBe(0);
    }, 120_000);

    it('works 360 px wide', async () => {
      const page = await signIn('caseworker.osh', { mobile: true });
      await page.goto(`/cases/${caseId}`);
      await page.getByRole('heading', { name: `${caseNumber} · Sanobar-3` }).waitFor();
      await screening(page).getByText(C.likelihood.likely).waitFor();
      await page.getByRole('heading', { name: L.household.title, exact: true }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${shots}/case-mobile.png`, fullPage: true });
    }, 120_000);
  },
);
