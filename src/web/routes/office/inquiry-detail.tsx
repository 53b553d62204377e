/** The message page for staff: facts, text with its screening, history, and the forms of the steps open to the user. */
import type { C } from '../../app-env.ts';
import { officePage } from '../../office-page.tsx';
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
import { History, ScreenReport } from '../../views/inquiry-views.tsx';
import { RequestFields } from '../../views/request-form.tsx';
import { assertCan } from '../../../errors.ts';
import { listOffices, listVillages } from '../../../org/org.queries.ts';
import {
  getInquiry,
  inquiryScope,
  listEvents,
  pendingTransfer,
  reporterCount,
} from '../../../inquiries/inquiries.queries.ts';
import { inquiryPolicy } from '../../../inquiries/inquiry.policy.ts';
import {
  KIND_LABELS,
  OUTCOME_LABELS,
  RATING_LABELS,
  REJECT_REASONS,
  REJECT_REASON_LABELS,
  STATE_LABELS,
} from '../../../inquiries/inquiry.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import { publicationDraft } from '../../../inquiries/publish-inquiry.ts';
import { parseJson } from '../../../db/values.ts';
import type { ScreenResult } from '../../../inquiries/screening.ts';
import { cnDate } from '../../../requests/letters.ts';
import { suggestOffice } from '../../../inquiries/routing.ts';
import { listRoutingRules } from '../../../inquiries/manage-settings.ts';
import { bjTime } from '../../views/inquiry-views.tsx';
import { safeFileName } from '../../../text/file-name.ts';

const BASE = '/office/inquiries';

function StepForm(p: {
  id: number;
  step: string;
  title: string;
  csrf: string;
  form?: FormState;
  children?: preact.ComponentChildren;
  button: string;
}) {
  const f = p.form ?? emptyForm();
  return (
    <section class="card" aria-label={p.title}>
      <h3>{p.title}</h3>
      <form method="post" action={`${BASE}/${p.id}/${p.step}`} novalidate>
        <Csrf token={p.csrf} />
        <FormError form={f} />
        {p.children}
        <Submit>{p.button}</Submit>
      </form>
    </section>
  );
}

