/** Pure view of 业务培训: the year's trainings, attendance per person, the form that records one. */
import type { FormState } from '../forms.tsx';
import { RecordForm, type FieldSpec } from './record-form.tsx';
import { AgencyPicker, type Choice } from './agency-picker.tsx';
import {
  TRAINING_LEVEL_LABELS,
  TRAINING_MODE_LABELS,
  attendanceByPerson,
  type Training,
} from '../../../supervision/trainings.ts';

export const TRAININGS = '/office/supervision/trainings';
const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

export function TrainingsView(p: {
  year: number;
  agencyId: number;
  trainings: Training[];
  users: Choice[];
  manage: boolean;
  choices: Choice[];
  csrf: string;
  form: FormState;
}) {
  const ts = p.trainings;
  const per = attendanceByPerson(ts);
  const fields: FieldSpec[] = [
    {
      kind: 'select',
      name: 'level',
      label: '级别',
      required: true,
      options: options(TRAINING_LEVEL_LABELS),
      blank: '请选择',
    },
    {
      kind: 'select',
      name: 'mode',
      label: '方式',
      required: true,
      options: options(TRAINING_MODE_LABELS),
      blank: '请选择',
    },
    { kind: 'date', name: 'heldOn', label: '日期', required: true },
    { kind: 'text', name: 'topic', label: '主题', required: true },
    { kind: 'text', name: 'trainer', label: '授课人或举办单位', required: true },
    { kind: 'checkboxes', name: 'attendeeIds', legend: '参训人员（系统用户）', options: p.users },
    { kind: 'textarea', name: 'others', label: '其他参训人员（每行一人）', rows: 3 },
    { kind: 'textarea', name: 'materials', label: '培训材料', rows: 2, hint: '材料名称或链接' },
  ];
  return (
    <>
      <h1>{p.year}年业务培训</h1>
      <AgencyPicker choices={p.choices} current={p.agencyId} action={TRAININGS} />
      <p>
        上级业务培训 {ts.filter((t) => t.level === 'superior').length} 次，本级业务培训{' '}
        {ts.filter((t) => t.level === 'township').length} 次。
      </p>
      {ts.length ? (
        <table class="data" id="trainings">
          <thead>
            <tr>
              <th scope="col">日期</th>
              <th scope="col">级别</th>
              <th scope="col">主题</th>
              <th scope="col">授课人/举办单位</th>
              <th scope="col">参训人员</th>
              <th scope="col">材料</th>
            </tr>
          </thead>
          <tbody>
            {ts.map((t) => (
              <tr>
                <td>{t.heldOn}</td>
                <td>
                  {TRAINING_LEVEL_LABELS[t.level]}（{TRAINING_MODE_LABELS[t.mode]}）
                </td>
                <td>{t.topic}</td>
                <td>{t.trainer}</td>
                <td>{[...t.attendees.map((a) => a.name), ...t.others].join('、')}</td>
                <td>{t.materials}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">本年度暂无培训记录</p>
      )}
      {per.length ? (
        <>
          <h2>参训情况（按姓名）</h2>
          <table class="data">
            <tbody>
              {per.map((x) => (
                <tr>
                  <td>{x.name}</td>
                  <td>参加{x.count}次</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
      {p.manage ? (
        <section>
          <h2>登记培训</h2>
          <RecordForm action={TRAININGS} csrf={p.csrf} form={p.form} fields={fields} submit="登记" />
        </section>
      ) : null}
    </>
  );
}
