import type admin from './en/admin.json';
import type cases from './en/cases.json';
import type core from './en/core.json';
import type duplicates from './en/duplicates.json';
import type hotline from './en/hotline.json';
import type intake from './en/intake.json';
import type partner from './en/partner.json';
import type reports from './en/reports.json';
import type work from './en/work.json';

/**
 * The shape of the translations: the English files are the reference (the i18n test keeps ru and
 * ky in step). A new area file (en/<area>.json) is imported here and added to this intersection.
 */
export type Translation = typeof core &
  typeof hotline &
  typeof intake &
  typeof work &
  typeof partner &
  typeof admin &
  typeof cases &
  typeof duplicates &
  typeof reports;
