/** Pure views of the problem ledger: the status badge, the ledger table, the form that records a problem. */
import type { FormState } from '../forms.tsx';
import { RecordForm, type FieldSpec } from './record-form.tsx';
import { AgencyPicker, type Choice } from './agency-picker.tsx';
import { SOURCE_LABELS, isOverdue, statusLabel } from '../../../supervision/problem.ts';
import type { LedgerPage, Problem } from '../../../supervision/index.ts';

export const PROBLEMS = '/office/supervision/problems';

export function StatusBadge({
  p,
  today,
  pending,
  waiting,
}: {
  p: Problem;
  today: string;
  pending: number;
  waiting: boolean;
}) {
  const label = statusLabel(
    {
      status: p.status,
      deadline: p.deadline,
      isRecurring: p.isRecurring,
      pendingFollowUps: pending,
      supervisionWaiting: waiting,
    },
    today,
  );
  const cls = isOverdue(p, today) ? 'badge err' : p.status === 'closed' ? 'badge ok' : 'badge warn';
  return (
    <>
      <span class={cls}>{label}</span>
      {p.isRecurring ? <span class="badge err">复发</span> : null}
      {waiting ? <span class="badge err">县级督办待答复</span> : null}
    </>
  );
}

const STATUS_FILTERS: { value: string; label: string }[] = [
  { value: '', label: '全部' },
  { value: 'open', label: '待整改' },
  { value: 'overdue', label: '整改逾期' },
  { value: 'rectified', label: '已整改待销号' },
  { value: 'closed', label: '已销号' },
  { value: 'recurring', label: '复发' },
];

export function LedgerView({ d, today, choices }: { d: LedgerPage; today: string; choices: Choice[] }) {
  const q = (s: string) => `${PROBLEMS}?agency=${d.agencyId}${s ? `&status=${s}` : ''}`;
  return (
    <>
      <h1>整改台账</h1>
      <AgencyPicker choices={choices} current={d.agencyId} action={PROBLEMS} />
      {d.villageOnly ? (
        <p class="muted">
          仅列出与本村有关的问题：责任单位为本村、问题涉及本村（由乡镇站办所整改，本村只读），或责任人为您本人。
        </p>
      ) : null}
      <p class="filters">
        {STATUS_FILTERS.map((f) => (
          <a
            href={q(f.value)}
            aria-current={(d.status || '') === f.value ? 'page' : undefined}
            class="button"
          >
            {f.label}
          </a>
        ))}
        {d.canRecord ? (
          <a class="button primary" href={`${PROBLEMS}/new?agency=${d.agencyId}`}>
            登记问题
          </a>
        ) : null}
      </p>
      {d.problems.length === 0 ? (
        <p class="empty">暂无问题</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data" id="ledger">
            <thead>
              <tr>
                <th scope="col">编号</th>
                <th scope="col">问题</th>
                <th scope="col">责任单位</th>
                <th scope="col">责任人</th>
                <th scope="col">来源</th>
                <th scope="col">发现日期</th>
                <th scope="col">整改期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {d.problems.map((p) => (
                <tr data-id={String(p.id)}>
                  <td>{p.reference}</td>
                  <td>
                    <a href={`${PROBLEMS}/${p.id}`}>{p.title}</a>
                  </td>
                  <td>{p.unitName}</td>
                  <td>{p.responsibleName}</td>
                  <td>{SOURCE_LABELS[p.source]}</td>
                  <td>{p.foundOn}</td>
                  <td>{p.deadline}</td>
                  <td>
                    <StatusBadge
                      p={p}
                      today={today}
                      pending={d.pending.get(p.id) ?? 0}
                      waiting={d.waiting.has(p.id)}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function NewProblemView(p: {
  agencyId: number;
  csrf: string;
  form: FormState;
  units: Choice[];
  users: Choice[];
  villages: Choice[];
}) {
  const fields: FieldSpec[] = [
    { kind: 'text', name: 'title', label: '问题', required: true },
    { kind: 'textarea', name: 'description', label: '问题说明', rows: 4 },
    { kind: 'select', name: 'unit', label: '责任单位', required: true, options: p.units, blank: '请选择' },
    {
      kind: 'select',
      name: 'responsibleUserId',
      label: '责任人（系统用户）',
      options: p.users,
      blank: '（不指定，由单位负责人整改）',
    },
    { kind: 'text', name: 'responsibleName', label: '责任人（非系统用户时填写姓名）' },
    {
      kind: 'select',
      name: 'villageId',
      label: '所涉村',
      options: p.villages,
      blank: '（不涉及某个村，或责任单位就是该村；涉及某村而由站办所整改时选择该村）',
    },
    { kind: 'date', name: 'deadline', label: '整改期限', hint: '不填默认15天' },
    {
      kind: 'text',
      name: 'link',
      label: '涉及信息的链接',
      hint: '如：/publications/12、/office/villages/items/5',
    },
    { kind: 'photos', name: 'photos', label: '现场照片', id: 'f-photos' },
  ];
  return (
    <>
      <h1>登记问题</h1>
      <RecordForm
        action={`${PROBLEMS}/new?agency=${p.agencyId}`}
        csrf={p.csrf}
        form={p.form}
        fields={fields}
        submit="登记并通知责任人"
        multipart
      />
    </>
  );
}
