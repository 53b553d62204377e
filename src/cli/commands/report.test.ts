import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, truncateSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { runCli } from '../main.ts';
import type { CliIo } from '../command.ts';
import { randomValidCells, syntheticFiles } from '../../annual-report/testing/synthetic.ts';

const fixtures = fileURLToPath(new URL('../../../test/fixtures/reports/', import.meta.url));
const seed = join(fixtures, 'seed-halazhigou-2025.txt');

function fakeIo(): CliIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (s: string) => void (io.stdout += s.endsWith('\n') ? s : s + '\n'),
    err: (s: string) => void (io.stderr += s.endsWith('\n') ? s : s + '\n'),
    stdin: async () => '',
    isTty: false,
  };
  return io;
}

async function cli(...args: string[]) {
  const io = fakeIo();
  const code = await runCli(args, io);
  return { code, ...io };
}

const tmp = mkdtempSync(join(tmpdir(), 'gongkai-report-'));

test('report check FILE --json prints one object with exactly the keys of the output spec', async () => {
  const r = await cli('report', 'check', seed, '--json');
  assert.equal(r.code, 1, 'the seed has error findings');
  const obj = JSON.parse(r.stdout);
  assert.deepEqual(Object.keys(obj), [
    'file',
    'format',
    'year',
    'agency',
    'complete',
    'sections',
    'cells',
    'fees',
    'findings',
  ]);
  assert.equal(obj.file, seed);
  assert.equal(Object.keys(obj.cells).length, 200);
  assert.deepEqual(Object.keys(obj.fees), [
    'fee_notices_issued',
    'fee_amount_billed_yuan',
    'fee_amount_collected_yuan',
  ]);
  assert.deepEqual(
    obj.sections.map((s: { no: string }) => s.no),
    ['一', '二', '三', '四', '五', '六'],
  );
  for (const f of obj.findings) {
    assert.deepEqual(Object.keys(f).slice(0, 4), ['rule', 'severity', 'message', 'cells']);
    assert.ok(['error', 'warning', 'info'].includes(f.severity));
  }
});

test('several files: an array in argument order; an unreadable file keeps its place and gives exit 2', async () => {
  const valid = syntheticFiles(randomValidCells(4)).find((f) => f.name === 'page.html')!;
  const ok = join(tmp, 'ok.html');
  writeFileSync(ok, valid.bytes);
  const empty = join(tmp, 'empty.txt');
  writeFileSync(empty, '');
  const r = await cli('report', 'check', ok, join(tmp, 'missing.txt'), empty, '--json');
  assert.equal(r.code, 2);
  const arr = JSON.parse(r.stdout);
  assert.equal(arr.length, 3);
  assert.equal(arr[0].file, ok);
  assert.deepEqual(arr[0].findings, []);
  assert.deepEqual(arr[1], { file: join(tmp, 'missing.txt'), error: '文件不存在或无法访问' });
  assert.match(arr[2].error, /文件为空/);
});

test('a valid report exits 0; human output is Chinese', async () => {
  const file = join(tmp, 'valid.docx');
  writeFileSync(file, syntheticFiles(randomValidCells(9)).find((f) => f.name === 'report.docx')!.bytes);
  const r = await cli('report', 'check', file);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /红旗乡人民政府 {2}2025年度 {2}2021年格式 {2}内容完整/);
  assert.match(r.stdout, /错误 0 项，警告 0 项/);
});

test('a 50 MB file is refused with the size limit named, exit 2', async () => {
  const big = join(tmp, 'big.txt');
  writeFileSync(big, '');
  truncateSync(big, 50 * 1024 * 1024);
  const r = await cli('report', 'check', big, '--json');
  assert.equal(r.code, 2);
  assert.match(JSON.parse(r.stdout).error, /50\.0 MB.*超过 20 MB 的上限/);
});

test('wrong arguments exit 2', async () => {
  assert.equal((await cli('report')).code, 2);
  assert.equal((await cli('report', 'frobnicate')).code, 2);
  assert.equal((await cli('report', 'check')).code, 2);
  assert.equal((await cli('report', 'check', tmp)).code, 2, 'a directory needs --summary');
  assert.equal((await cli('report', 'check', seed, '--bogus', 'x')).code, 2);
});

test('report check DIR --summary writes one row per report and a findings sheet', async () => {
  const dir = join(tmp, 'county');
  mkdirSync(dir);
  copyFileSync(seed, join(dir, 'a-seed.txt'));
  for (const f of syntheticFiles(randomValidCells(6)).filter((x) => /html|docx/.test(x.name))) {
    writeFileSync(join(dir, `b-${f.name}`), f.bytes);
  }
  writeFileSync(join(dir, 'c-notes.html'), '<html><body><p>会议通知</p></body></html>');
  const out = join(tmp, 'summary.xlsx');
  const r = await cli('report', 'check', dir, '--summary', out, '--json');
  assert.equal(r.code, 2, 'one file is not a report');
  assert.equal(JSON.parse(r.stdout).length, 4);
  assert.match(r.stderr, /已写出汇总表.*3 份报告已检查，1 份无法检查/);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const sheet = wb.getWorksheet('年报汇总')!;
  assert.equal(sheet.rowCount, 5);
  assert.equal(sheet.getRow(2).getCell(2).value, '哈拉直沟乡人民政府');
  assert.equal(sheet.getRow(2).getCell(6).value, 2, 'two errors in the seed');
  assert.match(String(sheet.getRow(5).getCell(sheet.columnCount).value), /没有找到/);
  const findings = wb.getWorksheet('问题清单')!;
  assert.equal(findings.getRow(2).getCell(3).value, 'SECTION-NUMBER-DUPLICATE');
});

test('npx gongkai report check runs through bin/gongkai.js', () => {
  const bin = fileURLToPath(new URL('../../../bin/gongkai.js', import.meta.url));
  const r = spawnSync(process.execPath, [bin, 'report', 'check', seed, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 1);
  assert.equal(JSON.parse(r.stdout).agency, '哈拉直沟乡人民政府');
});
