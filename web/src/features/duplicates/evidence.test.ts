import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type {
  mergeRecordOut,
  mergeResultOut,
  pairOut,
  scanOut,
} from '../../../../src/modules/duplicates/schema.ts';
import { ApiError } from '../../api/client.ts';
import { LOCALES } from '../../api/types.ts';
import {
  EVIDENCE_KEYS,
  defaultKeep,
  detailScore,
  evidenceLines,
  evidenceText,
  needsReload,
  reviewErrorKey,
  scanPercent,
  scanRunning,
  scoreLevel,
  scorePercent,
  toneOf,
  type KeepCandidate,
} from './evidence.ts';
import {
  MATCH_COMPONENTS,
  MERGE_STATUSES,
  UNDO_BLOCKERS,
  type DuplicatePair,
  type DuplicateScan,
  type MatchComponents,
  type MergeRecord,
  type MergeResult,
} from './types.ts';

/** What a response type becomes on the wire: dates as ISO strings. */
type Json<T> = T extends Date ? string : T extends object ? { [K in keyof T]: Json<T[K]> } : T;

const root = join(import.meta.dirname, '..', '..', '..', '..');
const i18nDir = join(root, 'web', 'src', 'i18n');

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}
const catalog = (lng: string) => JSON.parse(readFileSync(join(i18nDir, lng, 'duplicates.json'), 'utf8'));

const components = (over: Partial<MatchComponents> = {}): MatchComponents => ({
  name: { score: 0.95, evidence: 'name:phonetic', logOdds: 3 },
  birthDate: { score: 1, evidence: 'birth:same_date', logOdds: 4 },
  sex: { score: 1, evidence: 'sex:same', logOdds: 0.4 },
  origin: { score: 0, evidence: 'origin:different_region', logOdds: -2.5 },
  phone: { score: null, evidence: 'phone:unknown', logOdds: 0 },
  document: { score: null, evidence: 'document:unknown', logOdds: 0 },
  household: { score: null, evidence: 'household:unknown', logOdds: 0 },
  ...over,
});

describe('the review API shapes', () => {
  it('are typed as the server declares them', () => {
    expectTypeOf<DuplicatePair>().toEqualTypeOf<Json<z.infer<typeof pairOut>>>();
    expectTypeOf<DuplicateScan>().toEqualTypeOf<Json<z.infer<typeof scanOut>>>();
    expectTypeOf<MergeResult['merge']>().toEqualTypeOf<Json<z.infer<typeof mergeResultOut>['merge']>>();
    expectTypeOf<MergeRecord>().toEqualTypeOf<Json<z.infer<typeof mergeRecordOut>>>();
  });
});

describe('evidence in words', () => {
  it('knows every code the matcher writes', () => {
    const source = readFileSync(join(root, 'src', 'domain', 'matching.ts'), 'utf8');
    const codes = new Set(
      [...source.matchAll(/'((?:name|birth|sex|origin|phone|document|household):[a-z_]+)'/g)].map(
        (m) => m[1]!,
      ),
    );
    expect(codes.size).toBeGreaterThan(30);
    expect([...codes].filter((c) => evidenceText(c).key === 'duplicates.evidence.other')).toEqual([]);
    expect(source).toContain('`household:${k}_common`');
  });

  it('has every sentence, component, tone and refusal in en, ru and ky', () => {
    const keys = [
      ...Object.values(EVIDENCE_KEYS),
      'duplicates.evidence.household.common',
      'duplicates.evidence.other',
      ...MATCH_COMPONENTS.map((c) => `duplicates.components.${c}`),
      ...['for', 'against', 'neutral'].map((t) => `duplicates.tone.${t}`),
      ...['veryLikely', 'likely', 'possible'].map((l) => `duplicates.score.${l}`),
      ...['keys', 'blocking', 'scoring', 'done', 'other'].map((p) => `duplicates.scan.phase.${p}`),
      ...['pending', 'confirmed', 'rejected'].flatMap((s) => [
        `duplicates.status.${s}`,
        `duplicates.pairs.empty.${s}`,
      ]),
      ...[...UNDO_BLOCKERS, 'unknown'].map((b) => `duplicates.undoBlockers.${b}`),
      ...['all', ...MERGE_STATUSES].flatMap((s) => [
        `duplicates.merges.filter.${s}`,
        `duplicates.merges.empty.${s}`,
      ]),
    ];
    for (const lng of LOCALES) {
      const tree = catalog(lng);
      expect(
        keys.filter((k) => typeof lookup(tree, k) !== 'string'),
        lng,
      ).toEqual([]);
    }
  });

  it('reads household counts and keeps unknown codes visible', () => {
    expect(evidenceText('sex:conflict')).toEqual({ key: 'duplicates.evidence.sex.conflict', values: {} });
    expect(evidenceText('household:3_common')).toEqual({
      key: 'duplicates.evidence.household.common',
      values: { n: 3 },
    });
    expect(evidenceText('iris:same')).toEqual({
      key: 'duplicates.evidence.other',
      values: { code: 'iris:same' },
    });
  });

  it('says for or against from the weight, neutral when not compared', () => {
    expect(toneOf({ score: 1, evidence: 'phone:same', logOdds: 4.5 })).toBe('for');
    expect(toneOf({ score: 0, evidence: 'sex:conflict', logOdds: -6 })).toBe('against');
    expect(toneOf({ score: 0, evidence: 'phone:different', logOdds: -0.4 })).toBe('neutral');
    expect(toneOf({ score: null, evidence: 'phone:unknown', logOdds: 0 })).toBe('neutral');
  });

  it('lists compared fields by weight, then those not compared, with the father’s name beside the name', () => {
    const lines = evidenceLines(
      components({ name: { score: 0.5, evidence: 'name:father_conflict', logOdds: -5 } }),
      ['name:father_conflict', 'name:phonetic', 'birth:same_date', 'sex:same', 'origin:different_region'],
    );
    expect(lines.map((l) => l.component)).toEqual([
      'name',
      'birthDate',
      'origin',
      'sex',
      'phone',
      'document',
      'household',
    ]);
    expect(lines[0]).toEqual({
      component: 'name',
      compared: true,
      tone: 'against',
      codes: ['name:father_conflict', 'name:phonetic'],
    });
    expect(lines.filter((l) => !l.compared).map((l) => l.codes)).toEqual([
      ['phone:unknown'],
      ['document:unknown'],
      ['household:unknown'],
    ]);
  });
});

