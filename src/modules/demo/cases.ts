import { eq, inArray } from 'drizzle-orm';
import { today } from '../../clock.ts';
import { type Config, loadConfig } from '../../config.ts';
import type { Db } from '../../db/client.ts';
import { calls, cases, persons, services, users } from '../../db/schema/index.ts';
import type { CaseStatus } from '../../domain/codes.ts';
import { rssIn, vulnerabilityIn } from '../assessments/schema.ts';
import { createRssAssessment, createVulnerabilityAssessment } from '../assessments/service.ts';
import { convertCallIn, createCallIn } from '../calls/schema.ts';
import { convertCall, createCall } from '../calls/service.ts';
import { createCaseIn, transitionIn, updateCaseIn } from '../cases/schema.ts';
import { createCase, transitionCase, updateCase } from '../cases/service.ts';
import { createEpisodeIn } from '../episodes/schema.ts';
import { createEpisode } from '../episodes/service.ts';
import { addDays } from '../followups/queries.ts';
import { followupIn, followupPatch } from '../followups/schema.ts';
import { scheduleFollowup, updateFollowup } from '../followups/service.ts';
import { approveIn, deliverIn, procureIn, proposeItemIn, putPlanIn } from '../plans/schema.ts';
import { proposeItem, putPlan } from '../plans/service.ts';
import { approveItem, deliverItem, procureItem } from '../plans/transitions.ts';
import { referralIn, referralUpdateIn } from '../referrals/schema.ts';
import { sendReferral, updateReferral } from '../referrals/service.ts';
import type { Ctx } from '../shared/context.ts';
import { batkenCases } from './cases.batken.ts';
import type { DemoActor, DemoCase } from './cases.data.ts';
import { demoCalls, hotlineCases } from './cases.hotline.ts';
import { oshCases } from './cases.osh.ts';

/** The request id of every audit event the demo writes, so the trail tells seeded work from real work. */
export const DEMO_REQUEST_ID = 'demo-seed';

const ACTORS: DemoActor[] = [
  'caseworker.osh',
  'caseworker.batken',
  'supervisor.osh',
  'hotline',
  'partner.adilet',
];
// Forward through the workflow; a closed case first goes as far as `closure.from`.
const WORKFLOW: CaseStatus[] = ['open', 'assessment', 'planning', 'assistance', 'monitoring'];
const ITEM_STEPS = ['proposed', 'approved', 'procured', 'delivered'] as const;
// The demo has a supervisor only in Osh; a Batken item could be proposed but never approved.
const APPROVER: DemoActor = 'supervisor.osh';

// The date `offset` days from today (in the offices' time zone), so the demo is current whenever it loads.
const day = (offset: number): string => addDays(today(), offset);

type As = (who: DemoActor) => Ctx;

// A context per demo account, as if that person did the work; the services decide everything else.
async function contexts(db: Db, config: Config): Promise<As> {
  const rows = await db
    .select({ userId: users.id, username: users.username, role: users.role, officeId: users.officeId })
    .from(users)
    .where(inArray(users.username, ACTORS));
  const byName = new Map(rows.map((u) => [u.username, u]));
  return (who) => {
    const actor = byName.get(who);
    if (!actor) throw new Error(`The demo account ${who} is missing; seed the demo users first`);
    return { db, config, actor, requestId: DEMO_REQUEST_ID };
  };
}

async function serviceId(db: Db, name: string): Promise<string> {
  const [row] = await db.select({ id: services.id }).from(services).where(eq(services.name, name));
  if (!row) throw new Error(`The demo service "${name}" is missing`);
  return row.id;
}

// Opens the case as its worker, or has the hotline log the call and convert it for the worker's office.
async function open(as: As, c: DemoCase): Promise<string> {
  const worker = as(c.worker);
  if (!c.call) return (await createCase(worker, createCaseIn.parse(c.open))).id;
  const hotline = as('hotline');
  const call = await createCall(hotline, createCallIn.parse(c.call));
  const body = { ...c.open, officeId: worker.actor.officeId, assignedTo: worker.actor.userId };
  return (await convertCall(hotline, call.id, convertCallIn.parse(body))).case.id;
}

