/**
 * Letters to applicants and consulted parties (disclosure-rules.md §6), pure: the kinds, the default templates
 * an admin may override, the relief wording (§6.4) and the filling of placeholders. A letter never prints a date
 * that rests on a provisional calendar year: it prints the period instead (§4 point 5).
 */
import type { InfoRequest, Outcome } from './request.ts';
import { isWithheld, OUTCOME_LABELS } from './request.ts';

export const LETTER_KINDS = [
  'receipt',
  'correction_notice',
  'extension_notice',
  'consultation_third_party',
  'consultation_co_agency',
  'disclosure_decision_third_party',
  'reasons_request',
  'later_reply_notice',
  'fee_notice',
  'reply_disclosed',
  'reply_partial',
  'reply_withheld',
  'reply_unable',
  'reply_not_processed',
  'reply_abandoned',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  receipt: '申请接收回执',
  correction_notice: '补正告知书',
  extension_notice: '延期答复告知书',
  consultation_third_party: '征求第三方意见书',
  consultation_co_agency: '征求意见书（共同制作机关）',
  disclosure_decision_third_party: '决定公开告知书（致第三方）',
  reasons_request: '说明理由告知书',
  later_reply_notice: '延迟答复告知书',
  fee_notice: '收费通知书',
  reply_disclosed: '答复：予以公开 / 已主动公开',
  reply_partial: '答复：部分公开',
  reply_withheld: '答复：不予公开',
  reply_unable: '答复：无法提供 / 按特别规定办理',
  reply_not_processed: '答复：不予处理',
  reply_abandoned: '告知：视为放弃申请',
};

/**
 * Letters that end the request or decide against someone: they carry the relief paragraph, its wording decided by
 * the outcome's disposition (dispositions.ts). 视为放弃 and 不再处理 are final dispositions too.
 */
export const REPLY_KINDS: readonly LetterKind[] = [
  'reply_disclosed',
  'reply_partial',
  'reply_withheld',
  'reply_unable',
  'reply_not_processed',
  'reply_abandoned',
];

/** The reply letter kind of an outcome (§6.2). */
export function replyKindOf(outcome: Outcome): LetterKind {
  if (outcome === 'already_public' || outcome === 'disclosed') return 'reply_disclosed';
  if (outcome === 'partially_disclosed') return 'reply_partial';
  if (isWithheld(outcome)) return 'reply_withheld';
  if (
    [
      'not_exist',
      'not_this_agency',
      'needs_processing',
      'unclear_after_correction',
      'special_access_law',
    ].includes(outcome)
  )
    return 'reply_unable';
  if (outcome === 'abandoned_no_correction' || outcome === 'abandoned_fee_unpaid') return 'reply_abandoned';
  return 'reply_not_processed';
}

/**
 * The sentence that states the decision in a reply (条例第三十六条 etc.), complete in itself (it says 经审查 or
 * 经检索 once). 「您」 becomes 「贵单位」 for an organisation (requestVars).
 */
export const DECISION_SENTENCES: Record<Outcome, string> = {
  already_public: '经审查，您申请的政府信息已经主动公开，现告知您获取该信息的方式和途径',
  disclosed: '经审查，本机关决定予以公开，现向您提供该政府信息',
  partially_disclosed:
    '经审查，您申请的信息中含有不应当公开的内容，但能够作区分处理，本机关决定对可以公开的部分予以公开，对不予公开的部分说明理由如下',
  withheld_state_secret: '经审查，您申请的信息属于依法确定为国家秘密的政府信息，本机关决定不予公开',
  withheld_prohibited_by_law: '经审查，您申请的信息属于法律、行政法规禁止公开的政府信息，本机关决定不予公开',
  withheld_security_stability:
    '经审查，您申请的信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，本机关决定不予公开',
  withheld_third_party:
    '经审查，您申请的信息涉及第三方合法权益，公开会对第三方合法权益造成损害，本机关决定不予公开',
  withheld_internal_affairs: '经审查，您申请的信息属于行政机关内部事务信息，本机关决定不予公开',
  withheld_process_info:
    '经审查，您申请的信息属于行政机关在履行行政管理职能过程中形成的过程性信息，本机关决定不予公开',
  withheld_enforcement_file: '经审查，您申请的信息属于行政执法案卷信息，本机关决定不予公开',
  special_access_law:
    '经审查，您申请的信息属于有关法律、行政法规对信息的获取有特别规定的情形，请依照有关规定办理',
  not_exist: '经检索，本机关没有您申请公开的政府信息，该政府信息不存在',
  not_this_agency: '经审查，您申请公开的信息不属于本机关负责公开的政府信息',
  needs_processing: '经审查，您申请的信息需要本机关对现有政府信息进行加工、分析，本机关不予提供',
  unclear_after_correction: '经补正，您的申请内容仍不明确，本机关无法提供',
  petition_complaint:
    '经审查，您以政府信息公开申请的形式提出信访、投诉、举报等事项，本机关不作为政府信息公开申请处理，您可以通过相应渠道提出',
  repeated: '经审查，本机关已就您提出的相同政府信息公开申请作出答复，对您的重复申请不予重复处理',
  publication: '经审查，您申请获取的是公开出版物，可以通过以下途径获取',
  excessive_unreasonable:
    '您申请公开政府信息的数量、频次明显超过合理范围，本机关已要求您说明理由，经审查，您说明的理由不合理，本机关不予处理',
  confirm_or_reissue:
    '经审查，您要求本机关确认或重新出具已获取的信息，不属于政府信息公开申请处理范围，本机关不予处理',
  abandoned_no_correction: '您未在规定期限内补正申请，视为放弃申请，本机关不再处理该政府信息公开申请',
  abandoned_fee_unpaid: '您未在规定期限内缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请',
  withdrawn: '您已撤回政府信息公开申请',
  other: '',
};

