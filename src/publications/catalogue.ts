/**
 * The disclosure catalogue (公开目录) shipped for each agency (disclosure-rules.md §2.1): the 15 items of art. 20
 * (`art20_1` … `art20_15`), the art. 21 items for the agency's level, and the township's own columns (the seed
 * report's 机构职能, 政策文件, 政策解读 … 信息公开年报). Tenants add sub-categories and new categories (art. 22). Pure.
 */
import type { AgencyKind } from '../org/org.ts';

export interface CategorySeed {
  code: string;
  name: string;
  children?: CategorySeed[];
}

export const ART20_ITEMS: CategorySeed[] = [
  { code: 'art20_1', name: '行政法规、规章和规范性文件' },
  { code: 'art20_2', name: '机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名' },
  { code: 'art20_3', name: '国民经济和社会发展规划、专项规划、区域规划及相关政策' },
  { code: 'art20_4', name: '国民经济和社会发展统计信息' },
  { code: 'art20_5', name: '行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果' },
  { code: 'art20_6', name: '行政处罚、行政强制的依据、条件、程序以及具有一定社会影响的行政处罚决定' },
  { code: 'art20_7', name: '财政预算、决算信息' },
  { code: 'art20_8', name: '行政事业性收费项目及其依据、标准' },
  { code: 'art20_9', name: '政府集中采购项目的目录、标准及实施情况' },
  { code: 'art20_10', name: '重大建设项目的批准和实施情况' },
  { code: 'art20_11', name: '扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况' },
  { code: 'art20_12', name: '突发公共事件的应急预案、预警信息及应对情况' },
  { code: 'art20_13', name: '环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况' },
  { code: 'art20_14', name: '公务员招考的职位、名额、报考条件等事项以及录用结果' },
  { code: 'art20_15', name: '法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息' },
];

const ART21_TOWNSHIP: CategorySeed[] = [
  { code: 'art21_agri_policy', name: '贯彻落实农业农村政策' },
  { code: 'art21_irrigation', name: '农田水利工程建设运营' },
  { code: 'art21_land_transfer', name: '农村土地承包经营权流转' },
  { code: 'art21_homestead', name: '宅基地使用情况审核' },
  { code: 'art21_land_expropriation', name: '土地征收' },
  { code: 'art21_house_expropriation', name: '房屋征收' },
  { code: 'art21_fundraising', name: '筹资筹劳' },
  { code: 'art21_social_assistance', name: '社会救助' },
];

const ART21_COUNTY: CategorySeed[] = [
  { code: 'art21_municipal', name: '市政建设' },
  { code: 'art21_public_service', name: '公共服务' },
  { code: 'art21_public_welfare', name: '公益事业' },
  { code: 'art21_land_expropriation', name: '土地征收' },
  { code: 'art21_house_expropriation', name: '房屋征收' },
  { code: 'art21_public_security', name: '治安管理' },
  { code: 'art21_social_assistance', name: '社会救助' },
];

/** Columns every agency's portal shows (the seed township's own, in its order). */
const COLUMNS: CategorySeed[] = [
  { code: 'org_functions', name: '机构职能' },
  { code: 'policy_documents', name: '政策文件' },
  { code: 'policy_interpretation', name: '政策解读' },
  { code: 'plans', name: '规划计划' },
  // 财政预决算 is the statutory art20_7 below (a column of its own listed it twice, one of them empty).
  { code: 'key_projects', name: '重点项目' },
  { code: 'rural_revitalization', name: '乡村振兴' },
];
const COLUMNS_AFTER: CategorySeed[] = [
  { code: 'ecology', name: '生态保护' },
  { code: 'work_safety', name: '安全生产' },
  { code: 'emergency', name: '应急管理' },
  { code: 'work_news', name: '工作动态' },
  { code: 'livelihood', name: '民生服务' },
  { code: 'notices', name: '通知公告' },
  { code: 'annual_reports', name: '信息公开年报' },
];

/** The catalogue to seed for an agency of a kind. */
export function defaultCatalogue(kind: AgencyKind): CategorySeed[] {
  const art21 =
    kind === 'township'
      ? [{ code: 'art21', name: '乡镇重点领域信息（条例第二十一条）', children: ART21_TOWNSHIP }]
      : kind === 'county' || kind === 'city'
        ? [{ code: 'art21', name: '重点领域信息（条例第二十一条）', children: ART21_COUNTY }]
        : [];
  return [
    ...COLUMNS,
    ...art21,
    ...COLUMNS_AFTER,
    { code: 'art20', name: '法定主动公开内容（条例第二十条）', children: ART20_ITEMS },
  ];
}

/** The category that holds 信息公开年报 (the annual-report generator publishes there). */
export const ANNUAL_REPORT_CATEGORY = 'annual_reports';
/** The category of 政策解读. */
export const INTERPRETATION_CATEGORY = 'policy_interpretation';

export interface Category {
  id: number;
  agencyId: number;
  parentId: number | null;
  code: string;
  name: string;
  sortOrder: number;
  isStatutory: boolean;
  isActive: boolean;
  version: number;
}

export interface CategoryNode extends Category {
  children: CategoryNode[];
  depth: number;
}

/** Build the tree (children sorted by sort order, then id). */
export function categoryTree(list: readonly Category[]): CategoryNode[] {
  const byParent = new Map<number | null, Category[]>();
  for (const c of list) {
    const k = c.parentId ?? null;
    byParent.set(k, [...(byParent.get(k) ?? []), c]);
  }
  const build = (parent: number | null, depth: number): CategoryNode[] =>
    (byParent.get(parent) ?? [])
      .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
      .map((c) => ({ ...c, depth, children: depth > 8 ? [] : build(c.id, depth + 1) }));
  return build(null, 0);
}

/** The tree flattened depth-first (for selects and tables). */
export function flattenTree(nodes: readonly CategoryNode[]): CategoryNode[] {
  return nodes.flatMap((n) => [n, ...flattenTree(n.children)]);
}

/** A category and every category below it. */
export function subtreeIds(list: readonly Category[], id: number): number[] {
  const out = [id];
  for (let i = 0; i < out.length; i++) for (const c of list) if (c.parentId === out[i]) out.push(c.id);
  return out;
}
