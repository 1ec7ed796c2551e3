import { z } from 'zod';
import { RECRUITER_RELATIONSHIPS, SECTORS } from '../../domain/codes.ts';
import { isIsoDate, isoDateSchema, notInFuture, ordered } from '../../domain/dates.ts';
import { kgsAmountSchema } from '../../domain/money.ts';
import { episodeFactsSchema, screeningResultSchema } from '../../domain/screening.ts';
import { versionIn } from '../../http/schemas.ts';
import { countryCode } from '../offices/schema.ts';
import { toMinorUnits } from './currency.ts';
import { today } from '../../clock.ts';

const KNOWN_CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** An ISO 4217 currency code the runtime knows (RUB, KZT, KRW, TRY, KGS…). */
export const currencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'An ISO 4217 currency code such as RUB or KZT')
  .refine((c) => KNOWN_CURRENCIES.has(c), 'Not an ISO 4217 currency code');

/** A calendar date not in the future (zod runs the refinement even on a malformed date, hence the guard). */
export const pastDate = isoDateSchema.refine(
  (d) => !isIsoDate(d) || notInFuture(d, today()),
  'The date is in the future',
);

const episodeFields = {
  destinationCountry: countryCode,
  destinationCity: z.string().trim().min(1).max(120),
  departedOn: pastDate,
  returnedOn: pastDate,
  sector: z.enum(SECTORS),
  recruitedHow: z.string().trim().min(1).max(2000),
  recruiterRelationship: z.enum(RECRUITER_RELATIONSHIPS),
  facts: episodeFactsSchema,
  wagesUnpaidAmount: kgsAmountSchema.describe('Decimal string in wagesUnpaidCurrency, e.g. "45000.00"'),
  wagesUnpaidCurrency: currencyCode,
  notes: z.string().trim().max(4000),
};

// Only a parsed amount and a well-formed currency can be checked against each other.
const fitsCheck = (
  e: EpisodeShape,
): e is EpisodeShape & { wagesUnpaidAmount: number; wagesUnpaidCurrency: string } =>
  typeof e.wagesUnpaidAmount === 'number' &&
  typeof e.wagesUnpaidCurrency === 'string' &&
  currencyCode.safeParse(e.wagesUnpaidCurrency).success;

type EpisodeShape = {
  departedOn?: string | null | undefined;
  returnedOn?: string | null | undefined;
  wagesUnpaidAmount?: number | null | undefined;
  wagesUnpaidCurrency?: string | null | undefined;
};

/**
 * Rules across the fields of an episode: it does not end before it starts, and an amount comes
 * with its currency (as a pair, also in a change) and fits its decimals. Checked on the body
 * (400) and, for the dates, on the stored episode merged with a change.
 */
export function episodeProblems(e: EpisodeShape): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  // Malformed dates have their own issues already (zod still runs this refinement).
  if (isIsoDate(e.departedOn) && isIsoDate(e.returnedOn) && !ordered(e.departedOn, e.returnedOn)) {
    problems.push({ path: 'returnedOn', message: 'The return is before the departure' });
  }
  const hasAmount = e.wagesUnpaidAmount !== null && e.wagesUnpaidAmount !== undefined;
  const hasCurrency = e.wagesUnpaidCurrency !== null && e.wagesUnpaidCurrency !== undefined;
  if (hasAmount !== hasCurrency) {
    problems.push({
      path: hasAmount ? 'wagesUnpaidCurrency' : 'wagesUnpaidAmount',
      message: 'Give the amount and its currency together',
    });
  } else if (fitsCheck(e) && toMinorUnits(e.wagesUnpaidAmount, e.wagesUnpaidCurrency) === undefined) {
    problems.push({
      path: 'wagesUnpaidAmount',
      message: 'The currency has fewer decimals than the amount given',
    });
  }
  return problems;
}

const episodeRules = (e: EpisodeShape, ctx: z.RefinementCtx) => {
  for (const p of episodeProblems(e)) ctx.addIssue({ code: 'custom', path: [p.path], message: p.message });
};

