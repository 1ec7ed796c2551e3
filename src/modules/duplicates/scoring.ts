/**
 * Scores one batch of candidate pairs: pure, so that the scan can run it in worker threads
 * (score-worker.ts) or in its own thread alike.
 */
import { type MatchPerson, type MatchResult, matchScore } from '../../domain/matching.ts';

/** A batch to score: the matcher's view of every person in it, and the pairs as [a, b] ids. */
export interface ScoreTask {
  people: Map<string, MatchPerson>;
  pairs: [string, string][];
  threshold: number;
}

/** A pair scored from the threshold up, as the scan stores it. */
export type FoundPair = Pick<MatchResult, 'score' | 'evidence' | 'components'> & { a: string; b: string };

/** The pairs of the task that score at least its threshold. */
export function scorePairs({ people, pairs, threshold }: ScoreTask): FoundPair[] {
  const found: FoundPair[] = [];
  for (const [a, b] of pairs) {
    const { score, evidence, components } = matchScore(people.get(a)!, people.get(b)!);
    if (score >= threshold) found.push({ a, b, score, evidence, components });
  }
  return found;
}
