/**
 * The default 公开模板 set a township starts from (seeded once per township, then versioned by the township).
 * Contents follow 《村民委员会组织法》第三十条 (村务、财务), 中办发〔2004〕17号 (事前、事中、事后; fixed 公开栏),
 * 《中国共产党农村基层组织工作条例》 and the local 党务公开 lists (发展党员、党费、组织生活、民主评议党员); the
 * classification of village affairs follows GB/T 41374-2022 in spirit (党务 / 村务 / 财务). 公示期 minimums are the
 * usual ones: 低保、特困、残疾补贴对象 7 days (《最低生活保障审核确认办法》: 公示期为7天), 发展党员 5 days (the usual
 * local rule), 征地补偿 and 宅基地 7 days. The township may raise any of them in a new version, never go below.
 */
import type { ColumnDef, ItemTemplateDef } from './item-template.ts';

const ART30 = '《村民委员会组织法》第三十条';
const DOC17 = '中办发〔2004〕17号';

const financeLines: ColumnDef[] = [
  { key: 'date', label: '日期', type: 'date', required: true },
  { key: 'voucher', label: '凭证号', type: 'text' },
  { key: 'summary', label: '摘要', type: 'text', required: true },
  { key: 'income', label: '收入（元）', type: 'money', unit: 'yuan' },
  { key: 'expense', label: '支出（元）', type: 'money', unit: 'yuan' },
];

const financeFields = (periodWord: string): ItemTemplateDef['fields'] => [
  { key: 'opening', label: '期初余额', type: 'money', unit: 'yuan', required: true },
  {
    key: 'lines',
    label: `${periodWord}收支明细（逐项逐笔）`,
    type: 'table',
    columns: financeLines,
    required: true,
    hint: '可逐行填写，也可上传 Excel 表格导入（列：日期、凭证号、摘要、收入、支出）',
  },
  { key: 'totalIncome', label: '收入合计', type: 'money', unit: 'yuan', required: true },
  { key: 'totalExpense', label: '支出合计', type: 'money', unit: 'yuan', required: true },
  { key: 'closing', label: '期末余额', type: 'money', unit: 'yuan', required: true },
  { key: 'note', label: '说明', type: 'longtext' },
];

const financeChecks: ItemTemplateDef['checks'] = [
  { kind: 'sum', table: 'lines', column: 'income', total: 'totalIncome' },
  { kind: 'sum', table: 'lines', column: 'expense', total: 'totalExpense' },
  { kind: 'balance', opening: 'opening', income: 'totalIncome', expense: 'totalExpense', closing: 'closing' },
];

const BOTH: ItemTemplateDef['approvals'] = ['supervision', 'township'];