/** Body of POST /cases/:id/episodes. */
export const createEpisodeIn = z
  .object({
    destinationCountry: episodeFields.destinationCountry,
    destinationCity: episodeFields.destinationCity.optional(),
    departedOn: episodeFields.departedOn.optional(),
    returnedOn: episodeFields.returnedOn.optional(),
    sector: episodeFields.sector.optional(),
    recruitedHow: episodeFields.recruitedHow.optional(),
    recruiterRelationship: episodeFields.recruiterRelationship.optional(),
    facts: episodeFields.facts.default({}),
    wagesUnpaidAmount: episodeFields.wagesUnpaidAmount.optional(),
    wagesUnpaidCurrency: episodeFields.wagesUnpaidCurrency.optional(),
    notes: episodeFields.notes.optional(),
  })
  .strict()
  .superRefine(episodeRules)
  .meta({
    id: 'EpisodeCreate',
    example: {
      destinationCountry: 'RU',
      destinationCity: 'Саратовская область, фермерское хозяйство',
      departedOn: '2025-04-10',
      returnedOn: '2026-01-28',
      sector: 'agriculture',
      recruitedHow: 'Односельчанин обещал работу на ферме брата с оплатой 40 000 рублей в месяц',
      recruiterRelationship: 'same_village',
      facts: { documentsTaken: true, wagesUnpaid: true, abusiveConditions: true, deceived: true },
      wagesUnpaidAmount: '320000.00',
      wagesUnpaidCurrency: 'RUB',
    },
  });

/** Body of PATCH /cases/:id/episodes/:episodeId; `facts` replaces the facts as a whole, `null` clears a field. */
export const updateEpisodeIn = z
  .object({
    destinationCountry: episodeFields.destinationCountry.optional(),
    destinationCity: episodeFields.destinationCity.nullable().optional(),
    departedOn: episodeFields.departedOn.nullable().optional(),
    returnedOn: episodeFields.returnedOn.nullable().optional(),
    sector: episodeFields.sector.nullable().optional(),
    recruitedHow: episodeFields.recruitedHow.nullable().optional(),
    recruiterRelationship: episodeFields.recruiterRelationship.nullable().optional(),
    facts: episodeFields.facts.optional(),
    wagesUnpaidAmount: episodeFields.wagesUnpaidAmount.nullable().optional(),
    wagesUnpaidCurrency: episodeFields.wagesUnpaidCurrency.nullable().optional(),
    notes: episodeFields.notes.nullable().optional(),
    version: versionIn,
  })
  .strict()
  .superRefine(episodeRules)
  .meta({
    example: {
      facts: {
        documentsTaken: true,
        wagesUnpaid: true,
        abusiveConditions: true,
        deceived: true,
        movementRestricted: true,
      },
      notes: 'Жили в холодном сарае со скотом; уйти не давали, пока хозяин был дома',
      version: 1,
    },
  });

/** An episode as the API shows it; the unpaid amount both as minor units and as the decimal string. */
export const episodeOut = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    caseId: z.uuid(),
    destinationCountry: z.string(),
    destinationCity: z.string().nullable(),
    departedOn: z.string().nullable(),
    returnedOn: z.string().nullable(),
    sector: z.enum(SECTORS).nullable(),
    recruitedHow: z.string().nullable(),
    recruiterRelationship: z.enum(RECRUITER_RELATIONSHIPS).nullable(),
    facts: episodeFactsSchema,
    wagesUnpaidMinor: z.int().nullable().describe('Minor units of wagesUnpaidCurrency (kopecks, tyiyn…)'),
    wagesUnpaidAmount: z.string().nullable(),
    wagesUnpaidCurrency: z.string().nullable(),
    notes: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    version: z.number(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Episode' });

/** The screening of the person after a change, so the form can show it at once. */
export const screeningOut = screeningResultSchema.pick({
  likelihood: true,
  indicators: true,
  reasons: true,
  rulesVersion: true,
});
