/**
 * The table of a message's step forms (分办, 答复, 信访告知, 移交, 延期, 合并, 转办, 不予受理, 公开, 常见问题): what each
 * posts, asks and starts with, and when it is open (the route passes the policy answers). Pure.
 */
import type { Inquiry } from '../../../inquiries/inquiry.ts';
import { REJECT_REASONS, REJECT_REASON_LABELS } from '../../../inquiries/inquiry.ts';
import type { InquirySettings } from '../../../inquiries/settings.ts';
import type { StepFormSpec } from './step-forms.tsx';

export interface StepTableInput {
  q: Inquiry;
  can: { manage: boolean; handle: boolean };
  /** In progress and the user may handle it. */
  inProgress: boolean;
  /** Pending routing or in progress. */
  open: boolean;
  hasTransfer: boolean;
  officeOpts: { value: string; label: string }[];
  suggestedOfficeId: number | null;
  settings: Pick<InquirySettings, 'petitionGuide' | 'maxExtensionDays'>;
  draft: { title: string; body: string; reply: string };
}

export function inquiryStepTable(p: StepTableInput): Record<string, StepFormSpec> {
  return {
    route: {
      step: 'route',
      formKey: 'route',
      title: '分办',
      button: '分办',
      defaults: { officeId: String(p.suggestedOfficeId ?? '') },
      fields: [
        {
          kind: 'select',
          name: 'officeId',
          label: '承办单位',
          blank: '请选择',
          options: p.officeOpts,
          required: true,
        },
      ],
      show: p.q.status === 'pending_routing' && p.can.manage,
    },
    reply: {
      step: 'reply',
      formKey: 'reply',
      title: '拟写答复',
      button: '提交审核',
      defaults: { reply: p.q.draftReply ?? '' },
      fields: [
        { kind: 'hidden', name: 'outcome', value: 'answer' },
        { kind: 'textarea', name: 'reply', label: '答复内容', required: true, rows: 6 },
      ],
      show: p.inProgress,
    },
    petition: {
      step: 'reply',
      title: '信访事项：告知信访渠道',
      button: '按信访事项答复并提交审核',
      defaults: { reply: p.settings.petitionGuide },
      fields: [
        { kind: 'hidden', name: 'outcome', value: 'petition' },
        { kind: 'textarea', name: 'reply', label: '告知内容', required: true, rows: 3 },
      ],
      show: p.inProgress,
    },
    transfer: {
      step: 'transfer',
      formKey: 'transfer',
      title: '移交其他单位（首问负责：对方接受前仍由本单位负责）',
      button: '申请移交',
      fields: [
        {
          kind: 'select',
          name: 'toOfficeId',
          label: '移交给',
          blank: '请选择',
          options: p.officeOpts.filter((o) => o.value !== String(p.q.officeId)),
          required: true,
        },
        { kind: 'textarea', name: 'reason', label: '移交理由', required: true, rows: 2 },
      ],
      show: p.inProgress && !p.hasTransfer,
    },
    extend: {
      step: 'extend',
      formKey: 'extend',
      title: `延期（只能一次，最多${p.settings.maxExtensionDays}个工作日）`,
      button: '延期',
      fields: [
        { kind: 'number', name: 'days', label: '延长工作日数', required: true },
        { kind: 'textarea', name: 'reason', label: '延期理由（告知留言人）', required: true, rows: 2 },
      ],
      show:
        ['in_progress', 'pending_approval'].includes(p.q.status) && p.can.handle && p.q.extensionDays == null,
    },
    merge: {
      step: 'merge',
      formKey: 'merge',
      title: '合并重复留言',
      button: '合并',
      fields: [{ kind: 'text', name: 'intoReference', label: '主留言编号', required: true }],
      show: p.open && p.can.manage,
    },
    refer: {
      step: 'refer',
      formKey: 'refer',
      title: '转办（其他机关或12345热线）',
      button: '转办并告知留言人',
      defaults: { to: '互助县12345政务服务便民热线' },
      fields: [
        { kind: 'text', name: 'to', label: '转办单位', required: true },
        { kind: 'textarea', name: 'note', label: '告知留言人的说明', required: true, rows: 2 },
      ],
      show: p.open && p.can.manage,
    },
    reject: {
      step: 'reject',
      formKey: 'reject',
      title: '不予受理',
      button: '不予受理并告知',
      fields: [
        {
          kind: 'select',
          name: 'reason',
          label: '理由（公开的不予受理情形）',
          blank: '请选择',
          options: REJECT_REASONS.map((r) => ({ value: r, label: REJECT_REASON_LABELS[r] })),
          required: true,
        },
        { kind: 'textarea', name: 'note', label: '告知留言人的说明', required: true, rows: 2 },
      ],
      show: p.open && p.can.manage,
    },
    publish: {
      step: 'publish',
      formKey: 'publish',
      title: p.q.isPublished ? '已公开（可修改）' : '审核后公开（自动遮盖个人信息，不含联系方式）',
      button: p.q.isPublished ? '更新公开内容' : '公开发布',
      defaults: {
        title: p.q.publicTitle ?? p.draft.title,
        body: p.q.publicBody ?? p.draft.body,
        reply: p.q.publicReply ?? p.draft.reply,
      },
      fields: [
        { kind: 'text', name: 'title', label: '公开标题', required: true },
        { kind: 'textarea', name: 'body', label: '公开的留言内容', required: true, rows: 5 },
        { kind: 'textarea', name: 'reply', label: '公开的答复内容', required: true, rows: 5 },
      ],
      show: p.q.status === 'answered' && p.can.manage && p.q.allowPublish && !p.q.mergedIntoId,
    },
    faq: {
      step: 'faq',
      formKey: 'faq',
      title: '加入常见问题（候选）',
      button: '加入常见问题',
      defaults: { question: p.draft.title, answer: p.draft.reply },
      fields: [
        { kind: 'text', name: 'question', label: '问题', required: true },
        { kind: 'textarea', name: 'answer', label: '解答', required: true, rows: 4 },
      ],
      show: p.q.status === 'answered' && p.can.manage,
    },
  };
}
