/**
 * The county's supervising view: for every agency below the county, what is late or stuck today — requests past
 * their reply deadline (条例第三十三条), 主动公开 items past 20 working days from forming (条例第二十六条), items
 * waiting in review longer than STUCK_REVIEW_DAYS, village items past their due date, 互动交流 messages past their
 * answer date, open problems of the supervision ledger, and the last year's annual report against its deadline
 * (条例第四十九条). All counts come from one SQL statement (a correlated count per figure and agency); with the agency
 * list, the report status and the deadline settings: four queries however many agencies there are.
 */
import { sql } from 'kysely';
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { listAgencies } from '../org/org.queries.ts';
import { subtreeOf, type Agency } from '../org/org.ts';
import { OPEN_STATES } from '../requests/index.ts';
import {
  deadlineFor,
  deadlineSettings,
  defaultDeadline,
  overviewStatus,
  type OverviewStatus,
} from '../annual-report/index.ts';
import { countyPolicy } from './county.policy.ts';

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

/** The dashboard over every agency below the actor's. */
export async function countyDashboard(ctx: Ctx): Promise<CountyDashboard> {
  assertCan(countyPolicy.viewDashboard(ctx.actor), { hide: true });
  const actor = ctx.actor;
  if (actor.kind !== 'user') throw new Error('unreachable: the policy admits users only');
  const all = await listAgencies(ctx.db);
  const county = all.find((a) => a.id === actor.agencyId)!;
  const agencies = subtreeOf(all, county.id).filter((a) => a.id !== county.id);
  const today = ctx.clock.today();
  const reportYear = Number(today.slice(0, 4)) - 1;
  const ids = agencies.map((a) => a.id);
  if (!ids.length) return { county, today, reportYear, rows: [], totals: zero() };
  const stuck = stuckBefore(ctx.clock.now());
  const count = (q: ReturnType<typeof sql>) => sql<number>`(${q})`;
  const rows = await ctx.db
    .selectFrom('agencies as a')
    .select([
      'a.id',
      count(sql`select count(*) from info_requests r where r.agency_id = a.id
        and r.status in (${sql.join([...OPEN_STATES])}) and r.due_on < ${today}`).as('overdueRequests'),
      count(sql`select count(*) from publications p where p.agency_id = a.id and p.attribute = 'proactive'
        and p.status in (${sql.join(UNPUBLISHED)}) and p.due_on < ${today}`).as('latePublications'),
      count(sql`select count(*) from publications p where p.agency_id = a.id and p.status = 'in_review'
        and p.updated_at < ${stuck}`).as('stuckReviews'),
      count(sql`select count(*) from village_disclosures v where v.agency_id = a.id
        and v.status <> 'published' and v.due_on < ${today}`).as('lateVillageItems'),
      count(sql`select count(*) from inquiries i where i.agency_id = a.id
        and i.status in (${sql.join(INQUIRY_WAITING)}) and i.due_on < ${today}`).as('overdueInquiries'),
      count(sql`select count(*) from sv_problems s where s.agency_id = a.id and s.status <> 'closed'`).as(
        'openProblems',
      ),
    ])
    .where('a.id', 'in', ids)
    .execute();
  const [reports, deadlines] = await Promise.all([
    ctx.db
      .selectFrom('annual_reports')
      .select(['agency_id', 'status'])
      .where('agency_id', 'in', ids)
      .where('year', '=', reportYear)
      .execute(),
    deadlineSettings(ctx.db, ids),
  ]);
  const statusOf = new Map(reports.map((r) => [toNumber(r.agency_id), r.status]));
  const byId = new Map(rows.map((r) => [toNumber(r.id), r]));
  const totals = zero();
  const out = agencies.map((agency): AgencyRow => {
    const r = byId.get(agency.id);
    const figures = zero();
    for (const f of FIGURES) {
      figures[f.key] = toNumber(r?.[f.key]);
      totals[f.key] += figures[f.key];
    }
    const deadline = deadlineFor(reportYear, deadlines.get(agency.id) ?? defaultDeadline(agency.kind));
    const status = overviewStatus(
      (statusOf.get(agency.id) ?? null) as Parameters<typeof overviewStatus>[0],
      deadline,
      today,
    );
    const alerts = FIGURES.filter((f) => figures[f.key] > 0).length + (status === 'overdue' ? 1 : 0);
    return { agency, figures, report: { year: reportYear, status, deadline }, alerts };
  });
  return { county, today, reportYear, rows: out, totals };
}

function zero(): Record<FigureKey, number> {
  return Object.fromEntries(FIGURES.map((f) => [f.key, 0])) as Record<FigureKey, number>;
}
