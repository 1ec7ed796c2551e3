import type core from './en/core.json';

/**
 * The shape of the translations: the English files are the reference (the i18n test keeps ru and
 * ky in step). A new area file (en/<area>.json) is added to this intersection.
 */
export type Translation = typeof core;
