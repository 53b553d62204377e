/**
 * 每周提醒: one digest a week to each office head and liaison (village liaisons included) — what their unit has due
 * within five working days, what is overdue, and the open problems of their unit. Exactly once per ISO week across
 * instances (the job's unique key); re-runnable for a past week from the supervision page or the CLI.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { listAgencies } from '../org/org.queries.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { toNumber } from '../db/values.ts';
import { isoWeek } from '../jobs/schedules.ts';
import { notify, toProblem } from './supervision.queries.ts';
import { finishRun, startRun } from './runs.ts';

export const WEEKLY_JOB = 'supervision.weekly_reminder';

export interface DigestLine {
  text: string;
}

export async function runWeeklyReminder(
  ctx: Ctx,
  opts: { week?: string } = {},
): Promise<{ digests: number }> {
  const today = ctx.clock.today();
  const week = opts.week ?? isoWeek(today);
  const run = await startRun(ctx, WEEKLY_JOB, week);
  let digests = 0;
  for (const agency of await listAgencies(ctx.db)) {
    const people = await ctx.db
      .selectFrom('users')
      .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
      .select(['users.id', 'users.office_id', 'users.village_id'])
      .where('users.agency_id', '=', agency.id)
      .where('users.is_active', '=', 1)
      .where('user_roles.role', 'in', ['office_head', 'liaison'])
      .distinct()
      .execute();
    if (!people.length) continue;
    const horizon = (await getCalendar(ctx.db, agency.id)).addWorkdays(today, 5);
    const due = await ctx.db
      .selectFrom('publications')
      .select(['title', 'due_on', 'office_id'])
      .where('agency_id', '=', agency.id)
      .where('status', 'in', ['draft', 'in_review', 'returned', 'approved'])
      .where('attribute', '=', 'proactive')
      .where('due_on', '<=', horizon)
      .execute();
    const problems = (
      await ctx.db
        .selectFrom('sv_problems')
        .selectAll()
        .where('agency_id', '=', agency.id)
        .where('status', '!=', 'closed')
        .execute()
    ).map(toProblem);
    for (const u of people) {
      const officeId = u.office_id == null ? null : toNumber(u.office_id);
      const villageId = u.village_id == null ? null : toNumber(u.village_id);
      const mine = problems.filter(
        (p) =>
          (p.unitKind === 'office' && p.unitId === officeId && officeId != null) ||
          (p.unitKind === 'village' && p.unitId === villageId && villageId != null) ||
          p.responsibleUserId === toNumber(u.id),
      );
      const myDue =
        officeId == null ? [] : due.filter((d) => d.office_id != null && toNumber(d.office_id) === officeId);
      const lines: string[] = [];
      const overdueItems = myDue.filter((d) => d.due_on < today);
      const soonItems = myDue.filter((d) => d.due_on >= today);
      if (overdueItems.length)
        lines.push(
          `已超期未公开${overdueItems.length}条：${overdueItems.map((d) => `${d.title}（应于${d.due_on}前）`).join('；')}`,
        );
      if (soonItems.length)
        lines.push(
          `5个工作日内须公开${soonItems.length}条：${soonItems.map((d) => `${d.title}（${d.due_on}前）`).join('；')}`,
        );
      const overdueProblems = mine.filter((p) => p.status === 'open' && p.deadline < today);
      if (overdueProblems.length)
        lines.push(
          `整改逾期问题${overdueProblems.length}个：${overdueProblems.map((p) => `${p.title}（期限${p.deadline}）`).join('；')}`,
        );
      const openProblems = mine.filter((p) => !overdueProblems.includes(p));
      if (openProblems.length)
        lines.push(
          `未销号问题${openProblems.length}个：${openProblems.map((p) => `${p.title}（${p.status === 'open' ? `${p.deadline}前整改` : '待销号'}）`).join('；')}`,
        );
      if (!lines.length) continue;
      digests += await notify(ctx.db, ctx, [toNumber(u.id)], {
        kind: 'supervision.weekly',
        title: `每周提醒（${week.replace('-W', '年第')}周）：${lines.length}类事项`,
        body: lines.join('\n'),
        link: '/office/supervision/problems',
      });
    }
  }
  await finishRun(ctx, run, { digests });
  await recordEvent(ctx.db, ctx, {
    action: 'supervision.weekly_reminder_run',
    objectType: 'sv_run',
    objectId: run,
    after: { week, digests },
  });
  return { digests };
}
