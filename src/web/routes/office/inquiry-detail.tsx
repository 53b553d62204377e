/** The message page for staff: facts, text with its screening, history, and the forms of the steps open to the user. */
import type { C } from '../../app-env.ts';
import { officePage } from '../../office-page.tsx';
import {
  Csrf,
  FormError,
  Submit,
  TextArea,
  TypedUnsaved,
  emptyForm,
  type FormState,
} from '../../views/forms.tsx';
import { History, ScreenReport, bjTime } from '../../views/inquiry-views.tsx';
import { StepForms, VersionField, type StepField } from '../../views/inquiries/step-forms.tsx';
import { inquiryStepTable } from '../../views/inquiries/step-table.ts';
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
import { inquiryDetailExtras } from '../../../inquiries/index.ts';
import { inquiryPolicy } from '../../../inquiries/inquiry.policy.ts';
import { KIND_LABELS, OUTCOME_LABELS, RATING_LABELS, STATE_LABELS } from '../../../inquiries/inquiry.ts';
import { getInquirySettings } from '../../../inquiries/settings.ts';
import { publicationDraft } from '../../../inquiries/publish-inquiry.ts';
import { cnDate } from '../../../requests/letters.ts';
import { suggestOffice } from '../../../inquiries/routing.ts';
import { listRoutingRules } from '../../../inquiries/manage-settings.ts';
import { safeFileName } from '../../../text/file-name.ts';

const BASE = '/office/inquiries';

export async function detailPage(c: C, id: number, forms: Record<string, FormState> = {}, status = 200) {
  const db = c.get('deps').db;
  const actor = c.get('ctx').actor;
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
  const { attachments, screen, merged, request } = await inquiryDetailExtras(db, q);
  const name = (oid: number | null) => (oid == null ? '—' : (offices.find((o) => o.id === oid)?.name ?? '—'));
  const csrf = c.get('csrf');
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
  const draft = publicationDraft(q, q.reply);
  const inProgress = q.status === 'in_progress' && can.handle;
  const specs = inquiryStepTable({
    q,
    can,
    inProgress,
    open,
    hasTransfer: transfer != null,
    officeOpts,
    suggestedOfficeId: suggestion.officeId,
    settings,
    draft,
  });
  // A refused step whose form the page no longer shows (someone else took the step first): its message on top.
  const shownKeys = new Set(Object.values(specs).flatMap((s) => (s.show && s.formKey ? [s.formKey] : [])));
  const refused = Object.entries(forms).find(([k, f]) => !shownKeys.has(k) && f.message);
  // … with what the person had written in it, so nothing typed is lost.
  const typed = refused ? typedText(refused[1], specs[refused[0]]?.fields ?? []) : [];
  const steps = (...keys: string[]) => (
    <StepForms id={q.id} version={q.version} csrf={csrf} forms={forms} specs={keys.map((k) => specs[k]!)} />
  );
  return officePage(
    c,
    `留言${q.reference}`,
    <>
      <p>
        <a href={BASE}>← 留言台账</a>
      </p>
      {refused ? (
        <div class="form-error" role="alert">
          {refused[1].message}
          <TypedUnsaved typed={typed} />
        </div>
      ) : null}
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
              {request.receivedOn}）
            </dd>
          </>
        ) : null}
      </dl>
      {merged.length ? (
        <p>
          合并的同类留言：
          {merged.map((m) => (
            <>
              <a href={`${BASE}/${m.id}`}>{m.reference}</a>（{cnDate(m.receivedOn)}）{' '}
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
              <a href={`${BASE}/${q.id}/attachments/${a.id}`}>{safeFileName(a.fileName)}</a>
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
              <VersionField version={q.version} />
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

      {steps('route', 'reply', 'petition', 'transfer', 'extend')}

      {q.status === 'pending_approval' && can.approve ? (
        <section class="card" aria-label="审核答复">
          <h3>审核答复</h3>
          <form method="post" action={`${BASE}/${q.id}/approve`}>
            <Csrf token={csrf} />
            <VersionField version={q.version} />
            <Submit>审核通过并答复</Submit>
          </form>
          <form method="post" action={`${BASE}/${q.id}/return`} novalidate>
            <Csrf token={csrf} />
            <VersionField version={q.version} />
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
        </>
      ) : null}
      {steps('merge', 'refer', 'reject')}

      {steps('publish')}
      {q.isPublished && can.manage ? (
        <form method="post" action={`${BASE}/${q.id}/unpublish`} class="inline-form">
          <Csrf token={csrf} />
          <VersionField version={q.version} />
          <button type="submit">撤回公开</button>
        </form>
      ) : null}
      {steps('faq')}

      <h2>办理过程</h2>
      <History events={events} staff />
    </>,
    status,
  );
}

/** The free text of a refused form, labelled by its fields (a hand-written form's 理由 by default). */
function typedText(form: FormState, fields: readonly StepField[]): [string, string][] {
  const labels = new Map<string, string>([['reason', '理由']]);
  for (const f of fields) if (f.kind === 'text' || f.kind === 'textarea') labels.set(f.name, f.label);
  return [...labels].flatMap(([name, label]) => {
    const v = form.values[name];
    const text = (Array.isArray(v) ? v.join('') : (v ?? '')).trim();
    return text ? [[label, text] as [string, string]] : [];
  });
}

export async function convertPage(c: C, id: number, form?: FormState, status = 200) {
  const db = c.get('deps').db;
  const q = await getInquiry(db, id);
  const scope = await inquiryScope(db, q);
  assertCan(inquiryPolicy.view(c.get('ctx').actor, scope), { hide: true });
  assertCan(inquiryPolicy.manage(c.get('ctx').actor, scope), {
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
        <Csrf token={c.get('csrf')} />
        <FormError form={f} />
        <RequestFields form={f} />
        <Submit>确认并转为申请</Submit>
      </form>
    </>,
    status,
  );
}
