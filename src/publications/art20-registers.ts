/**
 * Article-20 registers (条例第二十条第（五）（六）（八）项): per year, 行政许可 / 行政处罚 / 行政强制 decisions (a count,
 * or one row per decision) and 行政事业性收费 collected (integer 元; shown and reported in 万元 with 4 decimals).
 */
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertReportYearOpen } from '../period-lock/assert-period-open.ts';
import { assertCan, NotFoundError, parseInput } from '../errors.ts';
import { toNumber } from '../db/values.ts';
import { agencyScope } from '../org/org.queries.ts';
import { publicationPolicy } from './publication.policy.ts';
import { DecisionInput, FeeInput, wanYuanToYuan } from './publication.schema.ts';

export const DECISION_KIND_LABELS = {
  administrative_licensing: '行政许可',
  administrative_penalty: '行政处罚',
  administrative_coercion: '行政强制',
} as const;
export type DecisionKind = keyof typeof DECISION_KIND_LABELS;

async function guard(ctx: Ctx, agencyId: number) {
  assertCan(publicationPolicy.manageRegisters(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有管理员或政务公开工作机构可以登记',
  });
}
const by = (ctx: Ctx) => (ctx.actor.kind === 'user' ? ctx.actor.name : '系统');

export async function recordDecision(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  await guard(ctx, agencyId);
  const input = parseInput(DecisionInput, raw);
  return ctx.db.transaction().execute(async (trx) => {
    await assertReportYearOpen(trx, agencyId, `${input.year}-01-01`); // period lock of the annual report
    const row = await trx
      .insertInto('art20_decisions')
      .values({
        agency_id: agencyId,
        year: input.year,
        kind: input.kind,
        count: input.count,
        decided_on: input.decidedOn,
        title: input.title,
        doc_no: input.docNo,
        note: input.note,
        created_by: by(ctx),
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'register.decision_recorded',
      objectType: 'art20_decision',
      objectId: row.id,
      agencyId,
      after: input,
    });
    return row.id;
  });
}

export async function recordFee(ctx: Ctx, agencyId: number, raw: unknown): Promise<number> {
  await guard(ctx, agencyId);
  const input = parseInput(FeeInput, raw);
  const yuan = wanYuanToYuan(input.amountWanYuan)!;
  return ctx.db.transaction().execute(async (trx) => {
    await assertReportYearOpen(trx, agencyId, `${input.year}-01-01`);
    const row = await trx
      .insertInto('art20_fees')
      .values({
        agency_id: agencyId,
        year: input.year,
        item: input.item,
        amount_yuan: yuan,
        collected_on: input.collectedOn,
        note: input.note,
        created_by: by(ctx),
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordEvent(trx, ctx, {
      action: 'register.fee_recorded',
      objectType: 'art20_fee',
      objectId: row.id,
      agencyId,
      after: { ...input, amountYuan: yuan },
    });
    return row.id;
  });
}

export async function removeRegisterEntry(
  ctx: Ctx,
  agencyId: number,
  table: 'decision' | 'fee',
  id: number,
): Promise<void> {
  await guard(ctx, agencyId);
  const t = table === 'decision' ? 'art20_decisions' : 'art20_fees';
  const row = await ctx.db
    .selectFrom(t)
    .selectAll()
    .where('id', '=', id)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('未找到该登记');
  await ctx.db.transaction().execute(async (trx) => {
    await assertReportYearOpen(trx, agencyId, `${row.year}-01-01`);
    await trx.deleteFrom(t).where('id', '=', id).execute();
    await recordEvent(trx, ctx, {
      action: 'register.entry_removed',
      objectType: table === 'decision' ? 'art20_decision' : 'art20_fee',
      objectId: id,
      agencyId,
      before: row,
    });
  });
}

export interface DecisionRow {
  id: number;
  year: number;
  kind: DecisionKind;
  count: number;
  decidedOn: string | null;
  title: string | null;
  docNo: string | null;
  note: string | null;
}
export interface FeeRow {
  id: number;
  year: number;
  item: string;
  amountYuan: number;
  collectedOn: string | null;
  note: string | null;
}

export async function listRegisters(db: DbOrTrx, agencyId: number, year: number) {
  const [d, f] = await Promise.all([
    db
      .selectFrom('art20_decisions')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .orderBy('id')
      .execute(),
    db
      .selectFrom('art20_fees')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('year', '=', year)
      .orderBy('id')
      .execute(),
  ]);
  return {
    decisions: d.map((r): DecisionRow => ({
      id: toNumber(r.id),
      year: toNumber(r.year),
      kind: r.kind as DecisionKind,
      count: toNumber(r.count),
      decidedOn: r.decided_on,
      title: r.title,
      docNo: r.doc_no,
      note: r.note,
    })),
    fees: f.map((r): FeeRow => ({
      id: toNumber(r.id),
      year: toNumber(r.year),
      item: r.item,
      amountYuan: toNumber(r.amount_yuan),
      collectedOn: r.collected_on,
      note: r.note,
    })),
  };
}
