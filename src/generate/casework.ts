/**
 * What happens in a generated case after it opens, on the dates its lifecycle gives: workflow
 * moves, the DoMV vulnerability assessment, RSS surveys scored by the domain, the plan and its
 * items, referrals, follow-ups (the open ones sometimes overdue) and reads of the file. Each act
 * leaves the timeline event and the audit event its service would have written.
 */
import type { CaseType } from '../domain/codes.ts';
import { KOLDOO_RSS_1, type RssAnswers, rssInstrumentKey, scoreAssessment } from '../domain/rss.ts';
import { type DomvFactor, suggestRiskLevel } from '../domain/vulnerability.ts';
import type { Batch, CaseDraft, Staff } from './batch.ts';
import type { OfficeRef, StoryContext } from './context.ts';
import type { Identity } from './identity.ts';
import { addPlan } from './plan.ts';
import { addReferral } from './referral.ts';
import { KIND, type Rng, addDays, atOfficeTime, daysBetween, generatedId } from './prng.ts';
import type { Lifecycle, Profile } from './story.ts';

/** A case as casework continues it. */
export interface CaseInfo {
  id: string;
  index: number;
  sub: number;
  type: CaseType;
  profile: Profile;
  office: OfficeRef;
  worker: Staff | null;
  actor: Staff | null;
  openedOn: string;
  life: Lifecycle;
  consentScope: string[];
  who: Identity;
  pseudonym: string | null;
  draft: CaseDraft;
}

const RSS_KEY = rssInstrumentKey(KOLDOO_RSS_1);
const clampDate = (date: string, max: string) => (date > max ? max : date);

function addTransitions(b: Batch, c: CaseInfo): void {
  for (const [i, t] of c.life.transitions.entries()) {
    const closing = t.to === 'closed';
    b.act(
      c.id,
      atOfficeTime(t.on, 300 + i),
      c.actor,
      'status_changed',
      { from: t.from, to: t.to, reason: t.reason, note: null },
      {
        action: 'case.transition',
        entityType: 'case',
        entityId: c.id,
        fields: ['status', ...(closing ? ['closureReason'] : [])],
      },
    );
  }
}

const DOMV: Record<DomvFactor['level'], readonly string[]> = {
  individual: ['health', 'literacy', 'legal_status', 'history_of_abuse', 'age', 'disability'],
  household: ['debt', 'income', 'single_headed', 'size', 'migration_history', 'family_violence'],
  community: ['services_access', 'jobs', 'social_network', 'discrimination', 'safety'],
  structural: ['border_conditions', 'economy', 'legal_conditions'],
};

function addVulnerability(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo, on: string): void {
  const exploited = c.profile === 'exploited';
  const risks = rng.int(exploited ? 3 : 1, exploited ? 7 : 4);
  const protective = rng.int(0, exploited ? 2 : 3);
  const factors: DomvFactor[] = [];
  for (let k = 0; k < risks + protective; k++) {
    const level = rng.pick(Object.keys(DOMV) as DomvFactor['level'][]);
    const factor: DomvFactor = {
      level,
      kind: k < risks ? 'risk' : 'protective',
      code: rng.pick(DOMV[level]),
    };
    if (exploited && k === 0 && rng.chance(0.05)) factor.immediateDanger = true;
    factors.push(factor);
  }
  const suggested = suggestRiskLevel(factors);
  const riskLevel = rng.chance(0.85) ? suggested : rng.pick(['low', 'medium', 'high'] as const);
  const id = generatedId(ctx.key, KIND.vulnerability, c.index, c.sub);
  const at = atOfficeTime(on, 120);
  b.vulnerability.push({
    id,
    caseId: c.id,
    takenOn: on,
    factors,
    suggestedLevel: suggested,
    riskLevel,
    note: null,
    createdBy: c.actor?.id ?? null,
    createdAt: at,
  });
  c.draft.row.riskLevel = riskLevel;
  b.act(
    c.id,
    at,
    c.actor,
    'vulnerability_assessed',
    { assessmentId: id, takenOn: on, suggestedLevel: suggested, riskLevel, caseRiskLevelSet: true },
    {
      action: 'vulnerability.create',
      entityType: 'vulnerability_assessment',
      entityId: id,
      fields: ['takenOn', 'factors', 'riskLevel'],
    },
  );
}