export async function detailPage(c: C, id: number, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.var.deps.db;
  const actor = c.var.ctx.actor;
  const q = await getInquiry(db, id);
  const scope = await inquiryScope(db, q);
  assertCan(inquiryPolicy.view(actor, scope), { hide: true });
  const [offices, villages, settings, events, transfer, reporters, rules] = await Promise.all([
    listOffices(db, q.agencyId),
    listVillages(db, q.agencyId),
    getInquirySettings(db, q.agencyId),
    listEvents(db, q.id),
    pendingTransfer(db, q.id),
    reporterCount(db, q.id),
    listRoutingRules(db, q.agencyId),
  ]);
  const attachments = await db
    .selectFrom('inquiry_attachments')
    .select(['id', 'file_name', 'size'])
    .where('inquiry_id', '=', q.id)
    .execute();
  const name = (oid: number | null) => (oid == null ? '—' : (offices.find((o) => o.id === oid)?.name ?? '—'));
  const csrf = c.var.csrf;
  const can = {
    manage: inquiryPolicy.manage(actor, scope),
    handle: inquiryPolicy.handle(actor, scope),
    approve: inquiryPolicy.approve(actor, scope),
    accept: inquiryPolicy.acceptTransfer(actor, scope),
  };
  const open = ['pending_routing', 'in_progress'].includes(q.status);
  const officeOpts = offices.map((o) => ({ value: String(o.id), label: o.name }));
  const suggestion = suggestOffice(rules, {
    topic: q.topic,
    villageId: q.villageId,
    officeChosenId: q.officeChosenId,
  });
  const screen = parseJson<ScreenResult | null>(
    (await db.selectFrom('inquiries').select('screen_json').where('id', '=', q.id).executeTakeFirst())
      ?.screen_json,
    null,
  );
  const draft = publicationDraft(q, q.reply);
  const merged = await db
    .selectFrom('inquiries')
    .select(['id', 'reference', 'received_on'])
    .where('merged_into_id', '=', q.id)
    .orderBy('id')
    .execute();
  const request = q.convertedRequestId
    ? await db
        .selectFrom('info_requests')
        .select(['id', 'reference', 'received_on'])
        .where('id', '=', q.convertedRequestId)
        .executeTakeFirst()
    : undefined;
  return officePage(
    c,
    `留言${q.reference}`,
    <>
      <p>
        <a href={BASE}>← 留言台账</a>
      </p>
      <h1>
        留言 {q.reference} {reporters > 1 ? <span class="badge">{reporters}人反映</span> : null}
      </h1>
      <dl class="facts">
        <dt>状态</dt>
        <dd>
          <strong data-status>{STATE_LABELS[q.status]}</strong>
        </dd>
        <dt>类型·事项</dt>
        <dd>
          {KIND_LABELS[q.kind]}·{q.topic}
          {q.villageId ? `·${villages.find((v) => v.id === q.villageId)?.name ?? ''}` : ''}
        </dd>
        <dt>留言人选择的单位</dt>
        <dd>{q.officeChosenId ? name(q.officeChosenId) : '不清楚'}</dd>
        <dt>承办单位（首问负责）</dt>
        <dd>
          {q.status === 'pending_routing'
            ? `待分办（建议：${name(suggestion.officeId)}，${suggestion.why}）`
            : name(q.officeId)}
        </dd>
        <dt>收到日期</dt>
        <dd>{cnDate(q.receivedOn)}</dd>
        <dt>答复期限</dt>
        <dd>
          {cnDate(q.dueOn)}
          {q.extensionDays ? `（已延期${q.extensionDays}个工作日：${q.extensionReason}）` : ''}
        </dd>
        <dt>联系人（仅工作人员可见，不公开）</dt>
        <dd>
          {q.contactName} {q.contactPhone ?? ''} {q.contactEmail ?? ''}
        </dd>
        <dt>是否同意公开</dt>
        <dd>{q.allowPublish ? '同意' : '不同意'}</dd>
        {q.rating ? (
          <>
            <dt>留言人评价</dt>
            <dd>
              {RATING_LABELS[q.rating]}
              {q.ratingReason ? `：${q.ratingReason}` : ''}
            </dd>
          </>
        ) : null}
        {q.mergedIntoId ? (
          <>
            <dt>合并到</dt>
            <dd>
              <a href={`${BASE}/${q.mergedIntoId}`}>主留言</a>
            </dd>
          </>
        ) : null}
        {request ? (
          <>
            <dt>已转为申请</dt>
            <dd>
              <a href={`/office/requests/${request.id}`}>{request.reference}</a>（收到申请之日{' '}
              {request.received_on}）
            </dd>
          </>
        ) : null}
      </dl>
      {merged.length ? (
        <p>
          合并的同类留言：
          {merged.map((m) => (
            <>
              <a href={`${BASE}/${m.id}`}>{m.reference}</a>（{cnDate(m.received_on)}）{' '}
            </>
          ))}
        </p>
      ) : null}
      <h2>留言内容</h2>
      <p class="prewrap" style="white-space:pre-wrap">
        {q.body}
      </p>
      <ScreenReport screen={screen} />
      {attachments.length ? (
        <ul>
          {attachments.map((a) => (
            <li>
              <a href={`${BASE}/${q.id}/attachments/${a.id}`}>{safeFileName(a.file_name)}</a>
            </li>
          ))}
        </ul>
      ) : null}
      {q.reply ? (
        <>
          <h2>答复{q.repliedOn ? `（${cnDate(q.repliedOn)}，${q.approvedByName ?? ''}）` : ''}</h2>
          <p class="prewrap" style="white-space:pre-wrap">
            {q.reply}
          </p>
        </>
      ) : null}
      {q.status === 'pending_approval' ? (
        <>
          <h2>
            待审核的答复（{q.draftByName}，{OUTCOME_LABELS[q.draftOutcome ?? 'answer']}）
          </h2>
          <p class="prewrap" style="white-space:pre-wrap" data-draft>
            {q.draftReply}
          </p>
        </>
      ) : null}
      {q.returnedReason && q.status === 'in_progress' ? (
        <p class="form-error">答复曾被退回：{q.returnedReason}</p>
      ) : null}

      {transfer ? (
        <section class="card">
          <h3>移交待接受</h3>
          <p>
            {transfer.requestedByName}申请移交{name(transfer.toOfficeId)}：{transfer.reason}（
            {bjTime(transfer.requestedAt)}）。接受前仍由{name(q.officeId)}负责。
          </p>
          {can.accept ? (
            <form method="post" action={`${BASE}/${q.id}/decide-transfer`} novalidate>
              <Csrf token={csrf} />
              <FormError form={forms['decide-transfer'] ?? emptyForm()} />
              <TextArea
                form={forms['decide-transfer'] ?? emptyForm()}
                name="reason"
                label="不接受的理由（不接受时填写）"
                rows={2}
              />
              <div class="actions">
                <button type="submit" name="accept" value="1" class="primary">
                  接受移交
                </button>{' '}
                <button type="submit" name="accept" value="0">
                  不接受
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}

      {q.status === 'pending_routing' && can.manage ? (
        <StepForm
          id={q.id}
          step="route"
          title="分办"
          csrf={csrf}
          form={forms.route ?? emptyForm({ officeId: String(suggestion.officeId ?? '') })}
          button="分办"
        >
          <Select
            form={forms.route ?? emptyForm({ officeId: String(suggestion.officeId ?? '') })}
            name="officeId"
            label="承办单位"
            blank="请选择"
            options={officeOpts}
            required
          />
        </StepForm>
      ) : null}

      {q.status === 'in_progress' && can.handle ? (
        <>
          <StepForm id={q.id} step="reply" title="拟写答复" csrf={csrf} form={forms.reply} button="提交审核">
            <input type="hidden" name="outcome" value="answer" />
            <TextArea
              form={forms.reply ?? emptyForm({ reply: q.draftReply ?? '' })}
              name="reply"
              label="答复内容"
              required
              rows={6}
            />
          </StepForm>
          <StepForm
            id={q.id}
            step="reply"
            title="信访事项：告知信访渠道"
            csrf={csrf}
            button="按信访事项答复并提交审核"
          >
            <input type="hidden" name="outcome" value="petition" />
            <TextArea
              form={emptyForm({ reply: settings.petitionGuide })}
              name="reply"
              label="告知内容"
              required
              rows={3}
            />
          </StepForm>
          {!transfer ? (
            <StepForm
              id={q.id}
              step="transfer"
              title="移交其他单位（首问负责：对方接受前仍由本单位负责）"
              csrf={csrf}
              form={forms.transfer}
              button="申请移交"
            >
              <Select
                form={forms.transfer ?? emptyForm()}
                name="toOfficeId"
                label="移交给"
                blank="请选择"
                options={officeOpts.filter((o) => o.value !== String(q.officeId))}
                required
              />
              <TextArea
                form={forms.transfer ?? emptyForm()}
                name="reason"
                label="移交理由"
                required
                rows={2}
              />
            </StepForm>
          ) : null}
        </>
      ) : null}

      {['in_progress', 'pending_approval'].includes(q.status) && can.handle && q.extensionDays == null ? (
        <StepForm
          id={q.id}
          step="extend"
          title={`延期（只能一次，最多${settings.maxExtensionDays}个工作日）`}
          csrf={csrf}
          form={forms.extend}
          button="延期"
        >
          <Field form={forms.extend ?? emptyForm()} name="days" label="延长工作日数" type="number" required />
          <TextArea
            form={forms.extend ?? emptyForm()}
            name="reason"
            label="延期理由（告知留言人）"
            required
            rows={2}
          />
        </StepForm>
      ) : null}

      {q.status === 'pending_approval' && can.approve ? (
        <section class="card" aria-label="审核答复">
          <h3>审核答复</h3>
          <form method="post" action={`${BASE}/${q.id}/approve`}>
            <Csrf token={csrf} />
            <Submit>审核通过并答复</Submit>
          </form>
          <form method="post" action={`${BASE}/${q.id}/return`} novalidate>
            <Csrf token={csrf} />
            <FormError form={forms.return ?? emptyForm()} />
            <TextArea form={forms.return ?? emptyForm()} name="reason" label="退回理由" required rows={2} />
            <div class="actions">
              <button type="submit">退回修改</button>
            </div>
          </form>
        </section>
      ) : null}

      {open && can.manage ? (
        <>
          <section class="card">
            <h3>转为政府信息公开申请</h3>
            <p>留言实际是申请获取政府信息的，与留言人确认后一键转为申请，今天为收到申请之日。</p>
            <a class="button" href={`${BASE}/${q.id}/convert`}>
              转为依申请公开
            </a>
          </section>
          <StepForm id={q.id} step="merge" title="合并重复留言" csrf={csrf} form={forms.merge} button="合并">
            <Field form={forms.merge ?? emptyForm()} name="intoReference" label="主留言编号" required />
          </StepForm>
          <StepForm
            id={q.id}
            step="refer"
            title="转办（其他机关或12345热线）"
            csrf={csrf}
            form={forms.refer}
            button="转办并告知留言人"
          >
            <Field
              form={forms.refer ?? emptyForm({ to: '互助县12345政务服务便民热线' })}
              name="to"
              label="转办单位"
              required
            />
            <TextArea
              form={forms.refer ?? emptyForm()}
              name="note"
              label="告知留言人的说明"
              required
              rows={2}
            />
          </StepForm>
          <StepForm
            id={q.id}
            step="reject"
            title="不予受理"
            csrf={csrf}
            form={forms.reject}
            button="不予受理并告知"
          >
            <Select
              form={forms.reject ?? emptyForm()}
              name="reason"
              label="理由（公开的不予受理情形）"
              blank="请选择"
              options={REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] }))}
              required
            />
            <TextArea
              form={forms.reject ?? emptyForm()}
              name="note"
              label="告知留言人的说明"
              required
              rows={2}
            />
          </StepForm>
        </>
      ) : null}

      {q.status === 'answered' && can.manage && q.allowPublish && !q.mergedIntoId ? (
        <StepForm
          id={q.id}
          step="publish"
          title={q.isPublished ? '已公开（可修改）' : '审核后公开（自动遮盖个人信息，不含联系方式）'}
          csrf={csrf}
          form={forms.publish}
          button={q.isPublished ? '更新公开内容' : '公开发布'}
        >
          <Field
            form={forms.publish ?? emptyForm({ title: q.publicTitle ?? draft.title })}
            name="title"
            label="公开标题"
            required
          />
          <TextArea
            form={forms.publish ?? emptyForm({ body: q.publicBody ?? draft.body })}
            name="body"
            label="公开的留言内容"
            required
            rows={5}
          />
          <TextArea
            form={forms.publish ?? emptyForm({ reply: q.publicReply ?? draft.reply })}
            name="reply"
            label="公开的答复内容"
            required
            rows={5}
          />
        </StepForm>
      ) : null}
      {q.isPublished && can.manage ? (
        <form method="post" action={`${BASE}/${q.id}/unpublish`} class="inline-form">
          <Csrf token={csrf} />
          <button type="submit">撤回公开</button>
        </form>
      ) : null}
      {q.status === 'answered' && can.manage ? (
        <StepForm
          id={q.id}
          step="faq"
          title="加入常见问题（候选）"
          csrf={csrf}
          form={forms.faq}
          button="加入常见问题"
        >
          <Field
            form={forms.faq ?? emptyForm({ question: draft.title })}
            name="question"
            label="问题"
            required
          />
          <TextArea
            form={forms.faq ?? emptyForm({ answer: draft.reply })}
            name="answer"
            label="解答"
            required
            rows={4}
          />
        </StepForm>
      ) : null}

      <h2>办理过程</h2>
      <History events={events} staff />
    </>,
    status,
  );
}

