/** The entry of the scan's scoring threads (see scorePool in scan.ts): one batch per task. */
export { scorePairs as default } from './scoring.ts';
