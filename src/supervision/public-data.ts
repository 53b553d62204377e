/**
 * What 监督保障 makes public, as data: the published monthly bulletins (通报) and aggregate figures (problems found,
 * rectified and overdue per ended month; trainings held). Never a draft, a problem's evidence or a person's name.
 */
import type { DbOrTrx } from '../db/database.ts';
import { toNumber } from '../db/values.ts';
import { findBulletin, type Bulletin } from './bulletin.ts';
import {
  allProblems,
  monthPeriod,
  problemFigures,
  trainingFigures,
  yearPeriod,
} from './supervision-stats.ts';

/** Published bulletins of an agency, newest period first, one page of them. */
export async function publishedBulletinsPage(
  db: DbOrTrx,
  agencyId: number,
  page: { limit: number; offset: number },
): Promise<{ items: Bulletin[]; total: number }> {
  const base = db
    .selectFrom('sv_bulletins')
    .where('agency_id', '=', agencyId)
    .where('status', '=', 'published');
  const [total, periods] = await Promise.all([
    base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow(),
    base.select('period').orderBy('period', 'desc').limit(page.limit).offset(page.offset).execute(),
  ]);
  const items = await Promise.all(periods.map((p) => findBulletin(db, agencyId, p.period)));
  return { items: items.filter((b): b is Bulletin => b != null), total: toNumber(total.n) };
}

/** One published bulletin; a draft (or none) is undefined. */
export async function findPublishedBulletin(
  db: DbOrTrx,
  agencyId: number,
  period: string,
): Promise<Bulletin | undefined> {
  const b = await findBulletin(db, agencyId, period);
  return b?.status === 'published' ? b : undefined;
}

export interface PublicMonthFigures {
  month: string;
  found: number;
  fixed: number;
  fixedOnTime: number;
  overdue: number;
  open: number;
  recurring: number;
}

export interface PublicSupervisionFigures {
  year: number;
  /** Months of the year that have ended (a month in progress has no figures yet). */
  months: PublicMonthFigures[];
  trainings: { superior: number; township: number };
}

/** The year's public figures from the ledger and the trainings: counts only. */
export async function publicSupervisionFigures(
  db: DbOrTrx,
  agencyId: number,
  year: number,
  today: string,
): Promise<PublicSupervisionFigures> {
  const all = await allProblems(db, agencyId);
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`).filter(
    (m) => m < today.slice(0, 7),
  );
  const t = await trainingFigures(db, agencyId, yearPeriod(year));
  return {
    year,
    months: months.map((m) => {
      const f = problemFigures(all, monthPeriod(m));
      return {
        month: m,
        found: f.found,
        fixed: f.fixed,
        fixedOnTime: f.fixedOnTime,
        overdue: f.overdue,
        open: f.open,
        recurring: f.recurring,
      };
    }),
    trainings: { superior: t.superior, township: t.township },
  };
}
