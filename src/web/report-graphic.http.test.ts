import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DomUtils, parseDocument } from 'htmlparser2';
import type { Element } from 'domhandler';
import { describeEachDialect } from '../../test/support/db.ts';
import { testApp } from '../../test/support/http.ts';
import { loadDemo, DEMO_TOWNSHIP_CODE } from '../demo/load-demo.ts';
import { prepareDatabase } from '../setup.ts';
import { fixedClock } from '../clock.ts';
import { systemActor } from '../context.ts';
import { findAgencyByCode } from '../org/org.queries.ts';
import { generateReport } from '../annual-report/generator/generate-report.ts';
import { findReportFor } from '../annual-report/generator/annual-reports.queries.ts';
import type { Cells } from '../annual-report/report-format.ts';

const clock = fixedClock('2026-12-20T02:00:00Z');

function figures(html: string): Record<string, string> {
  const doc = parseDocument(html);
  return Object.fromEntries(
    DomUtils.findAll((e) => e.name === 'li' && e.attribs['data-figure'] !== undefined, doc.children).map(
      (li) => {
        const fig = DomUtils.findOne((e) => e.attribs.class === 'figure', [li]) as Element;
        return [li.attribs['data-figure'], DomUtils.textContent(fig).replace(/\s+/g, ' ').trim()];
      },
    ),
  );
}

/** The data table of a chart: row label → first number. */
function tableOf(html: string, chartId: string): Record<string, number> {
  const doc = parseDocument(html, { lowerCaseAttributeNames: false });
  const fig = DomUtils.findOne(
    (e) => e.name === 'figure' && e.attribs.id === chartId,
    doc.children,
  ) as Element;
  assert.ok(fig, chartId);
  const rows = DomUtils.findAll(
    (e) => e.name === 'tr',
    DomUtils.findAll((e) => e.name === 'tbody', [fig]),
  );
  const table = Object.fromEntries(
    rows.map((tr) => {
      const th = DomUtils.findOne((e) => e.name === 'th', [tr]) as Element;
      const td = DomUtils.findOne((e) => e.name === 'td', [tr]) as Element;
      return [DomUtils.textContent(th), Number(td.attribs['data-value'])];
    }),
  );
  // The drawing shows the same numbers as the table.
  const marks = DomUtils.findAll(
    (e) => e.attribs['data-value'] !== undefined && e.attribs['data-series'] !== undefined,
    DomUtils.findAll((e) => e.name === 'svg', [fig]),
  ).map((m) => Number(m.attribs['data-value']));
  assert.deepEqual(
    marks,
    Object.values(table).filter((v) => v > 0 || chartId !== 'g-results'),
  );
  return table;
}

/** Table B result groups straight from the cells (the test's own reading of the format). */
function groupsOf(cells: Cells) {
  const sum = (pred: (row: string) => boolean) =>
    Object.entries(cells)
      .filter(([a]) => a.startsWith('B.result.') && a.endsWith('.total') && a !== 'B.result.total.total')
      .filter(([a]) => pred(a.slice(2, -6)))
      .reduce((s, [, v]) => s + (v ?? 0), 0);
  return {
    予以公开: sum((r) => r === 'result.granted'),
    部分公开: sum((r) => r === 'result.partially_granted'),
    不予公开: sum((r) => r.startsWith('result.withheld.')),
    无法提供: sum((r) => r.startsWith('result.unable.')),
    不予处理: sum((r) => r.startsWith('result.not_processed.')),
    其他处理: sum((r) => r.startsWith('result.other.')),
  };
}

