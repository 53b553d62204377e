/** Pure views of 社会评议: the questionnaires, one questionnaire's results, the response fields (online and paper). */
import { str } from '../../form.ts';
import { type FormState } from '../forms.tsx';
import { FormFields, RecordForm, type FieldSpec } from './record-form.tsx';
import { AgencyPicker, type Choice } from './agency-picker.tsx';
import {
  GROUPS,
  GROUP_LABELS,
  type EvaluationResults,
  type Questionnaire,
} from '../../../supervision/evaluations.ts';

export const EVALUATIONS = '/office/supervision/evaluations';

const NEW_QUESTIONNAIRE: FieldSpec[] = [
  { kind: 'text', name: 'year', label: '年度', required: true },
  { kind: 'text', name: 'title', label: '标题', required: true },
  {
    kind: 'textarea',
    name: 'items',
    label: '评议项目（每行一项，每项按1—5分评价）',
    required: true,
    rows: 6,
  },
];

export function EvaluationsView(p: {
  agencyId: number;
  questionnaires: Questionnaire[];
  manage: boolean;
  choices: Choice[];
  csrf: string;
  form: FormState;
}) {
  return (
    <>
      <h1>社会评议</h1>
      <AgencyPicker choices={p.choices} current={p.agencyId} action={EVALUATIONS} />
      {p.questionnaires.length ? (
        <ul id="questionnaires">
          {p.questionnaires.map((q) => (
            <li>
              <a href={`${EVALUATIONS}/${q.id}`}>{q.title}</a>（{q.year}年{q.isOpen ? '' : '，已结束'}）
            </li>
          ))}
        </ul>
      ) : (
        <p class="empty">暂无评议问卷</p>
      )}
      {p.manage ? (
        <section>
          <h2>新建问卷</h2>
          <RecordForm
            action={EVALUATIONS}
            csrf={p.csrf}
            form={p.form}
            fields={NEW_QUESTIONNAIRE}
            submit="新建"
          />
        </section>
      ) : null}
    </>
  );
}

/** Who answers, the 1–5 score of each item, the comment: the same online and on paper. */
export function ResponseFields({ form, q }: { form: FormState; q: Questionnaire }) {
  return (
    <>
      <FormFields
        form={form}
        fields={[
          {
            kind: 'select',
            name: 'group',
            label: '评议人身份',
            required: true,
            options: GROUPS.map((g) => ({ value: g, label: GROUP_LABELS[g] })),
            blank: '请选择',
          },
          { kind: 'text', name: 'name', label: '姓名（可不填，匿名评议）' },
        ]}
      />
      {q.items.map((it, i) => (
        <fieldset class={form.errors.scores ? 'field has-error' : 'field'}>
          <legend>
            {i + 1}. {it}
          </legend>
          {[5, 4, 3, 2, 1].map((s) => (
            <label class="check">
              <input
                type="radio"
                name={`score-${i}`}
                value={String(s)}
                checked={str(form.values[`score-${i}`]) === String(s)}
              />{' '}
              {s}分
            </label>
          ))}
        </fieldset>
      ))}
      {form.errors.scores ? <p class="error">{form.errors.scores}</p> : null}
      <FormFields
        form={form}
        fields={[
          {
            kind: 'textarea',
            name: 'comment',
            label: '意见建议',
            rows: 4,
            hint: '请勿填写身份证号、电话等个人信息',
          },
        ]}
      />
    </>
  );
}

export function QuestionnaireView(p: {
  q: Questionnaire;
  results: EvaluationResults;
  raw: boolean;
  manage: boolean;
  publicUrl: string;
  csrf: string;
  form: FormState;
}) {
  const { q, results: r } = p;
  return (
    <>
      <p>
        <a href={`${EVALUATIONS}?agency=${q.agencyId}`}>← 社会评议</a>
      </p>
      <h1>{q.title}</h1>
      <p>
        线上评议地址：<a href={p.publicUrl}>{p.publicUrl}</a>
      </p>
      <img src={`${EVALUATIONS}/${q.id}/qr.svg`} alt="评议二维码" width="160" height="160" />
      <h2>评议结果（共{r.responses}份）</h2>
      <table class="data" id="results">
        <thead>
          <tr>
            <th scope="col">评议项目</th>
            {r.byGroup.map((g) => (
              <th scope="col">
                {g.label}（{g.responses}份）
              </th>
            ))}
            <th scope="col">全部</th>
          </tr>
        </thead>
        <tbody>
          {q.items.map((it, i) => (
            <tr>
              <th scope="row">{it}</th>
              {r.byGroup.map((g) => (
                <td>{g.averages[i] ?? '—'}</td>
              ))}
              <td>{r.overall[i] ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>平均分：{r.average ?? '—'}（满分5分）</p>
      <h2>意见建议</h2>
      {!p.raw ? <p class="muted">已屏蔽个人信息</p> : null}
      <ul id="comments">
        {r.comments.map((x) => (
          <li>
            {x.group}（{x.channel}）：{x.text}
          </li>
        ))}
      </ul>
      {p.manage ? (
        <section>
          <h2>录入纸质问卷</h2>
          <RecordForm
            action={`${EVALUATIONS}/${q.id}/paper`}
            csrf={p.csrf}
            form={p.form}
            fields={[]}
            submit="录入"
          >
            <ResponseFields form={p.form} q={q} />
          </RecordForm>
        </section>
      ) : null}
    </>
  );
}

/** The public questionnaire at /evaluate/<token>: the form, “ended”, or the thanks after submitting. */
export function PublicQuestionnaireView(p: {
  q: Questionnaire;
  csrf: string;
  form: FormState;
  done: boolean;
}) {
  return (
    <>
      <h1>{p.q.title}</h1>
      {p.done ? (
        <p class="flash" role="status">
          提交成功，感谢您的评议！
        </p>
      ) : !p.q.isOpen ? (
        <p>该评议已结束。</p>
      ) : (
        <RecordForm
          action={`/evaluate/${p.q.token}`}
          csrf={p.csrf}
          form={p.form}
          fields={[]}
          submit="提交评议"
        >
          <ResponseFields form={p.form} q={p.q} />
        </RecordForm>
      )}
    </>
  );
}
