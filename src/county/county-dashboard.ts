/**
 * The county's supervising view: for every agency below the county, what is late or stuck today — requests past
 * their reply deadline (条例第三十三条), 主动公开 items past 20 working days from forming (条例第二十六条), items
 * waiting in review longer than STUCK_REVIEW_DAYS, village items past their due date, 互动交流 messages past their
 * answer date, open problems of the supervision ledger, and the last year's annual report against its deadline
 * (条例第四十九条). Two statements (county-dashboard.queries.ts): the tree below the county with each agency's
 * report status and deadline setting, then every figure of every agency as one grouped count per table.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import type { Agency } from '../org/org.ts';
import { OPEN_STATES } from '../requests/index.ts';
import { deadlineFor, defaultDeadline, overviewStatus, type OverviewStatus } from '../annual-report/index.ts';
import { countyPolicy } from './county.policy.ts';
import { countyTree, FIGURE_ORDER, supervisionCounts } from './county-dashboard.queries.ts';

/** Calendar days an item may wait in review before the county sees it as stuck. */
export const STUCK_REVIEW_DAYS = 5;
/** Unpublished 主动公开 states (an item in them is not yet on the portal). */
export const UNPUBLISHED = ['draft', 'in_review', 'returned', 'approved'];
/** 互动交流 states still waiting for an answer. */
export const INQUIRY_WAITING = ['pending_routing', 'in_progress', 'pending_approval'];

export const FIGURES = [
  { key: 'overdueRequests', label: '依申请公开超期' },
  { key: 'latePublications', label: '主动公开超20个工作日' },
  { key: 'stuckReviews', label: '审核滞留' },
  { key: 'lateVillageItems', label: '村务公开逾期' },
  { key: 'overdueInquiries', label: '留言超期未答复' },
  { key: 'openProblems', label: '未销号问题' },
] as const;
export type FigureKey = (typeof FIGURES)[number]['key'];
// Every figure is counted by the queries (a type error otherwise).
const everyFigureCounted: [Exclude<FigureKey, (typeof FIGURE_ORDER)[number]>] extends [never] ? true : false =
  true;
void everyFigureCounted;

export interface AgencyRow {
  agency: Agency;
  figures: Record<FigureKey, number>;
  report: { year: number; status: OverviewStatus; deadline: string };
  /** Figures above zero, plus one for an overdue report: the grid's colour. */
  alerts: number;
}

export interface CountyDashboard {
  county: Agency;
  today: string;
  reportYear: number;
  rows: AgencyRow[];
  totals: Record<FigureKey, number>;
}

/** The cut-off timestamp of a stuck review (ISO, UTC). */
export const stuckBefore = (now: Date) =>
  new Date(now.getTime() - STUCK_REVIEW_DAYS * 86_400_000).toISOString();

/** The dashboard over every agency below the actor's: two statements however many agencies there are. */
export async function countyDashboard(ctx: Ctx): Promise<CountyDashboard> {
  assertCan(countyPolicy.viewDashboard(ctx.actor), { hide: true });
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Error('unreachable: the policy admits users only');
  const today = ctx.clock.today();
  const reportYear = Number(today.slice(0, 4)) - 1;
  const tree = await countyTree(ctx.db, actor.agencyId, reportYear);
  const county = tree.find((t) => t.agency.id === actor.agencyId)!.agency;
  const below = tree.filter((t) => t.agency.id !== county.id);
  if (!below.length) return { county, today, reportYear, rows: [], totals: zero() };
  const counts = await supervisionCounts(
    ctx.db,
    below.map((t) => t.agency.id),
    {
      today,
      stuckBefore: stuckBefore(ctx.clock.now()),
      openRequestStates: OPEN_STATES,
      unpublishedStates: UNPUBLISHED,
      inquiryWaitingStates: INQUIRY_WAITING,
    },
  );
  const totals = zero();
  const rows = below.map(({ agency, reportStatus, deadline: setting }): AgencyRow => {
    const c = counts.get(agency.id);
    const figures = zero();
    let alerts = 0;
    for (const [i, key] of FIGURE_ORDER.entries()) {
      const n = c?.[i] ?? 0;
      figures[key] = n;
      totals[key] += n;
      if (n > 0) alerts++;
    }
    const deadline = deadlineFor(reportYear, setting ?? defaultDeadline(agency.kind));
    const status = overviewStatus(reportStatus as Parameters<typeof overviewStatus>[0], deadline, today);
    if (status === 'overdue') alerts++;
    return { agency, figures, report: { year: reportYear, status, deadline }, alerts };
  });
  return { county, today, reportYear, rows, totals };
}

function zero(): Record<FigureKey, number> {
  return Object.fromEntries(FIGURES.map((f) => [f.key, 0])) as Record<FigureKey, number>;
}
