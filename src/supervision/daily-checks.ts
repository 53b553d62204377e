/**
 * 每日巡查, the daily job (exactly once per business day across instances: the job's unique key is the date): due
 * 回头看 first, then every check provider on every agency — new problems go to the ledger (one per key while it is
 * not closed; a key found again after its problem was closed and all its 回头看 done is recorded anew, flagged
 * recurring), reminders notify — then overdue rectifications escalate to the agency's leaders once, and county
 * 督办 not answered by their date remind the township (and tell the issuer) every few days until answered.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { listAgencies } from '../org/org.queries.ts';
import { addDays } from '../calendar/dates.ts';
import { toNumber } from '../db/values.ts';
import type { CheckHit } from './check-provider.ts';
import { checkProviders } from './providers/index.ts';
import { insertProblem } from './record-problem.ts';
import {
  clerkIds,
  leaderIds,
  notify,
  problemLink,
  rectifierIds,
  settingsOf,
  toProblem,
} from './supervision.queries.ts';
import { runDueFollowUps } from './follow-up.ts';
import { DEFAULT_RECTIFY_DAYS } from './problem.ts';
import { finishRun, startRun } from './runs.ts';
import { cutChars } from '../text/cut.ts';

export const DAILY_JOB = 'supervision.daily_sweep';

export interface DailyResult {
  problems: number;
  reminders: number;
  escalated: number;
  /** 督办 past their answer date whose reminders went out in this run. */
  lateAnswers: number;
  followUps: { passed: number; reopened: number; notified: number };
}

async function fileHit(ctx: Ctx, checkedAgencyId: number, kind: string, h: CheckHit): Promise<boolean> {
  const agencyId = h.agencyId ?? checkedAgencyId;
  const same = await ctx.db
    .selectFrom('sv_problems')
    .select(['id', 'status'])
    .where('agency_id', '=', agencyId)
    .where('check_key', '=', h.key)
    .execute();
  if (same.some((s) => s.status !== 'closed')) return false;
  const closedIds = same.map((s) => toNumber(s.id));
  if (closedIds.length) {
    const pending = await ctx.db
      .selectFrom('sv_follow_ups')
      .select('id')
      .where('problem_id', 'in', closedIds)
      .where('status', '=', 'scheduled')
      .executeTakeFirst();
    if (pending) return false; // its 回头看 re-runs the check and reopens it
  }
  await ctx.db.transaction().execute(async (trx) => {
    const p = await insertProblem(
      trx,
      ctx,
      agencyId,
      {
        unitKind: h.unitKind,
        unitId: h.unitId,
        responsibleUserId: h.responsibleUserId,
        responsibleName: '',
        title: cutChars(h.title, 200),
        description: h.description,
        deadline: addDays(ctx.clock.today(), h.rectifyDays ?? DEFAULT_RECTIFY_DAYS),
        link: h.link,
      },
      { source: agencyId !== checkedAgencyId ? 'county' : 'daily_check', checkKind: kind, checkKey: h.key },
    );
    if (closedIds.length)
      await trx.updateTable('sv_problems').set({ is_recurring: 1 }).where('id', '=', p.id).execute();
  });
  return true;
}

/** A reminder to the people a hit names, at most once a business day per person and record. */
async function remind(ctx: Ctx, h: CheckHit): Promise<number> {
  // The business day starts at 00:00 in Beijing, 16:00 UTC the day before.
  const since = `${addDays(ctx.clock.today(), -1)}T16:00:00.000Z`;
  return notify(
    ctx.db,
    ctx,
    h.notifyUserIds ?? [],
    { kind: 'supervision.reminder', title: h.title, body: h.description, link: h.link },
    { unlessSince: since },
  );
}