// Plays one case in workflow order; each step is one use case, audited and on the timeline.
async function play(db: Db, as: As, c: DemoCase): Promise<void> {
  const worker = as(c.worker);
  const caseId = await open(as, c);
  const version = async () =>
    (await db.select({ v: cases.version }).from(cases).where(eq(cases.id, caseId)))[0]!.v;
  const last = WORKFLOW.indexOf(c.closure?.from ?? c.status);
  const reaches = async (status: CaseStatus) => {
    if (WORKFLOW.indexOf(status) > last) return false;
    await transitionCase(worker, caseId, transitionIn.parse({ to: status, version: await version() }));
    return true;
  };
  const [baseline, ...later] = c.rss ?? [];

  for (const e of c.episodes ?? []) await createEpisode(worker, caseId, createEpisodeIn.parse(e));
  if (await reaches('assessment')) {
    if (c.vulnerability)
      await createVulnerabilityAssessment(worker, caseId, vulnerabilityIn.parse(c.vulnerability));
    if (baseline) await createRssAssessment(worker, caseId, rssIn.parse(baseline));
    if (c.determination) {
      const body = { determination: c.determination, version: await version() };
      await updateCase(worker, caseId, updateCaseIn.parse(body));
    }
    for (const r of c.referrals ?? []) {
      const body = referralIn.parse({ ...r.body, serviceId: await serviceId(db, r.service) });
      const { id, version: sent } = await sendReferral(worker, caseId, body);
      let current = sent;
      for (const a of r.answers ?? []) {
        const answer = referralUpdateIn.parse({ status: a.status, partnerNote: a.note, version: current });
        current = (await updateReferral(as('partner.adilet'), id, answer)).version;
      }
    }
  }
  const items: { id: string; version: number; until: number }[] = [];
  if (await reaches('planning')) {
    if (c.goals) await putPlan(worker, caseId, putPlanIn.parse({ goals: c.goals }));
    for (const i of c.items ?? []) {
      let item = (await proposeItem(worker, caseId, proposeItemIn.parse(i.body))).item;
      const until = ITEM_STEPS.indexOf(i.until);
      if (until >= 1)
        item = await approveItem(as(APPROVER), caseId, item.id, approveIn.parse({ version: item.version }));
      items.push({ id: item.id, version: item.version, until });
    }
  }
  if (await reaches('assistance')) {
    for (const i of items) {
      if (i.until < 2) continue;
      const procured = await procureItem(worker, caseId, i.id, procureIn.parse({ version: i.version }));
      if (i.until < 3) continue;
      const delivery = { version: procured.version, deliveredOn: day(0), acknowledged: true };
      await deliverItem(worker, caseId, i.id, deliverIn.parse(delivery));
    }
  }
  if (await reaches('monitoring')) {
    for (const r of later) await createRssAssessment(worker, caseId, rssIn.parse(r));
  }
  for (const f of c.followups ?? []) {
    const scheduled = await scheduleFollowup(
      worker,
      caseId,
      followupIn.parse({ kind: f.kind, dueOn: f.dueOn }),
    );
    if (!f.done) continue;
    const done = { status: 'done', doneOn: f.done.on, outcomeNote: f.done.note, version: scheduled.version };
    await updateFollowup(worker, caseId, scheduled.id, followupPatch.parse(done));
  }
  if (c.closure) {
    const close = { to: 'closed', reason: c.closure.reason, note: c.closure.note, version: await version() };
    await transitionCase(worker, caseId, transitionIn.parse(close));
  }
}

/**
 * Loads the demo's cases and hotline calls through the services, as the demo accounts would work
 * them, so that every rule runs (screening, RSS scores, four-eyes approval, consent for referrals,
 * overdue follow-ups): at IOM Osh and the Batken SWC, one case in every status, pseudonyms
 * throughout. Idempotent: a case whose pseudonym exists, or a call whose summary does, is skipped.
 * Returns how many cases it added.
 */
export async function seedDemoCases(db: Db, config: Config = loadConfig({})): Promise<number> {
  const as = await contexts(db, config);
  for (const call of demoCalls(day)) {
    const [seen] = await db.select({ id: calls.id }).from(calls).where(eq(calls.summary, call.summary));
    if (!seen) await createCall(as('hotline'), createCallIn.parse(call));
  }
  let added = 0;
  for (const c of [...oshCases(day), ...hotlineCases(day), ...batkenCases(day)]) {
    const [seen] = await db
      .select({ id: persons.id })
      .from(persons)
      .where(eq(persons.pseudonym, c.open.person.pseudonym));
    if (seen) continue;
    await play(db, as, c);
    added++;
  }
  return added;
}
