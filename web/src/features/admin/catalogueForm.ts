/** Pure helpers of the catalogue item form (values, API bodies, checks), kept apart from React for tests. */
import type { CatalogueCreate, CatalogueItem, CatalogueUpdate } from './api.ts';
import { kgsToInput, parseKgsInput } from './money.ts';

/** What the form edits: one input per language name, the cost as typed. */
export interface CatalogueFormValues {
  code: string;
  nameEn: string;
  nameRu: string;
  nameKy: string;
  unit: string;
  defaultUnitCost: string;
  active: boolean;
}

/** A form field. */
export type CatalogueField = keyof CatalogueFormValues;

/** Fields in screen order. */
export const CATALOGUE_FIELDS: readonly CatalogueField[] = [
  'code',
  'nameEn',
  'nameRu',
  'nameKy',
  'unit',
  'defaultUnitCost',
  'active',
];

/** Empty form for a new item. */
export const EMPTY_ITEM: CatalogueFormValues = {
  code: '',
  nameEn: '',
  nameRu: '',
  nameKy: '',
  unit: '',
  defaultUnitCost: '',
  active: true,
};

/** Form values from a stored item, the cost written the way `locale` writes numbers. */
export function itemToForm(item: CatalogueItem, locale: string): CatalogueFormValues {
  return {
    code: item.code,
    nameEn: item.names.en,
    nameRu: item.names.ru,
    nameKy: item.names.ky,
    unit: item.unit,
    defaultUnitCost: item.defaultUnitCost ? kgsToInput(item.defaultUnitCost.kgs, locale) : '',
    active: item.active,
  };
}

/** The server's rule for codes: snake_case, stable, and not a path word it reserves. */
const CODE = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const RESERVED = ['ceilings'];

/** Translation keys of client-side problems. */
export type CatalogueProblem =
  | 'admin.catalogue.codeInvalid'
  | 'admin.catalogue.codeReserved'
  | 'admin.catalogue.nameRequired'
  | 'admin.catalogue.nameTooLong'
  | 'admin.catalogue.unitRequired'
  | 'admin.catalogue.unitTooLong'
  | 'admin.catalogue.costInvalid';

/** Client checks, the same limits as the server's. `isNew`: the code is only checked on create. */
export function validateItem(
  v: CatalogueFormValues,
  locale: string,
  isNew: boolean,
): Partial<Record<CatalogueField, CatalogueProblem>> {
  const out: Partial<Record<CatalogueField, CatalogueProblem>> = {};
  if (isNew) {
    if (!CODE.test(v.code) || v.code.length > 60) out.code = 'admin.catalogue.codeInvalid';
    else if (RESERVED.includes(v.code)) out.code = 'admin.catalogue.codeReserved';
  }
  for (const f of ['nameEn', 'nameRu', 'nameKy'] as const) {
    const name = v[f].trim();
    if (!name) out[f] = 'admin.catalogue.nameRequired';
    else if (name.length > 120) out[f] = 'admin.catalogue.nameTooLong';
  }
  const unit = v.unit.trim();
  if (!unit) out.unit = 'admin.catalogue.unitRequired';
  else if (unit.length > 40) out.unit = 'admin.catalogue.unitTooLong';
  if (v.defaultUnitCost.trim() && parseKgsInput(v.defaultUnitCost, locale) === null) {
    out.defaultUnitCost = 'admin.catalogue.costInvalid';
  }
  return out;
}

/** A code suggested from the English name while the code field is untouched ("Sewing kit" → sewing_kit). */
export function suggestCode(englishName: string): string {
  return englishName
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 60)
    .replace(/_+$/, '');
}

const names = (v: CatalogueFormValues) => ({ en: v.nameEn.trim(), ru: v.nameRu.trim(), ky: v.nameKy.trim() });

/** POST body (call only after validateItem found nothing). */
export function formToCreate(v: CatalogueFormValues, locale: string): CatalogueCreate {
  const cost = v.defaultUnitCost.trim() ? parseKgsInput(v.defaultUnitCost, locale) : null;
  return {
    code: v.code,
    names: names(v),
    unit: v.unit.trim(),
    ...(cost ? { defaultUnitCost: cost } : {}),
  };
}

/** PATCH body: all names, unit, cost (null clears it), active, with the version read. */
export function formToUpdate(v: CatalogueFormValues, locale: string, version: number): CatalogueUpdate {
  return {
    names: names(v),
    unit: v.unit.trim(),
    defaultUnitCost: v.defaultUnitCost.trim() ? parseKgsInput(v.defaultUnitCost, locale) : null,
    active: v.active,
    version,
  };
}
