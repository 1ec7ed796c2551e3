/**
 * The RSS instruments assessments may use, by key (`koldoo-rss-1`). A new version — an office's
 * official IOM weights and cut-offs — is one more definition in this list, validated like the
 * shipped one; stored assessments keep a snapshot of theirs, so old scores never change.
 */
import { KOLDOO_RSS_1, type RssInstrument, rssInstrumentKey, rssInstrumentSchema } from '../../domain/rss.ts';

/** The instrument definitions, as data: each goes through `rssInstrumentSchema` when loaded. */
export const INSTRUMENT_DEFINITIONS: readonly unknown[] = [KOLDOO_RSS_1];

function load(definitions: readonly unknown[]): ReadonlyMap<string, RssInstrument> {
  const registry = new Map<string, RssInstrument>();
  for (const definition of definitions) {
    const instrument = rssInstrumentSchema.parse(definition);
    const key = rssInstrumentKey(instrument);
    // Two definitions under one key would make stored assessments ambiguous.
    if (registry.has(key)) throw new Error(`Instrument ${key} is defined twice`);
    registry.set(key, instrument);
  }
  return registry;
}

const REGISTRY = load(INSTRUMENT_DEFINITIONS);

/** The instrument an assessment names, or undefined when no such instrument or version exists. */
export function findInstrument(key: string): RssInstrument | undefined {
  return REGISTRY.get(key);
}

/** Every instrument key, for error messages and forms. */
export function instrumentKeys(): string[] {
  return [...REGISTRY.keys()];
}