describeEachDialect('portal: 图解年报 from the published report’s cells', (t) => {
  test('2025 (imported) and 2026 (generated) 图解 show the cells; a draft is never drawn', async () => {
    const { db } = t();
    await prepareDatabase(db, clock);
    const ctx = { db, clock, actor: systemActor('演示数据'), meta: { ip: null } };
    await loadDemo(ctx);
    const town = (await findAgencyByCode(db, DEMO_TOWNSHIP_CODE))!;
    const draft = await generateReport(ctx, { agencyId: town.id, year: 2026 });
    const c = testApp(db, clock).client();

    // A draft (and a finalised report not yet published) is not on the portal, and has no 图解.
    assert.equal((await c.get('/annual-reports/2026/graphic')).status, 404);
    // A draft's HTML download (the office's) has no 图解: its numbers may still change.
    const { exportReport } = await import('../annual-report/generator/export-report.ts');
    const { graphicAppendix } = await import('./report-appendix.ts');
    assert.equal(await graphicAppendix(db, town, 2026, false), undefined);
    const draftHtml = (await exportReport(draft, town, 'html')).bytes.toString('utf8');
    assert.doesNotMatch(draftHtml, /附：图解/);
    await db.updateTable('annual_reports').set({ status: 'finalised' }).where('id', '=', draft.id).execute();
    assert.equal((await c.get('/annual-reports/2026/graphic')).status, 404);
    // The finalise/publish lifecycle is tested in report-lifecycle.db.test.ts; here only the numbers matter.
    await db
      .updateTable('annual_reports')
      .set({ status: 'published', published_at: '2027-01-20T02:00:00.000Z' })
      .where('id', '=', draft.id)
      .execute();

    const y2025 = (await findReportFor(db, town.id, 2025))!;
    const y2026 = (await findReportFor(db, town.id, 2026))!;
    const p25 = await (await c.get('/annual-reports/2025/graphic')).text();
    const f25 = figures(p25);
    assert.equal(f25.received, `${y2025.cells['B.new_received.total']} 件`);
    assert.equal(f25.normative, `${y2025.cells['A.art20_1.normative_documents.issued']} 件`);
    assert.equal(f25.review, `${y2025.cells['C.review.total']} 件`);
    assert.equal(f25.published, undefined, 'an imported report has no item count in its tables');
    assert.deepEqual(tableOf(p25, 'g-results'), groupsOf(y2025.cells));

    const p26 = await (await c.get('/annual-reports/2026/graphic')).text();
    const f26 = figures(p26);
    assert.equal(f26.published, '12 条');
    assert.equal(f26.received, `${y2026.cells['B.new_received.total']} 件`);
    // 12 from the annual-report demo + 1 converted from a 互动交流 message (src/inquiries/demo.ts).
    assert.equal(f26.received, '16 件');
    assert.equal(f26.answered, `${y2026.cells['B.result.total.total']} 件`);
    assert.equal(f26.carried_forward, `${y2026.cells['B.carried_forward.total']} 件`);
    assert.equal(f26.fees, `${y2026.fees.fee_amount_collected_yuan} 元`);
    assert.equal(f26.review, `${y2026.cells['C.review.total']} 件`);
    assert.match(p26, /比上年增加 16 件/, 'compared with 2025');
    const groups = groupsOf(y2026.cells);
    assert.deepEqual(tableOf(p26, 'g-results'), groups);
    assert.deepEqual(groups, {
      予以公开: 6,
      部分公开: 1,
      不予公开: 1,
      无法提供: 2,
      不予处理: 1,
      其他处理: 3,
    });
    assert.deepEqual(tableOf(p26, 'g-applicants'), {
      自然人: y2026.cells['B.new_received.natural_person'],
      商业企业: y2026.cells['B.new_received.commercial_enterprise'],
      科研机构: y2026.cells['B.new_received.research_institution'],
      社会公益组织: y2026.cells['B.new_received.social_welfare_org'],
      法律服务机构: y2026.cells['B.new_received.legal_service_org'],
      其他组织: y2026.cells['B.new_received.other_org'],
    });
    assert.deepEqual(tableOf(p26, 'g-art20'), {
      行政许可: y2026.cells['A.art20_5.administrative_licensing.decisions'],
      行政处罚: y2026.cells['A.art20_6.administrative_penalty.decisions'],
      行政强制: y2026.cells['A.art20_6.administrative_coercion.decisions'],
    });
    assert.match(p26, /办结 14 件，其中予以公开 6 件（42(\.9)?%）/);

    // The report page links to its 图解; the exports carry the same figures.
    assert.match(
      await (await c.get('/annual-reports/2026')).text(),
      /href="\/annual-reports\/2026\/graphic"/,
    );
    const html = await c.get('/annual-reports/2026/graphic.html');
    assert.equal(html.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.deepEqual(figures(await html.text()), f26);
    // The report's own HTML download carries the 图解 after the text, with the same figures.
    const full = await (await c.get('/annual-reports/2026/download/html')).text();
    assert.match(full, /附：图解/);
    assert.deepEqual(figures(full), f26);
    assert.ok(
      full.indexOf('<ul class="gk-big-numbers"') > full.indexOf('class="signature"'),
      'after the text',
    );
    const pdf = await c.get('/annual-reports/2026/graphic.pdf');
    assert.equal(pdf.status, 200);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    assert.equal(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
      '%PDF-',
    );
  });
});
