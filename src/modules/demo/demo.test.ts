import { beforeAll, expect, it } from 'vitest';
import { PASSWORD, describeEachEngine } from '../../../test/helpers/harness.ts';
import { DEMO_REQUEST_ID, seedDemoCases } from './cases.ts';
import { seedDemo } from './seed.ts';

describeEachEngine('demo cases', (h) => {
  // The harness seeds only the accounts; the cases come on request, as `koldoo demo` asks for them.
  beforeAll(async () => {
    await seedDemo(h().database.db, { password: PASSWORD, cases: true, config: h().config });
  });

  const casesOf = async (role: 'supervisor' | 'caseworker') =>
    (await (await h().as(role)).get('/api/v1/cases?limit=100')).body.items as {
      id: string;
      status: string;
      traffickingLikelihood: string;
      person: { pseudonym: string | null };
    }[];
  const bySupervisor = async (pseudonym: string) => {
    const found = (await casesOf('supervisor')).find((c) => c.person.pseudonym === pseudonym);
    expect(found, pseudonym).toBeDefined();
    return found!;
  };

  it('puts cases in every status at IOM Osh and the Batken SWC, each under a pseudonym', async () => {
    const osh = await casesOf('supervisor');
    const batken = (await (await h().login('caseworker.batken')).get('/api/v1/cases')).body
      .items as typeof osh;
    expect(osh).toHaveLength(6);
    expect(batken).toHaveLength(3);
    const all = [...osh, ...batken];
    expect(new Set(all.map((c) => c.status))).toEqual(
      new Set(['open', 'assessment', 'planning', 'assistance', 'monitoring', 'closed']),
    );
    for (const c of all) expect(c.person.pseudonym).toMatch(/^\p{L}+-\d+$/u);
  });

  it('screens the episodes likely, possible and unlikely', async () => {
    const osh = await casesOf('supervisor');
    expect(new Set(osh.map((c) => c.traffickingLikelihood))).toEqual(
      new Set(['likely', 'possible', 'unlikely']),
    );
    const sanobar = (
      await (await h().as('supervisor')).get(`/api/v1/cases/${(await bySupervisor('Санобар-3')).id}`)
    ).body.case;
    expect(sanobar.screening.indicators).toContain('retention_of_documents');
    expect(sanobar.determination.likelihood).toBe('likely');
  });

  it('gives the RSS chart a rising trend, and the plan items delivered after the supervisor approved them', async () => {
    const supervisor = await h().as('supervisor');
    const { id } = await bySupervisor('Санобар-3');
    const trend = (await supervisor.get(`/api/v1/cases/${id}`)).body.case.scoresTrend as {
      scores: { composite: number };
    }[];
    expect(trend).toHaveLength(3);
    expect(trend[0]!.scores.composite).toBeLessThan(trend[2]!.scores.composite);
    const items = (await supervisor.get(`/api/v1/cases/${id}/plan/items`)).body.items as {
      state: string;
      proposedBy: string;
      approvedBy: string;
    }[];
    expect(items.map((i) => i.state)).toEqual(['delivered', 'delivered', 'delivered', 'delivered']);
    const me = (await supervisor.get('/api/v1/auth/me')).body.user.id;
    for (const i of items) {
      expect(i.approvedBy).toBe(me);
      expect(i.proposedBy).not.toBe(me);
    }
  });

  it('leaves proposed items waiting in the supervisor’s approval queue', async () => {
    const queue = (await (await h().as('supervisor')).get('/api/v1/me/approvals')).body.items as {
      catalogueCode: string;
    }[];
    expect(queue.map((i) => i.catalogueCode).sort()).toEqual(['business_grant', 'sewing_equipment']);
  });

  it('has overdue follow-ups in both offices', async () => {
    const osh = (await (await h().as('caseworker')).get('/api/v1/followups/overdue')).body;
    const batken = (await (await h().login('caseworker.batken')).get('/api/v1/followups/overdue')).body;
    expect(osh.total).toBe(2);
    expect(batken.total).toBe(1);
  });

  it('has a hotline call converted into a case and one still waiting', async () => {
    const hotline = await h().as('hotline_operator');
    const converted = (await hotline.get('/api/v1/calls?converted=true')).body.items;
    const waiting = (await hotline.get('/api/v1/calls?converted=false')).body.items;
    expect(converted).toHaveLength(1);
    expect(waiting.filter((c: { outcome: string | null }) => c.outcome === null)).toHaveLength(1);
    const tamara = await bySupervisor('Тамара-5');
    expect(converted[0].caseId).toBe(tamara.id);
  });

  it('has a referral to Adilet waiting for the partner, and one the partner completed', async () => {
    const partner = await h().as('partner');
    const work = (await partner.get('/api/v1/me/work')).body;
    expect(work.referralsWaiting).toHaveLength(1);
    expect(work.referralsWaiting[0].shared.displayName).toBe('Тамара-5');
    const completed = (await partner.get('/api/v1/referrals?status=completed')).body.items;
    expect(completed).toHaveLength(1);
  });

  it('audits every step as the demo account that did it, marked as the demo’s', async () => {
    const auditor = await h().as('auditor');
    const events = async (action: string) =>
      (await auditor.get(`/api/v1/audit?action=${action}&limit=100`)).body.items as {
        actorUsername: string;
        requestId: string | null;
      }[];
    const approvals = await events('plan_item.approve');
    expect(approvals).toHaveLength(7);
    expect(new Set(approvals.map((e) => e.actorUsername))).toEqual(new Set(['supervisor.osh']));
    const opened = await events('case.create');
    expect(new Set(opened.map((e) => e.actorUsername))).toEqual(
      new Set(['caseworker.osh', 'caseworker.batken', 'hotline']),
    );
    for (const e of [...approvals, ...opened]) expect(e.requestId).toBe(DEMO_REQUEST_ID);
  });

  it('loads nothing twice', async () => {
    expect(await seedDemoCases(h().database.db, h().config)).toBe(0);
    await seedDemo(h().database.db, { password: PASSWORD, cases: true, config: h().config });
    expect(await casesOf('supervisor')).toHaveLength(6);
    const calls = (await (await h().as('hotline_operator')).get('/api/v1/calls')).body.items;
    expect(calls).toHaveLength(3);
  });
});
