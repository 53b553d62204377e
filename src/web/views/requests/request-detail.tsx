/**
 * A request's back-office page: the applicant, the request, its clock, the result, the step forms (step-forms.tsx),
 * the letters, the record and the audit log. Pure: it renders what requestPageQuery read.
 */
import type { Actor } from '../../../context.ts';
import {
  WaitingPanel,
  declineFields,
  extensionRequestFields,
  reassignFields,
  type PanelForm,
} from '../waiting-panel.tsx';
import { StepErrors } from '../step-error.tsx';
import { describeReason, type SkipReason } from '../../../calendar/calendar.ts';
import {
  APPLICANT_KIND_LABELS,
  CHANNEL_LABELS,
  OUTCOME_LABELS,
  STATE_LABELS,
  actionsFrom,
  type RequestAction,
} from '../../../requests/request.ts';
import { requestPolicy, type RequestScope } from '../../../requests/request.policy.ts';
import { lateConfirmationNote } from '../../../requests/decision-rules.ts';
import { maskIdNumber } from '../../../requests/id-numbers.ts';
import { DELIVERY_METHOD_LABELS } from '../../../requests/request.schema.ts';
import type { RequestPage } from '../../../requests/index.ts';
import { LABELS } from '../../../annual-report/index.ts';
import { REQUEST_STEPS } from '../../request-steps.ts';
import { nextStep } from '../../request-next-step.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
import { safeFileName } from '../../../text/file-name.ts';
import { BASE, DueBadge, Interp } from './shared.tsx';
import { StepFormView, requestStepForms, type Forms } from './step-forms.tsx';

const STEP_SUMMARIES = Object.fromEntries(Object.entries(REQUEST_STEPS).map(([k, v]) => [k, v.summary]));

