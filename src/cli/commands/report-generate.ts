/**
 * `gongkai report generate` and `gongkai report status`: the annual report written by the system, from the command
 * line. Thin: the same use cases as the web (generate, overview), run as the system actor.
 */
import { writeFileSync } from 'node:fs';
import { CliUsageError, flagString, parseArgs, type CliIo } from '../command.ts';
import { withCliDb } from '../open-db.ts';
import type { Ctx } from '../../context.ts';
import { findAgencyByCode } from '../../org/org.queries.ts';
import { homeAgency } from '../../org/home-agency.ts';
import type { Agency } from '../../org/org.ts';
import { generateReport } from '../../annual-report/generator/generate-report.ts';
import { findReportFor } from '../../annual-report/generator/annual-reports.queries.ts';
import { exportReport, isExportFormat, EXPORT_FORMATS } from '../../annual-report/generator/export-report.ts';
import { reportOverview } from '../../annual-report/generator/report-overview.ts';
import {
  OVERVIEW_STATUS_LABELS,
  REPORT_STATUS_LABELS,
  isLocked,
} from '../../annual-report/generator/report.ts';
import type { ReportSubcommand } from './report.ts';
import { beijingDate } from '../../beijing-time.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

async function resolveAgency(ctx: Ctx, code: string | undefined): Promise<Agency> {
  const agency = code ? await findAgencyByCode(ctx.db, code) : await homeAgency(ctx.db);
  if (!agency) {
    throw new CliUsageError(code ? `未找到机关代码“${code}”` : '本系统尚未设置机关（可先运行 gongkai demo）');
  }
  return agency;
}

function yearFlag(flags: Record<string, unknown>): number {
  const s = flagString(flags, 'year');
  if (!s) throw new CliUsageError('请用 --year 指定年度，如 --year 2025');
  const year = Number(s);
  if (!Number.isInteger(year) || year < 2008 || year > 2099) throw new CliUsageError(`年度“${s}”有误`);
  return year;
}

export const generateUsage = `用法:
  gongkai report generate [--agency 机关代码] --year 年度 --format docx|pdf|html|txt|json [--out 文件]
      由本系统的业务记录生成年度报告（全部200个单元格、正文初稿、勾稽关系检查），写出指定格式。
      --agency 缺省为本系统服务的机关；已定稿的年度输出定稿版本，不重新生成。
      docx、pdf 须给出 --out；其他格式缺省输出到标准输出。
退出码: 0 无错误；1 有“错误”级检查未通过（已列出，文件照常写出）；2 参数错误`;

async function runGenerate(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args);
  if (positionals.length) throw new CliUsageError(`多余的参数“${positionals[0]}”`);
  const year = yearFlag(flags);
  const format = flagString(flags, 'format') ?? 'docx';
  if (!isExportFormat(format)) throw new CliUsageError(`--format 只能是 ${EXPORT_FORMATS.join('、')}`);
  const out = flagString(flags, 'out');
  if (!out && (format === 'docx' || format === 'pdf'))
    throw new CliUsageError(`${format} 格式须用 --out 指定输出文件`);

  return withCliDb(async (ctx) => {
    const agency = await resolveAgency(ctx, flagString(flags, 'agency'));
    const existing = await findReportFor(ctx.db, agency.id, year);
    const report =
      existing && isLocked(existing.status)
        ? existing
        : await generateReport(ctx, { agencyId: agency.id, year });
    if (report === existing)
      io.err(`${agency.name}${year}年度报告${REPORT_STATUS_LABELS[report.status]}，输出该版本（未重新生成）`);
    const file = await exportReport(report, agency, format);
    if (out) {
      writeFileSync(out, file.bytes);
      io.err(`已写出 ${out}（${agency.name}${year}年度，${REPORT_STATUS_LABELS[report.status]}）`);
    } else io.out(file.bytes.toString('utf8'));

    const errors = report.findings.filter((f) => f.severity === 'error');
    const warnings = report.findings.filter((f) => f.severity === 'warning');
    io.err(`检查结果：错误 ${errors.length} 项，警告 ${warnings.length} 项`);
    for (const f of [...errors, ...warnings]) io.err(`  [${SEVERITY[f.severity]}] ${f.rule}：${f.message}`);
    return errors.length ? 1 : 0;
  });
}

export const statusUsage = `用法:
  gongkai report status [--agency 机关代码] --year 年度
      本机关该年度报告的状态；机关下设有乡镇或部门时，同时列出各下级机关的报告状态（含逾期）和汇总表检查结果。`;

async function runStatus(args: string[], io: CliIo): Promise<number> {
  const { flags, positionals } = parseArgs(args);
  if (positionals.length) throw new CliUsageError(`多余的参数“${positionals[0]}”`);
  const year = yearFlag(flags);
  return withCliDb(async (ctx) => {
    const agency = await resolveAgency(ctx, flagString(flags, 'agency'));
    const o = await reportOverview(ctx, agency.id, year);
    io.out(`${agency.name} ${year}年度政府信息公开工作年度报告（${ctx.clock.today()}）`);
    for (const r of o.rows) {
      const rep = r.report;
      const detail = rep
        ? `${rep.origin === 'imported' ? '导入' : '系统生成'}；错误${r.errors}项，警告${r.warnings}项${rep.approverName ? `；审定人 ${rep.approverName}` : ''}${rep.publishedAt ? `；发布于 ${beijingDate(rep.publishedAt)}` : ''}`
        : '';
      io.out(
        `${'  '.repeat(r.depth)}${r.agency.name.padEnd(16, '　')} ${OVERVIEW_STATUS_LABELS[r.status].padEnd(6, '　')} 期限 ${r.deadline}${detail ? `  ${detail}` : ''}`,
      );
    }
    if (o.rows.length > 1) {
      const c = o.consolidated;
      io.out(
        `汇总表：已计入${c.included.length}个机关（已定稿或已发布），未计入${c.missing.length}个；` +
          `勾稽关系错误 ${c.findings.filter((f) => f.severity === 'error').length} 项`,
      );
    }
    return 0;
  });
}

export const generateSubcommand: ReportSubcommand = {
  summary: '由业务记录生成年度报告并导出（DOCX/PDF/HTML/TXT/JSON）',
  usage: generateUsage,
  run: runGenerate,
};

export const statusSubcommand: ReportSubcommand = {
  summary: '年度报告状态（含下级机关、逾期和汇总）',
  usage: statusUsage,
  run: runStatus,
};
