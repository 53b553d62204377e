/**
 * Back office of 依申请公开: the ledger, registration, a request's page with every step as a form, letters and
 * attachments (the agency-level pages are in requests-admin.tsx). Thin: parse → one use case → present.
 */
import type { ComponentChildren } from 'preact';
import type { App, C } from '../../app-env.ts';
import { currentUser, officePage } from '../../office-page.tsx';
import {
  Csrf,
  Field,
  FormError,
  Select,
  Submit,
  TextArea,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { RequestFields } from '../../views/request-form.tsx';
import {
  WaitingPanel,
  declineFields,
  extensionRequestFields,
  reassignFields,
  type PanelForm,
} from '../../views/waiting-panel.tsx';
import { waitingOfRequest } from '../../../requests/waiting.ts';
import { formData, str } from '../../form.ts';
import { redirectWithFlash } from '../../render.tsx';
import { NotFoundError, ValidationError } from '../../../errors.ts';
import { getCalendar } from '../../../calendar/get-calendar.ts';
import { describeReason, type SkipReason } from '../../../calendar/calendar.ts';
import { listOffices, listUsers } from '../../../org/org.queries.ts';
import { attachment, XLSX_TYPE } from '../../../documents/xlsx.ts';
import { DOCX_TYPE } from '../../../documents/docx.ts';
import {
  ACTION_LABELS,
  APPLICANT_KIND_LABELS,
  CHANNELS,
  CHANNEL_LABELS,
  DECIDABLE_OUTCOMES,
  OUTCOMES,
  OUTCOME_BASIS_HINT,
  OUTCOME_LABELS,
  RECEIPT_RULES,
  RECEIVED_ON_SUBMISSION,
  REQUEST_STATES,
  STATE_LABELS,
  WITHHOLDING_GROUNDS,
  actionsFrom,
  type RequestAction,
} from '../../../requests/request.ts';
import { requestPolicy, type RequestScope } from '../../../requests/request.policy.ts';
import { lateConfirmationNote } from '../../../requests/decision-rules.ts';
import { requestScope } from '../../../requests/requests.queries.ts';
import { resolveRequest } from '../../../requests/request-step.ts';
import { maskIdNumber } from '../../../requests/id-numbers.ts';
import { registerRequest } from '../../../requests/register-request.ts';
import { addRequestAttachment } from '../../../requests/add-request-attachment.ts';

import { exportLedger, listLedger } from '../../../requests/ledger.ts';
import { computeDeadline } from '../../../requests/deadline.ts';
import { deadlineInputOf } from '../../../requests/request-clock.ts';
import { getRequestSettings, reportRowOf } from '../../../requests/settings.ts';
import { letterDocx, letterPdf, storedLetter } from '../../../requests/render-letter.ts';
import { ACCEPT_ATTR, openUpload } from '../../../requests/uploads.ts';
import { filesOf, sendStored } from '../../stored-file.ts';

import { LABELS } from '../../../annual-report/report-format.ts';
import { DELIVERY_METHOD_LABELS } from '../../../requests/request.schema.ts';
import { REQUEST_STEPS } from '../../request-steps.ts';
import { StepErrors } from '../../views/step-error.tsx';

import { NOTICE_DELIVERY_LABELS } from '../../../requests/correction-rules.ts';

import {
  BASE,
  DueBadge,
  Interp,
  formOf,
  inspectableAgencies,
  ledgerAgencyOf,
  opts,
} from './requests-shared.tsx';
import { shorten } from '../../../text/cut.ts';
import { safeFileName } from '../../../text/file-name.ts';

const STEP_SUMMARIES = Object.fromEntries(Object.entries(REQUEST_STEPS).map(([k, v]) => [k, v.summary]));
import { nextStep } from '../../request-next-step.ts';
import { beijingDateTime } from '../../../beijing-time.ts';
/** The month filters the dashboard's charts link with, kept when the form is submitted again. */
function MonthFilters({ received, closed }: { received?: string; closed?: string }) {
  const label = (m: string) => `${m.slice(0, 4)}年${Number(m.slice(5))}月`;
  return (
    <>
      {received ? <input type="hidden" name="received" value={received} /> : null}
      {closed ? <input type="hidden" name="closed" value={closed} /> : null}
      {received || closed ? (
        <p class="muted">
          {received ? `收到申请：${label(received)} ` : ''}
          {closed ? `办结：${label(closed)} ` : ''}
          <a href={BASE}>清除筛选</a>
        </p>
      ) : null}
    </>
  );
}

async function ledgerPage(c: C) {
  const agencyId = await ledgerAgencyOf(c);
  const q = c.req.query();
  const ledger = await listLedger(c.var.ctx, agencyId, q);
  const [offices, users, agencies] = await Promise.all([
    listOffices(c.var.deps.db, agencyId),
    listUsers(c.var.deps.db, agencyId),
    inspectableAgencies(c),
  ]);
  const today = c.var.ctx.clock.today();
  const f = emptyForm(q);
  const pages = Math.max(1, Math.ceil(ledger.total / ledger.pageSize));
  const qs = (page: number) => new URLSearchParams({ ...q, page: String(page) }).toString();
  const scope = await requestScope(c.var.deps.db, agencyId);
  // Links to the agency-level pages keep the agency an inspector chose.
  const agencyQs = agencyId === currentUser(c).agencyId ? '' : `?agency=${agencyId}`;
  return officePage(
    c,
    '依申请公开台账',
    <>
      <h1>依申请公开台账</h1>
      <p>
        {requestPolicy.register(c.var.ctx.actor, scope) ? (
          <a class="button primary" href={`${BASE}/new`}>
            登记申请
          </a>
        ) : null}{' '}
        <a href={`${BASE}/report${agencyQs}`}>年报数据（表二、表三）</a> ·{' '}
        <a href={`${BASE}/appeals${agencyQs}`}>复议诉讼</a>
        {/* The 更正 register is the agency's own (an inspector reading a township below does not reach it). */}
        {agencyQs === '' &&
        requestPolicy.view(c.var.ctx.actor, scope) &&
        c.var.ctx.actor.kind === 'user' &&
        scope.agencyId === c.var.ctx.actor.agencyId &&
        !c.var.ctx.actor.roles.every((r) => r === 'inspector') ? (
          <>
            {' '}
            · <a href={`${BASE}/corrections`}>更正申请</a>
          </>
        ) : null}
        {requestPolicy.manageSettings(c.var.ctx.actor, scope) ? (
          <>
            {' '}
            · <a href={`${BASE}/settings`}>设置与文书模板</a>
          </>
        ) : null}
      </p>
      <form method="get" action={BASE} class="filters">
        {agencies.length > 1 ? (
          <Select
            form={emptyForm({ agency: String(agencyId) })}
            name="agency"
            label="机关"
            options={agencies}
          />
        ) : null}
        <Select
          form={f}
          name="status"
          label="状态"
          blank="全部"
          options={opts(REQUEST_STATES, STATE_LABELS)}
        />
        <Select
          form={f}
          name="due"
          label="期限"
          blank="全部"
          options={[
            { value: 'open', label: '办理中' },
            { value: 'soon', label: '即将到期' },
            { value: 'overdue', label: '已逾期' },
          ]}
        />
        <Select
          form={f}
          name="officeId"
          label="站办所"
          blank="全部"
          options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
        />
        <Select
          form={f}
          name="handlerId"
          label="承办人"
          blank="全部"
          options={users.map((u) => ({ value: String(u.id), label: u.displayName }))}
        />
        <Select
          form={f}
          name="outcome"
          label="办理结果"
          blank="全部"
          options={opts(OUTCOMES, OUTCOME_LABELS)}
        />
        <Field form={f} name="year" label="年度" type="number" />
        <Field form={f} name="q" label="编号或内容" />
        <MonthFilters received={ledger.filter.received} closed={ledger.filter.closed} />
        <button type="submit">筛选</button>{' '}
        <a href={`${BASE}/export.xlsx?${new URLSearchParams({ ...q }).toString()}`}>导出 Excel</a>
      </form>
      <p class="muted">共 {ledger.total} 件</p>
      {ledger.rows.length === 0 ? (
        <p class="empty">没有符合条件的申请</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th scope="col">登记编号</th>
                <th scope="col">申请人</th>
                <th scope="col">证件号码</th>
                <th scope="col">申请内容</th>
                <th scope="col">收到日期</th>
                <th scope="col">答复期限</th>
                <th scope="col">状态</th>
              </tr>
            </thead>
            <tbody>
              {ledger.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`${BASE}/${r.id}`}>{r.reference}</a>
                  </td>
                  <td>
                    {r.applicantName}
                    <br />
                    <span class="muted">{APPLICANT_KIND_LABELS[r.applicantKind]}</span>
                  </td>
                  <td>{r.idNumberMasked}</td>
                  <td>{shorten(r.infoDescription, 41)}</td>
                  <td>{r.receivedOn ?? <span class="badge warn">待确认</span>}</td>
                  <td>
                    <DueBadge r={r} today={today} />
                  </td>
                  <td>{STATE_LABELS[r.status]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav class="pager" aria-label="分页">
          {ledger.page > 1 ? <a href={`${BASE}?${qs(ledger.page - 1)}`}>上一页</a> : null} 第 {ledger.page} /{' '}
          {pages} 页 {ledger.page < pages ? <a href={`${BASE}?${qs(ledger.page + 1)}`}>下一页</a> : null}
        </nav>
      ) : null}
    </>,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Registration

function newPage(c: C, form: FormState, status = 200) {
  return officePage(
    c,
    '登记政府信息公开申请',
    <>
      <h1>登记政府信息公开申请</h1>
      <p class="muted">
        当面、邮寄、传真、电子邮件、口头提出的申请在此登记；网上申请由申请人在门户网站提交。
      </p>
      <form method="post" action={BASE} novalidate class="narrow">
        <Csrf token={c.var.csrf} />
        <FormError form={form} />
        <fieldset class="field">
          <legend>收到申请（条例第三十一条）</legend>
          <Select
            form={form}
            name="channel"
            label="申请渠道"
            required
            options={opts(
              CHANNELS.filter((x) => x !== 'online'),
              CHANNEL_LABELS,
            )}
          />
          <ul class="hint">
            {CHANNELS.filter((x) => x !== 'online').map((ch) => (
              <li>
                {CHANNEL_LABELS[ch]}：{RECEIPT_RULES[ch]}
              </li>
            ))}
          </ul>
          <Field form={form} name="submittedOn" label="提交或到达日期" type="date" required />
          <Field
            form={form}
            name="confirmedOn"
            label="签收或确认日期"
            type="date"
            hint="挂号信填签收日期；平信、传真、电子邮件填与申请人确认的日期（尚未确认的留空，登记为待确认）"
          />
          <Field
            form={form}
            name="receiptEvidence"
            label="收件或确认记录"
            hint="如：挂号信单号、确认电话的时间和接听人"
          />
        </fieldset>
        <RequestFields form={form} />
        <Submit>登记并出具回执</Submit>
      </form>
    </>,
    status,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// A request's page

type Forms = Partial<Record<string, FormState>>;

function ActionForm(p: {
  c: C;
  id: number;
  action: string;
  title: string;
  forms: Forms;
  children?: ComponentChildren;
  button?: string;
  multipart?: boolean;
  /** The page's next likely step (request-next-step.ts): its form opens, the others stay collapsed. */
  next: string | null;
  /** Open whatever the next step is (the head's pending extension request). */
  open?: boolean;
}) {
  const form = p.forms[p.action] ?? emptyForm();
  const rejected = Object.keys(form.errors).length > 0 || Boolean(form.message);
  return (
    <details open={p.open || p.action === p.next || rejected} class="action" id={`act-${p.action}`}>
      <summary>{p.title}</summary>
      <form
        method="post"
        action={`${BASE}/${p.id}/${p.action}`}
        novalidate
        enctype={p.multipart ? 'multipart/form-data' : undefined}
      >
        <Csrf token={p.c.var.csrf} />
        {Object.keys(form.errors).length ? <FormError form={form} /> : null}
        {p.children}
        <Submit>{p.button ?? p.title}</Submit>
      </form>
    </details>
  );
}

async function detailPage(c: C, id: number, forms: Forms = {}, status = 200) {
  const ctx = c.var.ctx;
  const db = c.var.deps.db;
  const { request: r, scope, agency } = await resolveRequest(ctx, id);
  const today = ctx.clock.today();
  const settings = await getRequestSettings(db, r.agencyId);
  const cal = await getCalendar(db, r.agencyId);
  const input = await deadlineInputOf(db, r, settings.feePausesReplyClock);
  const clock = input ? computeDeadline(cal, input) : null;
  const [
    corrections,
    consultations,
    notes,
    attachments,
    letters,
    deliveries,
    withheld,
    waivers,
    offices,
    users,
    events,
    dup,
    reasonRequests,
  ] = await Promise.all([
    db.selectFrom('request_corrections').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_consultations').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_notes').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_attachments').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_letters').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_deliveries').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_withheld_parts').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    db.selectFrom('request_fee_waivers').selectAll().where('request_id', '=', id).orderBy('id').execute(),
    listOffices(db, r.agencyId),
    listUsers(db, r.agencyId),
    db
      .selectFrom('audit_events')
      .select(['occurred_at', 'actor_name', 'action', 'note'])
      .where('object_type', '=', 'info_request')
      .where('object_id', '=', String(id))
      .orderBy('id')
      .execute(),
    r.duplicateOfId
      ? db
          .selectFrom('info_requests')
          .select(['id', 'reference'])
          .where('id', '=', r.duplicateOfId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
    db.selectFrom('request_reason_requests').selectAll().where('request_id', '=', id).orderBy('id').execute(),
  ]);
  const handling = ['accepted', 'extended', 'consulting'].includes(r.status);
  const undelivered = [
    ...corrections
      .filter((k) => !k.delivered_on && !k.received_on)
      .map(() => ({ notice: 'correction', label: '补正告知书' })),
    ...reasonRequests
      .filter((k) => !k.delivered_on && !k.answered_on)
      .map(() => ({ notice: 'reasons', label: '说明理由告知书' })),
  ];
  const reasonsOpen = reasonRequests.find((k) => !k.answered_on);
  const actor = ctx.actor;
  const can = (a: keyof typeof requestPolicy) => requestPolicy[a](actor, scope as RequestScope);
  const available = new Set<RequestAction>(actionsFrom(r.status));
  const handle = can('handle');
  const openConsult = consultations.filter((x) => !x.answer);
  const f = (k: string, v: FormState['values'] = {}) => ({ ...forms, [k]: forms[k] ?? emptyForm(v) });
  const fx = (k: string, v: FormState['values'] = {}) => f(k, v)[k]!;
  const ver = <input type="hidden" name="expectedVersion" value={String(r.version)} />;
  const waiting = await waitingOfRequest(db, r);
  const pendingExtension = r.extensionRequestedAt != null && r.extensionDays == null;
  // The head approves what the clerk asked for (and may change it).
  const extensionDefaults = pendingExtension
    ? { days: String(r.extensionRequestedDays ?? 20), reason: r.extensionRequestedReason ?? '' }
    : { days: '20' };
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
  return officePage(
    c,
    `申请 ${r.reference}`,
    <>
      <p>
        <a href={BASE}>← 返回台账</a>
      </p>
      <h1>
        {r.reference} <span class="badge">{STATE_LABELS[r.status]}</span>
      </h1>
      <StepErrors forms={forms} summaries={STEP_SUMMARIES} stateLabel={STATE_LABELS[r.status]} />
      <WaitingPanel
        items={waiting}
        names={new Map(users.map((u) => [u.id, u.displayName]))}
        csrf={c.var.csrf}
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
        {available.has('confirm') && can('register') ? (
          <>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="confirm"
              title="确认收到申请"
              forms={f('confirm', { confirmedOn: today })}
            >
              <p class="hint">{RECEIPT_RULES[r.channel]}</p>
              <Field
                form={fx('confirm', { confirmedOn: today })}
                name="confirmedOn"
                label="确认日期"
                type="date"
                required
              />
              <Field
                form={fx('confirm')}
                name="evidence"
                label="确认记录"
                required
                hint="如：2026-03-02 电话与申请人确认，接听人本人"
              />
              {!RECEIVED_ON_SUBMISSION.includes(r.channel) && r.channel !== 'registered_mail' ? (
                <Field
                  form={fx('confirm')}
                  name="lateReason"
                  label="未能在到达当日确认的原因"
                  hint={`${CHANNEL_LABELS[r.channel]}于${r.submittedOn}到达。条例第三十一条要求收到即确认；确认日晚于到达日的，须填写原因，收到申请的日期与答复期限随确认日推后`}
                />
              ) : null}
            </ActionForm>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="contact"
              title="登记联系情况（未能确认时）"
              forms={forms}
            >
              <Field form={fx('contact')} name="method" label="联系方式" required />
              <Field form={fx('contact')} name="result" label="联系结果" required />
            </ActionForm>
          </>
        ) : null}
        {can('assign') && !['archived', 'withdrawn', 'abandoned'].includes(r.status) ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="assign"
            title="分办"
            forms={f('assign', { officeId: String(r.officeId ?? ''), handlerId: String(r.handlerId ?? '') })}
          >
            <Select
              form={fx('assign', { officeId: String(r.officeId ?? '') })}
              name="officeId"
              label="站办所"
              blank="（不变）"
              options={offices.map((o) => ({ value: String(o.id), label: o.name }))}
            />
            <Select
              form={fx('assign', { handlerId: String(r.handlerId ?? '') })}
              name="handlerId"
              label="承办人"
              blank="（未指定）"
              options={users
                .filter((u) => u.isActive)
                .map((u) => ({ value: String(u.id), label: u.displayName }))}
            />
          </ActionForm>
        ) : null}
        {handle && available.has('request_correction') ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="correction"
            title="告知补正"
            forms={f('correction', { periodDays: String(settings.correctionPeriodDays) })}
          >
            <TextArea
              form={fx('correction')}
              name="items"
              label="需要补正的事项（一次性列明全部事项）"
              required
            />
            <TextArea form={fx('correction')} name="guidance" label="指导和释明" />
            <Field
              form={fx('correction', { periodDays: String(settings.correctionPeriodDays) })}
              name="periodDays"
              label="补正期限（工作日）"
              type="number"
              required
            />
            <Select
              form={fx('correction', { deliveryMethod: 'online' })}
              name="deliveryMethod"
              label="告知书送达方式"
              required
              options={Object.entries(NOTICE_DELIVERY_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <p class="hint">
              补正只能告知一次，且须在 {r.correctionNoticeDueOn ?? '收到申请之日起7个工作日'}{' '}
              前发出（条例第三十条）；补正期限自申请人收到告知书之日起计算，邮寄的以签收之日为准。
            </p>
          </ActionForm>
        ) : null}
        {handle && available.has('receive_correction') ? (
          <>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="corrected"
              title="收到补正"
              forms={f('corrected', { receivedOn: today })}
            >
              <Field
                form={fx('corrected', { receivedOn: today })}
                name="receivedOn"
                label="收到补正日期"
                type="date"
                required
              />
              <TextArea form={fx('corrected')} name="content" label="补正后的申请内容（答复将引用）" />
            </ActionForm>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="no-correction"
              title={ACTION_LABELS.abandon_no_correction}
              forms={forms}
            />
          </>
        ) : null}
        {handle && available.has('start_consultation') ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="consult"
            title="征求第三方或其他机关意见"
            forms={f('consult', { sentOn: today, kind: 'third_party' })}
          >
            <Select
              form={fx('consult', { kind: 'third_party' })}
              name="kind"
              label="征求对象"
              required
              options={[
                { value: 'third_party', label: '第三方（条例第三十二条）' },
                { value: 'co_agency', label: '共同制作机关（条例第三十四条）' },
              ]}
            />
            <Field form={fx('consult')} name="party" label="对象名称" required />
            <TextArea form={fx('consult')} name="matter" label="征求意见事项" required />
            <Field
              form={fx('consult', { sentOn: today })}
              name="sentOn"
              label="发出日期"
              type="date"
              required
            />
            <Field
              form={fx('consult')}
              name="deliveredOn"
              label="对方收到日期"
              type="date"
              hint="15个工作日自对方收到之日起算；不知道的留空"
            />
          </ActionForm>
        ) : null}
        {handle && available.has('end_consultation')
          ? openConsult.map((k) => (
              <ActionForm
                c={c}
                next={next}
                id={id}
                action="consult-end"
                title={`登记意见：${k.party}`}
                forms={f('consult-end', { answeredOn: today })}
              >
                <input type="hidden" name="consultationId" value={String(k.id)} />
                <Select
                  form={fx('consult-end')}
                  name="answer"
                  label="意见"
                  required
                  options={[
                    { value: 'agree', label: '同意公开' },
                    { value: 'object', label: '不同意公开' },
                    { value: 'none', label: '逾期未提出意见' },
                  ]}
                />
                <Field
                  form={fx('consult-end', { answeredOn: today })}
                  name="answeredOn"
                  label="收到意见日期"
                  type="date"
                />
                <TextArea form={fx('consult-end')} name="note" label="意见内容或说明" />
              </ActionForm>
            ))
          : null}
        {handle
          ? undelivered.map((u) => (
              <ActionForm
                c={c}
                next={next}
                id={id}
                action="notice-delivered"
                title={`登记申请人签收${u.label}`}
                forms={f('notice-delivered', { deliveredOn: today })}
              >
                <input type="hidden" name="notice" value={u.notice} />
                <Field
                  form={fx('notice-delivered', { deliveredOn: today })}
                  name="deliveredOn"
                  label="签收日期"
                  type="date"
                  required
                />
              </ActionForm>
            ))
          : null}
        {handle
          ? consultations
              .filter((k) => k.kind === 'third_party' && k.answer === 'object')
              .map((k) =>
                !k.decision_notice_on ? (
                  <ActionForm
                    c={c}
                    next={next}
                    id={id}
                    action="disclosure-notice"
                    title={`决定公开：向${k.party}发出决定公开告知书`}
                    forms={forms}
                  >
                    <input type="hidden" name="consultationId" value={String(k.id)} />
                    <p class="hint">
                      第三方不同意公开；本机关认为不公开可能对公共利益造成重大影响、决定予以公开的，须将决定公开的内容和理由书面告知第三方（条例第三十二条）。第三方收到后等待
                      {settings.thirdPartyWaitDays}个工作日方可提供信息。
                    </p>
                    <TextArea
                      form={fx('disclosure-notice')}
                      name="content"
                      label="决定公开的政府信息内容"
                      required
                    />
                    <TextArea form={fx('disclosure-notice')} name="reason" label="决定公开的理由" required />
                    <Field
                      form={fx('disclosure-notice')}
                      name="deliveredOn"
                      label="第三方收到日期（当面或电子送达填今天；邮寄的签收后登记）"
                      type="date"
                    />
                  </ActionForm>
                ) : !k.decision_notice_delivered_on ? (
                  <ActionForm
                    c={c}
                    next={next}
                    id={id}
                    action="disclosure-notice-delivered"
                    title={`登记${k.party}收到决定公开告知书`}
                    forms={f('disclosure-notice-delivered', { deliveredOn: today })}
                  >
                    <input type="hidden" name="consultationId" value={String(k.id)} />
                    <Field
                      form={fx('disclosure-notice-delivered', { deliveredOn: today })}
                      name="deliveredOn"
                      label="第三方收到日期"
                      type="date"
                      required
                    />
                  </ActionForm>
                ) : null,
              )
          : null}
        {handle && handling && reasonRequests.length === 0 ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="reasons"
            title="要求申请人说明理由（条例第三十五条）"
            forms={f('reasons', { periodDays: String(settings.reasonsPeriodDays), deliveryMethod: 'online' })}
          >
            <TextArea
              form={fx('reasons')}
              name="matter"
              label="申请数量、频次明显超过合理范围的情况"
              required
            />
            <Field
              form={fx('reasons', { periodDays: String(settings.reasonsPeriodDays) })}
              name="periodDays"
              label="说明理由期限（工作日，自申请人收到之日起）"
              type="number"
              required
            />
            <Select
              form={fx('reasons', { deliveryMethod: 'online' })}
              name="deliveryMethod"
              label="告知书送达方式"
              required
              options={Object.entries(NOTICE_DELIVERY_LABELS).map(([value, label]) => ({ value, label }))}
            />
          </ActionForm>
        ) : null}
        {handle && reasonsOpen ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="reasons-received"
            title="登记申请人说明的理由"
            forms={f('reasons-received', { answeredOn: today })}
          >
            <Field
              form={fx('reasons-received', { answeredOn: today })}
              name="answeredOn"
              label="收到理由日期"
              type="date"
              required
            />
            <TextArea form={fx('reasons-received')} name="answer" label="申请人说明的理由" required />
          </ActionForm>
        ) : null}
        {handle && handling && reasonRequests.length > 0 && !r.laterReplyOn ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="later-reply"
            title="理由合理：确定延迟答复的期限"
            forms={forms}
          >
            <p class="hint">
              申请理由合理但无法在条例第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知申请人（条例第三十五条）。理由不合理的，请在“拟写答复”中选择“无正当理由大量反复申请，不予处理”。
            </p>
            <Field form={fx('later-reply')} name="laterOn" label="延迟答复的日期" type="date" required />
            <TextArea form={fx('later-reply')} name="reason" label="无法在法定期限内答复的原因" required />
          </ActionForm>
        ) : null}
        {can('extend') && available.has('extend') && r.extensionDays == null ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="extend"
            title="批准延期答复"
            open={pendingExtension || undefined}
            forms={f('extend', extensionDefaults)}
          >
            <p class="hint">
              须在原答复期限（{r.originalDueOn ?? r.dueOn}
              ）届满前批准并告知申请人，只能延长一次，最长20个工作日。
            </p>
            <Field
              form={fx('extend', extensionDefaults)}
              name="days"
              label="延长工作日数"
              type="number"
              required
            />
            <TextArea form={fx('extend', extensionDefaults)} name="reason" label="延期理由" required />
          </ActionForm>
        ) : null}
        {can('waiveFee') && ['accepted', 'extended', 'consulting'].includes(r.status) && !r.feeNoticeOn ? (
          <ActionForm c={c} next={next} id={id} action="fee-waiver" title="减免信息处理费" forms={forms}>
            <label class="check">
              <input type="checkbox" name="full" value="1" /> 全部免收
            </label>
            <Field form={fx('fee-waiver')} name="amount" label="减免金额（元）" type="number" />
            <TextArea form={fx('fee-waiver')} name="reason" label="减免理由" required />
          </ActionForm>
        ) : null}
        {handle && available.has('issue_fee_notice') ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="fee-notice"
            title="发出收费通知"
            forms={f('fee-notice', { noticeOn: today, method: 'by_count' })}
          >
            <Select
              form={fx('fee-notice', { method: 'by_count' })}
              name="method"
              label="计收方式（只能选一种）"
              required
              options={[
                { value: 'by_count', label: '按件计收' },
                { value: 'by_volume', label: '按量计收' },
              ]}
            />
            <Field
              form={fx('fee-notice')}
              name="pages"
              label="提供信息的页数（按量计收）"
              type="number"
              hint={
                r.formRequested === 'inspection'
                  ? '申请人选择当场查阅、抄录：不能按量计收（《政府信息公开信息处理费管理办法》第五条）'
                  : undefined
              }
            />
            <Field
              form={fx('fee-notice', { items: '1' })}
              name="items"
              label="按件计收的件数（一事一申请）"
              type="number"
              hint="申请包含多项内容的，可按“一事一申请”以合理的最小单位拆分计算件数（办法第四条），须写明理由"
            />
            <Field form={fx('fee-notice')} name="splitReason" label="拆分理由" />
            <Field
              form={fx('fee-notice', { noticeOn: today })}
              name="noticeOn"
              label="申请人收到通知日期"
              type="date"
              required
            />
            <TextArea form={fx('fee-notice')} name="reason" label="收费理由" required />
          </ActionForm>
        ) : null}
        {handle && available.has('record_payment') ? (
          <>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="fee-paid"
              title="登记缴费"
              forms={f('fee-paid', { paidOn: today, amount: String(r.feeAmount) })}
            >
              <Field
                form={fx('fee-paid', { paidOn: today })}
                name="paidOn"
                label="缴费日期"
                type="date"
                required
              />
              <Field
                form={fx('fee-paid', { amount: String(r.feeAmount) })}
                name="amount"
                label="金额（元）"
                type="number"
                required
              />
              <Field form={fx('fee-paid')} name="receiptNo" label="财政票据号码" required />
            </ActionForm>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="fee-unpaid"
              title={ACTION_LABELS.close_fee_unpaid}
              forms={forms}
            />
          </>
        ) : null}
        {handle && available.has('submit_decision') ? (
          <ActionForm c={c} next={next} id={id} action="decision" title="拟写答复并提交审批" forms={forms}>
            {ver}
            <Select
              form={fx('decision')}
              name="outcome"
              label="办理结果（条例第三十六条等）"
              required
              blank="请选择"
              options={DECIDABLE_OUTCOMES.map((o) => ({
                value: o,
                label: `${OUTCOME_LABELS[o]} → ${LABELS.bRow[reportRowOf(settings, o) as keyof typeof LABELS.bRow] ?? ''}`,
              }))}
            />
            <p class="hint">
              年报统计行按本机关的对应表（默认按常见理解）
              <Interp />
              ；依据参考：
              {DECIDABLE_OUTCOMES.slice(0, 3)
                .map((o) => `${OUTCOME_BASIS_HINT[o]}`)
                .join('；')}
              ……
            </p>
            <Field
              form={fx('decision')}
              name="basis"
              label="法律依据（条例条款）"
              required
              hint="如：第三十六条第（二）项；不予公开的须同时引用第三十六条第（三）项和实体条款"
            />
            <Field
              form={fx('decision')}
              name="responsibleAgency"
              label="负责公开的机关（非本机关负责公开时）"
              hint="条例第三十六条第（五）项：告知该机关的名称和联系方式"
            />
            <Field form={fx('decision')} name="responsibleContact" label="该机关的联系方式" />
            <Field
              form={fx('decision')}
              name="earlierReplyRef"
              label="此前的答复（重复申请时：文号和日期）"
              hint={dup ? `疑似重复：${dup.reference}，留空则引用其答复文号` : undefined}
            />
            <TextArea
              form={fx('decision')}
              name="reason"
              label="决定说明（理由、获取方式和时间、检索情况等）"
              required
            />
            <fieldset class="field">
              <legend>部分公开：不予公开的内容（逐项）</legend>
              {[0, 1, 2].map((i) => (
                <div class="withheld-row">
                  <Field form={fx('decision')} name={`withheldPart${i}`} label={`内容${i + 1}`} />
                  <Select
                    form={fx('decision')}
                    name={`withheldGround${i}`}
                    label="理由类型"
                    blank="—"
                    options={WITHHOLDING_GROUNDS.map((g) => ({ value: g, label: OUTCOME_LABELS[g] }))}
                  />
                  <Field form={fx('decision')} name={`withheldReason${i}`} label="具体理由" />
                </div>
              ))}
            </fieldset>
          </ActionForm>
        ) : null}
        {can('approve') && available.has('approve_decision') ? (
          <>
            <ActionForm c={c} next={next} id={id} action="approve" title="审批通过并出具答复" forms={forms}>
              {ver}
            </ActionForm>
            <ActionForm c={c} next={next} id={id} action="return" title="退回修改" forms={forms}>
              {ver}
              <TextArea form={fx('return')} name="reason" label="退回理由" required />
            </ActionForm>
          </>
        ) : null}
        {handle && available.has('record_delivery') ? (
          <ActionForm
            c={c}
            next={next}
            id={id}
            action="deliver"
            title="登记送达"
            forms={f('deliver', { deliveredOn: today, method: 'post' })}
          >
            <Select
              form={fx('deliver', { method: 'post' })}
              name="method"
              label="送达方式"
              required
              options={Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <Field
              form={fx('deliver', { deliveredOn: today })}
              name="deliveredOn"
              label="送达日期"
              type="date"
              required
            />
            <Field form={fx('deliver')} name="proof" label="送达凭证" hint="如：挂号信单号、签收人" />
          </ActionForm>
        ) : null}
        {handle && available.has('archive') ? (
          <ActionForm c={c} next={next} id={id} action="archive" title="归档" forms={forms} />
        ) : null}
        {handle && available.has('withdraw') ? (
          <ActionForm c={c} next={next} id={id} action="withdraw" title="申请人撤回" forms={forms}>
            <TextArea form={fx('withdraw')} name="reason" label="撤回说明（如：申请人书面撤回）" required />
          </ActionForm>
        ) : null}
        {handle ? (
          <>
            <ActionForm c={c} next={next} id={id} action="note" title="添加办理记录" forms={forms}>
              <TextArea form={fx('note')} name="body" label="记录" required />
            </ActionForm>
            <ActionForm
              c={c}
              next={next}
              id={id}
              action="attachments"
              title="上传附件"
              forms={forms}
              multipart
            >
              <input type="file" name="file" accept={ACCEPT_ATTR} required />
              <label class="check">
                <input type="checkbox" name="disclosed" value="1" />{' '}
                答复提供的信息（申请人选择网上获取的，答复后可凭查询码下载）
              </label>
            </ActionForm>
          </>
        ) : null}
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
              {beijingDateTime(e.occurred_at)} {e.actor_name}{' '}
              {c.var.shell.auditLabels[e.action] ?? '其他操作'} {e.note ?? ''}
            </li>
          ))}
        </ul>
      </details>
      <p class="muted">
        机关：{agency.name} · 版本 {r.version}
      </p>
    </>,
    status,
  );
}

