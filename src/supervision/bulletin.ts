/**
 * 每月通报: drafted on the first of each month for the month before, from the ledger and the records (problems
 * found, fixed and overdue by unit; timeliness of 主动公开 and of replies), edited by a person, exported as a DOCX in
 * official-document form, and published when chosen. One bulletin per agency and month (unique); the monthly job
 * runs once across instances, and a past month can be drafted again: the new draft replaces the body unless a
 * person has edited it (then only the draft beside it is refreshed).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson, toBool, toNumber } from '../db/values.ts';
import { assertCan, ConflictError, InvalidStateError, NotFoundError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { agencyScope, findAgency, listAgencies } from '../org/org.queries.ts';
import type { Agency } from '../org/org.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  allProblems,
  monthPeriod,
  pct,
  problemFigures,
  timeliness,
  type ProblemFigures,
  type Timeliness,
} from './supervision-stats.ts';
import { clerkIds, notify } from './supervision.queries.ts';
import { finishRun, startRun } from './runs.ts';
import { SOURCE_LABELS } from './problem.ts';
import type { Selectable } from 'kysely';
import type { DB } from '../db/schema.ts';

export const MONTHLY_JOB = 'supervision.monthly_bulletin';

export interface BulletinStats {
  problems: ProblemFigures;
  timeliness: Timeliness;
  newProblems: { reference: string; unit: string; title: string; source: string; status: string }[];
  /** Not closed at the end of the month (found earlier or reopened by 回头看). */
  openProblems?: { reference: string; unit: string; title: string; status: string; recurring: boolean }[];
}

export interface Bulletin {
  id: number;
  agencyId: number;
  period: string;
  status: 'draft' | 'published';
  title: string;
  draftText: string;
  bodyText: string;
  isEdited: boolean;
  stats: BulletinStats;
  generatedAt: string;
  editedByName: string | null;
  publishedAt: string | null;
  version: number;
}

const toBulletin = (r: Selectable<DB['sv_bulletins']>): Bulletin => ({
  id: toNumber(r.id),
  agencyId: toNumber(r.agency_id),
  period: r.period,
  status: r.status as Bulletin['status'],
  title: r.title,
  draftText: r.draft_text,
  bodyText: r.body_text,
  isEdited: toBool(r.is_edited),
  stats: parseJson(r.stats_json, {} as BulletinStats),
  generatedAt: r.generated_at,
  editedByName: r.edited_by_name,
  publishedAt: r.published_at,
  version: toNumber(r.version),
});

export const previousMonth = (today: string) => {
  const [y, m] = today.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};
const monthLabel = (ym: string) => `${ym.slice(0, 4)}年${Number(ym.slice(5))}月`;

/** The bulletin's text, from the figures. Pure. */
export function draftBulletin(agency: Pick<Agency, 'name'>, period: string, s: BulletinStats): string {
  const p = s.problems;
  const t = s.timeliness;
  const lines: string[] = [];
  lines.push(
    `为推动政务公开工作落实落细，现将${monthLabel(period)}${agency.name}政务公开监督检查情况通报如下。`,
  );
  lines.push('一、问题发现和整改情况');
  lines.push(
    p.found + p.fixed + p.overdue + p.open === 0
      ? `本月未发现新的问题，无整改逾期问题。`
      : `本月通过每日巡查、专项督查等方式发现问题${p.found}个，整改销号${p.fixed}个（其中按期整改${p.fixedOnTime}个）；截至月底尚未销号${p.open}个，其中整改逾期${p.overdue}个${p.recurring ? `，回头看发现复发${p.recurring}个` : ''}。`,
  );
  if (p.byUnit.length)
    lines.push(
      `分单位情况：${p.byUnit.map((u) => `${u.unit}发现${u.found}个、销号${u.fixed}个${u.overdue ? `、逾期${u.overdue}个` : ''}`).join('；')}。`,
    );
  if (s.newProblems.length)
    lines.push(
      `本月发现的问题：${s.newProblems.map((x, i) => `${i + 1}.${x.unit}：${x.title}（${x.source}，${x.status}）`).join('；')}。`,
    );
  const carried = (s.openProblems ?? []).filter(
    (x) => !s.newProblems.some((n) => n.reference === x.reference),
  );
  if (carried.length)
    lines.push(
      `截至月底仍未销号的以前月份问题${carried.length}个：${carried.map((x, i) => `${i + 1}.${x.unit}：${x.title}（${x.recurring ? '回头看发现复发，' : ''}${x.status}）`).join('；')}。`,
    );
  lines.push('二、公开时效情况');
  lines.push(
    t.published
      ? `本月主动公开政府信息${t.published}条，在20个工作日内公开${t.publishedOnTime}条，按时公开率${pct(t.publishedOnTime, t.published)}。`
      : '本月未新增主动公开政府信息。',
  );
  lines.push(
    t.replied
      ? `本月办结政府信息公开申请${t.replied}件，按期答复${t.repliedOnTime}件，按期答复率${pct(t.repliedOnTime, t.replied)}。`
      : '本月无办结的政府信息公开申请。',
  );
  lines.push('三、工作要求');
  lines.push(
    p.open
      ? `请各责任单位对照问题清单，在整改期限内整改到位并上传佐证材料，整改完成后由党政综合办公室复核销号，并按期组织回头看；整改逾期的单位要说明原因，分管领导督促落实。`
      : `请各单位保持常态长效，严格落实公开时限，确保信息公开及时、准确、规范。`,
  );
  return lines.join('\n');
}

