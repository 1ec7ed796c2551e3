/**
 * A referral of a generated case to a service of the directory that fits the story (legal aid for
 * unpaid wages, psychological help and shelter after exploitation, consular help when stranded),
 * with what is shared with the partner, and its status moved on as the dates allow.
 */
import type { ServiceKind } from '../domain/codes.ts';
import { ageAt, ctdcAgeBand } from '../domain/dates.ts';
import type { Batch } from './batch.ts';
import type { CaseInfo } from './casework.ts';
import type { StoryContext } from './context.ts';
import { KIND, type Rng, addDays, atOfficeTime, generatedId } from './prng.ts';
import type { Profile } from './story.ts';

const NEEDS: Record<Profile, readonly ServiceKind[]> = {
  exploited: ['psychological', 'legal_aid', 'shelter', 'document_recovery', 'medical'],
  wage_theft: ['legal_aid'],
  legal: ['legal_aid', 'document_recovery'],
  stranded: ['consular_help', 'document_recovery'],
  family: ['consular_help', 'psychological'],
  returnee: ['education', 'employment', 'psychological'],
};

/** Refers a case to a service that fits its needs, and moves the referral on as far as the dates allow. */
export function addReferral(b: Batch, ctx: StoryContext, rng: Rng, c: CaseInfo, on: string): void {
  const candidates = ctx.services.filter((s) => NEEDS[c.profile].includes(s.kind));
  if (candidates.length === 0) return;
  const service = rng.pick(candidates);
  const id = generatedId(ctx.key, KIND.referral, c.index, c.sub);
  const accepted = addDays(on, rng.int(2, 15));
  const finished = addDays(accepted, rng.int(20, 120));
  const declined = rng.chance(0.1);
  const path: ('accepted' | 'completed' | 'declined')[] = [];
  if (accepted <= ctx.asOf) path.push(declined ? 'declined' : 'accepted');
  if (!declined && finished <= ctx.asOf && rng.chance(0.8)) path.push('completed');
  const status = path.at(-1) ?? 'sent';
  const needs = `Нуждается в услуге: ${service.kind}`;
  const shared = {
    displayName: c.pseudonym ?? c.who.givenName,
    sex: c.who.sex,
    ageBand: ctdcAgeBand(ageAt(c.who.birthDate, on)),
    originRegion: c.who.originRegion,
    needs,
  };
  const at = atOfficeTime(on, 200);
  const updated = path.length > 0 ? atOfficeTime(path.length > 1 ? finished : accepted, 100) : at;
  b.referrals.push({
    id,
    caseId: c.id,
    serviceId: service.id,
    organisationId: service.organisationId,
    reason: needs,
    consentRecordedOn: c.openedOn,
    shared,
    status,
    partnerNote: status === 'completed' ? 'Услуга оказана' : null,
    createdBy: c.actor?.id ?? null,
    createdAt: at,
    updatedAt: updated,
  });
  b.act(
    c.id,
    at,
    c.actor,
    'referral_sent',
    { referralId: id, serviceId: service.id, organisationId: service.organisationId },
    {
      action: 'referral.create',
      entityType: 'referral',
      entityId: id,
      fields: ['serviceId', 'reason', 'consentRecordedOn', ...Object.keys(shared).map((f) => `shared.${f}`)],
    },
  );
  let from = 'sent';
  for (const [k, to] of path.entries()) {
    b.act(
      c.id,
      atOfficeTime(k === 0 ? accepted : finished, 100),
      c.actor,
      'referral_status_changed',
      { referralId: id, from, to },
      {
        action: 'referral.update',
        entityType: 'referral',
        entityId: id,
        fields: ['status'],
      },
    );
    from = to;
  }
}
