/**
 * Every letter type, rendered from the demo township (DOCX and PDF), against the wording faults a 复议 would seize on
 * (issue 11 item 7): no 「您（单位）」 to a person, no drafting notes, no 「经审查，经检索」, no nested parentheses, no
 * doubled punctuation, no unfilled placeholder; the reply quotes the request as narrowed by the 补正.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../test/support/db.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { prepareDatabase } from '../setup.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { LETTER_FAULTS as BAD_PATTERNS, LETTER_KINDS } from './letters.ts';
import { letterDocx, letterPdf, storedLetter } from './render-letter.ts';
import { pdfAvailable } from '../documents/pdf.ts';

const required = process.env.CI === 'true' || process.env.GONGKAI_REQUIRE_BROWSER === '1';

describeEachDialect('letters: every type from the demo, in wording that holds up', (t) => {
  test('each letter kind exists, renders to DOCX and PDF, and has none of the bad patterns', async () => {
    const { db } = t();
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
    assert.deepEqual([...new Set(rows.map((r) => r.kind))].sort(), [...LETTER_KINDS].sort());
    const pdf = pdfAvailable(['Fang', 'XBS', 'Song']);
    if (!pdf && required)
      assert.fail('the PDF fonts (texlive-lang-chinese, fonts-noto-cjk) are required in CI');
    const seen = new Set<string>();
    for (const row of rows) {
      const l = storedLetter(row, town.name);
      for (const p of l.paragraphs)
        for (const [re, what] of BAD_PATTERNS)
          assert.doesNotMatch(p, re, `${row.kind} ${row.doc_no}: ${what}: ${p}`);
      if (seen.has(row.kind)) continue;
      seen.add(row.kind);
      const docx = await letterDocx(l);
      assert.equal(docx.subarray(0, 2).toString(), 'PK');
      if (pdf) assert.equal((await letterPdf(l)).subarray(0, 5).toString(), '%PDF-');
    }
    const narrowed = rows.find(
      (r) =>
        r.kind === 'reply_disclosed' &&
        r.body_json.includes('补正后的申请内容为“2025年哈拉直沟村三社道路硬化工程的竣工验收报告”'),
    );
    assert.ok(narrowed, 'the reply quotes the request as narrowed by the 补正');
  });
});
