/**
 * 互动交流 (inquiries): the kinds of message, their states and outcomes, ratings and the public 不予受理 reasons —
 * pure definitions with the Chinese labels users read.
 */

/** 咨询 / 建议 / 投诉 / 求助. */
export const INQUIRY_KINDS = ['question', 'suggestion', 'complaint', 'help'] as const;
export type InquiryKind = (typeof INQUIRY_KINDS)[number];
export const KIND_LABELS: Record<InquiryKind, string> = {
  question: '咨询',
  suggestion: '建议',
  complaint: '投诉',
  help: '求助',
};

export const INQUIRY_STATES = [
  'pending_routing',
  'in_progress',
  'pending_approval',
  'answered',
  'referred',
  'converted',
  'rejected',
  'merged',
] as const;
export type InquiryState = (typeof INQUIRY_STATES)[number];
export const STATE_LABELS: Record<InquiryState, string> = {
  pending_routing: '待分办',
  in_progress: '办理中',
  pending_approval: '答复待审核',
  answered: '已答复',
  referred: '已转办',
  converted: '已转为政府信息公开申请',
  rejected: '不予受理',
  merged: '已合并办理',
};

/** States in which the citizen has been given an answer (the message is 办结). */
export const DONE_STATES: readonly InquiryState[] = ['answered', 'referred', 'converted', 'rejected'];
/** States in which the agency still owes an answer. */
export const OPEN_STATES: readonly InquiryState[] = ['pending_routing', 'in_progress', 'pending_approval'];

/** What an approved reply is: an answer, or (信访) where the matter must go instead. */
export const REPLY_OUTCOMES = ['answer', 'petition'] as const;
export type ReplyOutcome = (typeof REPLY_OUTCOMES)[number];
export const OUTCOME_LABELS: Record<ReplyOutcome, string> = {
  answer: '答复',
  petition: '信访事项告知（告知信访渠道）',
};

/** The citizen's own rating, recorded apart from the office's view; no rating is not 满意. */
export const RATINGS = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type Rating = (typeof RATINGS)[number];
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};
/** A rating that counts the matter as resolved (解决). */
export const isResolvedRating = (r: string | null): boolean =>
  r === 'satisfied' || r === 'basically_satisfied';

/** The public list of reasons a message is not accepted (不予受理), shown on the portal. */
export const REJECT_REASONS = [
  'abusive',
  'no_content',
  'advertising',
  'legal_channel',
  'secret',
  'other',
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
  abusive: '含有辱骂、威胁、人身攻击等内容的',
  no_content: '内容空泛，无具体事项或诉求的',
  advertising: '广告、推销或与政务无关的信息',
  legal_channel: '已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决的',
  secret: '要求提供涉及国家秘密、商业秘密、个人隐私内容的',
  other: '其他不予受理的情形（答复中说明理由）',
};

/** Events of the status history; the citizen sees those marked for them. */
export const EVENT_LABELS: Record<string, string> = {
  submitted: '收到留言',
  routed: '分办至承办单位',
  transfer_requested: '申请移交其他单位',
  transfer_accepted: '承办单位变更',
  transfer_declined: '移交未被接受',
  extended: '延长办理期限',
  reply_submitted: '答复提交审核',
  reply_returned: '答复退回修改',
  answered: '已答复',
  rated: '评价',
  reopened: '重新办理',
  merged: '合并办理',
  referred: '转办',
  converted: '转为政府信息公开申请',
  rejected: '不予受理',
  published: '公开发布',
  unpublished: '撤回公开',
  alarm: '临近三个月未答复预警',
};

export interface Inquiry {
  id: number;
  agencyId: number;
  reference: string;
  trackingCode: string;
  kind: InquiryKind;
  topic: string;
  villageId: number | null;
  officeChosenId: number | null;
  officeId: number | null;
  body: string;
  contactName: string;
  contactPhone: string | null;
  contactEmail: string | null;
  allowPublish: boolean;
  channel: string;
  status: InquiryState;
  needsScreening: boolean;
  submittedAt: string;
  receivedOn: string;
  dueOn: string;
  originalDueOn: string;
  extensionDays: number | null;
  extensionReason: string | null;
  draftReply: string | null;
  draftOutcome: ReplyOutcome | null;
  draftByName: string | null;
  returnedReason: string | null;
  reply: string | null;
  outcome: ReplyOutcome | null;
  approvedByName: string | null;
  firstRepliedOn: string | null;
  repliedOn: string | null;
  referralTo: string | null;
  rejectReason: string | null;
  convertedRequestId: number | null;
  mergedIntoId: number | null;
  rating: Rating | null;
  ratingReason: string | null;
  ratedAt: string | null;
  reopenCount: number;
  isPublished: boolean;
  publicTitle: string | null;
  publicBody: string | null;
  publicReply: string | null;
  publishedOn: string | null;
  version: number;
}

/** Contact details shown to staff only: a phone as 139****0000. */
export function maskPhone(p: string | null): string {
  if (!p) return '';
  const d = p.replace(/\D/g, '');
  return d.length >= 7 ? `${d.slice(0, 3)}****${d.slice(-4)}` : '****';
}
