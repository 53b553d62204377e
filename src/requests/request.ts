/**
 * The disclosure request (依申请公开) as a pure model: states, the allowed transitions as one table, channels,
 * applicant kinds, ID document types and the outcome codes of disclosure-rules.md §7.
 */
import { InvalidStateError } from '../errors.ts';

// ---------------------------------------------------------------------------------------------------------------
// States (条例第四十五条: 登记、审核、办理、答复、归档)

export const REQUEST_STATES = [
  'pending_confirmation',
  'accepted',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'extended',
  'pending_approval',
  'replied',
  'delivered',
  'archived',
  'withdrawn',
  'abandoned',
] as const;
export type RequestState = (typeof REQUEST_STATES)[number];

export const STATE_LABELS: Record<RequestState, string> = {
  pending_confirmation: '待确认',
  accepted: '受理',
  awaiting_correction: '补正中',
  consulting: '征求意见中',
  awaiting_fee: '待缴费',
  extended: '已延期',
  pending_approval: '待审批',
  replied: '已答复',
  delivered: '已送达',
  archived: '已归档',
  withdrawn: '已撤回',
  abandoned: '视为放弃',
};

/** States in which the reply clock matters (the request is received and not yet closed). */
export const OPEN_STATES: readonly RequestState[] = [
  'accepted',
  'awaiting_correction',
  'consulting',
  'awaiting_fee',
  'extended',
  'pending_approval',
];

/** States of a closed request (it has an outcome and counts in Table B of its closing year). */
export const CLOSED_STATES: readonly RequestState[] = [
  'replied',
  'delivered',
  'archived',
  'withdrawn',
  'abandoned',
];

export const isOpen = (s: RequestState) => OPEN_STATES.includes(s);

export const REQUEST_ACTIONS = [
  'confirm',
  'request_correction',
  'receive_correction',
  'abandon_no_correction',
  'start_consultation',
  'end_consultation',
  'extend',
  'issue_fee_notice',
  'record_payment',
  'close_fee_unpaid',
  'submit_decision',
  'return_decision',
  'approve_decision',
  'record_delivery',
  'archive',
  'withdraw',
] as const;
export type RequestAction = (typeof REQUEST_ACTIONS)[number];

export const ACTION_LABELS: Record<RequestAction, string> = {
  confirm: '确认收到',
  request_correction: '告知补正',
  receive_correction: '收到补正',
  abandon_no_correction: '逾期未补正，视为放弃',
  start_consultation: '征求意见',
  end_consultation: '收到意见 / 征求意见期满',
  extend: '延期答复',
  issue_fee_notice: '发出收费通知',
  record_payment: '登记缴费',
  close_fee_unpaid: '逾期未缴费，视为放弃',
  submit_decision: '提交答复审批',
  return_decision: '退回修改',
  approve_decision: '审批通过并出具答复',
  record_delivery: '登记送达',
  archive: '归档',
  withdraw: '申请人撤回',
};

/**
 * 'resume' returns to the handling state the request was in before the step: `extended` when an extension was
 * granted, else `accepted`.
 */
export type Target = RequestState | 'resume';

/** The transition table: for each action, the states it may start from and the state it leads to. */
export const TRANSITIONS: Record<RequestAction, { from: readonly RequestState[]; to: Target }> = {
  confirm: { from: ['pending_confirmation'], to: 'accepted' },
  request_correction: { from: ['accepted'], to: 'awaiting_correction' },
  receive_correction: { from: ['awaiting_correction'], to: 'accepted' },
  abandon_no_correction: { from: ['awaiting_correction'], to: 'abandoned' },
  start_consultation: { from: ['accepted', 'extended'], to: 'consulting' },
  end_consultation: { from: ['consulting'], to: 'resume' },
  extend: { from: ['accepted', 'consulting', 'awaiting_fee'], to: 'extended' },
  issue_fee_notice: { from: ['accepted', 'extended'], to: 'awaiting_fee' },
  record_payment: { from: ['awaiting_fee'], to: 'resume' },
  close_fee_unpaid: { from: ['awaiting_fee'], to: 'abandoned' },
  submit_decision: { from: ['accepted', 'extended'], to: 'pending_approval' },
  return_decision: { from: ['pending_approval'], to: 'resume' },
  approve_decision: { from: ['pending_approval'], to: 'replied' },
  record_delivery: { from: ['replied', 'delivered'], to: 'delivered' },
  archive: { from: ['delivered', 'withdrawn', 'abandoned'], to: 'archived' },
  withdraw: {
    from: [
      'pending_confirmation',
      'accepted',
      'awaiting_correction',
      'consulting',
      'awaiting_fee',
      'extended',
      'pending_approval',
    ],
    to: 'withdrawn',
  },
};