export async function convertPage(c: C, id: number, form?: FormState, status = 200) {
  const db = c.var.deps.db;
  const q = await getInquiry(db, id);
  const scope = await inquiryScope(db, q);
  assertCan(inquiryPolicy.view(c.var.ctx.actor, scope), { hide: true });
  assertCan(inquiryPolicy.manage(c.var.ctx.actor, scope), {
    message: '只有政府信息公开工作机构人员可以转为申请',
  });
  const f =
    form ??
    emptyForm({
      applicantKind: 'natural_person',
      idType: 'resident_id',
      applicantName: q.contactName,
      phone: q.contactPhone ?? '',
      email: q.contactEmail ?? '',
      infoDescription: q.body,
      formRequested: 'electronic',
      deliveryRequested: q.contactEmail ? 'email' : 'collect',
    });
  return officePage(
    c,
    '转为政府信息公开申请',
    <>
      <p>
        <a href={`${BASE}/${q.id}`}>← 留言{q.reference}</a>
      </p>
      <h1>转为政府信息公开申请</h1>
      <p>
        请与留言人电话确认申请内容并核实身份（条例第二十九条），确认之日（今天）即为收到申请之日（条例第三十一条）。留言将关闭并链接到申请，留言人会收到告知。
      </p>
      <form method="post" action={`${BASE}/${q.id}/convert`} novalidate class="narrow">
        <Csrf token={c.var.csrf} />
        <FormError form={f} />
        <RequestFields form={f} />
        <Submit>确认并转为申请</Submit>
      </form>
    </>,
    status,
  );
}
