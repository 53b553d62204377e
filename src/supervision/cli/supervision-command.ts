/** `gongkai supervision run daily|weekly|monthly [--period P]`: run (or re-run for a past period) a supervision job. */
import { CliUsageError, flagString, parseArgs, type CliCommand } from '../../cli/command.ts';
import { withCliDb } from '../../cli/open-db.ts';
import { isoWeek } from '../../jobs/schedules.ts';
import { runDailyChecks } from '../daily-checks.ts';
import { runWeeklyReminder } from '../weekly-reminder.ts';
import { previousMonth, runMonthlyBulletins } from '../bulletin.ts';
import { isValidDateInput } from '../../calendar/date-input.ts';

const HELP = `gongkai supervision run daily|weekly|monthly [--period P] [--json]
  daily    每日巡查（--period YYYY-MM-DD，默认今天）
  weekly   每周提醒（--period YYYY-Www，默认本周）
  monthly  每月通报（--period YYYY-MM，默认上月；已人工修改的通报正文保留）
定时任务每天/每周/每月自动运行一次；本命令用于补跑或为过去的期间重新运行。`;

export const supervisionCommand: CliCommand = {
  name: 'supervision',
  summary: '监督保障：运行每日巡查、每周提醒、每月通报',
  help: HELP,
  async run(args, io) {
    const { positionals, flags } = parseArgs(args, { boolean: ['json'] });
    if (positionals[0] !== 'run' || positionals.length !== 2) throw new CliUsageError(HELP);
    const kind = positionals[1];
    const period = flagString(flags, 'period');
    const result = await withCliDb(async (ctx) => {
      if (kind === 'daily') {
        if (period && !isValidDateInput(period))
          throw new CliUsageError(`--period 应为 YYYY-MM-DD：${period}`);
        return runDailyChecks(ctx, { period: period ?? ctx.clock.today() });
      }
      if (kind === 'weekly') {
        if (period && !/^\d{4}-W\d{2}$/.test(period))
          throw new CliUsageError(`--period 应为 YYYY-Www：${period}`);
        return runWeeklyReminder(ctx, { week: period ?? isoWeek(ctx.clock.today()) });
      }
      if (kind === 'monthly') {
        if (period && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
          throw new CliUsageError(`--period 应为 YYYY-MM：${period}`);
        return runMonthlyBulletins(ctx, { month: period ?? previousMonth(ctx.clock.today()) });
      }
      throw new CliUsageError(HELP);
    });
    io.out(flags.json ? JSON.stringify(result) : `完成：${JSON.stringify(result)}`);
    return 0;
  },
};
