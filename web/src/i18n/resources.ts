import type core from './en/core.json';

/**
 * The shape of the translations: the English files are the reference (the i18n test keeps ru and
 * ky in step). A new area file (en/<area>.json) is added to this intersection.
 */
// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- one line per area file, appended by each area
export type Translation = typeof core & typeof import('./en/hotline.json') & typeof import('./en/intake.json') & typeof import('./en/work.json') & typeof import('./en/partner.json') & typeof import('./en/admin.json') & typeof import('./en/cases.json');
