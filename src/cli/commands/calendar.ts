/** `gongkai calendar …`: the working-day calendar for people and for checking. */
import fs from 'node:fs';
import { CliUsageError, flagString, parseArgs, type CliCommand, type CliIo } from '../command.ts';
import { withCliDb } from '../open-db.ts';
import type { Ctx } from '../../context.ts';
import { NotFoundError, ValidationError } from '../../errors.ts';
import { getCalendar } from '../../calendar/get-calendar.ts';
import { describeReason } from '../../calendar/calendar.ts';
import { isDateString, weekdayName } from '../../calendar/dates.ts';
import { parseCalendarYearRecord, toCalendarYearRecord } from '../../calendar/calendar-year.ts';
import { loadCalendarYear } from '../../calendar/load-calendar-year.ts';
import { findCalendarYearSummary } from '../../calendar/calendar.queries.ts';
import { findAgencyByCode } from '../../org/org.queries.ts';
import { beijingDateTime } from '../../beijing-time.ts';

const HELP = `gongkai calendar — 工作日历（国务院办公厅放假安排 + 调休；未载入的年度按《全国年节及纪念日放假办法》暂定）

用法:
  gongkai calendar add-workdays DATE N [--json] [--agency CODE]
      DATE 之后第 N 个工作日（起算当日不计入）。--json 输出 { date, provisional, skipped: [{ date, reason }] }
  gongkai calendar is-workday DATE [--json] [--agency CODE]
      输出 true / false。--json 输出 { date, workday, provisional, reason }
  gongkai calendar explain DATE N [--agency CODE]
      同 add-workdays，并逐日列出跳过的日期及原因
  gongkai calendar show YEAR [--json]
      列出该年度的放假日和调休上班日、来源通知和版本（未载入的年度显示暂定日历）
  gongkai calendar load FILE.json
      载入（或重新载入）一个年度的放假安排，格式见 docs/calendar.md：
      { "year", "source": { "title", "doc_no", "url" }, "rest_days": [...], "makeup_workdays": [...] }

--agency CODE  按该机关的地方性假日（民族自治地方）计算
日期格式 YYYY-MM-DD。`;

function requireDate(s: string | undefined, what: string): string {
  if (s === undefined) throw new CliUsageError(`缺少${what}`);
  if (!isDateString(s)) throw new CliUsageError(`${what}格式不正确：${s}（应为 YYYY-MM-DD）`);
  return s;
}

function requireInt(s: string | undefined, what: string): number {
  if (s === undefined) throw new CliUsageError(`缺少${what}`);
  if (!/^-?\d+$/.test(s)) throw new CliUsageError(`${what}必须是整数：${s}`);
  return Number(s);
}

/** The agency id of --agency CODE, or null for the national calendar. */
export async function agencyIdOf(ctx: Ctx, code: string | undefined): Promise<number | null> {
  if (code === undefined) return null;
  const agency = await findAgencyByCode(ctx.db, code);
  if (!agency) throw new NotFoundError(`未找到机关代码：${code}`);
  return agency.id;
}

const json = (v: unknown) => JSON.stringify(v, null, 2);

async function run(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { positionals, flags } = parseArgs(rest, { boolean: ['json'] });
  const asJson = flags.json === true;
  const agency = flagString(flags, 'agency');
  switch (sub) {
    case 'add-workdays':
    case 'explain': {
      const date = requireDate(positionals[0], '日期');
      const n = requireInt(positionals[1], '工作日数 N');
      return withCliDb(async (ctx) => {
        const cal = await getCalendar(ctx.db, await agencyIdOf(ctx, agency));
        const e = cal.explain(date, n);
        if (asJson) io.out(json(e));
        else if (sub === 'add-workdays') io.out(e.date);
        else {
          io.out(
            `${date} 之后第 ${n} 个工作日：${e.date}（${weekdayName(e.date)}）${e.provisional ? ' 〔暂定〕' : ''}`,
          );
          for (const s of e.skipped)
            io.out(`  跳过 ${s.date} ${weekdayName(s.date)} ${describeReason(s.reason)}`);
          if (e.provisional) io.out('注：涉及尚未载入国务院办公厅放假安排的年度，结果为暂定。');
        }
        return 0;
      });
    }
    case 'is-workday': {
      const date = requireDate(positionals[0], '日期');
      return withCliDb(async (ctx) => {
        const cal = await getCalendar(ctx.db, await agencyIdOf(ctx, agency));
        const s = cal.status(date);
        io.out(asJson ? json(s) : String(s.workday));
        return 0;
      });
    }
    case 'show': {
      const year = requireInt(positionals[0], '年份');
      return withCliDb(async (ctx) => {
        const cal = await getCalendar(ctx.db, await agencyIdOf(ctx, agency));
        const loaded = cal.year(year);
        const summary = await findCalendarYearSummary(ctx.db, year);
        const days = cal.yearDays(year);
        if (asJson) {
          io.out(
            json({
              year,
              provisional: !loaded,
              record: loaded ? toCalendarYearRecord(loaded) : null,
              days: days.map((d) => ({ date: d.date, workday: d.workday, reason: d.reason })),
            }),
          );
          return 0;
        }
        if (loaded && summary) {
          io.out(`${year}年 工作日历（第${loaded.version}版）`);
          io.out(`来源：${loaded.source.title}${loaded.source.docNo ? `（${loaded.source.docNo}）` : ''}`);
          if (loaded.source.url) io.out(`网址：${loaded.source.url}`);
          io.out(`载入：${summary.loadedByName ?? '—'} ${beijingDateTime(summary.loadedAt)}`);
        } else {
          io.out(`${year}年 工作日历〔暂定〕：尚未载入国务院办公厅放假安排，`);
          io.out('按《全国年节及纪念日放假办法》推算（不含调休，逢周末补假）。');
        }
        for (const d of days) {
          if (d.reason === 'weekend') continue;
          io.out(
            `  ${d.date} ${weekdayName(d.date)} ${d.workday ? '上班' : '放假'} ${describeReason(d.reason)}`,
          );
        }
        return 0;
      });
    }
    case 'load': {
      const file = positionals[0];
      if (!file) throw new CliUsageError('缺少文件名');
      let data: unknown;
      try {
        data = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (e) {
        throw new ValidationError(`无法读取 ${file}：${e instanceof Error ? e.message : String(e)}`);
      }
      const input = parseCalendarYearRecord(data);
      return withCliDb(async (ctx) => {
        const y = await loadCalendarYear(ctx, input);
        io.out(
          `已载入${y.year}年放假安排（第${y.version}版）：${y.source.title}，共${y.days.length}个特殊日期`,
        );
        return 0;
      });
    }
    case undefined:
      throw new CliUsageError('缺少子命令');
    default:
      throw new CliUsageError(`未知子命令：${sub}`);
  }
}

export const calendarCommand: CliCommand = {
  name: 'calendar',
  summary: '工作日历：计算工作日、查询某日是否上班、载入年度放假安排',
  help: HELP,
  run,
};
