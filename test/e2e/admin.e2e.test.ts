/**
 * Partner view and administration in a real browser: the Adilet legal clinic answers a referral
 * and sees only what the caseworker shared; staff read referrals without answering; the admin
 * keeps the service directory, the catalogue and the budget ceilings, including a 409 on a ceiling.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD } from '../helpers/harness.ts';
import { type BrowserRig, browserSkipReason, startRig } from './browser.ts';

const shots = 'docs/screenshots';
const read = (lng: string, area: string) =>
  JSON.parse(readFileSync(`web/src/i18n/${lng}/${area}.json`, 'utf8'));
// Erlan of the Adilet clinic works in Russian, Bakyt (caseworker) in Kyrgyz, the admin in English.
const ru = read('ru', 'partner').partner;
const ky = read('ky', 'partner').partner;
const en = read('en', 'admin').admin;

/** A field's label, with or without the required-field asterisk. */
const label = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);

const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

interface Sent {
  caseId: string;
  referralId: string;
}

describe.skipIf(browserSkipReason !== undefined)(
  `partner and admin screens in Chromium${browserSkipReason ? ` (${browserSkipReason})` : ''}`,
  () => {
    let rig: BrowserRig;
    let caseworker: Client;
    let tamara: Sent;
    let astra: Sent;

    /** A case with consent to referrals, referred to Adilet's legal aid service, as Bakyt would do it. */
    async function refer(
      person: Record<string, unknown>,
      share: Record<string, boolean>,
      needs: string,
    ): Promise<Sent> {
      const services = await caseworker.get('/api/v1/services?kind=legal_aid&limit=100');
      const adilet = services.body.items.find((s: any) => s.organisationName.startsWith('Adilet'));
      expect(adilet, 'Adilet legal aid service in the demo directory').toBeDefined();
      const created = await caseworker.post('/api/v1/cases', {
        person,
        type: 'trafficking_survivor',
        intakeChannel: 'hotline',
        consent: { givenOn: yesterday, scope: ['data_processing', 'referral'] },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const caseId = created.body.case.id;
      const referral = await caseworker.post(`/api/v1/cases/${caseId}/referrals`, {
        serviceId: adilet.id,
        reason: 'Wages unpaid for eight months; documents were taken by the employer',
        consentRecordedOn: yesterday,
        share,
        needs,
      });
      expect(referral.status, JSON.stringify(referral.body)).toBe(201);
      return { caseId, referralId: referral.body.referral.id };
    }

    beforeAll(async () => {
      mkdirSync(shots, { recursive: true });
      rig = await startRig();
      caseworker = await rig.harness.as('caseworker');
      tamara = await refer(
        {
          givenName: 'Tamara',
          familyName: 'Osmonova',
          sex: 'female',
          estimatedAge: 29,
          phone: '+996555123456',
          originRegion: 'KG-J',
        },
        { sex: true, ageBand: true },
        'Please help Tamara claim eight months of unpaid wages from the factory in Moscow.',
      );
      astra = await refer(
        {
          givenName: 'Astra',
          familyName: 'Bekmatova',
          sex: 'female',
          estimatedAge: 47,
          phone: '+996777654321',
          originRegion: 'KG-J',
        },
        { phone: true, originRegion: true },
        'Astra needs advice on a debt to the recruiter who paid her ticket.',
      );
    }, 180_000);
    afterAll(async () => rig?.close());

    async function signIn(username: string, opts: { mobile?: boolean } = {}): Promise<Page> {
      const page = await rig.page(opts);
      await page.goto('/login');
      await page.getByLabel(/^Username/).fill(username);
      await page.getByLabel(/^Password/).fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('main').waitFor();
      return page;
    }

    it('shows the partner only what was shared, and lets them accept and complete a referral', async () => {
      const page = await signIn('partner.adilet');
      await page.getByRole('link', { name: ru.nav }).click();
      await page.getByRole('heading', { level: 1, name: ru.title }).waitFor();

      const card = page.getByRole('article', { name: 'Tamara' });
      await card.getByText(/eight months of unpaid wages/).waitFor();
      await card.getByText(ru.sexes.female).waitFor();
      await card.getByText(ru.ageBand.replace('{{band}}', '27–29')).waitFor();
      // Astra's caseworker shared her phone and region; Tamara's did not.
      const other = page.getByRole('article', { name: 'Astra' });
      await other.getByRole('link', { name: '+996777654321' }).waitFor();
      const text = (await page.getByRole('main').textContent()) ?? '';
      expect(text).not.toContain('Osmonova');
      expect(text).not.toContain('Bekmatova');
      expect(text).not.toContain('+996555123456');
      expect(text).not.toContain('KG-OSH'); // no case number for a partner
      expect(await card.getByText(ru.phone).count()).toBe(0);
      await page.screenshot({ path: `${shots}/partner-referrals.png`, fullPage: true });

      await card
        .getByLabel(label(ru.note))
        .fill('Примем Тамару в четверг в 10:00, пусть возьмёт копии писем.');
      await card.getByRole('button', { name: ru.actions.accepted }).click();
      await card.getByText(ru.answered.accepted).waitFor();
      await card.getByText(ru.status.accepted).waitFor();
      await card.getByRole('button', { name: ru.actions.completed }).click();
      await card.getByText(ru.answered.completed).waitFor();
      expect(await card.getByRole('button').count()).toBe(0);

      const after = await caseworker.get(`/api/v1/cases/${tamara.caseId}/referrals`);
      const saved = after.body.items.find((r: any) => r.id === tamara.referralId);
      expect(saved.status).toBe('completed');
      expect(saved.partnerNote).toBe('Примем Тамару в четверг в 10:00, пусть возьмёт копии писем.');
    });

    it('offers a reload when someone else answered first, and keeps the typed note', async () => {
      const page = await signIn('partner.adilet');
      await page.goto('/referrals?status=sent');
      const card = page.getByRole('article', { name: 'Astra' });
      await card.getByRole('button', { name: ru.actions.accepted }).waitFor();
      // A colleague at the clinic accepts it meanwhile.
      const colleague = await rig.harness.as('partner');
      const res = await colleague.patch(`/api/v1/referrals/${astra.referralId}`, {
        status: 'accepted',
        version: 1,
      });
      expect(res.status).toBe(200);

      await card.getByLabel(label(ru.note)).fill('Нет юриста по долгам в этом месяце.');
      await card.getByRole('button', { name: ru.actions.declined }).click();
      await card.getByRole('button', { name: ru.declineConfirm }).click();
      await card.getByText(ru.conflictTitle).waitFor();
      await card.getByRole('button', { name: ru.reload }).click();
      await card.getByText(ru.reloaded).waitFor();
      await card.getByText(ru.status.accepted).waitFor();
      expect(await card.getByLabel(label(ru.note)).inputValue()).toBe('Нет юриста по долгам в этом месяце.');
      await card.getByRole('button', { name: ru.actions.completed }).waitFor();
      expect(await card.getByRole('button', { name: ru.actions.declined }).count()).toBe(0);
    });

    it('works 360 px wide for the partner', async () => {
      const page = await signIn('partner.adilet', { mobile: true });
      await page.goto('/referrals');
      await page.getByRole('article', { name: 'Tamara' }).waitFor();
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
      await page.screenshot({ path: `${shots}/partner-mobile.png` });
    });

    it('shows staff of the referring office a read-only list with the case number', async () => {
      const page = await signIn('caseworker.osh');
      await page.getByRole('link', { name: ky.nav }).click();
      const card = page.getByRole('article', { name: 'Tamara' });
      await card.getByText(/KG-OSH-\d{4}-\d+/).waitFor();
      await card.getByText(ky.status.completed).waitFor();
      await card.getByText('Примем Тамару в четверг в 10:00, пусть возьмёт копии писем.').waitFor();
      expect(await page.getByRole('main').getByRole('button', { name: ky.actions.accepted }).count()).toBe(0);
      expect(await page.getByRole('main').getByRole('textbox').count()).toBe(0);
    });

    it('lets the admin add a service, validating as they type', async () => {
      const page = await signIn('admin');
      await page.getByRole('link', { name: en.nav.services }).click();
      await page.getByRole('heading', { level: 1, name: en.services.title }).waitFor();
      await page.getByRole('cell', { name: /^Adilet: legal aid/ }).waitFor();

      // Filters: kind and area narrow the list.
      await page.getByLabel(label(en.services.fields.kind)).selectOption('document_recovery');
      await page.getByLabel(label(en.services.area)).selectOption('KG-O');
      await page.getByRole('cell', { name: /^Adilet: recovering identity documents/ }).waitFor();
      await expect.poll(() => page.getByRole('cell', { name: /^Adilet: legal aid/ }).count()).toBe(0);
      await page.getByLabel(label(en.services.fields.kind)).selectOption('');
      await page.getByLabel(label(en.services.area)).selectOption('');
      await page.getByRole('cell', { name: /^Adilet: legal aid/ }).waitFor();
      await page.screenshot({ path: `${shots}/admin-services.png`, fullPage: true });

      await page.getByRole('button', { name: en.services.add }).click();
      const form = page.getByRole('region', { name: en.services.addTitle });
      const name = form.getByLabel(label(en.services.fields.name));
      await name.fill('W');
      await name.blur();
      await form.getByText(en.services.nameTooShort).waitFor();
      await name.fill('Wage claims desk, Kadamjay');
      await expect.poll(() => form.getByText(en.services.nameTooShort).count()).toBe(0);
      await form.getByLabel(label(en.services.fields.phone)).fill('0555');
      await form.getByLabel(label(en.services.fields.phone)).blur();
      await form.getByText(en.services.phoneInvalid).waitFor();
      await form.getByLabel(label(en.services.fields.phone)).fill('+996 3622 5 00 00');
      await form
        .getByLabel(label(en.services.fields.organisationId))
        .selectOption({ label: 'Adilet legal clinic, Jalal-Abad' });
      await form.getByLabel(label(en.services.fields.kind)).selectOption('legal_aid');
      await form.getByLabel(label(en.services.addArea)).selectOption('KG-B-KADAMJAY');
      await form.getByRole('button', { name: /^Remove .*Kadamjay/ }).waitFor();
      await form.getByRole('button', { name: en.services.create }).click();
      await page.getByText(en.services.created.replace('{{name}}', 'Wage claims desk, Kadamjay')).waitFor();

      const admin = await rig.harness.as('admin');
      const found = await admin.get('/api/v1/services?q=Kadamjay&limit=10');
      expect(found.body.items).toMatchObject([
        {
          name: 'Wage claims desk, Kadamjay',
          organisationName: 'Adilet legal clinic, Jalal-Abad',
          kind: 'legal_aid',
          phone: '+996362250000',
          regionCodes: ['KG-B-KADAMJAY'],
          active: true,
        },
      ]);
    });

    it('lets the admin change a ceiling, and merge their amount after someone else saved first', async () => {
      const page = await signIn('admin');
      await page.getByRole('link', { name: en.nav.ceilings }).click();
      const legal = page.getByRole('region', { name: en.caseTypes.legal_assistance });
      await legal.getByRole('button', { name: `Edit ${en.caseTypes.legal_assistance}` }).click();
      const amountLabel = en.ceilings.amount.replace('{{type}}', en.caseTypes.legal_assistance);
      await legal.getByLabel(label(amountLabel)).fill('35,000.5');
      await legal.getByRole('button', { name: en.save }).click();
      await legal.getByText('The ceiling for Legal assistance is now 35,000.50 KGS.').waitFor();

      const admin = await rig.harness.as('admin');
      let ceilings = await admin.get('/api/v1/catalogue/ceilings');
      expect(ceilings.body.items.find((c: any) => c.caseType === 'legal_assistance').amount).toEqual({
        tyiyn: 3500050,
        kgs: '35000.50',
      });

      // Another admin changes the stranded-migrant ceiling while this form is open.
      const stranded = page.getByRole('region', { name: en.caseTypes.stranded_migrant });
      await stranded.getByRole('button', { name: `Edit ${en.caseTypes.stranded_migrant}` }).click();
      const current = ceilings.body.items.find((c: any) => c.caseType === 'stranded_migrant');
      const other = await admin.request('PUT', '/api/v1/catalogue/ceilings/stranded_migrant', {
        amount: '55000.00',
        version: current.version,
      });
      expect(other.status).toBe(200);
      const input = stranded.getByLabel(
        label(en.ceilings.amount.replace('{{type}}', en.caseTypes.stranded_migrant)),
      );
      await input.fill('60000');
      await stranded.getByRole('button', { name: en.save }).click();
      await stranded.getByText(en.conflict.title).waitFor();
      await stranded.getByRole('button', { name: en.conflict.reload }).click();
      await stranded.getByText(/Someone else set this ceiling to 55,000.00 KGS/).waitFor();
      expect(await input.inputValue()).toBe('60000');
      await stranded.getByRole('button', { name: en.save }).click();
      await stranded.getByText('The ceiling for Stranded migrant is now 60,000.00 KGS.').waitFor();
      ceilings = await admin.get('/api/v1/catalogue/ceilings');
      expect(ceilings.body.items.find((c: any) => c.caseType === 'stranded_migrant').amount.kgs).toBe(
        '60000.00',
      );
    });

    it('lets the admin add an item to the assistance catalogue, and change it', async () => {
      const page = await signIn('admin');
      await page.getByRole('link', { name: en.nav.catalogue }).click();
      await page.getByRole('heading', { level: 1, name: en.catalogue.title }).waitFor();
      await page.getByRole('cell', { name: 'sewing_equipment', exact: true }).waitFor();
      await page.screenshot({ path: `${shots}/admin-catalogue.png`, fullPage: true });

      await page.getByRole('button', { name: en.catalogue.add }).click();
      const form = page.getByRole('region', { name: en.catalogue.addTitle });
      await form.getByLabel(label(en.catalogue.fields.nameEn)).fill('Beehives');
      expect(await form.getByLabel(label(en.catalogue.fields.code)).inputValue()).toBe('beehives');
      await form.getByLabel(label(en.catalogue.fields.nameRu)).fill('Ульи');
      await form.getByLabel(label(en.catalogue.fields.nameKy)).fill('Аары уялары');
      await form.getByLabel(label(en.catalogue.fields.unit)).fill('hive');
      await form.getByLabel(label(en.catalogue.fields.defaultUnitCost)).fill('6,500.123');
      await form.getByRole('button', { name: en.catalogue.create }).click();
      await form.getByText(en.catalogue.costInvalid.replace('{{example}}', '19,500.50')).waitFor();
      await form.getByLabel(label(en.catalogue.fields.defaultUnitCost)).fill('6,500');
      await form.getByRole('button', { name: en.catalogue.create }).click();
      await page.getByText(en.catalogue.created.replace('{{name}}', 'Beehives')).waitFor();
      await page.getByRole('cell', { name: 'beehives', exact: true }).waitFor();

      // Opened again from the table, the item is changed in place and the notice says so.
      await page.getByRole('button', { name: en.editNamed.replace('{{name}}', 'Beehives') }).click();
      const editForm = page.getByRole('region', {
        name: en.catalogue.editTitle.replace('{{code}}', 'beehives'),
      });
      await editForm.getByLabel(label(en.catalogue.fields.unit)).fill('hive with frames');
      await editForm.getByRole('button', { name: en.save }).click();
      await page.getByText(en.catalogue.updated.replace('{{name}}', 'Beehives')).waitFor();
      await page.getByRole('cell', { name: 'hive with frames', exact: true }).waitFor();

      const admin = await rig.harness.as('admin');
      const items = await admin.get('/api/v1/catalogue');
      expect(items.body.items.find((i: any) => i.code === 'beehives')).toMatchObject({
        names: { en: 'Beehives', ru: 'Ульи', ky: 'Аары уялары' },
        unit: 'hive with frames',
        defaultUnitCost: { kgs: '6500.00' },
      });
    });
  },
);
