/**
 * The inspection checklist shipped to every agency: what the seed township's 专项督查 checks (公开内容、公开时限、
 * 公开流程的规范性) and the national website inspection indicators of 国办秘函〔2019〕19号 (《全国政府网站抽查评估
 * 指标》: 栏目不更新, 空白栏目, 互动留言长期未回复, 链接不可用, 严重表述错误). Items that a daily check can verify
 * carry the check's kind, so a problem they record is re-checked by machine at 销号 and 回头看. Agencies add, edit
 * and hide items. Pure data.
 */
export interface ChecklistSeed {
  code: string;
  label: string;
  basis: string;
  checkKind: string | null;
}

export const DEFAULT_CHECKLIST: ChecklistSeed[] = [
  {
    code: 'content_complete',
    label: '公开内容：法定主动公开内容是否完整、准确，目录栏目是否齐全',
    basis: '《条例》第十九条、第二十条、第二十一条',
    checkKind: null,
  },
  {
    code: 'timeliness',
    label: '公开时限：信息是否自形成或者变更之日起20个工作日内公开',
    basis: '《条例》第二十六条',
    checkKind: 'late_publication',
  },
  {
    code: 'procedure',
    label: '公开流程：是否经属性认定、保密审查和审核签批后发布',
    basis: '《条例》第十七条、第二十七条',
    checkKind: null,
  },
  {
    code: 'column_dynamic',
    label: '动态类栏目超过2周未更新',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》',
    checkKind: 'stale_column',
  },
  {
    code: 'column_notice_policy',
    label: '通知公告、政策文件类栏目超过6个月未更新',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》',
    checkKind: 'stale_column',
  },
  {
    code: 'blank_column',
    label: '存在空白栏目（栏目无任何内容）',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》',
    checkKind: 'stale_column',
  },
  {
    code: 'interaction_unanswered',
    label: '互动留言超过3个月未回复',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》',
    checkKind: null,
  },
  {
    code: 'broken_links',
    label: '已发布信息中的链接不可用',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》',
    checkKind: 'broken_link',
  },
  {
    code: 'leader_names',
    label: '领导姓名、职务表述错误',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》（严重表述错误）',
    checkKind: 'leader_roster',
  },
  {
    code: 'sensitive_words',
    label: '存在错别字、敏感词等不当表述',
    basis: '国办秘函〔2019〕19号《全国政府网站抽查评估指标》（严重表述错误）',
    checkKind: 'sensitive_words',
  },
  {
    code: 'request_deadline',
    label: '依申请公开是否在法定期限内答复',
    basis: '《条例》第三十三条',
    checkKind: 'request_deadline',
  },
  {
    code: 'village_disclosure',
    label: '村务公开：公开栏是否按期更新，内容是否真实完整',
    basis: '《村民委员会组织法》第三十条',
    checkKind: null,
  },
];
