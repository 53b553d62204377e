/** Pure view of one problem: facts, evidence, the step forms the actor may use now, 回头看, 督办 and the history. */
import { emptyForm, FormError, type FormState } from '../forms.tsx';
import { RecordForm, superviseFields, type FieldSpec } from './record-form.tsx';
import { PROBLEMS, StatusBadge } from './problem-views.tsx';
import { FOLLOW_UP_STATUS_LABELS, SOURCE_LABELS, UNIT_KIND_LABELS } from '../../../supervision/problem.ts';
import { STAGE_LABELS } from '../../../supervision/evidence.ts';
import type { ProblemPage } from '../../../supervision/index.ts';
import { beijingDateTime } from '../../../beijing-time.ts';

const beijing = (iso: string | null) => (iso ? beijingDateTime(iso) : '—');

const RECTIFY: FieldSpec[] = [
  { kind: 'textarea', name: 'note', label: '整改情况', required: true, rows: 4 },
  { kind: 'photos', name: 'photos', label: '整改照片', id: 'f-photos' },
  { kind: 'text', name: 'link', label: '整改后信息的链接', hint: '照片和链接至少提供一项' },
];
const CLOSE_OUT: FieldSpec[] = [
  {
    kind: 'select',
    name: 'decision',
    label: '复核结论',
    required: true,
    options: [
      { value: 'close', label: '整改到位，销号' },
      { value: 'return', label: '整改不到位，退回重新整改' },
    ],
  },
  { kind: 'textarea', name: 'note', label: '复核意见', required: true, rows: 3 },
];
const followUpFields = (id: number): FieldSpec[] => [
  {
    kind: 'select',
    name: 'result',
    label: '回头看结果',
    required: true,
    options: [
      { value: 'passed', label: '整改巩固，未复发' },
      { value: 'recurred', label: '发现问题复发，重新整改' },
    ],
    blank: '请选择',
  },
  { kind: 'textarea', name: 'note', label: '回头看情况', required: true, rows: 2 },
  { kind: 'photos', name: 'photos', label: '现场照片', id: `f-fu-photos-${id}` },
];
const ANSWER: FieldSpec[] = [
  { kind: 'textarea', name: 'answer', label: '答复督办', required: true, rows: 3 },
];
export function ProblemDetailView({
  d,
  csrf,
  forms,
}: {
  d: ProblemPage;
  csrf: string;
  forms: Record<string, FormState>;
}) {
  const { problem: p, today, can } = d;
  const id = p.id;
  const photo = (eid: number) => `${PROBLEMS}/${id}/evidence/${eid}`;
  const f = (k: string) => forms[k] ?? emptyForm();
  const version = { kind: 'hidden', name: 'version', value: String(p.version) } as const;
  return (
    <>
      <p>
        <a href={`${PROBLEMS}?agency=${p.agencyId}`}>← 整改台账</a>
      </p>
      <h1>{p.title}</h1>
      <p>
        <StatusBadge p={p} today={today} pending={d.pending} waiting={d.waiting} />
      </p>
      {(
        [
          ['supervise', can.supervise],
          ['close', can.close],
          ['rectify', can.rectify],
        ] as const
      ).map(([k, shown]) => (!shown && forms[k] ? <FormError form={forms[k]} /> : null))}
      {d.waitingFor ? (
        <p class="hint" id="waiting-for">
          下一步：{d.waitingFor}
        </p>
      ) : null}
      {d.readOnlyForVillage ? (
        <p class="hint" id="village-read-only">
          该问题涉及本村，由{p.unitName}负责整改，本村可查看整改、销号和回头看进展；如需本村提供材料，请与
          {p.responsibleName}联系。
          {d.village ? <a href={`/office/villages/v/${d.village.id}`}>返回{d.village.name}村级公开</a> : null}
        </p>
      ) : null}
      <dl class="meta">
        <dt>编号</dt>
        <dd>{p.reference}</dd>
        <dt>来源</dt>
        <dd>{SOURCE_LABELS[p.source]}</dd>
        <dt>责任单位</dt>
        <dd>
          {p.unitName}（{UNIT_KIND_LABELS[p.unitKind]}）
        </dd>
        <dt>责任人</dt>
        <dd>{p.responsibleName}</dd>
        {d.village && !(p.unitKind === 'village' && p.unitId === d.village.id) ? (
          <>
            <dt>所涉村</dt>
            <dd>{d.village.name}</dd>
          </>
        ) : null}
        <dt>发现日期</dt>
        <dd>{p.foundOn}</dd>
        <dt>整改期限</dt>
        <dd>{p.deadline}</dd>
        {p.description ? (
          <>
            <dt>问题说明</dt>
            <dd>{p.description}</dd>
          </>
        ) : null}
        {p.link ? (
          <>
            <dt>涉及信息</dt>
            <dd>
              <a href={p.link}>{p.link}</a>
            </dd>
          </>
        ) : null}
        {p.checkKind ? (
          <>
            <dt>系统复查</dt>
            <dd>该问题由每日巡查发现，销号和回头看时系统将自动重新检查</dd>
          </>
        ) : null}
        {p.rectifiedOn ? (
          <>
            <dt>整改情况</dt>
            <dd>
              {p.rectifiedOn} {p.rectifiedByName}：{p.rectificationNote}
            </dd>
          </>
        ) : null}
        {p.closedOn ? (
          <>
            <dt>销号</dt>
            <dd>
              {p.closedOn} {p.closedByName}：{p.closeNote}
            </dd>
          </>
        ) : null}
      </dl>

      <h2>佐证材料</h2>
      {d.evidence.length === 0 ? (
        <p class="empty">暂无</p>
      ) : (
        <ul id="evidence">
          {d.evidence.map((e) => (
            <li>
              <span class="badge">{STAGE_LABELS[e.stage]}</span> {e.createdByName} {beijing(e.createdAt)}：
              {e.kind === 'photo' ? (
                <a href={photo(e.id)}>
                  <img
                    src={photo(e.id)}
                    alt={e.fileName ?? '照片'}
                    style="max-height:120px;vertical-align:middle"
                  />
                </a>
              ) : e.kind === 'link' ? (
                <a href={e.text ?? '#'}>{e.text}</a>
              ) : (
                e.text
              )}
            </li>
          ))}
        </ul>
      )}

      {can.rectify ? (
        <section id="rectify">
          <h2>提交整改</h2>
          <RecordForm
            action={`${PROBLEMS}/${id}/rectify`}
            csrf={csrf}
            form={f('rectify')}
            fields={[version, ...RECTIFY]}
            submit="提交整改，等待复核销号"
            multipart
          />
        </section>
      ) : null}

      {can.close ? (
        <section id="close-out">
          <h2>复核销号</h2>
          <RecordForm
            action={`${PROBLEMS}/${id}/close-out`}
            csrf={csrf}
            form={f('close')}
            fields={[version, ...CLOSE_OUT]}
            submit="提交复核结论"
          />
        </section>
      ) : p.status === 'rectified' ? (
        <p class="muted">销号须由整改人和责任人以外的督查人员复核。</p>
      ) : null}

      <h2>回头看</h2>
      {d.followUps.length === 0 ? (
        <p class="empty">销号后按设置的天数（默认30天、90天）自动安排回头看</p>
      ) : (
        <table class="data" id="follow-ups">
          <thead>
            <tr>
              <th scope="col">安排</th>
              <th scope="col">日期</th>
              <th scope="col">结果</th>
              <th scope="col">说明</th>
            </tr>
          </thead>
          <tbody>
            {d.followUps.map((fu) => (
              <tr>
                <td>销号后{fu.offsetDays}天</td>
                <td>{fu.dueOn}</td>
                <td>{FOLLOW_UP_STATUS_LABELS[fu.status]}</td>
                <td>
                  {fu.note ? `${fu.doneByName ?? ''}：${fu.note}` : null}
                  {fu.status === 'scheduled' && fu.dueOn <= today && can.inspect && !p.checkKind ? (
                    <RecordForm
                      action={`${PROBLEMS}/${id}/follow-ups/${fu.id}`}
                      csrf={csrf}
                      form={f(`fu${fu.id}`)}
                      fields={followUpFields(fu.id)}
                      submit="记录回头看"
                      multipart
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {d.supervisions.length || can.supervise ? <h2>县级督办</h2> : null}
      {d.supervisions.map((s) => (
        <div class="card">
          <p>
            {beijing(s.issuedAt)} {s.issuedByName}督办：{s.demand}（{s.answerBy}前答复）
          </p>
          {s.status === 'answered' ? (
            <p>
              {beijing(s.answeredAt)} {s.answeredByName}答复：{s.answer}
            </p>
          ) : can.answer ? (
            <RecordForm
              action={`${PROBLEMS}/${id}/supervisions/${s.id}/answer`}
              csrf={csrf}
              form={f(`ans${s.id}`)}
              fields={ANSWER}
              submit="提交答复"
            />
          ) : (
            <p class="muted">等待乡镇党政综合办公室答复</p>
          )}
        </div>
      ))}
      {can.supervise ? (
        <RecordForm
          action={`${PROBLEMS}/${id}/supervise`}
          csrf={csrf}
          form={f('supervise')}
          fields={superviseFields(3)}
          submit="发出督办"
          id="supervise"
        />
      ) : null}

      <h2>处理记录</h2>
      <ol class="timeline">
        {d.history.map((a) => (
          <li>
            {beijing(a.occurredAt)} {a.actorName}：{a.label}
            {a.note ? `（${a.note}）` : ''}
          </li>
        ))}
      </ol>
    </>
  );
}