/** A withheld ground as a 部分公开 list prints it: what it is and the article, without nested parentheses. */
export const GROUND_TEXT: Partial<Record<Outcome, string>> = {
  withheld_state_secret: '属于依法确定为国家秘密的政府信息，依据条例第十四条不予公开',
  withheld_prohibited_by_law: '属于法律、行政法规禁止公开的政府信息，依据条例第十四条不予公开',
  withheld_security_stability:
    '公开后可能危及国家安全、公共安全、经济安全、社会稳定，依据条例第十四条不予公开',
  withheld_third_party: '公开会对第三方合法权益造成损害，依据条例第十五条不予公开',
  withheld_internal_affairs: '属于行政机关内部事务信息，依据条例第十六条第一款不予公开',
  withheld_process_info: '属于过程性信息，依据条例第十六条第二款不予公开',
  withheld_enforcement_file: '属于行政执法案卷信息，依据条例第十六条第二款不予公开',
};

export interface LetterTemplate {
  title: string;
  /** Paragraphs separated by newlines; {占位符} filled from LetterVars. */
  body: string;
}

const INTRO =
  '本机关于{收到日期}收到{称谓}提交的政府信息公开申请（登记编号：{编号}），申请公开“{申请内容}”{补正说明}。';

/** The shipped templates (drafted for this system; the agency's legal adviser should review them). */
export const DEFAULT_TEMPLATES: Record<LetterKind, LetterTemplate> = {
  receipt: {
    title: '政府信息公开申请接收回执',
    body: [
      '本机关于{收到日期}收到{称谓}提交的政府信息公开申请，登记编号为{编号}，申请内容为“{申请内容}”。收到申请的日期按照《中华人民共和国政府信息公开条例》第三十一条确定（{收到方式}）。',
      '根据《中华人民共和国政府信息公开条例》第三十三条的规定，本机关将在{答复期限}作出答复。征求第三方和其他机关意见所需时间不计算在答复期限内。',
      '{称谓}可以凭登记编号和查询码（{查询码}）在本机关政府信息公开网站“申请查询”栏目查询办理进度、下载答复文书。',
    ].join('\n'),
  },
  correction_notice: {
    title: '政府信息公开申请补正告知书',
    body: [
      '本机关于{收到日期}收到{称谓}提交的政府信息公开申请（登记编号：{编号}），申请公开“{申请内容}”。',
      '经审查，{称谓}的申请内容不明确。根据《中华人民共和国政府信息公开条例》第三十条的规定，请对以下事项一并作出补正：',
      '{补正事项}',
      '{补正指导}',
      '请于{补正期限}向本机关提交补正后的申请。答复期限自本机关收到补正后的申请之日起计算。无正当理由逾期不补正的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n'),
  },
  extension_notice: {
    title: '政府信息公开申请延期答复告知书',
    body: [
      INTRO,
      '因{延期理由}，本机关不能在规定期限内作出答复。经本机关政府信息公开工作机构负责人同意，根据《中华人民共和国政府信息公开条例》第三十三条第二款的规定，延长答复期限{延长天数}个工作日，本机关将在{新答复期限}作出答复。',
    ].join('\n'),
  },
  consultation_third_party: {
    title: '政府信息公开征求第三方意见书',
    body: [
      '本机关收到一份政府信息公开申请，申请公开“{申请内容}”。该信息公开可能损害贵方合法权益。根据《中华人民共和国政府信息公开条例》第三十二条的规定，现书面征求贵方意见：',
      '{征求事项}',
      '请贵方自收到本意见书之日起15个工作日内提出书面意见。逾期未提出意见的，由本机关依照《中华人民共和国政府信息公开条例》的规定决定是否公开。贵方不同意公开的，请说明理由。',
    ].join('\n'),
  },
  consultation_co_agency: {
    title: '政府信息公开征求意见书',
    body: [
      '本机关收到一份政府信息公开申请，申请公开“{申请内容}”。该信息由本机关与贵机关共同制作。根据《中华人民共和国政府信息公开条例》第三十四条的规定，现征求贵机关意见：',
      '{征求事项}',
      '请贵机关自收到本意见书之日起15个工作日内提出意见，逾期未提出意见的视为同意公开。',
    ].join('\n'),
  },
  disclosure_decision_third_party: {
    title: '政府信息决定公开告知书',
    body: [
      '本机关于{征求日期}就一份政府信息公开申请书面征求贵方意见，贵方不同意公开。',
      '本机关认为，不公开可能对公共利益造成重大影响。根据《中华人民共和国政府信息公开条例》第十五条、第三十二条的规定，本机关决定予以公开。决定公开的政府信息内容：{公开内容}',
      '理由：{公开理由}',
      '本机关将于{公开日期}起向申请人提供上述信息。',
    ].join('\n'),
  },
  reasons_request: {
    title: '政府信息公开申请说明理由告知书',
    body: [
      INTRO,
      '{称谓}申请公开政府信息的数量、频次明显超过合理范围：{理由事项}',
      '根据《中华人民共和国政府信息公开条例》第三十五条的规定，请于{理由期限}向本机关书面说明申请理由。本机关认为申请理由不合理的，将告知不予处理；认为申请理由合理但无法在规定期限内答复的，将确定延迟答复的合理期限并告知。',
    ].join('\n'),
  },
  later_reply_notice: {
    title: '政府信息公开申请延迟答复告知书',
    body: [
      INTRO,
      '本机关已要求{称谓}说明申请理由。经审查，申请理由合理，但因{延迟理由}，本机关无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复。',
      '根据《中华人民共和国政府信息公开条例》第三十五条的规定，本机关确定延迟答复的期限为{延迟答复日期}，将在该日期前作出答复。',
    ].join('\n'),
  },
  fee_notice: {
    title: '政府信息公开信息处理费收费通知书',
    body: [
      INTRO,
      '根据《中华人民共和国政府信息公开条例》第四十二条和《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）的规定，本机关决定向{称谓}收取信息处理费。',
      '收费标准：{收费标准}。计费依据：{计费依据}。收费金额：人民币{收费金额}元。{减免说明}',
      '请于收到本通知次日起20个工作日内缴纳，缴费方式：通过本省非税收入缴款系统缴入国库，或到本机关政府信息公开工作机构办理。逾期未缴纳的，视为放弃申请，本机关不再处理该政府信息公开申请。',
    ].join('\n'),
  },
  reply_disclosed: {
    title: '政府信息公开告知书',
    body: [
      INTRO,
      '{决定}。',
      '{决定说明}',
      '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。',
    ].join('\n'),
  },
  reply_partial: {
    title: '政府信息部分公开告知书',
    body: [
      INTRO,
      '{决定}：',
      '{不予公开部分}',
      '{决定说明}',
      '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。',
    ].join('\n'),
  },
  reply_withheld: {
    title: '政府信息不予公开告知书',
    body: [
      INTRO,
      '{决定}。理由：{决定说明}',
      '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。',
    ].join('\n'),
  },
  reply_unable: {
    title: '政府信息公开申请答复书',
    body: [
      INTRO,
      '{决定}。',
      '{决定说明}',
      '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。',
    ].join('\n'),
  },
  reply_not_processed: {
    title: '政府信息公开申请告知书',
    body: [
      INTRO,
      '{决定}。',
      '{决定说明}',
      '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。',
    ].join('\n'),
  },
  reply_abandoned: {
    title: '政府信息公开申请告知书',
    body: [INTRO, '{决定}。', '根据《中华人民共和国政府信息公开条例》{依据}的规定，特此告知。'].join('\n'),
  },
};