/** Whether an action may be taken in a state. */
export function canTransition(state: RequestState, action: RequestAction): boolean {
  return TRANSITIONS[action].from.includes(state);
}

/** The state after an action, or InvalidStateError with the reason in Chinese. */
export function nextState(
  state: RequestState,
  action: RequestAction,
  opts: { extended: boolean } = { extended: false },
): RequestState {
  if (action === 'extend' && (state === 'extended' || opts.extended))
    throw new InvalidStateError('答复期限只能延长一次（条例第三十三条第二款），本申请已经延期');
  if (!canTransition(state, action)) {
    throw new InvalidStateError(`申请当前状态为“${STATE_LABELS[state]}”，不能执行“${ACTION_LABELS[action]}”`);
  }
  const to = TRANSITIONS[action].to;
  if (to === 'resume') return opts.extended ? 'extended' : 'accepted';
  // An extension granted during a consultation or a fee window keeps the request in that step.
  if (action === 'extend' && state !== 'accepted') return state;
  return to;
}

/** The actions available in a state (for the UI and the API). */
export function actionsFrom(state: RequestState): RequestAction[] {
  return REQUEST_ACTIONS.filter((a) => canTransition(state, a));
}

// ---------------------------------------------------------------------------------------------------------------
// Channels (条例第三十一条)

export const CHANNELS = [
  'online',
  'in_person',
  'registered_mail',
  'ordinary_mail',
  'fax',
  'email',
  'oral',
] as const;
export type Channel = (typeof CHANNELS)[number];

export const CHANNEL_LABELS: Record<Channel, string> = {
  online: '网上申请',
  in_person: '当面提交',
  registered_mail: '邮寄（挂号）',
  ordinary_mail: '邮寄（平信）',
  fax: '传真',
  email: '电子邮件',
  oral: '口头提出（代为填写）',
};

/** How the receipt date follows from the channel (条例第三十一条; oral: interpretation, as in person). */
export const RECEIPT_RULES: Record<Channel, string> = {
  online: '以双方确认之日为收到申请之日（第三十一条第（三）项）',
  in_person: '以提交之日为收到申请之日（第三十一条第（一）项）',
  oral: '口头提出、代为填写的，以提出之日为收到申请之日（参照第三十一条第（一）项，解释）',
  registered_mail: '以本机关签收之日为收到申请之日（第三十一条第（二）项）',
  ordinary_mail: '平常信函以与申请人确认之日为收到申请之日（第三十一条第（二）项）',
  fax: '以双方确认之日为收到申请之日（第三十一条第（三）项）',
  email: '以双方确认之日为收到申请之日（第三十一条第（三）项）',
};

/** Channels where the receipt day is the day of submission itself. */
export const RECEIVED_ON_SUBMISSION: readonly Channel[] = ['in_person', 'oral'];

/**
 * The receipt date of a request from its channel (条例第三十一条): submission day for in-person and oral requests;
 * the signed-for or confirmation day otherwise (null until it is known: the request waits for confirmation).
 */
export function receiptDate(
  channel: Channel,
  submittedOn: string,
  confirmedOn: string | null,
): string | null {
  if (RECEIVED_ON_SUBMISSION.includes(channel)) return submittedOn;
  return confirmedOn;
}

// ---------------------------------------------------------------------------------------------------------------
// Applicants (Table B columns; ids of annual-report-format.json)

export const APPLICANT_KINDS = [
  'natural_person',
  'commercial_enterprise',
  'research_institution',
  'social_welfare_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export const APPLICANT_KIND_LABELS: Record<ApplicantKind, string> = {
  natural_person: '自然人',
  commercial_enterprise: '商业企业',
  research_institution: '科研机构',
  social_welfare_org: '社会公益组织',
  legal_service_org: '法律服务机构',
  other_org: '其他组织',
};

export const ID_TYPES = ['resident_id', 'passport', 'hk_macau_taiwan', 'uscc', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  resident_id: '居民身份证',
  passport: '护照',
  hk_macau_taiwan: '港澳台居民居住证 / 通行证',
  uscc: '统一社会信用代码',
  other: '其他证件',
};

