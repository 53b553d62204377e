/**
 * The annual report as gongkai keeps it: one per agency and year, generated from the agency's records (or imported
 * from a report published elsewhere), checked, finalised by an approver, published on the portal, and reopened
 * only with a reason. Pure: states, transitions, deadlines, acknowledgments.
 */
import type { AgencyKind } from '../../org/org.ts';
import type { BodyLevel } from '../cross-checks.ts';
import type { Finding } from '../finding.ts';
import type { Cells, Fees, SectionId } from '../report-format.ts';

export const REPORT_STATUSES = ['draft', 'finalised', 'published'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export type ReportOrigin = 'generated' | 'imported';

export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  draft: '草稿',
  finalised: '已定稿',
  published: '已发布',
};

/** Status of an agency's report in a county's overview (a report that does not exist yet is not started). */
export type OverviewStatus = ReportStatus | 'not_started' | 'overdue';
export const OVERVIEW_STATUS_LABELS: Record<OverviewStatus, string> = {
  not_started: '未开始',
  draft: '草稿',
  finalised: '已定稿',
  published: '已发布',
  overdue: '逾期未发布',
};

export type Texts = Record<SectionId, string>;

export interface AnnualReport {
  id: number;
  agencyId: number;
  year: number;
  origin: ReportOrigin;
  status: ReportStatus;
  cells: Cells;
  fees: Fees;
  texts: Texts;
  /** Sections a person has edited; regeneration keeps their text. */
  edited: SectionId[];
  findings: Finding[];
  snapshotId: number | null;
  generatedAt: string;
  generatedByName: string;
  sourceFile: string | null;
  approverName: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
  publishedAt: string | null;
  publishedByName: string | null;
  reopenCount: number;
  version: number;
}

/** A report without its narrative, fees and edit marks: what a county's overview shows of each agency's report. */
export type ReportHead = Omit<AnnualReport, 'texts' | 'fees' | 'edited'>;

export interface Acknowledgment {
  fingerprint: string;
  rule: string;
  message: string;
  reason: string;
  ackedByName: string;
  ackedAt: string;
}

/** A finding is identified across regenerations by its rule and its message (which names the cells and values). */
export function fingerprintOf(f: Pick<Finding, 'rule' | 'message'>): string {
  return `${f.rule}|${f.message}`;
}

/** Is the year's data locked by this report? (finalised or published, like a closed accounting period) */
export function isLocked(status: ReportStatus): boolean {
  return status === 'finalised' || status === 'published';
}

export interface Readiness {
  errors: Finding[];
  /** Warnings without an acknowledgment. */
  unacknowledged: Finding[];
  ready: boolean;
}

/** Can a report with these findings and acknowledgments be finalised? Errors block; warnings need a reason. */
export function readiness(
  findings: readonly Finding[],
  acks: readonly Pick<Acknowledgment, 'fingerprint'>[],
): Readiness {
  const acked = new Set(acks.map((a) => a.fingerprint));
  const errors = findings.filter((f) => f.severity === 'error');
  const unacknowledged = findings.filter((f) => f.severity === 'warning' && !acked.has(fingerprintOf(f)));
  return { errors, unacknowledged, ready: errors.length === 0 && unacknowledged.length === 0 };
}

/** The level of a reporting body, for A-REG (only State Council departments, provinces and 设区的市 make 规章). */
export function bodyLevelOfKind(kind: AgencyKind): BodyLevel {
  switch (kind) {
    case 'township':
      return 'township';
    case 'county':
      return 'county_government';
    case 'department':
      return 'county_department';
    default:
      return 'higher';
  }
}

/**
 * The default publication deadline (条例第四十九条; 'MM-DD' of year N+1): 3月31日 for a county-level (or higher)
 * people's government, 1月31日 for departments and — by the usual county notice — townships (T-ANNUAL-TOWN).
 */
export function defaultDeadline(kind: AgencyKind): string {
  return kind === 'county' || kind === 'city' || kind === 'province' ? '03-31' : '01-31';
}

/** The deadline date ('YYYY-MM-DD') for the report on `year`, given the agency's 'MM-DD'. */
export function deadlineFor(year: number, monthDay: string): string {
  return `${year + 1}-${monthDay}`;
}

/** Where an agency's report stands on `today`: published, or overdue once the deadline has passed unpublished. */
export function overviewStatus(status: ReportStatus | null, deadline: string, today: string): OverviewStatus {
  if (status === 'published') return 'published';
  if (today > deadline) return 'overdue';
  return status ?? 'not_started';
}

/** 'MM-DD' that is a real calendar day (29 February excluded: the deadline must exist every year). */
export function isMonthDay(s: string): boolean {
  const m = /^(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const month = Number(m[1]);
  const day = Number(m[2]);
  const days = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return month >= 1 && month <= 12 && day >= 1 && day <= days[month - 1]!;
}