export const DEFAULT_ITEM_TEMPLATES: ItemTemplateDef[] = [
  // ---- 党务公开 ----
  {
    code: 'party_dues',
    kind: 'party',
    name: '党费收缴使用情况',
    cadence: 'quarterly',
    minNoticeDays: 0,
    legalBasis: '《中国共产党党务公开条例（试行）》第九条；《关于中国共产党党费收缴、使用和管理的规定》',
    fields: [
      { key: 'members', label: '应交党费党员人数', type: 'number', required: true },
      { key: 'collected', label: '本季度实收党费', type: 'money', unit: 'yuan', required: true },
      { key: 'remitted', label: '上缴乡镇党委', type: 'money', unit: 'yuan', required: true },
      { key: 'note', label: '说明', type: 'longtext' },
    ],
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'party_life',
    kind: 'party',
    name: '组织生活（三会一课、主题党日）',
    cadence: 'quarterly',
    minNoticeDays: 0,
    legalBasis: '《中国共产党农村基层组织工作条例》第十九条；《中国共产党支部工作条例（试行）》第十九条',
    fields: [
      {
        key: 'meetings',
        label: '本季度组织生活',
        type: 'table',
        required: true,
        columns: [
          { key: 'date', label: '日期', type: 'date', required: true },
          { key: 'form', label: '形式', type: 'text', required: true },
          { key: 'topic', label: '主题', type: 'text', required: true },
          { key: 'present', label: '参加人数', type: 'number' },
        ],
      },
    ],
    approvals: BOTH,
    attachments: ['minutes'],
  },
  {
    code: 'party_recruit',
    kind: 'party',
    name: '发展党员公示',
    cadence: 'on_occurrence',
    minNoticeDays: 5,
    legalBasis: '《中国共产党发展党员工作细则》第十八条、第二十三条（发展对象、预备党员公示）',
    fields: [
      {
        key: 'stage',
        label: '公示阶段',
        type: 'text',
        required: true,
        hint: '如：拟列为发展对象 / 拟接收为预备党员',
      },
      {
        key: 'persons',
        label: '公示人员',
        type: 'persons',
        required: true,
        columns: [
          { key: 'name', label: '姓名', type: 'text', required: true },
          { key: 'gender', label: '性别', type: 'text' },
          { key: 'birth', label: '出生年月', type: 'text' },
          { key: 'education', label: '文化程度', type: 'text' },
        ],
      },
      { key: 'contact', label: '受理意见的组织及电话', type: 'text', required: true },
    ],
    offlineNote: '公示期满后，公示人员名单从网上撤下，留存乡镇档案。',
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'party_review',
    kind: 'party',
    name: '民主评议党员结果',
    cadence: 'on_occurrence',
    minNoticeDays: 0,
    legalBasis: '《中国共产党农村基层组织工作条例》；《关于建立民主评议党员制度的意见》',
    fields: [
      { key: 'date', label: '评议日期', type: 'date', required: true },
      { key: 'total', label: '参评党员人数', type: 'number', required: true },
      { key: 'excellent', label: '评为优秀人数', type: 'number' },
      { key: 'result', label: '评议结果说明', type: 'longtext', required: true },
    ],
    approvals: BOTH,
    attachments: [],
  },
  // ---- 村务公开 ----
  {
    code: 'affairs_general',
    kind: 'affairs',
    name: '村务一般事项（季度）',
    cadence: 'quarterly',
    minNoticeDays: 0,
    legalBasis: `${ART30}（一般事项至少每季度公布一次）；${DOC17}`,
    fields: [
      { key: 'summary', label: '本季度村务工作', type: 'longtext', required: true },
      { key: 'plans', label: '下季度计划', type: 'longtext' },
    ],
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'assembly_decision',
    kind: 'affairs',
    name: '村民会议、村民代表会议决定事项及实施情况',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（一）项；四议两公开（决议公开、实施结果公开）`,
    fields: [
      { key: 'meeting', label: '会议名称及日期', type: 'text', required: true },
      { key: 'decision', label: '决定事项', type: 'longtext', required: true },
      { key: 'vote', label: '表决情况', type: 'text', required: true },
      { key: 'progress', label: '实施情况（实施结果公开时填写）', type: 'longtext' },
      { key: 'amount', label: '涉及金额', type: 'money', unit: 'wan' },
    ],
    approvals: BOTH,
    attachments: ['minutes'],
  },
  {
    code: 'welfare_recipients',
    kind: 'affairs',
    name: '低保、特困供养、残疾人补贴对象',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（四）项；《最低生活保障审核确认办法》第十九条（公示期7天）`,
    fields: [
      { key: 'batch', label: '批次', type: 'text', required: true, hint: '如：2026年第二季度新增' },
      {
        key: 'persons',
        label: '拟确认对象',
        type: 'persons',
        required: true,
        columns: [
          { key: 'name', label: '户主姓名', type: 'text', required: true },
          { key: 'group', label: '所在社', type: 'text' },
          { key: 'size', label: '保障人数', type: 'number' },
          { key: 'category', label: '类别', type: 'text', required: true },
          { key: 'amount', label: '月保障金额（元）', type: 'money', unit: 'yuan' },
        ],
      },
      { key: 'contact', label: '监督电话', type: 'text', required: true },
    ],
    offlineNote:
      '公示期满后，对象名单（姓名、所在社、保障金额）从网上撤下，只公开户数和金额合计；名单留存乡镇档案。',
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'farm_subsidy',
    kind: 'affairs',
    name: '惠农补贴发放',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（五）项`,
    fields: [
      { key: 'item', label: '补贴项目', type: 'text', required: true },
      { key: 'standard', label: '补贴标准', type: 'text', required: true },
      {
        key: 'persons',
        label: '补贴对象',
        type: 'persons',
        required: true,
        columns: [
          { key: 'name', label: '姓名', type: 'text', required: true },
          { key: 'area', label: '面积（亩）', type: 'number' },
          { key: 'amount', label: '补贴金额（元）', type: 'money', unit: 'yuan', required: true },
        ],
      },
      { key: 'total', label: '补贴总额', type: 'money', unit: 'yuan', required: true },
    ],
    checks: [{ kind: 'sum', table: 'persons', column: 'amount', total: 'total' }],
    offlineNote: '公示期满后，补贴对象名单从网上撤下，只公开项目、标准和总额。',
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'homestead',
    kind: 'affairs',
    name: '宅基地申请审批',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（六）项；《农村宅基地管理暂行办法》（村级审核公示）`,
    fields: [
      {
        key: 'persons',
        label: '申请户',
        type: 'persons',
        required: true,
        columns: [
          { key: 'name', label: '申请人', type: 'text', required: true },
          { key: 'group', label: '所在社', type: 'text' },
          { key: 'area', label: '申请面积（平方米）', type: 'number', required: true },
          { key: 'reason', label: '申请理由', type: 'text' },
        ],
      },
      { key: 'opinion', label: '村民小组及村委会意见', type: 'longtext', required: true },
    ],
    offlineNote: '公示期满后，申请户名单从网上撤下。',
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'project',
    kind: 'affairs',
    name: '村级项目建设',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（二）项；${DOC17}（事前、事中、事后全程公开）`,
    fields: [
      { key: 'name', label: '项目名称', type: 'text', required: true },
      {
        key: 'stage',
        label: '公开阶段',
        type: 'text',
        required: true,
        hint: '事前（立项）/ 事中（实施）/ 事后（验收）',
      },
      { key: 'budget', label: '投资金额', type: 'money', unit: 'wan', required: true },
      { key: 'source', label: '资金来源', type: 'text' },
      { key: 'contractor', label: '施工单位', type: 'text' },
      { key: 'start', label: '开工日期', type: 'date' },
      { key: 'end', label: '完工（验收）日期', type: 'date' },
      { key: 'detail', label: '建设内容及进展', type: 'longtext', required: true },
    ],
    approvals: BOTH,
    attachments: ['photo'],
  },
  {
    code: 'asset_contract',
    kind: 'affairs',
    name: '集体资产资源发包、租赁',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（三）项`,
    fields: [
      {
        key: 'contracts',
        label: '发包（租赁）明细',
        type: 'table',
        required: true,
        columns: [
          { key: 'asset', label: '资产资源', type: 'text', required: true },
          { key: 'party', label: '承包（承租）方', type: 'text', required: true },
          { key: 'term', label: '期限', type: 'text' },
          { key: 'price', label: '年租金（元）', type: 'money', unit: 'yuan', required: true },
        ],
      },
      { key: 'method', label: '发包方式', type: 'text', required: true },
    ],
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'yishiyiyi',
    kind: 'affairs',
    name: '一事一议筹资筹劳',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（七）项；《村民一事一议筹资筹劳管理办法》`,
    fields: [
      { key: 'matter', label: '议定事项', type: 'text', required: true },
      { key: 'standard', label: '筹资筹劳标准', type: 'text', required: true },
      { key: 'amount', label: '筹资总额', type: 'money', unit: 'yuan', required: true },
      { key: 'labour', label: '筹劳（工日）', type: 'number' },
      { key: 'use', label: '使用情况', type: 'longtext' },
    ],
    approvals: BOTH,
    attachments: [],
  },
  {
    code: 'land_compensation',
    kind: 'affairs',
    name: '征地补偿费分配使用',
    cadence: 'on_occurrence',
    minNoticeDays: 7,
    legalBasis: `${ART30}第一款第（八）项；《土地管理法》第四十八条`,
    fields: [
      { key: 'project', label: '征地项目', type: 'text', required: true },
      { key: 'total', label: '补偿总额', type: 'money', unit: 'wan', required: true },
      {
        key: 'persons',
        label: '补偿分配明细',
        type: 'persons',
        columns: [
          { key: 'name', label: '户主', type: 'text', required: true },
          { key: 'area', label: '面积（亩）', type: 'number' },
          { key: 'amount', label: '补偿金额（元）', type: 'money', unit: 'yuan' },
        ],
      },
    ],
    offlineNote: '公示期满后，分户明细从网上撤下，只公开项目和补偿总额。',
    approvals: BOTH,
    attachments: [],
  },
  // ---- 财务公开 ----
  {
    code: 'finance_monthly',
    kind: 'finance',
    name: '月度财务收支明细',
    cadence: 'monthly',
    minNoticeDays: 0,
    legalBasis: `${ART30}（集体财务往来较多的，财务收支情况应当每月公布一次）`,
    fields: financeFields('本月'),
    checks: financeChecks,
    approvals: BOTH,
    attachments: ['voucher'],
  },
  {
    code: 'finance_quarterly',
    kind: 'finance',
    name: '季度财务收支明细',
    cadence: 'quarterly',
    minNoticeDays: 0,
    legalBasis: `${ART30}（一般事项至少每季度公布一次）；${DOC17}`,
    fields: financeFields('本季度'),
    checks: financeChecks,
    approvals: BOTH,
    attachments: ['voucher'],
  },
  {
    code: 'debts',
    kind: 'finance',
    name: '债权债务情况',
    cadence: 'on_occurrence',
    minNoticeDays: 0,
    legalBasis: `${ART30}；《村集体经济组织会计制度》`,
    fields: [
      {
        key: 'items',
        label: '债权债务明细',
        type: 'table',
        required: true,
        columns: [
          { key: 'type', label: '类别（债权/债务）', type: 'text', required: true },
          { key: 'party', label: '对方单位', type: 'text', required: true },
          { key: 'amount', label: '金额（元）', type: 'money', unit: 'yuan', required: true },
          { key: 'reason', label: '形成原因', type: 'text' },
        ],
      },
    ],
    approvals: BOTH,
    attachments: ['voucher'],
  },
];

/** Templates each village uses by default: all of them, except that only one of the two finance cadences applies. */
export const FINANCE_CADENCE_CODES = ['finance_monthly', 'finance_quarterly'] as const;