export const PERSON_ID_TYPES: readonly IdType[] = ['resident_id', 'passport', 'hk_macau_taiwan', 'other'];
export const ORG_ID_TYPES: readonly IdType[] = ['uscc', 'other'];

export const FORMS = ['paper', 'electronic', 'inspection'] as const;
export const FORM_LABELS: Record<(typeof FORMS)[number], string> = {
  paper: '纸质文本',
  electronic: '电子文本',
  inspection: '当场查阅、抄录',
};
export const DELIVERIES = ['post', 'collect', 'email', 'online'] as const;
export const DELIVERY_LABELS: Record<(typeof DELIVERIES)[number], string> = {
  post: '邮寄',
  collect: '当面领取',
  email: '电子邮件',
  online: '网上获取（凭查询码下载）',
};

// ---------------------------------------------------------------------------------------------------------------
// Outcomes (disclosure-rules.md §7) and the 条例 type they answer

export const OUTCOMES = [
  'already_public',
  'disclosed',
  'partially_disclosed',
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party',
  'withheld_internal_affairs',
  'withheld_process_info',
  'withheld_enforcement_file',
  'special_access_law',
  'not_exist',
  'not_this_agency',
  'needs_processing',
  'unclear_after_correction',
  'petition_complaint',
  'repeated',
  'publication',
  'excessive_unreasonable',
  'confirm_or_reissue',
  'abandoned_no_correction',
  'abandoned_fee_unpaid',
  'withdrawn',
  'other',
] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Outcomes an officer decides (the others follow from closing steps). */
export const DECIDABLE_OUTCOMES = OUTCOMES.filter(
  (o) => !['abandoned_no_correction', 'abandoned_fee_unpaid', 'withdrawn'].includes(o),
) as Outcome[];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  already_public: '已主动公开，告知获取方式（第三十六条第（一）项）',
  disclosed: '予以公开（第三十六条第（二）项）',
  partially_disclosed: '部分公开（第三十七条）',
  withheld_state_secret: '不予公开：国家秘密（第十四条）',
  withheld_prohibited_by_law: '不予公开：法律、行政法规禁止公开（第十四条）',
  withheld_security_stability: '不予公开：危及“三安全一稳定”（第十四条）',
  withheld_third_party: '不予公开：第三方合法权益（第十五条、第三十二条）',
  withheld_internal_affairs: '不予公开：内部事务信息（第十六条第一款）',
  withheld_process_info: '不予公开：过程性信息（第十六条第二款）',
  withheld_enforcement_file: '不予公开：行政执法案卷（第十六条第二款）',
  special_access_law: '按特别规定办理：工商、不动产登记资料等（第三十六条第（七）项）',
  not_exist: '政府信息不存在（第三十六条第（四）项）',
  not_this_agency: '非本机关负责公开（第三十六条第（五）项）',
  needs_processing: '需要加工、分析，不予提供（第三十八条）',
  unclear_after_correction: '补正后申请内容仍不明确（第三十条）',
  petition_complaint: '信访、投诉、举报，不作为公开申请处理（第三十九条第一款）',
  repeated: '重复申请，不予重复处理（第三十六条第（六）项）',
  publication: '要求提供公开出版物（第三十九条第二款）',
  excessive_unreasonable: '无正当理由大量反复申请，不予处理（第三十五条）',
  confirm_or_reissue: '要求确认或重新出具已获取信息，不予处理',
  abandoned_no_correction: '逾期未补正，视为放弃（第三十条）',
  abandoned_fee_unpaid: '逾期未缴纳信息处理费，视为放弃',
  withdrawn: '申请人撤回申请',
  other: '其他',
};

