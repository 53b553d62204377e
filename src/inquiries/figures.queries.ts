/**
 * Reading the figures: the rows of a month range from the database (one query), computed by figures.ts; the
 * monthly snapshot the portal publishes (the month's figures as they stood when the month closed).
 */
import type { DbOrTrx } from '../db/database.ts';
import type { Ctx } from '../context.ts';
import { nowIso, parseJson, toBool } from '../db/values.ts';
import { recordEvent } from '../audit/record-event.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { monthlyFigures, previousMonth, type FigureRow, type OfficeFigures } from './figures.ts';
import type { InquiryState } from './inquiry.ts';

/** Messages of an agency received in months from..to ('YYYY-MM'). */
export async function figureRows(
  db: DbOrTrx,
  agencyId: number,
  from: string,
  to: string,
): Promise<FigureRow[]> {
  const rows = await db
    .selectFrom('inquiries as i')
    .leftJoin('inquiries as m', 'm.id', 'i.merged_into_id')
    .select([
      'i.office_id',
      'm.office_id as main_office_id',
      'i.received_on',
      'i.status',
      'i.merged_into_id',
      'i.due_on',
      'i.first_replied_on',
      'i.first_on_time',
      'i.rating',
    ])
    .where('i.agency_id', '=', agencyId)
    .where('i.received_on', '>=', `${from}-01`)
    .where('i.received_on', '<=', `${to}-31`)
    .execute();
  return rows.map((r) => ({
    // A merged duplicate belongs to its thread's office.
    officeId: r.merged_into_id != null ? r.main_office_id : r.office_id,
    receivedOn: r.received_on,
    status: r.status as InquiryState,
    mergedIntoId: r.merged_into_id,
    dueOn: r.due_on,
    firstRepliedOn: r.first_replied_on,
    firstOnTime: r.first_on_time == null ? null : toBool(r.first_on_time),
    rating: r.rating,
  }));
}

export interface MonthFigures {
  month: string;
  asOf: string;
  offices: OfficeFigures[];
  total: OfficeFigures;
}

/** A month's figures as of `today`. */
export async function computeMonth(
  db: DbOrTrx,
  agencyId: number,
  month: string,
  today: string,
): Promise<MonthFigures> {
  const cal = await getCalendar(db, agencyId);
  const rows = await figureRows(db, agencyId, month, month);
  return { month, asOf: today, ...monthlyFigures(rows, month, today, cal) };
}

/** The published monthly figures, newest first. */
export async function publishedFigures(db: DbOrTrx, agencyId: number, limit = 24): Promise<MonthFigures[]> {
  const rows = await db
    .selectFrom('inquiry_monthly_figures')
    .select(['month', 'figures_json'])
    .where('agency_id', '=', agencyId)
    .orderBy('month', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) =>
    parseJson<MonthFigures>(r.figures_json, { month: r.month, asOf: '', offices: [], total: null as never }),
  );
}

/** Publish the figures of the month before today for every agency with messages (monthly job; idempotent). */
export async function publishMonthlyFigures(
  ctx: Ctx,
  month = previousMonth(ctx.clock.today()),
): Promise<number> {
  const agencies = await ctx.db.selectFrom('inquiries').select('agency_id').distinct().execute();
  let n = 0;
  for (const { agency_id: agencyId } of agencies) {
    const f = await computeMonth(ctx.db, agencyId, month, ctx.clock.today());
    const json = JSON.stringify(f);
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('inquiry_monthly_figures')
        .values({ agency_id: agencyId, month, figures_json: json, published_at: nowIso(ctx.clock.now()) })
        .onConflict((oc) =>
          oc
            .columns(['agency_id', 'month'])
            .doUpdateSet({ figures_json: json, published_at: nowIso(ctx.clock.now()) }),
        )
        .execute();
      await touchPortal(trx);
      await recordEvent(trx, ctx, {
        action: 'inquiry.figures_published',
        objectType: 'agency',
        objectId: agencyId,
        agencyId,
        after: { month, received: f.total.received },
      });
    });
    n++;
  }
  return n;
}