async function statsOf(db: DbOrTrx, agencyId: number, period: string): Promise<BulletinStats> {
  const per = monthPeriod(period);
  const all = await allProblems(db, agencyId);
  const statusOf = (x: (typeof all)[number]) =>
    x.status === 'closed' && x.closedOn! <= per.last
      ? '已销号'
      : x.status === 'rectified'
        ? '已整改待销号'
        : x.deadline < per.last
          ? '整改逾期'
          : '整改中';
  return {
    problems: problemFigures(all, per),
    timeliness: await timeliness(db, agencyId, per),
    newProblems: all
      .filter((x) => x.foundOn >= per.first && x.foundOn <= per.last)
      .sort((a, b) => a.id - b.id)
      .slice(0, 30)
      .map((x) => ({
        reference: x.reference,
        unit: x.unitName,
        title: x.title,
        source: SOURCE_LABELS[x.source],
        status: statusOf(x),
      })),
    openProblems: all
      .filter((x) => x.foundOn <= per.last && !(x.status === 'closed' && x.closedOn! <= per.last))
      .sort((a, b) => a.id - b.id)
      .slice(0, 30)
      .map((x) => ({
        reference: x.reference,
        unit: x.unitName,
        title: x.title,
        status: statusOf(x),
        recurring: x.isRecurring,
      })),
  };
}

/** Draft (or draft again) the bulletin of an agency and month. */
export async function generateBulletin(ctx: Ctx, agencyId: number, period: string): Promise<Bulletin> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(period)) throw new InvalidStateError('月份格式应为YYYY-MM');
  if (ctx.actor.kind !== 'system')
    assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const agency = await findAgency(ctx.db, agencyId);
  if (!agency) throw new NotFoundError('未找到该机关');
  const stats = await statsOf(ctx.db, agencyId, period);
  const draft = draftBulletin(agency, period, stats);
  const title = `关于${monthLabel(period)}政务公开工作情况的通报`;
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('sv_bulletins')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('period', '=', period)
      .executeTakeFirst();
    if (!existing) {
      await trx
        .insertInto('sv_bulletins')
        .values({
          agency_id: agencyId,
          period,
          status: 'draft',
          title,
          draft_text: draft,
          body_text: draft,
          is_edited: 0,
          stats_json: JSON.stringify(stats),
          generated_at: now,
          edited_by_name: null,
          edited_at: null,
          published_at: null,
          published_by_name: null,
          version: 1,
        })
        .onConflict((oc) => oc.columns(['agency_id', 'period']).doNothing())
        .execute();
    } else {
      const keepBody = toBool(existing.is_edited) || existing.status === 'published';
      await trx
        .updateTable('sv_bulletins')
        .set({
          draft_text: draft,
          stats_json: JSON.stringify(stats),
          generated_at: now,
          ...(keepBody ? {} : { body_text: draft }),
          version: toNumber(existing.version) + 1,
        })
        .where('id', '=', existing.id)
        .execute();
    }
    await recordEvent(trx, ctx, {
      action: 'supervision.bulletin_generated',
      objectType: 'sv_bulletin',
      objectId: period,
      agencyId,
      after: { period, found: stats.problems.found, fixed: stats.problems.fixed },
    });
    if (!existing)
      await notify(trx, ctx, await clerkIds(trx, agencyId), {
        kind: 'supervision.bulletin',
        title: `${monthLabel(period)}政务公开通报已起草，请审改`,
        body: '通报由系统根据台账和公开记录起草，请核对修改后导出或发布。',
        link: `/office/supervision/bulletins/${period}`,
      });
  });
  return (await findBulletin(ctx.db, agencyId, period))!;
}