/** The 条例 article and item a reply of this outcome must cite at least (the officer adds to it). */
export const OUTCOME_BASIS_HINT: Record<Outcome, string> = {
  already_public: '第三十六条第（一）项',
  disclosed: '第三十六条第（二）项',
  partially_disclosed: '第三十七条',
  withheld_state_secret: '第三十六条第（三）项、第十四条',
  withheld_prohibited_by_law: '第三十六条第（三）项、第十四条',
  withheld_security_stability: '第三十六条第（三）项、第十四条',
  withheld_third_party: '第三十六条第（三）项、第十五条、第三十二条',
  withheld_internal_affairs: '第三十六条第（三）项、第十六条第一款',
  withheld_process_info: '第三十六条第（三）项、第十六条第二款',
  withheld_enforcement_file: '第三十六条第（三）项、第十六条第二款',
  special_access_law: '第三十六条第（七）项',
  not_exist: '第三十六条第（四）项',
  not_this_agency: '第三十六条第（五）项',
  needs_processing: '第三十八条',
  unclear_after_correction: '第三十条',
  petition_complaint: '第三十九条第一款',
  repeated: '第三十六条第（六）项',
  publication: '第三十九条第二款',
  excessive_unreasonable: '第三十五条',
  confirm_or_reissue: '',
  abandoned_no_correction: '第三十条',
  abandoned_fee_unpaid: '第四十二条',
  withdrawn: '',
  other: '',
};

/** Grounds a withheld part of a 部分公开 reply may rest on (§1, §3.9). */
export const WITHHOLDING_GROUNDS = OUTCOMES.filter((o) => o.startsWith('withheld_')) as Outcome[];

export const isWithheld = (o: Outcome) => o.startsWith('withheld_');

// ---------------------------------------------------------------------------------------------------------------
// 复议 / 诉讼 cases (Table C)

export const APPEAL_KINDS = ['review', 'litigation_direct', 'litigation_after_review'] as const;
export type AppealKind = (typeof APPEAL_KINDS)[number];
export const APPEAL_KIND_LABELS: Record<AppealKind, string> = {
  review: '行政复议',
  litigation_direct: '未经复议直接起诉',
  litigation_after_review: '复议后起诉',
};
export const APPEAL_RESULTS = ['upheld', 'corrected', 'other_result', 'pending'] as const;
export type AppealResult = (typeof APPEAL_RESULTS)[number];
export const APPEAL_RESULT_LABELS: Record<AppealResult, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other_result: '其他结果',
  pending: '尚未审结',
};

// ---------------------------------------------------------------------------------------------------------------
// The request as the domain sees it

export interface InfoRequest {
  id: number;
  agencyId: number;
  refYear: number;
  refSerial: number;
  reference: string;
  trackingCode: string;
  status: RequestState;
  channel: Channel;
  submittedOn: string;
  receivedOn: string | null;
  receiptEvidence: string | null;
  filledOnBehalf: boolean;
  applicantKind: ApplicantKind;
  applicantName: string;
  idType: IdType;
  idNumber: string;
  applicantKey: string;
  phone: string | null;
  email: string | null;
  address: string | null;
  infoDescription: string;
  infoDocNo: string | null;
  formRequested: string;
  deliveryRequested: string;
  needsAssistance: boolean;
  assistanceNote: string | null;
  officeId: number | null;
  handlerId: number | null;
  dueOn: string | null;
  originalDueOn: string | null;
  dueProvisional: boolean;
  correctionNoticeDueOn: string | null;
  calendarVersion: string | null;
  extensionDays: number | null;
  extensionReason: string | null;
  extensionApprovedByName: string | null;
  extensionApprovedAt: string | null;
  /** A clerk's pending request for an extension (null when none is waiting for the office head). */
  extensionRequestedDays: number | null;
  extensionRequestedReason: string | null;
  extensionRequestedBy: number | null;
  extensionRequestedByName: string | null;
  extensionRequestedAt: string | null;
  feeMethod: 'none' | 'by_count' | 'by_volume';
  feePages: number | null;
  feeAmount: number;
  feeNoticeOn: string | null;
  feeDueOn: string | null;
  feePaidOn: string | null;
  feePaidAmount: number;
  feeReceiptNo: string | null;
  outcome: Outcome | null;
  reportRow: string | null;
  basis: string | null;
  decisionReason: string | null;
  decisionDetail: string | null;
  decidedByName: string | null;
  approvedByName: string | null;
  approvedAt: string | null;
  closedOn: string | null;
  deliveredOn: string | null;
  archivedAt: string | null;
  duplicateOfId: number | null;
  lateConfirmationReason: string | null;
  laterReplyOn: string | null;
  laterReplyReason: string | null;
  feeItemCount: number;
  feeSplitReason: string | null;
  feeNoticeIssuedOn: string | null;
  disclosureNotBefore: string | null;
  responsibleAgency: string | null;
  responsibleContact: string | null;
  earlierReplyRef: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}