/** '2026-04-02' → '2026年4月2日'. */
export function cnDate(d: string): string {
  const [y, m, day] = d.split('-');
  return `${Number(y)}年${Number(m)}月${Number(day)}日`;
}

/** A due date as a letter prints it: the date, or the period when the date rests on a provisional year. */
export function dateOrPeriod(date: string | null, provisional: boolean, period: string): string {
  if (!date || provisional) return period;
  return `${cnDate(date)}前`;
}

export type LetterVars = Record<string, string>;

/** The variables every letter about a request may use. */
export function requestVars(r: InfoRequest, agencyName: string): LetterVars {
  // 「您（单位）」 is never printed: a person is 您, an organisation 贵单位.
  const you = r.applicantKind === 'natural_person' ? '您' : '贵单位';
  const decision = r.outcome ? DECISION_SENTENCES[r.outcome] : '';
  return {
    机关: agencyName,
    称谓: you,
    申请人: r.applicantName,
    编号: r.reference,
    查询码: r.trackingCode,
    收到日期: r.receivedOn ? cnDate(r.receivedOn) : '（尚未确认）',
    申请内容: quoted(r.infoDocNo ? `${r.infoDescription}，文号${r.infoDocNo}` : r.infoDescription),
    答复期限: dateOrPeriod(r.dueOn, r.dueProvisional, '收到申请之日起20个工作日内'),
    补正说明: '',
    决定: you === '您' ? decision : decision.replaceAll('您', '贵单位'),
    决定名称: r.outcome ? OUTCOME_LABELS[r.outcome] : '',
    决定说明: sentence(r.decisionReason ?? ''),
    依据: basisAfterRegulation(r.basis ?? ''),
  };
}

