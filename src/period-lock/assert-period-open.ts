/**
 * The period lock of the annual report: once an agency's report for a year is finalised, nothing may change that
 * year's cells until the report is reopened with a reason. Use cases of requests, cases and registers call this
 * with the business date of the change they are about to make (received, closed, decided, filed, collected on).
 */
import type { DbOrTrx } from '../db/database.ts';
import { InvalidStateError } from '../errors.ts';

export class ReportYearLockedError extends InvalidStateError {
  constructor(readonly year: number) {
    super(
      `${year}年度政府信息公开工作年度报告已定稿，该年度的数据已锁定，不能修改；如确需修改，请先由负责人重新打开该年度报告并说明理由`,
    );
  }
}

/** Throw ReportYearLockedError when the agency's report for the year of `date` ('YYYY-MM-DD') is finalised or published. */
export async function assertReportYearOpen(db: DbOrTrx, agencyId: number, date: string): Promise<void> {
  const year = Number(date.slice(0, 4));
  const locked = await db
    .selectFrom('annual_reports')
    .select('id')
    .where('agency_id', '=', agencyId)
    .where('year', '=', year)
    .where('status', 'in', ['finalised', 'published'])
    .executeTakeFirst();
  if (locked) throw new ReportYearLockedError(year);
}

/**
 * The lock for records that count in every year from `date` on (a 规范性文件 stays 现行有效 until repealed):
 * throw ReportYearLockedError when any report of the agency for the year of `date` or later is finalised.
 */
export async function assertReportYearsOpenFrom(db: DbOrTrx, agencyId: number, date: string): Promise<void> {
  const locked = await db
    .selectFrom('annual_reports')
    .select('year')
    .where('agency_id', '=', agencyId)
    .where('year', '>=', Number(date.slice(0, 4)))
    .where('status', 'in', ['finalised', 'published'])
    .orderBy('year')
    .executeTakeFirst();
  if (locked) throw new ReportYearLockedError(locked.year);
}
