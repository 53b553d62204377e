/**
 * The 依申请公开 dashboard of an agency for a year: its own figures, and — for an inspector above — the same figures
 * for every agency below it that the actor may read.
 */
import type { Ctx } from '../context.ts';
import { assertCan } from '../errors.ts';
import { isInspectorAbove } from '../org/access.ts';
import { fingerprintOf, getCalendars } from '../calendar/get-calendar.ts';
import { descendantsInTree, listAgencies, scopesFromTree } from '../org/org.queries.ts';
import type { Agency } from '../org/org.ts';
import { readSettingOfAgencies } from '../settings/agency-settings.ts';
import { requestPolicy } from '../requests/index.ts';
import { dueSoonHorizonOf, REQUEST_SETTINGS } from '../requests/index.ts';
import { OPEN_STATES, openByDueBucket, readMonthSummaries, summaryState } from '../requests/index.ts';
import {
  figuresFromSummary,
  requestFigures,
  type RequestFigureRow,
  type RequestFigures,
} from './request-figures.ts';

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

/** Whose request figures the actor may see from this agency: its own, and (an inspector above) those below. */
async function dashboardAccess(
  ctx: Ctx,
  agencyId: number,
): Promise<{ ownAllowed: boolean; belowIds: number[]; agencies: Agency[] }> {
  // One read of the tree for every agency below (a county has hundreds).
  const agencies = await listAgencies(ctx.db);
  const ids = descendantsInTree(agencies, agencyId);
  const scopes = scopesFromTree(agencies, ids);
  const byId = new Map(agencies.map((a) => [a.id, a]));
  const scopeOf = (id: number) => {
    const agency = byId.get(id)!;
    return { ...scopes.get(id)!, disclosureOfficeId: agency.disclosureOfficeId, handlerId: null, agency };
  };
  const ownAllowed = requestPolicy.view(ctx.actor, scopeOf(agencyId));
  // Only an inspector above compares the agencies below (their own staff use their own dashboard).
  const belowIds = ids.filter((id) => {
    if (id === agencyId) return false;
    const scope = scopeOf(id);
    return isInspectorAbove(ctx.actor, scope) && requestPolicy.view(ctx.actor, scope);
  });
  return { ownAllowed, belowIds, agencies };
}

/** Whether the actor may open the request statistics of this agency (without computing them). */
export async function canSeeRequestDashboard(ctx: Ctx, agencyId: number): Promise<boolean> {
  const { ownAllowed, belowIds } = await dashboardAccess(ctx, agencyId);
  return ownAllowed || belowIds.length > 0;
}

export async function requestDashboard(ctx: Ctx, agencyId: number, year: number): Promise<RequestDashboard> {
  const { ownAllowed, belowIds, agencies } = await dashboardAccess(ctx, agencyId);
  assertCan(ownAllowed || belowIds.length > 0, { hide: true });
  const ids = ownAllowed ? [agencyId, ...belowIds] : belowIds;
  const today = ctx.clock.today();
  // The per-month summary, calendars and settings of every agency at once (agencies × 12 rows, not every request);
  // the open requests by due date as soon as the calendars and settings give each agency's alert horizon.
  const horizonsP = Promise.all([
    getCalendars(ctx.db, ids),
    readSettingOfAgencies(ctx.db, ids, REQUEST_SETTINGS),
  ]).then(([calendars, settings]) => ({
    calendars,
    horizons: new Map(
      ids.map((id) => [
        id,
        dueSoonHorizonOf(calendars.get(id)!, today, settings.get(id) ?? REQUEST_SETTINGS.fallback),
      ]),
    ),
  }));
  const [state, months, { calendars, horizons }, open] = await Promise.all([
    summaryState(ctx.db, ids),
    readMonthSummaries(ctx.db, ids, year),
    horizonsP,
    horizonsP.then(({ horizons }) => openByDueBucket(ctx.db, horizons, today)),
  ]);
  // An agency's summary counts only if it was computed on the calendar in force; any other agency (not summarised
  // yet, or its calendar changed outside the calendar use cases) is counted from its rows, as before the summary.
  const summarised = (id: number) => {
    const stored = state.get(id);
    return stored !== undefined && stored === fingerprintOf(calendars.get(id)!);
  };
  const rows = await rowsOf(
    ctx,
    ids.filter((id) => !summarised(id)),
    year,
  );
  const rowsByAgency = new Map<number, RequestFigureRow[]>();
  for (const r of rows) {
    const list = rowsByAgency.get(r.agencyId) ?? [];
    list.push(r);
    rowsByAgency.set(r.agencyId, list);
  }
  const figuresOf = (id: number): RequestFigures =>
    summarised(id)
      ? figuresFromSummary(months.get(id) ?? [], year, open.get(id) ?? { overdue: 0, soon: 0, later: 0 })
      : requestFigures(rowsByAgency.get(id) ?? [], year, today, horizons.get(id)!, calendars.get(id)!);
  const names = new Map(agencies.map((a) => [a.id, a.name]));
  return {
    agencyId,
    year,
    today,
    own: ownAllowed ? figuresOf(agencyId) : null,
    below: belowIds.map((id) => ({ agencyId: id, agencyName: names.get(id) ?? '', figures: figuresOf(id) })),
  };
}
