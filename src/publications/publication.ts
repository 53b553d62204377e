/**
 * 主动公开 domain: states, attributes, validity, review steps and the chain rule. Pure.
 *
 * Lifecycle: draft → (承办人初审 signed by the drafter) in_review → … each step approves or returns (returned items
 * go back to the drafter, and a new round starts when resubmitted) … → approved → published (索引号 assigned, on
 * the portal) → withdrawn (taken off the portal). 有效性 changes (废止/失效) apply to published items.
 */

export const PUBLICATION_STATUSES = [
  'draft',
  'in_review',
  'returned',
  'approved',
  'published',
  'withdrawn',
] as const;
export type PublicationStatus = (typeof PUBLICATION_STATUSES)[number];
export const STATUS_LABELS: Record<PublicationStatus, string> = {
  draft: '草稿',
  in_review: '审核中',
  returned: '已退回',
  approved: '待发布',
  published: '已发布',
  withdrawn: '已撤回',
};

/** 属性认定 (every document, when drafted). */
export const ATTRIBUTES = ['proactive', 'on_request', 'withheld'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];
export const ATTRIBUTE_LABELS: Record<Attribute, string> = {
  proactive: '主动公开',
  on_request: '依申请公开',
  withheld: '不予公开',
};

/** Withholding grounds (disclosure-rules.md §1): each with its article and whether it is mandatory. */
export const WITHHOLD_GROUNDS = {
  art14_state_secret: { label: '依法确定为国家秘密', article: '条例第十四条', mandatory: true },
  art14_law_prohibits: { label: '法律、行政法规禁止公开', article: '条例第十四条', mandatory: true },
  art14_security_stability: {
    label: '公开后可能危及国家安全、公共安全、经济安全、社会稳定',
    article: '条例第十四条',
    mandatory: true,
  },
  art15_third_party: {
    label: '涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害',
    article: '条例第十五条',
    mandatory: true,
  },
  art16_internal_affairs: {
    label: '内部事务信息（人事管理、后勤管理、内部工作流程等）',
    article: '条例第十六条第一款',
    mandatory: false,
  },
  art16_process_info: {
    label: '过程性信息（讨论记录、过程稿、磋商信函、请示报告等）',
    article: '条例第十六条第二款',
    mandatory: false,
  },
  art16_enforcement_file: { label: '行政执法案卷信息', article: '条例第十六条第二款', mandatory: false },
} as const;
export type WithholdGround = keyof typeof WITHHOLD_GROUNDS;
export const WITHHOLD_GROUND_IDS = Object.keys(WITHHOLD_GROUNDS) as WithholdGround[];

export const VALIDITIES = ['in_force', 'repealed', 'expired'] as const;
export type Validity = (typeof VALIDITIES)[number];
export const VALIDITY_LABELS: Record<Validity, string> = {
  in_force: '有效',
  repealed: '废止',
  expired: '失效',
};

/** Whether the item is a 规章 or 行政规范性文件 (table A 第二十条第（一）项; ids as in annual-report-format.json). */
export const DOC_KINDS = ['none', 'normative_documents', 'regulations'] as const;
export type DocKind = (typeof DOC_KINDS)[number];
export const DOC_KIND_LABELS: Record<DocKind, string> = {
  none: '一般政府信息',
  normative_documents: '行政规范性文件',
  regulations: '规章',
};

/** 体裁 as on government portals. */
export const GENRES = [
  '通知',
  '公告',
  '通告',
  '意见',
  '办法',
  '规定',
  '决定',
  '方案',
  '计划',
  '报告',
  '批复',
  '函',
  '解读',
  '其他',
];
/** 主题分类 (a short fixed list after the State Council's 主题分类; tenants may type another). */
export const TOPICS = [
  '综合政务',
  '农业、林业、水利',
  '国土资源、能源',
  '城乡建设、环境保护',
  '财政、金融、审计',
  '民政、扶贫、救灾',
  '劳动、人事、监察',
  '卫生、体育',
  '科技、教育',
  '文化、广电、新闻出版',
  '公安、安全、司法',
  '其他',
];

export const REVIEW_STEPS = ['first_review', 'second_review', 'final_review', 'principal_approval'] as const;
export type ReviewStep = (typeof REVIEW_STEPS)[number];
export const STEP_LABELS: Record<ReviewStep, string> = {
  first_review: '承办人初审',
  second_review: '站办所负责人复审',
  final_review: '分管领导终审',
  principal_approval: '主要领导审定',
};

export type ReviewRole = 'drafter' | 'office_head' | 'deputy_leader' | 'principal_leader';

/**
 * The review chain of an agency (setting `publications.review_chain`). Default as the seed township describes it:
 * 承办人初审 → 站办所负责人复审 → 分管领导终审, and 主要领导审定 for major or sensitive items.
 */
export interface ReviewChainConfig {
  steps: { step: ReviewStep; role: ReviewRole }[];
  /** When the 审定 step applies: to major/sensitive items only, or always. */
  principalWhen: 'major' | 'always';
}

export const DEFAULT_REVIEW_CHAIN: ReviewChainConfig = {
  steps: [
    { step: 'first_review', role: 'drafter' },
    { step: 'second_review', role: 'office_head' },
    { step: 'final_review', role: 'deputy_leader' },
    { step: 'principal_approval', role: 'principal_leader' },
  ],
  principalWhen: 'major',
};

/** The steps an item must pass, in order. */
export function stepsFor(
  chain: ReviewChainConfig,
  isMajor: boolean,
): { step: ReviewStep; role: ReviewRole }[] {
  return chain.steps.filter(
    (s) => s.step !== 'principal_approval' || chain.principalWhen === 'always' || isMajor,
  );
}

export interface ReviewRecord {
  round: number;
  step: ReviewStep;
  action: 'approve' | 'return';
  userId: number;
  userName: string;
  reason: string | null;
  signedAt: string;
}

/** The state of the chain in the current round: which steps are signed, which one is next (null: all done). */
export interface ChainState {
  steps: {
    step: ReviewStep;
    role: ReviewRole;
    signedBy: string | null;
    signedAt: string | null;
    userId: number | null;
  }[];
  next: { step: ReviewStep; role: ReviewRole } | null;
  signerIds: number[];
}

export function chainState(
  chain: ReviewChainConfig,
  isMajor: boolean,
  round: number,
  reviews: readonly ReviewRecord[],
): ChainState {
  const current = reviews.filter((r) => r.round === round && r.action === 'approve');
  const steps = stepsFor(chain, isMajor).map((s) => {
    const r = current.find((x) => x.step === s.step);
    return { ...s, signedBy: r?.userName ?? null, signedAt: r?.signedAt ?? null, userId: r?.userId ?? null };
  });
  const next = steps.find((s) => !s.signedBy) ?? null;
  return {
    steps,
    next: next ? { step: next.step, role: next.role } : null,
    signerIds: current.map((r) => r.userId),
  };
}
