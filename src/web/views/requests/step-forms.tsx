/**
 * The step forms of a request's page, driven from one table: each form is a row naming its step (the URL slug of
 * request-steps.ts it posts to), its title, its defaults and its inputs, and one component renders every row. Which
 * rows a page shows follows from the request's state and the person's permissions (requestStepForms). Pure.
 */
import {
  Csrf,
  Field,
  FormError,
  FormFields,
  Select,
  Submit,
  emptyForm,
  type FieldSpec,
  type FormState,
} from '../forms.tsx';
import type { StepSlug } from '../../request-steps.ts';
import type { RequestPage } from '../../../requests/index.ts';
import {
  ACTION_LABELS,
  CHANNEL_LABELS,
  DECIDABLE_OUTCOMES,
  OUTCOME_BASIS_HINT,
  OUTCOME_LABELS,
  RECEIPT_RULES,
  RECEIVED_ON_SUBMISSION,
  WITHHOLDING_GROUNDS,
  type RequestAction,
} from '../../../requests/request.ts';
import { reportRowOf } from '../../../requests/settings.ts';
import { ACCEPT_ATTR } from '../../../requests/uploads.ts';
import { DELIVERY_METHOD_LABELS } from '../../../requests/request.schema.ts';
import { NOTICE_DELIVERY_LABELS } from '../../../requests/correction-rules.ts';
import { LABELS } from '../../../annual-report/index.ts';
import { BASE, Interp } from './shared.tsx';

export type Forms = Partial<Record<string, FormState>>;

/** One input of a step form: the shared field table's row (forms.tsx); `hint` and `node` are pieces that are not a
 * plain field (a line of guidance, a checkbox, a fieldset). */
export type StepInput = FieldSpec;

/** One row of the table: a form on a request's page. */
export interface StepForm {
  /** The step it posts to (`attachments` is the upload, a route of its own). */
  action: StepSlug | 'attachments';
  title: string;
  /** What the fields hold before anything was typed. */
  defaults?: FormState['values'];
  inputs?: StepInput[];
  button?: string;
  multipart?: boolean;
  /** Open whatever the next step is (the head's pending extension request). */
  open?: boolean;
}

/** One step form, collapsed unless it is the page's next step or its last submit failed. */
export function StepFormView(p: {
  step: StepForm;
  requestId: number;
  csrf: string;
  forms: Forms;
  /** The page's next likely step (request-next-step.ts): its form opens, the others stay collapsed. */
  next: string | null;
}) {
  const s = p.step;
  const form = p.forms[s.action] ?? emptyForm(s.defaults);
  const rejected = Object.keys(form.errors).length > 0 || Boolean(form.message);
  return (
    <details open={s.open || s.action === p.next || rejected} class="action" id={`act-${s.action}`}>
      <summary>{s.title}</summary>
      <form
        method="post"
        action={`${BASE}/${p.requestId}/${s.action}`}
        novalidate
        enctype={s.multipart ? 'multipart/form-data' : undefined}
      >
        <Csrf token={p.csrf} />
        {Object.keys(form.errors).length ? <FormError form={form} /> : null}
        <FormFields form={form} fields={s.inputs ?? []} />
        <Submit>{s.button ?? s.title}</Submit>
      </form>
    </details>
  );
}

const noticeDeliveryOptions = () =>
  Object.entries(NOTICE_DELIVERY_LABELS).map(([value, label]) => ({ value, label }));

/** What decides which forms a request's page shows. */
export interface StepFormFacts {
  page: RequestPage;
  today: string;
  can: (a: 'register' | 'assign' | 'approve' | 'extend' | 'waiveFee') => boolean;
  handle: boolean;
  available: ReadonlySet<RequestAction>;
  /** Notices to the applicant whose delivery is not yet recorded. */
  undelivered: { notice: string; label: string }[];
  pendingExtension: boolean;
}

