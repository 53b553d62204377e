/** Pure view of 考核 and 责任追究: the formula, the scores per unit, computing and finalising, the 追责 records. */
import { Csrf, emptyForm, type FormState } from '../forms.tsx';
import { RecordForm, type FieldSpec } from './record-form.tsx';
import { AgencyPicker, type Choice } from './agency-picker.tsx';
import {
  AUTO_ITEMS,
  FORMULA,
  MANUAL_POINTS,
  type Accountability,
  type Assessment,
} from '../../../supervision/assessment.ts';

export const ASSESSMENT = '/office/supervision/assessment';

const ACCOUNTABILITY: FieldSpec[] = [
  { kind: 'date', name: 'decidedOn', label: '决定日期', required: true },
  { kind: 'text', name: 'person', label: '被追责人或单位', required: true },
  { kind: 'textarea', name: 'matter', label: '事由', required: true, rows: 2 },
  { kind: 'text', name: 'basis', label: '依据', required: true, hint: '如：《条例》第五十三条' },
  { kind: 'text', name: 'measure', label: '处理措施', required: true },
];
const COMPUTE: FieldSpec[] = [
  {
    kind: 'textarea',
    name: 'manual',
    label: `人工评分项（每行“名称 满分”，合计不超过${MANUAL_POINTS}分）`,
    rows: 3,
  },
  {
    kind: 'textarea',
    name: 'manualScores',
    label: '人工评分（每行“单位名称 项目名称 得分”，未填为0分）',
    rows: 6,
  },
];

export function AssessmentView(p: {
  year: number;
  agencyId: number;
  assessment: Assessment | undefined;
  accountability: Accountability[];
  manage: boolean;
  choices: Choice[];
  csrf: string;
  forms: Record<string, FormState>;
}) {
  const { year, assessment: a, accountability: acc } = p;
  const manualText = (a?.manual ?? [{ label: '社会评议和日常工作', max: MANUAL_POINTS, scores: {} }])
    .map((m) => `${m.label} ${m.max}`)
    .join('\n');
  const mf = p.forms.compute ?? emptyForm({ manual: manualText });
  const af = p.forms.acc ?? emptyForm();
  return (
    <>
      <h1>{year}年度考核与责任追究</h1>
      <AgencyPicker choices={p.choices} current={p.agencyId} action={ASSESSMENT} />
      <p class="hint" id="formula">
        计分方法：{FORMULA}
      </p>
      {a ? (
        <>
          <p>{a.status === 'final' ? '考核结果已确定' : '考核得分（未确定）'}</p>
          <div class="table-scroll" tabindex={0}>
            <table class="data" id="assessment">
              <thead>
                <tr>
                  <th scope="col">单位</th>
                  {AUTO_ITEMS.map((i) => (
                    <th scope="col">
                      {i.label}（权重{i.weight}）
                    </th>
                  ))}
                  <th scope="col">记录得分</th>
                  <th scope="col">人工评分</th>
                  <th scope="col">总分</th>
                </tr>
              </thead>
              <tbody>
                {a.results.map((u) => (
                  <tr>
                    <th scope="row">{u.unitName}</th>
                    {u.items.map((i) => (
                      <td>{i.rate == null ? '无记录' : `${i.numerator}/${i.denominator}`}</td>
                    ))}
                    <td>{u.auto}</td>
                    <td>{u.manual}</td>
                    <td>
                      <strong>{u.total}</strong>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : (
        <p class="empty">本年度尚未计算考核得分</p>
      )}
      {p.manage && a?.status !== 'final' ? (
        <section>
          <h2>计算考核得分</h2>
          <RecordForm
            action={`${ASSESSMENT}/compute?year=${year}`}
            csrf={p.csrf}
            form={mf}
            fields={COMPUTE}
            submit="计算"
          />
          {a ? (
            <form method="post" action={`${ASSESSMENT}/finalise?year=${year}`}>
              <Csrf token={p.csrf} />
              <button type="submit">确定考核结果</button>
            </form>
          ) : null}
        </section>
      ) : null}
      <h2>责任追究</h2>
      {acc.length ? (
        <table class="data" id="accountability">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">对象</th>
              <th scope="col">事由</th>
              <th scope="col">依据</th>
              <th scope="col">处理</th>
            </tr>
          </thead>
          <tbody>
            {acc.map((x) => (
              <tr>
                <td>{x.decidedOn}</td>
                <td>{x.person}</td>
                <td>{x.matter}</td>
                <td>{x.basis}</td>
                <td>{x.measure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">本年度无责任追究</p>
      )}
      {p.manage ? (
        <RecordForm
          action={`${ASSESSMENT}/accountability?year=${year}`}
          csrf={p.csrf}
          form={af}
          fields={ACCOUNTABILITY}
          submit="登记责任追究"
        />
      ) : null}
    </>
  );
}
