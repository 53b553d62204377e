/** The Table B/C view of 依申请公开 for one year, with the cross-checks' findings. Pure. */
import { Field, emptyForm } from '../forms.tsx';
import { APPEAL_KIND_LABELS, APPEAL_RESULT_LABELS } from '../../../requests/request.ts';
import type { computeRequestReport } from '../../../requests/index.ts';
import {
  B_COLUMNS,
  B_ROWS,
  C_COLUMNS,
  C_GROUPS,
  LABELS,
  type Finding,
} from '../../../annual-report/index.ts';
import { Interp } from './shared.tsx';

type RequestReport = Awaited<ReturnType<typeof computeRequestReport>>;

export function RequestReportView(p: {
  year: number;
  tableB: RequestReport['tableB'];
  tableC: RequestReport['tableC'];
  fees: RequestReport['fees'];
  counts: RequestReport['counts'];
  findings: Finding[];
}) {
  const { year, tableB: b, tableC: cc, fees, counts, findings } = p;
  return (
    <>
      <h1>{year}年 依申请公开年报数据</h1>
      <form method="get" class="filters">
        <Field form={emptyForm({ year: String(year) })} name="year" label="年度" type="number" />
        <button type="submit">查看</button>
      </form>
      <p>
        本年收到申请 {counts.received} 件，办结 {counts.answered} 件（其中按期答复 {counts.answeredOnTime}{' '}
        件、逾期 {counts.answeredLate} 件），上年结转 {counts.carriedOver} 件，结转下年度{' '}
        {counts.carriedForward} 件。
      </p>
      <p>
        信息处理费：发出收费通知 {fees.fee_notices_issued} 件，金额 {fees.fee_amount_billed_yuan} 元，实际收取{' '}
        {fees.fee_amount_collected_yuan} 元。
      </p>
      <p class="muted">
        办理结果对应年报行次按本机关的对应表 <Interp />
      </p>
      {findings.filter((x) => x.severity === 'error').length ? (
        <div class="form-error">{findings.map((x) => x.message).join('；')}</div>
      ) : (
        <p class="badge ok">勾稽关系核对通过</p>
      )}
      <div class="table-scroll" tabindex={0}>
        <table class="data">
          <thead>
            <tr>
              <th scope="col">表二</th>
              {B_COLUMNS.map((col) => (
                <th scope="col">{LABELS.bColumn[col]}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {B_ROWS.map((row) => (
              <tr>
                <th scope="row">{LABELS.bRow[row] ?? row}</th>
                {B_COLUMNS.map((col) => (
                  <td>{b[`B.${row}.${col}`]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>表三 行政复议、行政诉讼</h2>
      <table class="data">
        <thead>
          <tr>
            <th scope="col"></th>
            {C_COLUMNS.map((col) => (
              <th scope="col">{APPEAL_RESULT_LABELS[col as keyof typeof APPEAL_RESULT_LABELS] ?? '总计'}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {C_GROUPS.map((g) => (
            <tr>
              <th scope="row">{APPEAL_KIND_LABELS[g]}</th>
              {C_COLUMNS.map((col) => (
                <td>{cc[`C.${g}.${col}`]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