export function RequestDetail(p: {
  page: RequestPage;
  actor: Actor;
  today: string;
  csrf: string;
  /** The forms of a failed submit, by step. */
  forms: Forms;
  auditLabels: Readonly<Record<string, string>>;
}) {
  const { page, today, forms } = p;
  const {
    request: r,
    scope,
    agency,
    clock,
    corrections,
    consultations,
    users,
    reasonRequests,
    waiting,
  } = page;
  const { notes, attachments, letters, deliveries, withheld, waivers, events, duplicateOf: dup } = page;
  const id = r.id;
  const undelivered = [
    ...corrections
      .filter((k) => !k.delivered_on && !k.received_on)
      .map(() => ({ notice: 'correction', label: '补正告知书' })),
    ...reasonRequests
      .filter((k) => !k.delivered_on && !k.answered_on)
      .map(() => ({ notice: 'reasons', label: '说明理由告知书' })),
  ];
  const can = (a: keyof typeof requestPolicy) => requestPolicy[a](p.actor, scope as RequestScope);
  const available = new Set<RequestAction>(actionsFrom(r.status));
  const handle = can('handle');
  const openConsult = consultations.filter((x) => !x.answer);
  const pendingExtension = r.extensionRequestedAt != null && r.extensionDays == null;
  const panelActions: PanelForm[] = [
    ...(handle &&
    can('requestExtension') &&
    available.has('extend') &&
    r.extensionDays == null &&
    !pendingExtension
      ? [{ action: 'extension-request', title: '申请延期答复（报负责人批准）', body: extensionRequestFields }]
      : []),
    ...(pendingExtension && can('extend')
      ? [{ action: 'extension-decline', title: '不同意延期', body: declineFields }]
      : []),
    ...waiting
      .filter((w) => w.step && can('reassign'))
      .map((w) => ({
        action: 'reassign',
        title: `指派“${w.label}”给其他人`,
        hidden: { step: w.step!, version: String(r.version) },
        body: reassignFields(users.filter((u) => u.isActive)),
      })),
  ];
  const next = nextStep({
    status: r.status,
    available,
    canRegister: can('register'),
    canHandle: handle,
    canApprove: can('approve'),
    undeliveredNotices: undelivered.length,
    openConsultations: openConsult.length,
  });
  const steps = requestStepForms({ page, today, can, handle, available, undelivered, pendingExtension });
  return (
    <>
      <p>
        <a href={BASE}>← 返回台账</a>
      </p>
      <h1>
        <span class="ref">{r.reference}</span> <span class="badge">{STATE_LABELS[r.status]}</span>
      </h1>
      <StepErrors forms={forms} summaries={STEP_SUMMARIES} stateLabel={STATE_LABELS[r.status]} />
      <WaitingPanel
        items={waiting}
        names={new Map(users.map((u) => [u.id, u.displayName]))}
        csrf={p.csrf}
        base={`${BASE}/${id}`}
        forms={forms}
        actions={panelActions}
      />
      {dup ? (
        <div class="form-error" role="alert">
          疑似重复申请：同一申请人曾申请相同信息并已答复（<a href={`${BASE}/${dup.id}`}>{dup.reference}</a>
          ）。如确属重复，可按“重复申请”答复（条例第三十六条第（六）项）。
        </div>
      ) : null}
      <div class="cards">
        <section class="card">
          <h2>申请人</h2>
          <p>
            {r.applicantName}（{APPLICANT_KIND_LABELS[r.applicantKind]}）
          </p>
          <p class="muted">证件：{maskIdNumber(r.idNumber)}</p>
          <p class="muted">{[r.phone, r.email, r.address].filter(Boolean).join(' · ')}</p>
          {r.needsAssistance ? <p class="badge warn">需要帮助：{r.assistanceNote ?? '（未说明）'}</p> : null}
        </section>
        <section class="card">
          <h2>申请内容</h2>
          <p>{r.infoDescription}</p>
          {r.infoDocNo ? <p class="muted">文号：{r.infoDocNo}</p> : null}
          <p class="muted">
            渠道：{CHANNEL_LABELS[r.channel]} · 提交：{r.submittedOn} · 收到：{r.receivedOn ?? '待确认'}
          </p>
        </section>
        <section class="card">
          <h2>答复期限</h2>
          <p class="stat">
            <DueBadge r={r} today={today} />
          </p>
          {!r.receivedOn && r.status !== 'awaiting_correction' ? (
            <p class="muted">确认收到申请后起算：自收到申请之日起20个工作日内答复（条例第三十三条）</p>
          ) : null}
          {r.status === 'awaiting_correction' ? (
            <p>补正中：答复期限自收到补正之日起重新计算（条例第三十条）</p>
          ) : null}
          {r.extensionDays ? (
            <p class="muted">
              已延期{r.extensionDays}个工作日（{r.extensionApprovedByName}批准）
            </p>
          ) : null}
          {r.correctionNoticeDueOn && !corrections.length && r.receivedOn ? (
            <p class="muted">如需补正，应于 {r.correctionNoticeDueOn} 前告知</p>
          ) : null}
          {r.feeDueOn ? <p class="muted">缴费期限：{r.feeDueOn}</p> : null}
        </section>
      </div>

      {clock ? (
        <details>
          <summary>期限是如何计算的</summary>
          <ol>
            {clock.steps.map((s) => (
              <li>
                {s.date}：{s.note}
              </li>
            ))}
          </ol>
          {clock.skipped.length ? (
            <p class="muted">
              不计入的日期：
              {clock.skipped
                .map(
                  (s) =>
                    `${s.date}（${s.reason.startsWith('paused:') ? s.reason.slice(7) : describeReason(s.reason as SkipReason)}）`,
                )
                .join('、')}
            </p>
          ) : null}
          <p class="muted">
            征求意见期间的起止按默认解释计算 <Interp />
            {clock.provisional ? '；涉及尚未载入放假安排的年度，期限为暂定，载入后自动重新计算' : ''}
          </p>
        </details>
      ) : null}

      {r.outcome ? (
        <section>
          <h2>办理结果</h2>
          <p>
            {OUTCOME_LABELS[r.outcome]} · 年报统计：
            {r.reportRow ? (LABELS.bRow[r.reportRow as keyof typeof LABELS.bRow] ?? r.reportRow) : ''}{' '}
            <Interp />
          </p>
          <p>依据：条例{r.basis}</p>
          <p>{r.decisionReason}</p>
          {withheld.length ? (
            <ul>
              {withheld.map((w) => (
                <li>
                  不予公开：{w.part} —— {w.reason}（
                  {OUTCOME_LABELS[w.ground as keyof typeof OUTCOME_LABELS] ?? w.ground}）
                </li>
              ))}
            </ul>
          ) : null}
          <p class="muted">
            拟办：{r.decidedByName ?? '—'}
            {r.approvedByName ? ` · 审批：${r.approvedByName}` : ''}
            {r.closedOn ? ` · 答复日期：${r.closedOn}` : ''}
          </p>
        </section>
      ) : null}

      <section aria-labelledby="act-h">
        <h2 id="act-h">办理</h2>
        {steps.map((step) => (
          <StepFormView step={step} requestId={id} csrf={p.csrf} forms={forms} next={next} />
        ))}
      </section>

      <section aria-labelledby="letters-h">
        <h2 id="letters-h">文书</h2>
        {letters.length === 0 ? (
          <p class="empty">暂无</p>
        ) : (
          <table class="data">
            <tbody>
              {letters.map((l) => (
                <tr>
                  <td>{l.doc_no}</td>
                  <td>
                    {l.title}
                    {l.for_applicant ? '' : `（致${l.addressee}）`}
                  </td>
                  <td>{l.issued_on}</td>
                  <td>
                    <a href={`${BASE}/${id}/letters/${l.id}.docx`}>Word</a> ·{' '}
                    <a href={`${BASE}/${id}/letters/${l.id}.pdf`}>PDF</a>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="rec-h">
        <h2 id="rec-h">办理记录</h2>
        <ul>
          {corrections.map((k) => (
            <li>
              补正告知（{k.notice_on}
              {k.delivered_on ? `，${k.delivered_on}送达，期限至${k.period_end_on}` : '，待登记签收'}）：
              {k.items}
              {k.received_on ? `；${k.received_on}收到补正` : ''}
            </li>
          ))}
          {r.lateConfirmationReason ? (
            <li class="badge warn">
              {lateConfirmationNote(r.channel, r.submittedOn, r.receivedOn ?? '')}：{r.lateConfirmationReason}
            </li>
          ) : null}
          {reasonRequests.map((k) => (
            <li>
              说明理由告知（{k.notice_on}
              {k.delivered_on ? `，${k.delivered_on}送达，期限至${k.period_end_on}` : '，待登记签收'}）：
              {k.matter}
              {k.answered_on ? `；${k.answered_on}收到理由：${k.answer}` : ''}
            </li>
          ))}
          {r.laterReplyOn ? (
            <li>
              延迟答复（条例第三十五条）：至{r.laterReplyOn}，原因：{r.laterReplyReason}
            </li>
          ) : null}
          {r.disclosureNotBefore ? <li>第三方等待期：{r.disclosureNotBefore}起方可提供信息</li> : null}
          {consultations.map((k) => (
            <li>
              征求意见：{k.party}（{k.sent_on}发出{k.delivered_on ? `，${k.delivered_on}收到` : ''}）
              {k.answer
                ? `；${{ agree: '同意公开', object: '不同意公开', none: '逾期未提出意见' }[k.answer] ?? k.answer}${k.answered_on ? `（${k.answered_on}）` : ''}`
                : '；等待意见'}
              {k.decision_notice_on
                ? `；${k.decision_notice_on}发出决定公开告知书${k.decision_notice_delivered_on ? `，${k.decision_notice_delivered_on}收到` : '，待登记收到'}`
                : ''}
            </li>
          ))}
          {waivers.map((w) => (
            <li class={w.superseded ? 'muted' : undefined}>
              减免决定（{w.decided_on}，{w.decided_by_name}）：
              {w.is_full ? '全部免收' : `减免${w.amount_waived}元`}，理由：{w.reason}
              {w.superseded ? '（已被新的决定取代）' : ''}
            </li>
          ))}
          {r.feeNoticeOn ? (
            <li>
              收费通知：{r.feeAmount}元（{r.feeMethod === 'by_count' ? '按件' : '按量'}），{r.feeNoticeOn}收到
              {r.feePaidOn ? `；${r.feePaidOn}缴费，票据${r.feeReceiptNo}` : ''}
            </li>
          ) : null}
          {deliveries.map((d) => (
            <li>
              送达：{DELIVERY_METHOD_LABELS[d.method as keyof typeof DELIVERY_METHOD_LABELS] ?? d.method}，
              {d.delivered_on}
              {d.proof ? `（${d.proof}）` : ''}
            </li>
          ))}
          {notes.map((n) => (
            <li>
              {beijingDateTime(n.created_at)} {n.author_name}：{n.body}
            </li>
          ))}
          {attachments.map((a) => (
            <li>
              附件：<a href={`${BASE}/${id}/attachments/${a.id}`}>{safeFileName(a.file_name)}</a>（
              {a.source === 'applicant' ? '申请人提交' : a.uploaded_by_name}
              {a.source === 'disclosed' ? '，答复提供的信息' : ''}，{Math.ceil(a.size / 1024)}KB）
            </li>
          ))}
        </ul>
      </section>

      <details>
        <summary>操作日志</summary>
        <ul>
          {events.map((e) => (
            <li>
              {beijingDateTime(e.occurred_at)} {e.actor_name} {p.auditLabels[e.action] ?? '其他操作'}{' '}
              {e.note ?? ''}
            </li>
          ))}
        </ul>
      </details>
      <p class="muted">
        机关：{agency.name} · 版本 {r.version}
      </p>
    </>
  );
}
