/** Shapes of the calls API (src/modules/calls/schema.ts) as the hotline console reads them. */
import type { CallChannel, CallOutcome, CallTopic, Urgency } from '../cases/codes.ts';

/** A call as GET/POST /calls returns it, with what the user may do to it. */
export interface Call {
  id: string;
  receivedAt: string;
  operatorId: string;
  officeId: string;
  channel: CallChannel;
  anonymous: boolean;
  callerName: string | null;
  callerPhone: string | null;
  callerRegion: string | null;
  callerDistrict: string | null;
  callerCountry: string | null;
  topic: CallTopic;
  summary: string;
  urgency: Urgency;
  outcome: CallOutcome | null;
  caseId: string | null;
  version: number;
  abilities: string[];
}

/** Body of POST /calls. */
export interface CallInput {
  channel: CallChannel;
  anonymous: boolean;
  callerName?: string;
  callerPhone?: string;
  callerRegion?: string;
  callerDistrict?: string;
  topic: CallTopic;
  summary: string;
  urgency: Urgency;
  outcome?: Exclude<CallOutcome, 'case_opened'>;
}

/** The answer of POST /calls/:id/convert: the call, and only the number of the new case. */
export interface ConvertResult {
  call: Call;
  case: { id: string; number: string };
}
