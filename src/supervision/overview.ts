/**
 * The figures of the 监督保障 home for one agency and year: problems by status, problems found per month by their
 * current status, monthly timeliness, rectification time, and (for the agency's own staff) the latest job runs.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import type { Problem } from './supervision.queries.ts';
import {
  allProblems,
  monthPeriod,
  pct,
  problemFigures,
  timeliness,
  type Timeliness,
} from './supervision-stats.ts';
import { listRuns, type Run } from './runs.ts';

const MONTHS = Array.from({ length: 12 }, (_, i) => String(i + 1).padStart(2, '0'));
const STATUS_SERIES: { label: string; test: (p: Problem, today: string) => boolean }[] = [
  { label: '待整改', test: (p, today) => p.status === 'open' && p.deadline >= today },
  { label: '整改逾期', test: (p, today) => p.status === 'open' && p.deadline < today },
  { label: '待销号', test: (p) => p.status === 'rectified' },
  { label: '已销号', test: (p) => p.status === 'closed' },
];
const DAY_BUCKETS = [
  { label: '7天内', test: (d: number) => d <= 7 },
  { label: '8—15天', test: (d: number) => d > 7 && d <= 15 },
  { label: '16—30天', test: (d: number) => d > 15 && d <= 30 },
  { label: '30天以上', test: (d: number) => d > 30 },
];

export interface SupervisionOverview {
  agencyId: number;
  year: number;
  /** 待整改 / 整改逾期 / 待销号 / 已销号 → count. */
  byStatus: Record<string, number>;
  /** The year's 按期整改率, formatted ('—' without any). */
  onTimeRate: string;
  /** Months of the year that have begun ('01' …), with the figures of each. */
  months: string[];
  foundByMonth: { label: string; values: number[] }[];
  timeliness: Timeliness[];
  rectifyTime: { label: string; count: number }[];
  /** The agency's own staff manage (settings, re-runs); only they see the runs. */
  manage: boolean;
  runs: Run[];
}

/** The home page's figures (read policy; outsiders get not found). */
export async function supervisionOverview(
  ctx: Ctx,
  agencyId: number,
  year: number,
): Promise<SupervisionOverview> {
  const db = ctx.db;
  const scope = await agencyScope(db, agencyId);
  assertCan(supervisionPolicy.read(ctx.actor, scope), { hide: true });
  const today = ctx.clock.today();
  const all = await allProblems(db, agencyId);
  // Months that have begun (the current year stops at this month: no figures for the future).
  const months = MONTHS.filter((m) => `${year}-${m}` <= today.slice(0, 7));
  const tl = await Promise.all(months.map((m) => timeliness(db, agencyId, monthPeriod(`${year}-${m}`))));
  const yearFig = problemFigures(all, { first: `${year}-01-01`, last: `${year}-12-31` });
  const manage = supervisionPolicy.manage(ctx.actor, scope);
  return {
    agencyId,
    year,
    byStatus: Object.fromEntries(
      STATUS_SERIES.map((st) => [st.label, all.filter((p) => st.test(p, today)).length]),
    ),
    onTimeRate: pct(yearFig.fixedOnTime, yearFig.fixed),
    months,
    foundByMonth: STATUS_SERIES.map((st) => ({
      label: st.label,
      values: months.map(
        (m) => all.filter((p) => p.foundOn.slice(0, 7) === `${year}-${m}` && st.test(p, today)).length,
      ),
    })),
    timeliness: tl,
    rectifyTime: DAY_BUCKETS.map((b) => ({
      label: b.label,
      count: yearFig.rectifyDays.filter(b.test).length,
    })),
    manage,
    runs: manage ? await listRuns(db, 12) : [],
  };
}
