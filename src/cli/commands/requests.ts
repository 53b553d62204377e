/** `gongkai requests …`: 依申请公开 from the command line. Sub-commands are a table: a later feature adds a row. */
import { CliUsageError, flagString, parseArgs, type CliIo } from '../command.ts';
import type { CliCommand } from '../command.ts';
import { withCliDb } from '../open-db.ts';
import { getCalendar } from '../../calendar/get-calendar.ts';
import { isDateString } from '../../calendar/dates.ts';
import { computeDeadline, type DeadlinePause } from '../../requests/deadline.ts';
import { agencyIdOf } from './calendar.ts';
import { computeRequestReport } from '../../requests/report-tables.ts';
import { homeAgency } from '../../org/home-agency.ts';
import { rebuildRequestSummary } from '../../requests/index.ts';

export interface RequestsSubcommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

function requireDate(s: string | undefined, what: string): string {
  if (s === undefined) throw new CliUsageError(`缺少${what}`);
  if (!isDateString(s)) throw new CliUsageError(`${what}格式不正确：${s}（应为 YYYY-MM-DD）`);
  return s;
}

/**
 * `--pause A..B`: A the day the consultation letter is sent (counted), B the day the answer arrives (last paused);
 * `--pause A..` or `--pause A`: still waiting (paused to the end of the 15-working-day window), as the help says.
 */
export function parsePause(v: string): DeadlinePause {
  const m = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2})?)?$/.exec(v);
  if (!m)
    throw new CliUsageError(
      `--pause 格式应为 发出日期..收到意见日期（如 2026-03-10..2026-03-20），仍在等待意见的写 发出日期 或 发出日期..：${v}`,
    );
  return {
    sentOn: requireDate(m[1], '--pause 发出日期'),
    answeredOn: m[2] ? requireDate(m[2], '--pause 收到日期') : null,
  };
}

const deadline: RequestsSubcommand = {
  summary: '计算答复期限（条例第三十条、第三十二条、第三十三条）',
  usage:
    'gongkai requests deadline --received DATE [--corrected DATE] [--pause A..B]… [--extend K] [--fee-notice DATE]\n' +
    '                          [--fee-pauses] [--agency CODE] [--json]\n' +
    '  --received   收到申请之日\n' +
    '  --corrected  收到补正之日（答复期限自该日重新计算）\n' +
    '  --pause A..B 征求意见：A 为发出征求意见书之日（计入），B 为收到意见之日（最后一个暂停日）；\n' +
    '               只写 A（或 A..）表示仍在等待意见，暂停至15个工作日的答复期届满；可重复\n' +
    '  --extend K   延长答复期限 K 个工作日（1—20）\n' +
    '  --fee-notice 申请人收到收费通知之日（缴费期限20个工作日）；--fee-pauses 表示缴费期间暂停答复期限\n' +
    '  --json       输出 { "due", "provisional", "steps": [{ "date", "event", "note" }] }',
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ['json', 'fee-pauses'], multiple: ['pause'] });
    if (positionals.length) throw new CliUsageError(`多余的参数：${positionals.join(' ')}`);
    const receivedOn = requireDate(flagString(flags, 'received'), '--received');
    const corrected = flagString(flags, 'corrected');
    const extend = flagString(flags, 'extend');
    if (extend !== undefined && !/^\d+$/.test(extend))
      throw new CliUsageError(`--extend 必须是整数：${extend}`);
    const feeNotice = flagString(flags, 'fee-notice');
    const pauses = ((flags.pause as string[] | undefined) ?? []).map(parsePause);
    const input = {
      receivedOn,
      correctedOn: corrected === undefined ? null : requireDate(corrected, '--corrected'),
      pauses,
      extensionDays: extend === undefined ? null : Number(extend),
      fee: feeNotice === undefined ? null : { noticeReceivedOn: requireDate(feeNotice, '--fee-notice') },
      feePausesReplyClock: flags['fee-pauses'] === true,
    };
    return withCliDb(async (ctx) => {
      const cal = await getCalendar(ctx.db, await agencyIdOf(ctx, flagString(flags, 'agency')));
      const r = computeDeadline(cal, input);
      if (flags.json === true) {
        io.out(JSON.stringify({ due: r.due, provisional: r.provisional, steps: r.steps }, null, 2));
      } else {
        io.out(`答复期限：${r.due}${r.provisional ? ' 〔暂定〕' : ''}`);
        for (const s of r.steps) io.out(`  ${s.date}  ${s.note}`);
      }
      return 0;
    });
  },
};

