/**
 * The problem ledger's rules (整改台账): a problem is 待整改 until its responsible unit records a rectification with
 * evidence, then 待销号 until a second person re-checks and closes it (销号); a closed problem is re-checked by
 * 回头看 at fixed offsets after closing and reopened, flagged recurring, when it is found again. The seed report's
 * 工作要点: “实行台账管理、销号整改，限期整改到位并组织‘回头看’”; 条例第四十七条 (监督检查, 责令改正). Pure.
 */
import { addDays } from '../calendar/dates.ts';

export const PROBLEM_STATUSES = ['open', 'rectified', 'closed'] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];

export const SOURCES = ['inspection', 'daily_check', 'county', 'manual', 'annual_report'] as const;
export type ProblemSource = (typeof SOURCES)[number];
export const SOURCE_LABELS: Record<ProblemSource, string> = {
  inspection: '专项督查',
  daily_check: '每日巡查',
  county: '县级督查',
  manual: '日常发现',
  annual_report: '上年度报告所列问题',
};

export const UNIT_KIND_LABELS: Record<string, string> = {
  office: '站办所',
  village: '村',
  agency: '乡镇（部门）',
};

export interface ProblemFacts {
  status: ProblemStatus;
  deadline: string;
  isRecurring: boolean;
  /** 回头看 still scheduled after 销号. */
  pendingFollowUps: number;
  /** A county 督办 waiting for the township's answer. */
  supervisionWaiting: boolean;
}

/** The plain-Chinese status a user reads (overdue and recurring are shown, never hidden in a code). */
export function statusLabel(p: ProblemFacts, today: string): string {
  if (p.status === 'open') {
    const base = p.isRecurring ? '复发，待整改' : '待整改';
    return p.deadline < today ? `${base}（已逾期）` : base;
  }
  if (p.status === 'rectified') return '已整改，待销号';
  return p.pendingFollowUps > 0 ? '已销号，待回头看' : '已销号';
}

/** Who must act next, in words (every waiting state names the person who can act). */
export function waitingFor(p: ProblemFacts & { responsibleName: string }): string | null {
  if (p.status === 'open') return `${p.responsibleName}（责任人）整改并上传佐证`;
  if (p.status === 'rectified') return '整改人以外的督查人员复核销号';
  if (p.pendingFollowUps > 0) return '督查人员到期组织回头看';
  return null;
}

export const isOverdue = (p: Pick<ProblemFacts, 'status' | 'deadline'>, today: string) =>
  p.status === 'open' && p.deadline < today;

/** 回头看 offsets in days after 销号 (configurable per agency; default +30 and +90). */
export const DEFAULT_FOLLOW_UP_DAYS = [30, 90] as const;

/** The due dates of the 回头看 of a problem closed on a date. */
export function followUpDates(
  closedOn: string,
  offsets: readonly number[],
): { offset: number; dueOn: string }[] {
  return [...new Set(offsets)]
    .filter((d) => Number.isInteger(d) && d > 0)
    .sort((a, b) => a - b)
    .map((offset) => ({ offset, dueOn: addDays(closedOn, offset) }));
}

/** Default rectification period in calendar days when the recorder gives none. */
export const DEFAULT_RECTIFY_DAYS = 15;

/**
 * 销号 needs a second person: neither the one who rectified nor the responsible person may close their own
 * problem (the re-check must be independent).
 */
export function closeOutRefusal(
  p: { status: ProblemStatus; rectifiedBy: number | null; responsibleUserId: number | null },
  actorUserId: number,
): string | null {
  if (p.status !== 'rectified') return '只有已整改、待销号的问题可以销号';
  if (p.rectifiedBy === actorUserId || p.responsibleUserId === actorUserId)
    return '销号须由整改人和责任人以外的第二人复核后进行';
  return null;
}

export const FOLLOW_UP_STATUS_LABELS: Record<string, string> = {
  scheduled: '待回头看',
  passed: '回头看未复发',
  recurred: '回头看发现复发',
  cancelled: '已取消（问题重新整改）',
};