export async function findBulletin(
  db: DbOrTrx,
  agencyId: number,
  period: string,
): Promise<Bulletin | undefined> {
  const r = await db
    .selectFrom('sv_bulletins')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('period', '=', period)
    .executeTakeFirst();
  return r ? toBulletin(r) : undefined;
}

export async function listBulletins(db: DbOrTrx, agencyId: number): Promise<Bulletin[]> {
  return (
    await db
      .selectFrom('sv_bulletins')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('period', 'desc')
      .execute()
  ).map(toBulletin);
}

export async function listPublishedBulletins(db: DbOrTrx, agencyId: number): Promise<Bulletin[]> {
  return (await listBulletins(db, agencyId)).filter((b) => b.status === 'published');
}

export const EditBulletinInput = z.object({
  version: z.number().int(),
  title: z.string().trim().min(4, '请填写标题').max(100, '标题不超过100字'),
  bodyText: z.string().trim().min(10, '通报正文不能少于10个字').max(20000, '通报正文不超过20000字'),
});

export async function editBulletin(
  ctx: Ctx,
  agencyId: number,
  period: string,
  input: z.infer<typeof EditBulletinInput>,
): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const b = await findBulletin(ctx.db, agencyId, period);
  if (!b) throw new NotFoundError('未找到该通报');
  if (b.status === 'published') throw new InvalidStateError('通报已发布，不能再修改');
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('sv_bulletins')
      .set({
        title: input.title,
        body_text: input.bodyText,
        is_edited: 1,
        edited_by_name: by,
        edited_at: ctx.clock.now().toISOString(),
        version: b.version + 1,
      })
      .where('id', '=', b.id)
      .where('version', '=', input.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    await recordEvent(trx, ctx, {
      action: 'supervision.bulletin_edited',
      objectType: 'sv_bulletin',
      objectId: period,
      agencyId,
      before: { body: b.bodyText },
      after: { body: input.bodyText },
    });
  });
}

export async function publishBulletin(ctx: Ctx, agencyId: number, period: string): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const b = await findBulletin(ctx.db, agencyId, period);
  if (!b) throw new NotFoundError('未找到该通报');
  if (b.status === 'published') throw new InvalidStateError('通报已发布');
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('sv_bulletins')
      .set({ status: 'published', published_at: ctx.clock.now().toISOString(), published_by_name: by })
      .where('id', '=', b.id)
      .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.bulletin_published',
      objectType: 'sv_bulletin',
      objectId: period,
      agencyId,
      after: { title: b.title },
    });
    // Published bulletins appear on the county's public column (the page cache must notice).
    await touchPortal(trx);
  });
}

/** The monthly job: every agency with staff gets its previous month's bulletin drafted. */
export async function runMonthlyBulletins(
  ctx: Ctx,
  opts: { month?: string } = {},
): Promise<{ bulletins: number }> {
  const month = opts.month ?? previousMonth(ctx.clock.today());
  const run = await startRun(ctx, MONTHLY_JOB, month);
  let n = 0;
  for (const a of await listAgencies(ctx.db)) {
    if (a.kind !== 'township' && a.kind !== 'county' && a.kind !== 'department') continue;
    const staff = await ctx.db
      .selectFrom('users')
      .select('id')
      .where('agency_id', '=', a.id)
      .limit(1)
      .executeTakeFirst();
    if (!staff) continue;
    await generateBulletin(ctx, a.id, month);
    n++;
  }
  await finishRun(ctx, run, { month, bulletins: n });
  return { bulletins: n };
}
