import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachDialect } from '../../../test/support/db.ts';
import { ctxAs, makeAgency, makeUser, systemCtx, userActor } from '../../../test/support/factories.ts';
import { fixedClock } from '../../clock.ts';
import { seedCalendar } from '../../calendar/seed-calendar.ts';
import { buildExport, zeroCells } from '../index.ts';
import { acknowledgeWarning } from './acknowledge-warning.ts';
import { listPublishedReports } from './annual-reports.queries.ts';
import { assertReportYearOpen } from '../../period-lock/assert-period-open.ts';
import { finaliseReport } from './finalise-report.ts';
import { generateReport } from './generate-report.ts';
import { importReport } from './import-report.ts';
import { publishReport } from './publish-report.ts';
import { reopenReport } from './reopen-report.ts';
import { fingerprintOf } from './report.ts';
import { saveNarrative } from './save-narrative.ts';
import { insertRequest, insertYearOfPublications, insertYearOfRequests } from './testing/year-of-data.ts';

const clock = fixedClock('2027-01-10T02:00:00Z');
const code = (c: string, re?: RegExp) => (e: { code?: string; message: string }) =>
  e.code === c && (!re || re.test(e.message));

async function setup(db: Parameters<typeof seedCalendar>[0]['db']) {
  await seedCalendar(systemCtx(db, clock));
  const agency = await makeAgency(db);
  const clerk = await makeUser(db, agency.id, ['clerk']);
  const principal = await makeUser(db, agency.id, ['principal_leader']);
  const as = (u: typeof clerk) => ctxAs(db, userActor(u), clock);
  await insertYearOfRequests(db, agency.id);
  await insertYearOfPublications(as(clerk), agency.id, clerk.id);
  return { agency, clerk, principal, as };
}

