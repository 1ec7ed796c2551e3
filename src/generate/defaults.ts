/**
 * The generator's thresholds, apart from the generator so the CLI can name them in its help
 * without loading it.
 */

/** From how many persons a run builds on worker threads by default (below, starting them costs more). */
export const THREADED_FROM = 5000;

/** From how many persons added a run defers indexes and foreign keys by default. */
export const DEFER_FROM = 50_000;