/** Web form values → the decision input (withheld parts come as numbered fields). */
function decisionInput(f: Record<string, string | string[]>) {
  const withheld = [0, 1, 2]
    .map((i) => ({
      part: str(f[`withheldPart${i}`]),
      ground: str(f[`withheldGround${i}`]),
      reason: str(f[`withheldReason${i}`]),
    }))
    .filter((w) => w.part || w.ground || w.reason);
  return { ...f, withheld };
}

// ---------------------------------------------------------------------------------------------------------------
// Report, appeals, settings

const ID = '{[0-9]+}';

export function requestRoutes(app: App): void {
  app.get(BASE, (c) => ledgerPage(c));
  app.get(`${BASE}/export.xlsx`, async (c) => {
    const buf = await exportLedger(c.var.ctx, await ledgerAgencyOf(c), c.req.query());
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': attachment(`依申请公开台账-${c.var.ctx.clock.today()}.xlsx`),
    });
  });
  app.get(`${BASE}/new`, (c) =>
    newPage(
      c,
      emptyForm({
        submittedOn: c.var.ctx.clock.today(),
        channel: 'in_person',
        applicantKind: 'natural_person',
        idType: 'resident_id',
      }),
    ),
  );
  app.post(BASE, async (c) => {
    const f = await formData(c);
    try {
      const r = await registerRequest(c.var.ctx, currentUser(c).agencyId, f);
      return redirectWithFlash(c, `${BASE}/${r.id}`, `已登记：${r.reference}`);
    } catch (e) {
      const form = formOf(e, f);
      if (form) return newPage(c, form, 400);
      throw e;
    }
  });
  app.get(`${BASE}/:id${ID}`, (c) => detailPage(c, Number(c.req.param('id'))));
  app.get(`${BASE}/:id${ID}/letters/:lid{[0-9]+\\.(docx|pdf)}`, async (c) => {
    const id = Number(c.req.param('id'));
    const { agency } = await resolveRequest(c.var.ctx, id);
    const [lid, fmt] = c.req.param('lid').split('.');
    const row = await c.var.deps.db
      .selectFrom('request_letters')
      .selectAll()
      .where('id', '=', Number(lid))
      .where('request_id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('未找到该文书');
    const l = storedLetter(row, agency.name);
    const pdf = fmt === 'pdf';
    const body = pdf ? await letterPdf(l) : await letterDocx(l);
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': pdf ? 'application/pdf' : DOCX_TYPE,
      'Content-Disposition': attachment(`${row.title}-${row.doc_no}.${pdf ? 'pdf' : 'docx'}`),
    });
  });
  app.get(`${BASE}/:id${ID}/attachments/:aid${ID}`, async (c) => {
    const id = Number(c.req.param('id'));
    await resolveRequest(c.var.ctx, id);
    const a = await c.var.deps.db
      .selectFrom('request_attachments')
      .selectAll()
      .where('id', '=', Number(c.req.param('aid')))
      .where('request_id', '=', id)
      .executeTakeFirst();
    if (!a) throw new NotFoundError('未找到该附件');
    const file = await openUpload(c.var.deps.db, filesOf(c), a.storage_path);
    return sendStored(c, file, {
      'Content-Type': a.content_type,
      'Content-Disposition': attachment(safeFileName(a.file_name)),
    });
  });
  app.post(`${BASE}/:id${ID}/attachments`, async (c) => {
    const id = Number(c.req.param('id'));
    await resolveRequest(c.var.ctx, id);
    const body = await c.req.parseBody();
    const file = body['file'];
    try {
      if (!(file instanceof File) || file.size === 0)
        throw new ValidationError('请选择要上传的文件', { file: '请选择文件' });
      await addRequestAttachment(
        c.var.ctx,
        id,
        filesOf(c),
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        body['disclosed'] === '1',
      );
      return redirectWithFlash(c, `${BASE}/${id}`, '附件已上传');
    } catch (e) {
      const form = formOf(e, {});
      if (form) return detailPage(c, id, { attachments: form }, 400);
      throw e;
    }
  });
  app.post(`${BASE}/:id${ID}/:step`, async (c) => {
    const id = Number(c.req.param('id'));
    const step = REQUEST_STEPS[c.req.param('step')];
    if (!step) throw new NotFoundError();
    const f = await formData(c);
    try {
      await step.fn(c.var.ctx, id, c.req.param('step') === 'decision' ? decisionInput(f) : f);
      return redirectWithFlash(c, `${BASE}/${id}`, step.done);
    } catch (e) {
      const form = formOf(e, f);
      if (form)
        return detailPage(c, id, { [c.req.param('step')]: form }, e instanceof ValidationError ? 400 : 409);
      throw e;
    }
  });
}