/** Escalate each overdue rectification once: the unit, the agency's leaders and the disclosure office are told. */
async function escalate(ctx: Ctx): Promise<number> {
  const today = ctx.clock.today();
  const rows = (
    await ctx.db
      .selectFrom('sv_problems')
      .selectAll()
      .where('status', '=', 'open')
      .where('deadline', '<', today)
      .where('escalated_on', 'is', null)
      .execute()
  ).map(toProblem);
  for (const p of rows) {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable('sv_problems').set({ escalated_on: today }).where('id', '=', p.id).execute();
      await recordEvent(trx, ctx, {
        action: 'supervision.problem_escalated',
        objectType: 'sv_problem',
        objectId: p.id,
        agencyId: p.agencyId,
        after: { deadline: p.deadline },
        note: '整改逾期，提醒分管领导和主要领导',
      });
      await notify(trx, ctx, [...(await rectifierIds(trx, p)), ...(await leaderIds(trx, p.agencyId))], {
        kind: 'supervision.overdue',
        title: `整改逾期：${p.title}（${p.unitName}，期限${p.deadline}）`,
        body: `${p.reference}：整改期限已过，请责任单位立即整改，分管领导督促落实。`,
        link: problemLink(p.id),
      });
    });
  }
  return rows.length;
}

/** How often a 督办 left unanswered past its date is brought up again (calendar days). */
export const LATE_ANSWER_REMIND_EVERY_DAYS = 3;

/**
 * 督办 waiting past their answer date: the township's disclosure office and the people responsible are reminded, and
 * the issuer is told it was missed, at most every LATE_ANSWER_REMIND_EVERY_DAYS days, until the township answers.
 */
async function remindLateAnswers(ctx: Ctx): Promise<number> {
  const today = ctx.clock.today();
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - LATE_ANSWER_REMIND_EVERY_DAYS * 86_400_000).toISOString();
  const late = await ctx.db
    .selectFrom('sv_supervisions')
    .innerJoin('sv_problems', 'sv_problems.id', 'sv_supervisions.problem_id')
    .select(['sv_supervisions.problem_id', 'sv_supervisions.issued_by', 'sv_supervisions.answer_by'])
    .where('sv_supervisions.status', '=', 'waiting')
    .where('sv_supervisions.answer_by', '<', today)
    .orderBy('sv_supervisions.id')
    .execute();
  let count = 0;
  for (const s of late) {
    const problemId = toNumber(s.problem_id);
    const p = toProblem(
      await ctx.db
        .selectFrom('sv_problems')
        .selectAll()
        .where('id', '=', problemId)
        .executeTakeFirstOrThrow(),
    );
    await ctx.db.transaction().execute(async (trx) => {
      const township = await notify(
        trx,
        ctx,
        [...(await clerkIds(trx, p.agencyId)), ...(await rectifierIds(trx, p))],
        {
          kind: 'supervision.answer_overdue',
          title: `县级督办逾期未答复：${p.title}（应于${s.answer_by}前答复）`,
          body: `${p.reference}：请立即在问题页面答复督办，说明整改进展。`,
          link: problemLink(problemId),
        },
        { unlessSince: since },
      );
      const issuer =
        s.issued_by == null
          ? 0
          : await notify(
              trx,
              ctx,
              [toNumber(s.issued_by)],
              {
                kind: 'supervision.answer_overdue',
                title: `督办逾期未获答复：${p.title}（${p.unitName}，应于${s.answer_by}前答复）`,
                body: `${p.reference}：被督办单位尚未答复，可再次督办或约谈。`,
                link: problemLink(problemId),
              },
              { unlessSince: since },
            );
      if (township + issuer > 0) count++;
    });
  }
  return count;
}

export async function runDailyChecks(ctx: Ctx, opts: { period?: string } = {}): Promise<DailyResult> {
  const period = opts.period ?? ctx.clock.today();
  const run = await startRun(ctx, DAILY_JOB, period);
  const out: DailyResult = {
    problems: 0,
    reminders: 0,
    escalated: 0,
    lateAnswers: 0,
    followUps: await runDueFollowUps(ctx),
  };
  for (const agency of await listAgencies(ctx.db)) {
    const settings = await settingsOf(ctx.db, agency.id);
    for (const provider of checkProviders()) {
      if (provider.appliesTo && !provider.appliesTo(agency)) continue;
      for (const h of await provider.run(ctx, agency, settings)) {
        if (h.kind === 'problem') out.problems += (await fileHit(ctx, agency.id, provider.kind, h)) ? 1 : 0;
        else out.reminders += await remind(ctx, h);
      }
    }
  }
  out.escalated = await escalate(ctx);
  out.lateAnswers = await remindLateAnswers(ctx);
  await finishRun(ctx, run, out);
  await recordEvent(ctx.db, ctx, {
    action: 'supervision.daily_check_run',
    objectType: 'sv_run',
    objectId: run,
    after: { period, ...out },
  });
  return out;
}