describeEachDialect(
  'annual report: narrative, acknowledgments, finalise, publish, lock, reopen, import',
  (t) => {
    test('the whole life of a report', async () => {
      const { db } = t();
      const s = await setup(db);
      let report = await generateReport(s.as(s.clerk), { agencyId: s.agency.id, year: 2026 });
      const placeholders = report.findings.filter((f) => f.rule === 'NARRATIVE-PLACEHOLDER');
      assert.equal(placeholders.length, 2, 'overview (监督保障) and 五 are left to write');

      // Warnings block until acknowledged or fixed.
      await assert.rejects(
        finaliseReport(s.as(s.principal), report.id, { approverName: '祁德明' }),
        code('invalid_state', /尚不能定稿.*NARRATIVE-PLACEHOLDER/),
      );

      // The clerk writes the missing passages; one sentence quotes a wrong number.
      // (The register has 行政许可 and 行政处罚 decisions but the portal's columns are empty: the draft does not
      // say "均已按规定公开"; the clerk states where they were published.)
      assert.match(
        report.texts.overview,
        /【待填写】上述行政许可、行政处罚、行政强制、行政事业性收费事项的公开情况/,
      );
      const overview = report.texts.overview
        .replace(/【待填写】上述[^\n。]*。/, '上述行政许可、行政处罚决定已在乡政府公开栏公开。')
        .replace(
          /【待填写】[^\n]*/,
          '全年组织业务培训2次；政府信息公开工作纳入年度综合考核，考核结果为优秀；邀请人大代表、群众代表开展社会评议1次，满意度良好；全年未发生责任追究情况。',
        )
        .replace('新收政府信息公开申请27件', '新收政府信息公开申请30件');
      const problems =
        '一是政策解读形式单一。二是个别信息公开不及时。下一步将丰富解读形式，落实每周提醒制度。';
      report = await saveNarrative(s.as(s.clerk), report.id, {
        version: report.version,
        overview,
        problems_improvements: problems,
        other_matters: report.texts.other_matters,
      });
      assert.deepEqual(report.edited.sort(), ['overview', 'problems_improvements']);
      assert.ok(!report.findings.some((f) => f.rule === 'NARRATIVE-PLACEHOLDER'));
      assert.ok(!report.findings.some((f) => f.rule === 'GOV-ACCOUNTABILITY-MISSING'));
      const mismatch = report.findings.find((f) => f.rule === 'TEXT-TABLE-MISMATCH');
      assert.ok(mismatch, 'the text says 30 where the table says 27');

      // Regenerating keeps the edited sections.
      report = await generateReport(s.as(s.clerk), { agencyId: s.agency.id, year: 2026 });
      assert.equal(report.texts.problems_improvements, problems);

      await assert.rejects(
        acknowledgeWarning(s.as(s.clerk), report.id, { fingerprint: fingerprintOf(mismatch), reason: '短' }),
        code('validation'),
      );
      // TEXT-BALANCE notices the same slip; both are acknowledged with a reason.
      const warnings = report.findings.filter((f) => f.severity === 'warning');
      assert.deepEqual(warnings.map((f) => f.rule).sort(), ['TEXT-BALANCE', 'TEXT-TABLE-MISMATCH']);
      for (const w of warnings) {
        await acknowledgeWarning(s.as(s.clerk), report.id, {
          fingerprint: fingerprintOf(w),
          reason: '正文按分管领导意见保留，已核实',
        });
      }

      // A request registered after generation changes the cells: finalising refuses until regenerated.
      const late = await insertRequest(db, s.agency.id, { kind: 'natural_person', received: '2026-12-30' });
      await assert.rejects(
        finaliseReport(s.as(s.principal), report.id, { approverName: '祁德明' }),
        code('invalid_state', /重新生成/),
      );
      await db.deleteFrom('info_requests').where('id', '=', late).execute();

      report = await finaliseReport(s.as(s.principal), report.id, { approverName: '祁德明' });
      assert.equal(report.status, 'finalised');
      assert.equal(report.approverName, '祁德明');

      // The year is locked: the lock refuses 2026 changes, 2027 stays open; regenerating is refused.
      await assert.rejects(
        assertReportYearOpen(db, s.agency.id, '2026-06-30'),
        code('invalid_state', /2026年度.*已定稿/),
      );
      await assertReportYearOpen(db, s.agency.id, '2027-01-02');
      await assert.rejects(
        generateReport(s.as(s.clerk), { agencyId: s.agency.id, year: 2026 }),
        code('invalid_state'),
      );
      await assert.rejects(
        saveNarrative(s.as(s.clerk), report.id, {
          version: report.version,
          overview: 'x',
          problems_improvements: 'y',
          other_matters: 'z',
        }),
        code('invalid_state'),
      );

      report = await publishReport(s.as(s.clerk), report.id);
      assert.equal(report.status, 'published');
      assert.deepEqual(
        (await listPublishedReports(db, s.agency.id)).map((r) => r.year),
        [2026],
      );

      // Reopening needs the leaders and a reason; it is audited with the reason, and unlocks the year.
      await assert.rejects(
        reopenReport(s.as(s.clerk), report.id, { reason: '更正表格数据' }),
        code('forbidden'),
      );
      await assert.rejects(reopenReport(s.as(s.principal), report.id, { reason: '' }), code('validation'));
      report = await reopenReport(s.as(s.principal), report.id, { reason: '县政务公开办通知更正表三数据' });
      assert.equal(report.status, 'draft');
      assert.equal(report.reopenCount, 1);
      await assertReportYearOpen(db, s.agency.id, '2026-06-30');
      assert.deepEqual(await listPublishedReports(db, s.agency.id), []);
      const audit = await db
        .selectFrom('audit_events')
        .select(['action', 'note'])
        .where('object_type', '=', 'annual_report')
        .orderBy('id')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'annual_report.generated',
          'annual_report.narrative_saved',
          'annual_report.generated',
          'annual_report.warning_acknowledged',
          'annual_report.warning_acknowledged',
          'annual_report.finalised',
          'annual_report.published',
          'annual_report.reopened',
        ],
      );
      assert.equal(audit.at(-1)!.note, '县政务公开办通知更正表三数据');
    });

    test('last year’s report imported through the checker drives X-CARRY and X-INFORCE', async () => {
      const { db } = t();
      const s = await setup(db);
      const cells = zeroCells();
      cells['B.new_received.natural_person'] = 3;
      cells['B.new_received.total'] = 3;
      cells['B.result.granted.natural_person'] = 1;
      cells['B.result.granted.total'] = 1;
      cells['B.result.total.natural_person'] = 1;
      cells['B.result.total.total'] = 1;
      cells['B.carried_forward.natural_person'] = 2; // gongkai counts 1 carried over into 2026
      cells['B.carried_forward.total'] = 2;
      cells['A.art20_1.normative_documents.issued'] = 1;
      cells['A.art20_1.normative_documents.in_force'] = 1;
      const exported = buildExport({
        year: 2025,
        agency: s.agency.name,
        cells,
        fees: { fee_notices_issued: 0, fee_amount_billed_yuan: 0, fee_amount_collected_yuan: 0 },
        texts: {
          overview: '本年度新收政府信息公开申请3件。工作考核、社会评议、责任追究情况良好。',
          proactive_disclosure: '',
          requests: '',
          review_litigation: '',
          problems_improvements: '一是解读形式单一。',
          other_matters: '本年度未收取信息处理费。',
        },
        status: 'final',
        generatedAt: new Date('2026-01-20T00:00:00Z'),
      });
      const imported = await importReport(s.as(s.clerk), {
        agencyId: s.agency.id,
        fileName: '2025年报.json',
        bytes: Buffer.from(JSON.stringify(exported)),
      });
      assert.equal(imported.year, 2025);
      assert.equal(imported.origin, 'imported');
      assert.equal(imported.status, 'published');

      const report = await generateReport(s.as(s.clerk), { agencyId: s.agency.id, year: 2026 });
      const carry = report.findings.filter((f) => f.rule === 'X-CARRY');
      // 2025 says 2 natural persons and 0 enterprises were carried forward; 2026 counts 1 and 1 (totals agree).
      assert.deepEqual(
        carry.map((f) => f.cells[0]),
        ['B.carried_over.natural_person', 'B.carried_over.commercial_enterprise'],
      );
      // in_force 2026 (2) = 1 + 2 − 1 holds, so X-INFORCE is silent.
      assert.ok(!report.findings.some((f) => f.rule === 'X-INFORCE'));
      // The imported year is locked like a finalised one.
      await assert.rejects(assertReportYearOpen(db, s.agency.id, '2025-03-01'), code('invalid_state'));
      // An import cannot overwrite a report gongkai generated.
      await assert.rejects(
        importReport(s.as(s.clerk), {
          agencyId: s.agency.id,
          year: 2026,
          fileName: 'x.json',
          bytes: Buffer.from(JSON.stringify({ ...exported, year: 2026 })),
        }),
        code('invalid_state'),
      );
      // Not a report at all.
      await assert.rejects(
        importReport(s.as(s.clerk), {
          agencyId: s.agency.id,
          fileName: 'x.txt',
          bytes: Buffer.from('会议纪要'),
        }),
        code('validation', /无法读取/),
      );
    });
  },
);
