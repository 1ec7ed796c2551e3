/**
 * The keys the partner and admin screens build from code lists (`admin.serviceKinds.${kind}` …)
 * are invisible to the i18n test's scanner of literal t() calls; this checks them in all languages.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../api/types.ts';
import { CASE_TYPES, REFERRAL_STATUSES, SERVICE_KINDS, SEXES } from '../cases/codes.ts';
import { REGISTER_SECTIONS } from './AdminRegister.tsx';
import { CATALOGUE_FIELDS } from './catalogueForm.ts';
import { SERVICE_FIELDS } from './serviceForm.ts';

const i18nDir = join(import.meta.dirname, '..', '..', 'i18n');

function lookup(tree: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], tree);
}

const keys = [
  ...REFERRAL_STATUSES.map((s) => `partner.status.${s}`),
  ...SEXES.map((s) => `partner.sexes.${s}`),
  ...(['accepted', 'declined', 'completed'] as const).flatMap((s) => [
    `partner.actions.${s}`,
    `partner.answered.${s}`,
  ]),
  ...SERVICE_KINDS.map((k) => `admin.serviceKinds.${k}`),
  ...CASE_TYPES.map((c) => `admin.caseTypes.${c}`),
  ...SERVICE_FIELDS.map((f) => `admin.services.fields.${f}`),
  ...CATALOGUE_FIELDS.map((f) => `admin.catalogue.fields.${f}`),
  ...REGISTER_SECTIONS.flatMap((s) =>
    ['title', 'add', 'intro', 'created', 'updated'].map((k) => `admin.${s}.${k}`),
  ),
];

describe('keys built from code lists', () => {
  it.each(LOCALES)('exist in %s', (lng) => {
    const tree = {
      ...JSON.parse(readFileSync(join(i18nDir, lng, 'partner.json'), 'utf8')),
      ...JSON.parse(readFileSync(join(i18nDir, lng, 'admin.json'), 'utf8')),
    };
    expect(keys.filter((k) => typeof lookup(tree, k) !== 'string')).toEqual([]);
  });
});
