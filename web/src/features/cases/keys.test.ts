/**
 * The case screens build many translation keys from code lists (`casesCodes.status.${status}`);
 * this checks every one of them exists, so a new code never shows up as a raw key.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as codes from './codes.ts';
import { CONSENT_GAPS, KNOWN_CODES } from './errors.ts';

const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../i18n/en/cases.json'), 'utf8'));
const has = (key: string) =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], en) !== undefined;

describe('keys built from code lists', () => {
  it('exist in the English area file (and so in ru and ky)', () => {
    const keys = [
      ...codes.CASE_STATUSES.map((c) => `casesCodes.status.${c}`),
      ...codes.CASE_TYPES.map((c) => `casesCodes.type.${c}`),
      ...codes.CLOSURE_REASONS.map((c) => `casesCodes.closure.${c}`),
      ...codes.RISK_LEVELS.map((c) => `casesCodes.risk.${c}`),
      ...codes.TRAFFICKING_LIKELIHOODS.map((c) => `casesCodes.likelihood.${c}`),
      ...codes.INTAKE_CHANNELS.map((c) => `casesCodes.intake.${c}`),
      ...codes.ILO_INDICATOR_CODES.map((c) => `casesCodes.indicator.${c}`),
      ...codes.EPISODE_FACTS.map((c) => `casesCodes.fact.${c}`),
      ...codes.SECTORS.map((c) => `casesCodes.sector.${c}`),
      ...codes.RECRUITER_RELATIONSHIPS.map((c) => `casesCodes.recruiter.${c}`),
      ...codes.SEXES.map((c) => `casesCodes.sex.${c}`),
      ...codes.HOUSEHOLD_RELATIONSHIPS.map((c) => `casesCodes.relationship.${c}`),
      ...codes.WHEREABOUTS.map((c) => `casesCodes.whereabouts.${c}`),
      ...codes.DOCUMENT_TYPES.map((c) => `casesCodes.document.${c}`),
      ...codes.CONSENT_SCOPES.map((c) => `casesCodes.consent.${c}`),
      ...codes.DOMV_LEVELS.map((c) => `casesCodes.domvLevel.${c}`),
      ...codes.DOMV_LEVELS.map((c) => `cases.domv.levelHint.${c}`),
      ...codes.FACTOR_KINDS.map((c) => `casesCodes.factorKind.${c}`),
      ...Object.values(codes.DOMV_FACTOR_CODES)
        .flat()
        .map((c) => `casesCodes.domvFactor.${c}`),
      ...codes.SCORE_SERIES.map((c) => `casesCodes.dimension.${c}`),
      ...codes.RSS_BANDS.map((c) => `casesCodes.band.${c}`),
      ...codes.KOLDOO_RSS_1.indicators.flatMap((q) => [
        `casesCodes.rss.${q.code}.q`,
        ...q.values.map((_, i) => `casesCodes.rss.${q.code}.o${i}`),
      ]),
      ...codes.PLAN_ITEM_STATES.map((c) => `casesCodes.itemState.${c}`),
      ...codes.REFERRAL_STATUSES.map((c) => `casesCodes.referralStatus.${c}`),
      ...codes.SERVICE_KINDS.map((c) => `casesCodes.serviceKind.${c}`),
      ...codes.SHARE_FIELDS.map((c) => `casesCodes.share.${c}`),
      ...codes.FOLLOWUP_KINDS.map((c) => `casesCodes.followupKind.${c}`),
      ...codes.FOLLOWUP_STATUSES.map((c) => `casesCodes.followupStatus.${c}`),
      ...codes.CASE_EVENT_KINDS.map((c) => `casesCodes.event.${c}`),
      ...KNOWN_CODES.map((c) => `cases.apiErrors.${c}`),
      ...CONSENT_GAPS.map((c) => `cases.consentGaps.${c}`),
      ...['person', 'migration', 'assessments', 'plan', 'referrals', 'followups', 'timeline'].map(
        (c) => `cases.tabs.${c}`,
      ),
    ];
    expect(keys.filter((k) => !has(k))).toEqual([]);
  });

  it('has exactly the options each RSS question allows', () => {
    for (const q of codes.KOLDOO_RSS_1.indicators) {
      const options = Object.keys(en.casesCodes.rss[q.code]).filter((k) => k.startsWith('o'));
      expect(options, q.code).toHaveLength(q.values.length);
    }
    expect(codes.KOLDOO_RSS_1.indicators).toHaveLength(15);
  });

  it('has every validation message the form checks use', () => {
    const source = readFileSync(join(import.meta.dirname, 'validation.ts'), 'utf8');
    const used = [...source.matchAll(/'(cases\.v\.[A-Za-z]+)'/g)].map((m) => m[1]!);
    expect(used.length).toBeGreaterThan(10);
    expect(used.filter((k) => !has(k))).toEqual([]);
  });
});
