/**
 * Render a sample annual report's DOCX (through LibreOffice) and PDF to PNG pages, to look at them: tables aligned,
 * Chinese glyphs present. Usage: TZ=Asia/Shanghai node --import tsx scripts/annual-report-render.ts [outDir]
 * Needs `libreoffice` and `pdftoppm` (poppler-utils) on the PATH.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { randomValidCells } from '../src/annual-report/testing/synthetic.ts';
import { draftTexts } from '../src/annual-report/generator/narrative-draft.ts';
import { exportReport } from '../src/annual-report/generator/export-report.ts';
import type { AnnualReport } from '../src/annual-report/generator/report.ts';

const out = path.resolve(process.argv[2] ?? 'e2e/output/annual-report');
fs.mkdirSync(out, { recursive: true });
const agency = { name: '哈拉直沟乡人民政府' };
const cells = randomValidCells(11);
const fees = { fee_notices_issued: 1, fee_amount_billed_yuan: 100, fee_amount_collected_yuan: 100 };
const total = (r: string) => cells[`B.${r}.total` as keyof typeof cells] as number;
const texts = draftTexts({
  agencyName: agency.name,
  agencyShortName: '哈拉直沟乡',
  year: 2026,
  isPeoplesGovernment: true,
  cells,
  fees,
  facts: {
    requests: {
      received: total('new_received'),
      answered: total('result.total'),
      answeredOnTime: total('result.total'),
      answeredLate: 0,
      carriedOver: total('carried_over'),
      carriedForward: total('carried_forward'),
    },
    proactive: {
      published: 86,
      byCategory: [
        { name: '财政预算、决算信息', count: 6 },
        { name: '社会救助', count: 21 },
      ],
      byChannel: [
        { channel: 'portal', label: '门户网站', count: 86 },
        { channel: 'wechat_account', label: '微信公众号', count: 52 },
      ],
      late: 0,
    },
  },
});
const report: AnnualReport = {
  id: 0,
  agencyId: 0,
  year: 2026,
  origin: 'generated',
  status: 'published',
  cells,
  fees,
  texts,
  edited: [],
  findings: [],
  snapshotId: null,
  generatedAt: '2027-01-12T02:00:00.000Z',
  generatedByName: '示例',
  sourceFile: null,
  approverName: '示例',
  finalisedAt: '2027-01-15T02:00:00.000Z',
  finalisedByName: '示例',
  publishedAt: '2027-01-20T02:00:00.000Z',
  publishedByName: '示例',
  reopenCount: 0,
  version: 1,
};
for (const format of ['docx', 'pdf'] as const) {
  const file = await exportReport(report, agency, format);
  fs.writeFileSync(path.join(out, `report.${format}`), file.bytes);
}
execFileSync(
  'libreoffice',
  ['--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'docx'), path.join(out, 'report.docx')],
  {
    stdio: 'ignore',
  },
);
execFileSync('pdftoppm', [
  '-png',
  '-r',
  '60',
  path.join(out, 'docx', 'report.pdf'),
  path.join(out, 'docx-page'),
]);
execFileSync('pdftoppm', ['-png', '-r', '60', path.join(out, 'report.pdf'), path.join(out, 'pdf-page')]);
console.log(
  fs
    .readdirSync(out)
    .filter((f) => f.endsWith('.png'))
    .map((f) => path.join(out, f))
    .join('\n'),
);