/**
 * The templates say “根据《中华人民共和国政府信息公开条例》{依据}”: a basis typed with the regulation's name (or its
 * short name 《条例》) in front would print the name twice, so that prefix is dropped here.
 */
export function basisAfterRegulation(basis: string): string {
  return basis
    .trim()
    .replace(/^(根据)?(《中华人民共和国政府信息公开条例》|《政府信息公开条例》|《条例》)\s*/, '');
}

/** Text quoted inside “…” followed by the template's own punctuation: no closing 。 inside the quote. */
export function quoted(s: string): string {
  return s.trim().replace(/[。；，、\s]+$/u, '');
}

/** A free-text paragraph ends with one full stop. */
export function sentence(s: string): string {
  const t = s.trim();
  if (!t) return '';
  return /[。！？”）]$/u.test(t) ? t : `${t}。`;
}

/** Doubled punctuation left where a filled value meets the template (「。。」「。，」「。”。」). */
export function tidyPunctuation(p: string): string {
  return p
    .replace(/。”。/g, '”。')
    .replace(/([。；！？])[。，；]/g, '$1')
    .replace(/，，/g, '，');
}

/** Fill a template: unknown placeholders stay visible (so a typo in an edited template shows, never hides). */
export function fillTemplate(t: LetterTemplate, vars: LetterVars): { title: string; paragraphs: string[] } {
  const fill = (s: string) => s.replace(/\{([^{}]+)\}/g, (m, k: string) => (k in vars ? vars[k]! : m));
  const paragraphs = t.body
    .split('\n')
    .map((p) => tidyPunctuation(fill(p).trim()))
    .filter((p) => p.length > 0);
  return { title: fill(t.title), paragraphs };
}

/** Placeholders a template may use (shown on the template editor). */
export const PLACEHOLDERS = [
  '机关',
  '称谓',
  '申请人',
  '编号',
  '查询码',
  '收到日期',
  '收到方式',
  '申请内容',
  '答复期限',
  '补正说明',
  '补正事项',
  '补正指导',
  '补正期限',
  '延期理由',
  '延长天数',
  '新答复期限',
  '征求事项',
  '收费标准',
  '收费金额',
  '减免说明',
  '决定',
  '决定说明',
  '不予公开部分',
  '依据',
  '征求日期',
  '公开内容',
  '公开理由',
  '公开日期',
  '理由事项',
  '理由期限',
  '延迟理由',
  '延迟答复日期',
  '计费依据',
];

/** Wording faults no letter may contain (checked over every demo letter, letters-wording.db.test.ts). */
export const LETTER_FAULTS: [RegExp, string][] = [
  [/您（单位）/, '「您（单位）」'],
  [/（或告知获取的方式、途径和时间）/, 'a drafting note'],
  [/经审查，经检索/, '「经审查，经检索」'],
  [/（[^（）]*（/, 'nested parentheses'],
  [/。”。|。，|。。|，，|；。|，。/, 'doubled punctuation'],
  [/\{[^{}]+\}/, 'an unfilled placeholder'],
];