/** The forms a request's page shows, in the page's order. */
export function requestStepForms(x: StepFormFacts): StepForm[] {
  const { page, today, can, handle, available } = x;
  const { request: r, settings, offices, users, consultations, reasonRequests, duplicateOf: dup } = page;
  const handling = ['accepted', 'extended', 'consulting'].includes(r.status);
  const reasonsOpen = reasonRequests.find((k) => !k.answered_on);
  const ver: StepInput = { kind: 'hidden', name: 'expectedVersion', value: String(r.version) };
  // The head approves what the clerk asked for (and may change it).
  const extensionDefaults = x.pendingExtension
    ? { days: String(r.extensionRequestedDays ?? 20), reason: r.extensionRequestedReason ?? '' }
    : { days: '20' };
  const out: StepForm[] = [];
  const add = (when: unknown, ...forms: StepForm[]) => {
    if (when) out.push(...forms);
  };

  add(
    available.has('confirm') && can('register'),
    {
      action: 'confirm',
      title: '确认收到申请',
      defaults: { confirmedOn: today },
      inputs: [
        { kind: 'hint', content: RECEIPT_RULES[r.channel] },
        { kind: 'date', name: 'confirmedOn', label: '确认日期', required: true },
        {
          kind: 'text',
          name: 'evidence',
          label: '确认记录',
          required: true,
          hint: '如：2026-03-02 电话与申请人确认，接听人本人',
        },
        ...(!RECEIVED_ON_SUBMISSION.includes(r.channel) && r.channel !== 'registered_mail'
          ? [
              {
                kind: 'text' as const,
                name: 'lateReason',
                label: '未能在到达当日确认的原因',
                hint: `${CHANNEL_LABELS[r.channel]}于${r.submittedOn}到达。条例第三十一条要求收到即确认；确认日晚于到达日的，须填写原因，收到申请的日期与答复期限随确认日推后`,
              },
            ]
          : []),
      ],
    },
    {
      action: 'contact',
      title: '登记联系情况（未能确认时）',
      inputs: [
        { kind: 'text', name: 'method', label: '联系方式', required: true },
        { kind: 'text', name: 'result', label: '联系结果', required: true },
      ],
    },
  );
  add(can('assign') && !['archived', 'withdrawn', 'abandoned'].includes(r.status), {
    action: 'assign',
    title: '分办',
    defaults: { officeId: String(r.officeId ?? ''), handlerId: String(r.handlerId ?? '') },
    inputs: [
      {
        kind: 'select',
        name: 'officeId',
        label: '站办所',
        blank: '（不变）',
        options: offices.map((o) => ({ value: String(o.id), label: o.name })),
      },
      {
        kind: 'select',
        name: 'handlerId',
        label: '承办人',
        blank: '（未指定）',
        options: users.filter((u) => u.isActive).map((u) => ({ value: String(u.id), label: u.displayName })),
      },
    ],
  });
  add(handle && available.has('request_correction'), {
    action: 'correction',
    title: '告知补正',
    defaults: { periodDays: String(settings.correctionPeriodDays), deliveryMethod: 'online' },
    inputs: [
      { kind: 'textarea', name: 'items', label: '需要补正的事项（一次性列明全部事项）', required: true },
      { kind: 'textarea', name: 'guidance', label: '指导和释明' },
      { kind: 'number', name: 'periodDays', label: '补正期限（工作日）', required: true },
      {
        kind: 'select',
        name: 'deliveryMethod',
        label: '告知书送达方式',
        required: true,
        options: noticeDeliveryOptions(),
      },
      {
        kind: 'hint',
        content: (
          <>
            补正只能告知一次，且须在 {r.correctionNoticeDueOn ?? '收到申请之日起7个工作日'}{' '}
            前发出（条例第三十条）；补正期限自申请人收到告知书之日起计算，邮寄的以签收之日为准。
          </>
        ),
      },
    ],
  });
  add(
    handle && available.has('receive_correction'),
    {
      action: 'corrected',
      title: '收到补正',
      defaults: { receivedOn: today },
      inputs: [
        { kind: 'date', name: 'receivedOn', label: '收到补正日期', required: true },
        { kind: 'textarea', name: 'content', label: '补正后的申请内容（答复将引用）' },
      ],
    },
    { action: 'no-correction', title: ACTION_LABELS.abandon_no_correction },
  );
  add(handle && available.has('start_consultation'), {
    action: 'consult',
    title: '征求第三方或其他机关意见',
    defaults: { sentOn: today, kind: 'third_party' },
    inputs: [
      {
        kind: 'select',
        name: 'kind',
        label: '征求对象',
        required: true,
        options: [
          { value: 'third_party', label: '第三方（条例第三十二条）' },
          { value: 'co_agency', label: '共同制作机关（条例第三十四条）' },
        ],
      },
      { kind: 'text', name: 'party', label: '对象名称', required: true },
      { kind: 'textarea', name: 'matter', label: '征求意见事项', required: true },
      { kind: 'date', name: 'sentOn', label: '发出日期', required: true },
      {
        kind: 'date',
        name: 'deliveredOn',
        label: '对方收到日期',
        hint: '15个工作日自对方收到之日起算；不知道的留空',
      },
    ],
  });
  add(
    handle && available.has('end_consultation'),
    ...consultations
      .filter((k) => !k.answer)
      .map((k): StepForm => ({
        action: 'consult-end',
        title: `登记意见：${k.party}`,
        defaults: { answeredOn: today },
        inputs: [
          { kind: 'hidden', name: 'consultationId', value: String(k.id) },
          {
            kind: 'select',
            name: 'answer',
            label: '意见',
            required: true,
            options: [
              { value: 'agree', label: '同意公开' },
              { value: 'object', label: '不同意公开' },
              { value: 'none', label: '逾期未提出意见' },
            ],
          },
          { kind: 'date', name: 'answeredOn', label: '收到意见日期' },
          { kind: 'textarea', name: 'note', label: '意见内容或说明' },
        ],
      })),
  );
  add(
    handle,
    ...x.undelivered.map((u): StepForm => ({
      action: 'notice-delivered',
      title: `登记申请人签收${u.label}`,
      defaults: { deliveredOn: today },
      inputs: [
        { kind: 'hidden', name: 'notice', value: u.notice },
        { kind: 'date', name: 'deliveredOn', label: '签收日期', required: true },
      ],
    })),
  );
  add(
    handle,
    ...consultations
      .filter((k) => k.kind === 'third_party' && k.answer === 'object')
      .flatMap((k): StepForm[] =>
        !k.decision_notice_on
          ? [
              {
                action: 'disclosure-notice',
                title: `决定公开：向${k.party}发出决定公开告知书`,
                inputs: [
                  { kind: 'hidden', name: 'consultationId', value: String(k.id) },
                  {
                    kind: 'hint',
                    content: (
                      <>
                        第三方不同意公开；本机关认为不公开可能对公共利益造成重大影响、决定予以公开的，须将决定公开的内容和理由书面告知第三方（条例第三十二条）。第三方收到后等待
                        {settings.thirdPartyWaitDays}个工作日方可提供信息。
                      </>
                    ),
                  },
                  { kind: 'textarea', name: 'content', label: '决定公开的政府信息内容', required: true },
                  { kind: 'textarea', name: 'reason', label: '决定公开的理由', required: true },
                  {
                    kind: 'date',
                    name: 'deliveredOn',
                    label: '第三方收到日期（当面或电子送达填今天；邮寄的签收后登记）',
                  },
                ],
              },
            ]
          : !k.decision_notice_delivered_on
            ? [
                {
                  action: 'disclosure-notice-delivered',
                  title: `登记${k.party}收到决定公开告知书`,
                  defaults: { deliveredOn: today },
                  inputs: [
                    { kind: 'hidden', name: 'consultationId', value: String(k.id) },
                    { kind: 'date', name: 'deliveredOn', label: '第三方收到日期', required: true },
                  ],
                },
              ]
            : [],
      ),
  );
  add(handle && handling && reasonRequests.length === 0, {
    action: 'reasons',
    title: '要求申请人说明理由（条例第三十五条）',
    defaults: { periodDays: String(settings.reasonsPeriodDays), deliveryMethod: 'online' },
    inputs: [
      { kind: 'textarea', name: 'matter', label: '申请数量、频次明显超过合理范围的情况', required: true },
      {
        kind: 'number',
        name: 'periodDays',
        label: '说明理由期限（工作日，自申请人收到之日起）',
        required: true,
      },
      {
        kind: 'select',
        name: 'deliveryMethod',
        label: '告知书送达方式',
        required: true,
        options: noticeDeliveryOptions(),
      },
    ],
  });
  add(handle && reasonsOpen, {
    action: 'reasons-received',
    title: '登记申请人说明的理由',
    defaults: { answeredOn: today },
    inputs: [
      { kind: 'date', name: 'answeredOn', label: '收到理由日期', required: true },
      { kind: 'textarea', name: 'answer', label: '申请人说明的理由', required: true },
    ],
  });
  add(handle && handling && reasonRequests.length > 0 && !r.laterReplyOn, {
    action: 'later-reply',
    title: '理由合理：确定延迟答复的期限',
    inputs: [
      {
        kind: 'hint',
        content:
          '申请理由合理但无法在条例第三十三条规定的期限内答复的，可以确定延迟答复的合理期限并告知申请人（条例第三十五条）。理由不合理的，请在“拟写答复”中选择“无正当理由大量反复申请，不予处理”。',
      },
      { kind: 'date', name: 'laterOn', label: '延迟答复的日期', required: true },
      { kind: 'textarea', name: 'reason', label: '无法在法定期限内答复的原因', required: true },
    ],
  });
  add(can('extend') && available.has('extend') && r.extensionDays == null, {
    action: 'extend',
    title: '批准延期答复',
    open: x.pendingExtension || undefined,
    defaults: extensionDefaults,
    inputs: [
      {
        kind: 'hint',
        content: (
          <>
            须在原答复期限（{r.originalDueOn ?? r.dueOn}
            ）届满前批准并告知申请人，只能延长一次，最长20个工作日。
          </>
        ),
      },
      { kind: 'number', name: 'days', label: '延长工作日数', required: true },
      { kind: 'textarea', name: 'reason', label: '延期理由', required: true },
    ],
  });
  add(can('waiveFee') && handling && !r.feeNoticeOn, {
    action: 'fee-waiver',
    title: '减免信息处理费',
    inputs: [
      {
        kind: 'node',
        render: () => (
          <label class="check">
            <input type="checkbox" name="full" value="1" /> 全部免收
          </label>
        ),
      },
      { kind: 'number', name: 'amount', label: '减免金额（元）' },
      { kind: 'textarea', name: 'reason', label: '减免理由', required: true },
    ],
  });
  add(handle && available.has('issue_fee_notice'), {
    action: 'fee-notice',
    title: '发出收费通知',
    defaults: { noticeOn: today, method: 'by_count', items: '1' },
    inputs: [
      {
        kind: 'select',
        name: 'method',
        label: '计收方式（只能选一种）',
        required: true,
        options: [
          { value: 'by_count', label: '按件计收' },
          { value: 'by_volume', label: '按量计收' },
        ],
      },
      {
        kind: 'number',
        name: 'pages',
        label: '提供信息的页数（按量计收）',
        hint:
          r.formRequested === 'inspection'
            ? '申请人选择当场查阅、抄录：不能按量计收（《政府信息公开信息处理费管理办法》第五条）'
            : undefined,
      },
      {
        kind: 'number',
        name: 'items',
        label: '按件计收的件数（一事一申请）',
        hint: '申请包含多项内容的，可按“一事一申请”以合理的最小单位拆分计算件数（办法第四条），须写明理由',
      },
      { kind: 'text', name: 'splitReason', label: '拆分理由' },
      { kind: 'date', name: 'noticeOn', label: '申请人收到通知日期', required: true },
      { kind: 'textarea', name: 'reason', label: '收费理由', required: true },
    ],
  });
  add(
    handle && available.has('record_payment'),
    {
      action: 'fee-paid',
      title: '登记缴费',
      defaults: { paidOn: today, amount: String(r.feeAmount) },
      inputs: [
        { kind: 'date', name: 'paidOn', label: '缴费日期', required: true },
        { kind: 'number', name: 'amount', label: '金额（元）', required: true },
        { kind: 'text', name: 'receiptNo', label: '财政票据号码', required: true },
      ],
    },
    { action: 'fee-unpaid', title: ACTION_LABELS.close_fee_unpaid },
  );
  add(handle && available.has('submit_decision'), {
    action: 'decision',
    title: '拟写答复并提交审批',
    inputs: [
      ver,
      {
        kind: 'select',
        name: 'outcome',
        label: '办理结果（条例第三十六条等）',
        required: true,
        blank: '请选择',
        options: DECIDABLE_OUTCOMES.map((o) => ({
          value: o,
          label: `${OUTCOME_LABELS[o]} → ${LABELS.bRow[reportRowOf(settings, o) as keyof typeof LABELS.bRow] ?? ''}`,
        })),
      },
      {
        kind: 'hint',
        content: (
          <>
            年报统计行按本机关的对应表（默认按常见理解）
            <Interp />
            ；依据参考：
            {DECIDABLE_OUTCOMES.slice(0, 3)
              .map((o) => `${OUTCOME_BASIS_HINT[o]}`)
              .join('；')}
            ……
          </>
        ),
      },
      {
        kind: 'text',
        name: 'basis',
        label: '法律依据（条例条款）',
        required: true,
        hint: '如：第三十六条第（二）项；不予公开的须同时引用第三十六条第（三）项和实体条款',
      },
      {
        kind: 'text',
        name: 'responsibleAgency',
        label: '负责公开的机关（非本机关负责公开时）',
        hint: '条例第三十六条第（五）项：告知该机关的名称和联系方式',
      },
      { kind: 'text', name: 'responsibleContact', label: '该机关的联系方式' },
      {
        kind: 'text',
        name: 'earlierReplyRef',
        label: '此前的答复（重复申请时：文号和日期）',
        hint: dup ? `疑似重复：${dup.reference}，留空则引用其答复文号` : undefined,
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: '决定说明（理由、获取方式和时间、检索情况等）',
        required: true,
      },
      { kind: 'node', render: (form) => <WithheldParts form={form} /> },
    ],
  });
  add(
    can('approve') && available.has('approve_decision'),
    { action: 'approve', title: '审批通过并出具答复', inputs: [ver] },
    {
      action: 'return',
      title: '退回修改',
      inputs: [ver, { kind: 'textarea', name: 'reason', label: '退回理由', required: true }],
    },
  );
  add(handle && available.has('record_delivery'), {
    action: 'deliver',
    title: '登记送达',
    defaults: { deliveredOn: today, method: 'post' },
    inputs: [
      {
        kind: 'select',
        name: 'method',
        label: '送达方式',
        required: true,
        options: Object.entries(DELIVERY_METHOD_LABELS).map(([value, label]) => ({ value, label })),
      },
      { kind: 'date', name: 'deliveredOn', label: '送达日期', required: true },
      { kind: 'text', name: 'proof', label: '送达凭证', hint: '如：挂号信单号、签收人' },
    ],
  });
  add(handle && available.has('archive'), { action: 'archive', title: '归档' });
  add(handle && available.has('withdraw'), {
    action: 'withdraw',
    title: '申请人撤回',
    inputs: [{ kind: 'textarea', name: 'reason', label: '撤回说明（如：申请人书面撤回）', required: true }],
  });
  add(
    handle,
    {
      action: 'note',
      title: '添加办理记录',
      inputs: [{ kind: 'textarea', name: 'body', label: '记录', required: true }],
    },
    {
      action: 'attachments',
      title: '上传附件',
      multipart: true,
      inputs: [
        {
          kind: 'node',
          render: () => (
            <>
              <input type="file" name="file" accept={ACCEPT_ATTR} required />
              <label class="check">
                <input type="checkbox" name="disclosed" value="1" />{' '}
                答复提供的信息（申请人选择网上获取的，答复后可凭查询码下载）
              </label>
            </>
          ),
        },
      ],
    },
  );
  return out;
}

/** 部分公开: the withheld parts, one numbered row each (decisionInput in the route reads them back). */
function WithheldParts({ form }: { form: FormState }) {
  return (
    <fieldset class="field">
      <legend>部分公开：不予公开的内容（逐项）</legend>
      {[0, 1, 2].map((i) => (
        <div class="withheld-row">
          <Field form={form} name={`withheldPart${i}`} label={`内容${i + 1}`} />
          <Select
            form={form}
            name={`withheldGround${i}`}
            label="理由类型"
            blank="—"
            options={WITHHOLDING_GROUNDS.map((g) => ({ value: g, label: OUTCOME_LABELS[g] }))}
          />
          <Field form={form} name={`withheldReason${i}`} label="具体理由" />
        </div>
      ))}
    </fieldset>
  );
}
