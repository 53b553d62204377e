/**
 * The 依申请公开 dashboard of an agency for a year: its own figures, and — for an inspector above — the same figures
 * for every agency below it that the actor may read.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { descendantIds, listAgencies } from '../org/org.queries.ts';
import { requestPolicy } from '../requests/index.ts';
import { requestScope } from '../requests/index.ts';
import { dueSoonHorizon } from '../requests/index.ts';
import { OPEN_STATES } from '../requests/index.ts';
import { requestFigures, type RequestFigureRow, type RequestFigures } from './request-figures.ts';

export interface AgencyRequestFigures {
  agencyId: number;
  agencyName: string;
  figures: RequestFigures;
}

export interface RequestDashboard {
  agencyId: number;
  year: number;
  today: string;
  /** Null when the actor reads only the agencies below (an inspector who does not handle requests itself). */
  own: RequestFigures | null;
  /** Agencies below (empty unless the actor inspects them). */
  below: AgencyRequestFigures[];
}

async function rowsOf(ctx: Ctx, agencyIds: number[], year: number): Promise<RequestFigureRow[]> {
  if (agencyIds.length === 0) return [];
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  const rows = await ctx.db
    .selectFrom('info_requests')
    .select(['agency_id', 'status', 'received_on', 'closed_on', 'due_on', 'report_row'])
    .where('agency_id', 'in', agencyIds)
    .where((eb) =>
      eb.or([
        eb.and([eb('received_on', '>=', first), eb('received_on', '<=', last)]),
        eb.and([eb('closed_on', '>=', first), eb('closed_on', '<=', last)]),
        eb('status', 'in', [...OPEN_STATES]),
      ]),
    )
    .execute();
  return rows.map((r) => ({
    agencyId: Number(r.agency_id),
    status: r.status,
    receivedOn: r.received_on,
    closedOn: r.closed_on,
    dueOn: r.due_on,
    reportRow: r.report_row,
  }));
}

async function figuresOf(ctx: Ctx, agencyId: number, rows: RequestFigureRow[], year: number) {
  const [cal, horizon] = await Promise.all([getCalendar(ctx.db, agencyId), dueSoonHorizon(ctx, agencyId)]);
  return requestFigures(
    rows.filter((r) => r.agencyId === agencyId),
    year,
    ctx.clock.today(),
    horizon,
    cal,
  );
}

/** Whose request figures the actor may see from this agency: its own, and (an inspector above) those below. */
async function dashboardAccess(
  ctx: Ctx,
  agencyId: number,
): Promise<{ ownAllowed: boolean; belowIds: number[] }> {
  const ownAllowed = requestPolicy.view(ctx.actor, await requestScope(ctx.db, agencyId));
  const belowIds: number[] = [];
  for (const id of await descendantIds(ctx.db, agencyId)) {
    if (id === agencyId) continue;
    // Only an inspector above compares the agencies below (their own staff use their own dashboard).
    const scope = await requestScope(ctx.db, id);
    if (isInspectorAbove(ctx.actor, scope) && requestPolicy.view(ctx.actor, scope)) belowIds.push(id);
  }
  return { ownAllowed, belowIds };
}

/** Whether the actor may open the request statistics of this agency (without computing them). */
export async function canSeeRequestDashboard(ctx: Ctx, agencyId: number): Promise<boolean> {
  const { ownAllowed, belowIds } = await dashboardAccess(ctx, agencyId);
  return ownAllowed || belowIds.length > 0;
}

export async function requestDashboard(ctx: Ctx, agencyId: number, year: number): Promise<RequestDashboard> {
  const { ownAllowed, belowIds } = await dashboardAccess(ctx, agencyId);
  assertCan(ownAllowed || belowIds.length > 0, { hide: true });
  const rows = await rowsOf(ctx, ownAllowed ? [agencyId, ...belowIds] : belowIds, year);
  const names = new Map((await listAgencies(ctx.db)).map((a) => [a.id, a.name]));
  const below: AgencyRequestFigures[] = [];
  for (const id of belowIds)
    below.push({
      agencyId: id,
      agencyName: names.get(id) ?? '',
      figures: await figuresOf(ctx, id, rows, year),
    });
  return {
    agencyId,
    year,
    today: ctx.clock.today(),
    own: ownAllowed ? await figuresOf(ctx, agencyId, rows, year) : null,
    below,
  };
}