const report: RequestsSubcommand = {
  summary: '按年度统计年报表二、表三、信息处理费和正文数字（直接来自申请台账）',
  usage: 'gongkai requests report --year YYYY [--agency CODE] [--json]',
  async run(args, io) {
    const { flags, positionals } = parseArgs(args, { boolean: ['json'] });
    if (positionals.length) throw new CliUsageError(`多余的参数：${positionals.join(' ')}`);
    const y = flagString(flags, 'year');
    if (!y || !/^\d{4}$/.test(y)) throw new CliUsageError('请用 --year 指定年度，如 --year 2026');
    return withCliDb(async (ctx) => {
      const agencyId =
        (await agencyIdOf(ctx, flagString(flags, 'agency'))) ?? (await homeAgency(ctx.db))?.id ?? null;
      if (agencyId == null) throw new CliUsageError('没有机关，请先载入演示数据或新建机关');
      const year = Number(y);
      const { tableB, tableC, fees, counts } = await computeRequestReport(ctx.db, agencyId, year);
      if (flags.json === true) io.out(JSON.stringify({ year, tableB, tableC, fees, counts }, null, 2));
      else {
        io.out(
          `${year}年：收到申请 ${counts.received} 件，办结 ${counts.answered} 件（按期 ${counts.answeredOnTime} 件），结转下年度 ${counts.carriedForward} 件`,
        );
        io.out(
          `信息处理费：通知 ${fees.fee_notices_issued} 件，金额 ${fees.fee_amount_billed_yuan} 元，实收 ${fees.fee_amount_collected_yuan} 元`,
        );
        for (const [k, v] of Object.entries(tableB)) if (v) io.out(`  ${k} = ${v}`);
        for (const [k, v] of Object.entries(tableC)) if (v) io.out(`  ${k} = ${v}`);
      }
      return 0;
    });
  },
};

const rebuildSummary: RequestsSubcommand = {
  summary: '重新统计各机关的依申请公开月度汇总（统计图表所用），与逐件申请重新核对',
  usage:
    'gongkai requests rebuild-summary [--agency CODE]\n' +
    '  按申请台账和现行工作日历重新计算月度汇总（收到、办结、按期答复、答复工作日分布）；\n' +
    '  日常办理时汇总随每件申请同步更新，本命令用于直接改动数据库之后或核对时；不加 --agency 时重算全部机关',
  async run(args, io) {
    const { flags, positionals } = parseArgs(args);
    if (positionals.length) throw new CliUsageError(`多余的参数：${positionals.join(' ')}`);
    return withCliDb(async (ctx) => {
      const agencyId = await agencyIdOf(ctx, flagString(flags, 'agency'));
      const r = await rebuildRequestSummary(ctx.db, ctx.clock.now(), {
        agencyIds: agencyId == null ? undefined : [agencyId],
      });
      io.out(`已重新统计 ${r.agencies} 个机关的月度汇总，共 ${r.rows} 行`);
      return 0;
    });
  },
};

/** Every `requests` sub-command; later features add theirs here. */
export const requestsSubcommands: Record<string, RequestsSubcommand> = {
  deadline,
  report,
  'rebuild-summary': rebuildSummary,
};

function help(): string {
  const names = Object.keys(requestsSubcommands);
  return [
    'gongkai requests — 依申请公开',
    '',
    ...names.flatMap((n) => [`${n}：${requestsSubcommands[n]!.summary}`, requestsSubcommands[n]!.usage, '']),
  ].join('\n');
}

export const requestsCommand: CliCommand = {
  name: 'requests',
  summary: '依申请公开：计算答复期限等',
  get help() {
    return help();
  },
  async run(args, io) {
    const [sub, ...rest] = args;
    if (!sub) throw new CliUsageError('缺少子命令');
    const cmd = requestsSubcommands[sub];
    if (!cmd) throw new CliUsageError(`未知子命令：${sub}`);
    return cmd.run(rest, io);
  },
};
