/**
 * Render one letter of every type from the demo township to DOCX and PDF, and both to PNG pages (DOCX through
 * LibreOffice, PDF directly), to look at them: 版头 in red with the red line, 发文字号, 落款, page numbers.
 * Usage: TZ=Asia/Shanghai node --import tsx scripts/letters-render.ts [outDir]
 * Needs `libreoffice` and `pdftoppm` (poppler-utils) on the PATH, and the PDF fonts (texlive-lang-chinese).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/database.ts';
import { migrateToLatest } from '../src/db/migrator.ts';
import { fixedClock } from '../src/clock.ts';
import { systemActor } from '../src/context.ts';
import { prepareDatabase } from '../src/setup.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../src/demo/load-demo.ts';
import { findAgencyByCode } from '../src/org/org.queries.ts';
import { letterDocx, letterPdf, storedLetter } from '../src/requests/render-letter.ts';

const out = path.resolve(process.argv[2] ?? 'e2e/output/letters');
fs.mkdirSync(out, { recursive: true });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'gongkai-letters-')), 'demo.db');
const db = openDatabase({ kind: 'sqlite', file });
await migrateToLatest(db);
const clock = fixedClock('2026-12-20T02:00:00Z');
await prepareDatabase(db, clock);
await loadDemo({ db, clock, actor: systemActor('演示数据'), meta: { ip: null } });
const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
const rows = await db
  .selectFrom('request_letters')
  .innerJoin('info_requests', 'info_requests.id', 'request_letters.request_id')
  .selectAll('request_letters')
  .where('info_requests.agency_id', '=', town.id)
  .orderBy('request_letters.id')
  .execute();
const done = new Set<string>();
for (const row of rows) {
  if (done.has(row.kind)) continue;
  done.add(row.kind);
  const l = storedLetter(row, town.name);
  const docx = path.join(out, `${row.kind}.docx`);
  const pdf = path.join(out, `${row.kind}.pdf`);
  fs.writeFileSync(docx, await letterDocx(l));
  fs.writeFileSync(pdf, await letterPdf(l));
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', path.join(out, 'lo'), docx], {
    stdio: 'ignore',
  });
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '60',
    path.join(out, 'lo', `${row.kind}.pdf`),
    path.join(out, `${row.kind}-docx`),
  ]);
  execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(out, `${row.kind}-pdf`)]);
  console.log(row.kind, row.doc_no);
}
await db.destroy();
console.log(`written to ${out}`);