describe('scores', () => {
  it('name their level', () => {
    expect([0.97, 0.9, 0.89, 0.7, 0.55].map(scoreLevel)).toEqual([
      'veryLikely',
      'veryLikely',
      'likely',
      'likely',
      'possible',
    ]);
  });

  it('are whole percentages that never round up to certainty', () => {
    expect(scorePercent(0.934)).toBe(93);
    expect(scorePercent(0.9996)).toBe(99);
    expect(scorePercent(1)).toBe(100);
    expect(scorePercent(0.001)).toBe(1);
  });
});

describe('the record kept by default', () => {
  const base: KeepCandidate = {
    id: 'a',
    birthDate: null,
    estimatedAge: 52,
    originRegion: 'KG-O',
    originDistrict: null,
    pseudonym: null,
    createdAt: '2026-01-10T08:00:00.000Z',
  };

  it('is the one with more identifying detail', () => {
    const fuller = { ...base, id: 'b', phone: '+996555111222', documents: { count: 1, numbered: 1 } };
    expect(detailScore(fuller)).toBeGreaterThan(detailScore(base));
    expect(defaultKeep(base, fuller)).toBe('b');
    expect(defaultKeep(fuller, base)).toBe('b');
    expect(defaultKeep({ ...base, birthDate: '1972-01-10' }, { ...base, id: 'b' })).toBe('a');
  });

  it('between equals, the one registered first, then the first of the pair', () => {
    const later = { ...base, id: 'b', createdAt: '2026-02-01T08:00:00.000Z' };
    expect(defaultKeep(later, base)).toBe('a');
    expect(defaultKeep(base, later)).toBe('a');
    expect(defaultKeep({ ...base, id: 'x' }, { ...base, id: 'y' })).toBe('x');
  });
});

describe('scan progress', () => {
  it('is a percentage while counting, unknown while finding candidates, full when done', () => {
    expect(scanPercent({ status: 'running', phase: 'scoring', done: 250, total: 1000 })).toBe(25);
    expect(scanPercent({ status: 'running', phase: 'blocking', done: 0, total: 0 })).toBeNull();
    expect(scanPercent({ status: 'done', phase: 'done', done: 0, total: 0 })).toBe(100);
    expect(scanPercent({ status: 'running', phase: 'keys', done: 12, total: 10 })).toBe(100);
  });

  it('recognises a scan already running, with its id', () => {
    const running = new ApiError(409, 'scan_running', 'x', { scanId: 's1' });
    expect(scanRunning(running)).toEqual({ scanId: 's1' });
    expect(scanRunning(new ApiError(409, 'scan_running', 'x'))).toEqual({ scanId: null });
    expect(scanRunning(new ApiError(409, 'version_conflict', 'x'))).toBeNull();
    expect(scanRunning(new Error('x'))).toBeNull();
  });
});

describe('refused decisions, merges and undos', () => {
  it('say why in the screen’s words, and which of them call for a reload', () => {
    const notUndoable = (reason?: string) =>
      new ApiError(409, 'merge_not_undoable', 'x', reason ? { reason } : {});
    expect(reviewErrorKey(notUndoable('episodes_added_since'))).toBe(
      'duplicates.undoBlockers.episodes_added_since',
    );
    expect(reviewErrorKey(notUndoable('something_new'))).toBe('duplicates.undoBlockers.unknown');
    expect(reviewErrorKey(new ApiError(409, 'pair_decided', 'x'))).toBe('duplicates.errors.pairDecided');
    expect(reviewErrorKey(new ApiError(409, 'version_conflict', 'x'))).toBe(
      'duplicates.errors.versionConflict',
    );
    expect(reviewErrorKey(new ApiError(404, 'not_found', 'x'))).toBe('duplicates.errors.notFound');
    expect(reviewErrorKey(new ApiError(500, 'internal', 'x'))).toBeNull();
    expect(needsReload(new ApiError(409, 'version_conflict', 'x'))).toBe(true);
    expect(needsReload(notUndoable('cases_changed'))).toBe(false);
    expect(needsReload(new ApiError(0, 'network_error', 'x'))).toBe(false);
  });

  it('has every sentence in en, ru and ky', () => {
    const codes = [
      'pair_decided',
      'version_conflict',
      'pair_rejected',
      'pair_mismatch',
      'merge_into_self',
      'merge_undone',
    ];
    const keys = [
      ...codes.map((c) => reviewErrorKey(new ApiError(409, c, 'x'))),
      reviewErrorKey(new ApiError(404, 'not_found', 'x')),
    ];
    for (const lng of LOCALES) {
      expect(
        keys.filter((k) => typeof lookup(catalog(lng), k ?? '') !== 'string'),
        lng,
      ).toEqual([]);
    }
  });
});