function addRss(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo, on: string, round: number): void {
  const level = (c.profile === 'exploited' ? 0.3 : c.profile === 'stranded' ? 0.4 : 0.5) + round * 0.15;
  const answers: RssAnswers = {};
  for (const q of KOLDOO_RSS_1.indicators) {
    if (rng.chance(0.04)) continue;
    const position = Math.round((level + rng.next() * 0.5 - 0.25) * (q.values.length - 1));
    answers[q.code] = q.values[Math.max(0, Math.min(q.values.length - 1, position))]!;
  }
  const id = generatedId(ctx.key, KIND.rss, c.index, c.sub, round);
  const scores = scoreAssessment(KOLDOO_RSS_1, answers);
  const at = atOfficeTime(on, 150);
  b.rss.push({
    id,
    caseId: c.id,
    instrument: RSS_KEY,
    takenOn: on,
    answers,
    scores,
    createdBy: c.actor?.id ?? null,
    createdAt: at,
  });
  b.act(
    c.id,
    at,
    c.actor,
    'rss_assessed',
    { assessmentId: id, instrument: RSS_KEY, takenOn: on, composite: scores.composite },
    {
      action: 'rss.create',
      entityType: 'rss_assessment',
      entityId: id,
      fields: ['instrument', 'takenOn', 'answers'],
    },
  );
}

const OUTCOMES = [
  'Семья на месте, помощь получена',
  'Работает на своём участке',
  'Дети ходят в школу',
  'Не удалось дозвониться',
  'Открыла швейный цех',
];

function addFollowups(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo, start: string): void {
  const assignee = c.worker ?? c.office.caseworkers[0];
  if (!assignee) return;
  const end = c.life.closedOn ?? ctx.asOf;
  let created = start;
  let due = addDays(start, rng.int(45, 120));
  for (let k = 0; k < 6; k++) {
    const open = due > end || k === 5;
    // An open case keeps one visit or call scheduled; about a third of them are past due.
    if (open && c.life.closedOn) return;
    if (open) {
      const wanted = addDays(ctx.asOf, rng.int(-45, 75));
      due = wanted < created ? addDays(created, rng.int(7, 30)) : wanted;
    }
    const id = generatedId(ctx.key, KIND.followup, c.index, c.sub, k);
    const kind = rng.chance(0.6) ? 'visit' : 'call';
    const missed = !open && rng.chance(0.15);
    const doneOn = open || missed ? null : clampDate(addDays(due, rng.int(0, 5)), ctx.asOf);
    const at = atOfficeTime(created, 250 + k);
    const closedAt = atOfficeTime(doneOn ?? due, 400);
    b.followups.push({
      id,
      caseId: c.id,
      kind,
      dueOn: due,
      assignedTo: assignee.id,
      status: open ? 'scheduled' : missed ? 'missed' : 'done',
      doneOn,
      outcomeNote: doneOn ? rng.pick(OUTCOMES) : null,
      createdBy: c.actor?.id ?? null,
      createdAt: at,
      updatedAt: open ? at : closedAt,
    });
    b.act(
      c.id,
      at,
      c.actor,
      'followup_scheduled',
      { followupId: id, kind, dueOn: due, assignedTo: assignee.id },
      {
        action: 'followup.create',
        entityType: 'followup',
        entityId: id,
        fields: ['kind', 'dueOn', 'assignedTo'],
      },
    );
    if (open) return;
    b.act(
      c.id,
      closedAt,
      assignee,
      'followup_updated',
      { followupId: id, from: 'scheduled', to: missed ? 'missed' : 'done' },
      {
        action: 'followup.update',
        entityType: 'followup',
        entityId: id,
        fields: doneOn ? ['status', 'doneOn', 'outcomeNote'] : ['status'],
      },
    );
    created = doneOn ?? due;
    due = addDays(due, rng.int(45, 120));
  }
}

/** Adds everything that happened in a case after it was opened, up to its status today. */
export function addCasework(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo): void {
  const { reached, closedOn } = c.life;
  const last = closedOn ?? ctx.asOf;
  addTransitions(b, c);
  if (reached.assessment) {
    const on = clampDate(addDays(reached.assessment, rng.int(0, 5)), last);
    addVulnerability(b, ctx, rng, c, on);
    addRss(b, ctx, rng, c, clampDate(addDays(on, rng.int(0, 10)), last), 0);
    if (c.consentScope.includes('referral') && rng.chance(0.35))
      addReferral(b, ctx, rng, c, clampDate(addDays(on, rng.int(1, 20)), last));
  }
  if (reached.planning) addPlan(b, ctx, rng, c, reached.planning);
  if (reached.assistance) addFollowups(b, ctx, rng, c, reached.assistance);
  if (reached.monitoring) addRss(b, ctx, rng, c, reached.monitoring, 1);
  if (closedOn && reached.monitoring) addRss(b, ctx, rng, c, closedOn, 2);
  const readOn = addDays(c.openedOn, rng.int(0, Math.max(0, daysBetween(c.openedOn, last))));
  b.audited(atOfficeTime(readOn, 500), c.actor, 'case.read', 'case', c.id, []);
  const lastMove = c.life.transitions.at(-1);
  if (lastMove) c.draft.row.updatedAt = atOfficeTime(lastMove.on, 300 + c.life.transitions.length - 1);
}
