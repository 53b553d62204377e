/**
 * `gongkai report <sub-command>`: annual reports. Sub-commands live in `reportSubcommands`; a feature adds its
 * own (`generate`, `status` …) with one entry there.
 *
 * `report check FILE… [--json] [--summary out.xlsx]` follows spec/report-check-output.md: one object per file
 * (an array for several, in argument order), exit 0 / 1 (an error finding) / 2 (bad arguments or a file that
 * cannot be checked).
 */
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliUsageError, flagString, parseArgs, type CliCommand, type CliIo } from '../command.ts';
import {
  MAX_REPORT_BYTES,
  checkReportBytes,
  countFindings,
  hasErrors,
  isExportJson,
  writeCheckSummary,
  type CheckError,
  type CheckResult,
} from '../../annual-report/index.ts';
import { generateSubcommand, statusSubcommand } from './report-generate.ts';

export interface ReportSubcommand {
  summary: string;
  usage: string;
  run(args: string[], io: CliIo): Promise<number>;
}

/** File names a directory scan picks up (gongkai's JSON export is recognised by its content). */
const REPORT_FILE = /\.(txt|md|markdown|html?|shtml|xhtml|docx|pdf)$/i;

function expandDirectory(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((x, y) => x.name.localeCompare(y.name))) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (REPORT_FILE.test(e.name)) out.push(p);
      else if (
        /\.json$/i.test(e.name) &&
        statSync(p).size < MAX_REPORT_BYTES &&
        isExportJson(readFileSync(p, 'utf8'))
      ) {
        out.push(p);
      }
    }
  };
  walk(dir);
  return out;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Check one path; never throws for a file problem. */
async function checkPath(path: string): Promise<CheckResult | CheckError> {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) return { file: path, error: '这是一个目录；检查整个目录请使用 --summary' };
    size = st.size;
  } catch {
    return { file: path, error: '文件不存在或无法访问' };
  }
  if (size > MAX_REPORT_BYTES) {
    return {
      file: path,
      error: `文件过大（${(size / 1024 / 1024).toFixed(1)} MB），超过 20 MB 的上限，无法检查`,
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return { file: path, error: '文件无法读取（权限不足或已损坏）' };
  }
  const r = await checkReportBytes(path, bytes);
  return 'error' in r ? r.error : r.result;
}

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;
const FORMAT = { '2021': '2021年格式', '2019-trial': '2019年试行格式', unknown: '格式未知' } as const;

/** The same findings for a person, in Chinese. */
export function formatHuman(r: CheckResult | CheckError): string {
  if ('error' in r) return `== ${r.file}\n  无法检查：${r.error}\n`;
  const n = countFindings(r);
  const lines = [
    `== ${r.file}`,
    `  ${r.agency ?? '（未写明机关）'}  ${r.year ? `${r.year}年度` : '（未写明年度）'}  ${FORMAT[r.format]}  ${r.complete ? '内容完整' : '内容不完整'}`,
    `  章节：${r.sections.map((s) => `${s.no}${s.found ? '✓' : '✗'}`).join(' ')}`,
    `  错误 ${n.error} 项，警告 ${n.warning} 项，提示 ${n.info} 项`,
    ...r.findings.map(
      (f) =>
        `  [${SEVERITY[f.severity]}] ${f.rule}${f.location ? `（第${f.location.line}行）` : ''}：${f.message}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

function progress(io: CliIo, done: number, total: number, name: string): void {
  if (!io.isTty) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  const bar = '█'.repeat(filled) + '░'.repeat(width - filled);
  const short = name.length > 40 ? '…' + name.slice(-39) : name;
  process.stderr.write(
    `\r检查中 ${bar} ${done}/${total} ${short}`.padEnd(100) + (done === total ? '\n' : ''),
  );
}

const checkUsage = `用法:
  gongkai report check 文件… [--json]            检查一份或多份年度报告（文本、网页 HTML、Word .docx、PDF、gongkai 导出的 JSON）
  gongkai report check 目录… --summary 汇总.xlsx   检查目录下的全部报告，写出汇总表（每份报告一行，另附问题清单）

  --json      按 spec/report-check-output.md 输出 JSON：一个文件输出一个对象，多个文件输出数组
  --summary   写出 Excel 汇总表
退出码: 0 无错误；1 至少有一项“错误”；2 参数错误，或有文件无法检查`;

async function runCheck(args: string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { boolean: ['json'] });
  const unknown = Object.keys(flags).filter((k) => k !== 'json' && k !== 'summary');
  if (unknown.length) throw new CliUsageError(`未知参数 --${unknown[0]}`);
  if (!positionals.length) throw new CliUsageError('请给出要检查的文件或目录');
  const summary = flagString(flags, 'summary');
  const json = flags.json === true;

  const files: string[] = [];
  for (const p of positionals) {
    if (isDirectory(p)) {
      if (!summary) throw new CliUsageError(`“${p}”是目录；检查整个目录请加 --summary 汇总.xlsx`);
      const found = expandDirectory(p);
      if (!found.length)
        throw new CliUsageError(`目录“${p}”中没有可检查的报告文件（.txt .md .html .docx .pdf）`);
      files.push(...found);
    } else files.push(p);
  }

  const results: (CheckResult | CheckError)[] = [];
  const showProgress = files.length > 1 || Boolean(summary);
  for (const [i, f] of files.entries()) {
    results.push(await checkPath(f));
    if (showProgress) progress(io, i + 1, files.length, f);
  }

  if (json) {
    io.out(JSON.stringify(results.length === 1 && !summary ? results[0] : results, null, 2));
  } else {
    for (const r of results) io.out(formatHuman(r));
  }
  if (summary) {
    writeFileSync(summary, await writeCheckSummary(results));
    const n = results.filter((r) => 'findings' in r).length;
    io.err(`已写出汇总表 ${summary}：${n} 份报告已检查，${results.length - n} 份无法检查`);
  }
  if (results.some((r) => 'error' in r)) return 2;
  return hasErrors(results) ? 1 : 0;
}

/** Sub-commands of `gongkai report`. Add an entry to add one. */
export const reportSubcommands: Record<string, ReportSubcommand> = {
  check: { summary: '检查年度报告的章节、统计表和勾稽关系', usage: checkUsage, run: runCheck },
  generate: generateSubcommand,
  status: statusSubcommand,
};

function help(): string {
  return [
    '用法: gongkai report <子命令> [参数]',
    '',
    ...Object.entries(reportSubcommands).map(([name, s]) => `  ${name.padEnd(10)} ${s.summary}`),
    '',
    ...Object.values(reportSubcommands).map((s) => s.usage),
  ].join('\n');
}

export const reportCommand: CliCommand = {
  name: 'report',
  summary: '政府信息公开工作年度报告（检查）',
  get help() {
    return help();
  },
  async run(args, io) {
    const [name, ...rest] = args;
    const sub = name ? reportSubcommands[name] : undefined;
    if (!sub) throw new CliUsageError(name ? `未知子命令: report ${name}` : '缺少子命令');
    return sub.run(rest, io);
  },
};
