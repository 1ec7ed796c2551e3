import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type {
  CaseStatus,
  FollowupStatus,
  PlanItemState,
  ReferralStatus,
  RiskLevel,
  TraffickingLikelihood,
} from './codes.ts';

// Sentence case and never truncated: a table column must not cut "Trafficking possible" short.
const CALM = { tt: 'none', miw: 'max-content' } as const;

const STATUS_COLOR: Record<CaseStatus, string> = {
  open: 'blue',
  assessment: 'cyan',
  planning: 'indigo',
  assistance: 'violet',
  monitoring: 'teal',
  closed: 'gray',
};

const RISK_COLOR: Record<RiskLevel, string> = {
  low: 'green',
  medium: 'yellow',
  high: 'orange',
  critical: 'red',
};

const LIKELIHOOD_COLOR: Record<TraffickingLikelihood, string> = {
  likely: 'red',
  possible: 'orange',
  unlikely: 'gray',
};

const ITEM_COLOR: Record<PlanItemState, string> = {
  proposed: 'blue',
  approved: 'teal',
  procured: 'violet',
  delivered: 'green',
  cancelled: 'gray',
};

const REFERRAL_COLOR: Record<ReferralStatus, string> = {
  sent: 'blue',
  accepted: 'teal',
  completed: 'green',
  declined: 'gray',
};

const FOLLOWUP_COLOR: Record<FollowupStatus, string> = {
  scheduled: 'blue',
  done: 'green',
  missed: 'orange',
  cancelled: 'gray',
};

/** The case status as a coloured badge (the text carries the meaning, colour only helps). */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...CALM} color={STATUS_COLOR[status]} variant="light">
      {t(`casesCodes.status.${status}`)}
    </Badge>
  );
}

/** The case risk level, or "not assessed"; `short` drops the word "risk" (for a column headed "Risk"). */
export function RiskBadge({ level, short = false }: { level: RiskLevel | null; short?: boolean }) {
  const { t } = useTranslation();
  if (!level) {
    return (
      <Badge {...CALM} color="gray" variant="outline">
        {short ? t('casesCodes.riskShort.none') : t('cases.riskNotAssessed')}
      </Badge>
    );
  }
  return (
    <Badge {...CALM} color={RISK_COLOR[level]} variant={level === 'critical' ? 'filled' : 'light'}>
      {short ? t(`casesCodes.riskShort.${level}`) : t(`casesCodes.risk.${level}`)}
    </Badge>
  );
}

/** The trafficking screening outcome; `short` for a column headed "Trafficking screening". */
export function LikelihoodBadge({
  likelihood,
  short = false,
}: {
  likelihood: TraffickingLikelihood | null;
  short?: boolean;
}) {
  const { t } = useTranslation();
  if (!likelihood) return null;
  return (
    <Badge
      {...CALM}
      color={LIKELIHOOD_COLOR[likelihood]}
      variant={likelihood === 'likely' ? 'filled' : 'light'}
    >
      {short ? t(`casesCodes.likelihoodShort.${likelihood}`) : t(`casesCodes.likelihood.${likelihood}`)}
    </Badge>
  );
}

/** The state of a plan item. */
export function ItemStateBadge({ state }: { state: PlanItemState }) {
  const { t } = useTranslation();
  return (
    <Badge {...CALM} color={ITEM_COLOR[state]} variant="light">
      {t(`casesCodes.itemState.${state}`)}
    </Badge>
  );
}

/** The status of a referral. */
export function ReferralStatusBadge({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  return (
    <Badge {...CALM} color={REFERRAL_COLOR[status]} variant="light">
      {t(`casesCodes.referralStatus.${status}`)}
    </Badge>
  );
}

/** The status of a follow-up; a scheduled one past its date says "overdue" in red. */
export function FollowupStatusBadge({ status, overdue }: { status: FollowupStatus; overdue: boolean }) {
  const { t } = useTranslation();
  if (overdue) {
    return (
      <Badge {...CALM} color="red" variant="filled">
        {t('cases.overdue')}
      </Badge>
    );
  }
  return (
    <Badge {...CALM} color={FOLLOWUP_COLOR[status]} variant="light">
      {t(`casesCodes.followupStatus.${status}`)}
    </Badge>
  );
}
