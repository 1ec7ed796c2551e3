import { expect } from 'vitest';
import { today } from '../../src/clock.ts';
import { PARTNER_KEYS } from '../../src/modules/referrals/fixture.ts';
import type { Client, Harness, Res } from '../helpers/harness.ts';

// The steps every story of DOMAIN.md's "people" takes through the API, written once so that each
// story file reads as the story and not as HTTP plumbing.

/** Where the API lives. */
export const API = '/api/v1';

/** The URL of a case or of something inside it. */
export const caseUrl = (caseId: string, rest = ''): string => `${API}/cases/${caseId}${rest}`;

/** Expects a status (showing the body when it differs) and answers the body. */
export function expectStatus(res: Res, status: number): any {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** One move of a case: a status, or a status with what it needs (a closure reason, a note). */
export type Move = string | { to: string; reason?: string; note?: string };

/** A follow-up as a story records it: scheduled, then done on a given day. */
export interface FollowupDone {
  kind: 'visit' | 'call';
  dueOn: string;
  doneOn: string;
  outcomeNote: string;
}

/** The story steps bound to one engine's harness. */
export function storySteps(h: () => Harness) {
  let batken: Promise<Client> | undefined;
  const as = {
    caseworker: () => h().as('caseworker'),
    supervisor: () => h().as('supervisor'),
    /** The caseworker of another office (the Batken SWC), who must see nothing of these cases. */
    batken: () => (batken ??= h().login('caseworker.batken')),
  };

  /** Opens a case; answers its detail. */
  async function openCase(client: Client, body: Record<string, unknown>) {
    return expectStatus(await client.post(`${API}/cases`, body), 201).case;
  }

  /** Records a stay abroad; answers the episode and the person's screening after it. */
  async function addEpisode(client: Client, caseId: string, body: Record<string, unknown>) {
    return expectStatus(await client.post(caseUrl(caseId, '/episodes'), body), 201);
  }

  /** Moves a case through the given statuses in order, each with the version just read; answers the case. */
  async function move(client: Client, caseId: string, ...moves: Move[]) {
    let c = expectStatus(await client.get(caseUrl(caseId)), 200).case;
    for (const m of moves) {
      const body = typeof m === 'string' ? { to: m } : m;
      c = expectStatus(
        await client.post(caseUrl(caseId, '/transitions'), { ...body, version: c.version }),
        200,
      ).case;
      expect(c.status).toBe(body.to);
    }
    return c;
  }

  /** Scores an RSS survey with the shipped instrument; answers the stored assessment. */
  async function rss(client: Client, caseId: string, takenOn: string, answers: Record<string, number>) {
    const body = { instrument: 'koldoo-rss-1', takenOn, answers };
    return expectStatus(await client.post(caseUrl(caseId, '/assessments'), body), 201);
  }

  /** The caseworker proposes a plan item; answers it. */
  async function propose(caseId: string, body: Record<string, unknown>) {
    const res = await (await as.caseworker()).post(caseUrl(caseId, '/plan/items'), body);
    return expectStatus(res, 201).item;
  }

  /** The office's supervisor approves an item (with an override reason when over the ceiling). */
  async function approve(caseId: string, item: { id: string; version: number }, overrideReason?: string) {
    const body = { version: item.version, ...(overrideReason ? { overrideReason } : {}) };
    const res = await (await as.supervisor()).post(caseUrl(caseId, `/plan/items/${item.id}/approve`), body);
    const approved = expectStatus(res, 200).item;
    expect(approved.state).toBe('approved');
    return approved;
  }

  /**
   * The caseworker records the purchase and the handover, acknowledged by the beneficiary. The
   * handover is dated today: the rules refuse a delivery before its approval, which was just now.
   */
  async function procureAndDeliver(caseId: string, item: { id: string; version: number }, supplier: string) {
    const cw = await as.caseworker();
    const url = caseUrl(caseId, `/plan/items/${item.id}`);
    const procured = expectStatus(
      await cw.post(`${url}/procure`, { version: item.version, supplier }),
      200,
    ).item;
    expect(procured.state).toBe('procured');
    const body = { version: procured.version, deliveredOn: today(), acknowledged: true };
    const delivered = expectStatus(await cw.post(`${url}/deliver`, body), 200).item;
    expect(delivered).toMatchObject({
      state: 'delivered',
      acknowledged: true,
      deliveredOn: today(),
      supplier,
    });
    return delivered;
  }

  /** Schedules a follow-up and records it as done; answers the done follow-up. */
  async function followup(client: Client, caseId: string, f: FollowupDone) {
    const scheduled = expectStatus(
      await client.post(caseUrl(caseId, '/followups'), { kind: f.kind, dueOn: f.dueOn }),
      201,
    ).followup;
    const done = expectStatus(
      await client.patch(caseUrl(caseId, `/followups/${scheduled.id}`), {
        status: 'done',
        doneOn: f.doneOn,
        outcomeNote: f.outcomeNote,
        version: scheduled.version,
      }),
      200,
    ).followup;
    expect(done).toMatchObject({ status: 'done', doneOn: f.doneOn, overdue: false });
    return done;
  }

  /** A case's timeline events, oldest first. */
  async function timeline(client: Client, caseId: string): Promise<{ kind: string; data: any }[]> {
    return expectStatus(await client.get(caseUrl(caseId, '/timeline')), 200).items;
  }

  /** Every audit event there is, newest first, paged through to the end. */
  async function wholeAudit(): Promise<unknown[]> {
    const auditor = await h().as('auditor');
    const events: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: any = expectStatus(
        await auditor.get(`${API}/audit?limit=200${cursor ? `&cursor=${cursor}` : ''}`),
        200,
      );
      events.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return events;
  }

  /**
   * The policy every story must keep: a caseworker of another office, a partner and an analyst
   * cannot read the case; the auditor sees who read it with field names only, and no value of
   * `secrets` (the person's names and phone) appears anywhere in the audit trail. Answers the
   * referrals the partner sees, for the story to check which ones they are.
   */
  async function assertPrivate(caseId: string, secrets: string[]) {
    const batken = await as.batken();
    for (const rest of ['', '/episodes', '/plan', '/timeline']) {
      expect((await batken.get(caseUrl(caseId, rest))).status, `batken ${rest}`).toBe(404);
    }
    const listed = expectStatus(await batken.get(`${API}/cases?limit=200`), 200).items;
    expect(listed.map((c: { id: string }) => c.id)).not.toContain(caseId);

    const partner = await h().as('partner');
    expect((await partner.get(caseUrl(caseId))).status).toBe(404);
    const referrals = expectStatus(await partner.get(`${API}/referrals?limit=200`), 200).items;
    for (const r of referrals) {
      expect(Object.keys(r).sort()).toEqual(PARTNER_KEYS);
      expect(r.serviceName).toMatch(/^Adilet/);
    }

    const analyst = await h().as('analyst');
    expect((await analyst.get(`${API}/cases`)).status).toBe(403);
    expect((await analyst.get(caseUrl(caseId))).status).toBe(404);

    const auditor = await h().as('auditor');
    const reads = expectStatus(
      await auditor.get(`${API}/audit?entityId=${caseId}&action=case.read&limit=200`),
      200,
    ).items;
    const by = (outcome: string) =>
      reads.filter((e: any) => e.outcome === outcome).map((e: any) => e.actorUsername);
    expect(by('ok').length).toBeGreaterThan(0);
    expect(by('denied')).toEqual(expect.arrayContaining(['caseworker.batken', 'partner.adilet', 'analyst']));
    // Every event about the case names fields, never values (a date, a name or a number would not match).
    const about = expectStatus(await auditor.get(`${API}/audit?entityId=${caseId}&limit=200`), 200).items;
    expect(about.find((e: any) => e.action === 'case.create').fields).toEqual(
      expect.arrayContaining(['type', 'intakeChannel']),
    );
    for (const e of about) for (const field of e.fields) expect(field).toMatch(/^[a-zA-Z]+(\.[a-zA-Z]+)*$/);
    const trail = JSON.stringify(await wholeAudit());
    for (const secret of secrets) expect(trail, secret).not.toContain(secret);
    return referrals;
  }

  return {
    as,
    openCase,
    addEpisode,
    move,
    rss,
    propose,
    approve,
    procureAndDeliver,
    followup,
    timeline,
    assertPrivate,
  };
}
