/**
 * Figures of 主动公开 for a year (pure): items published per month, per top-level catalogue category and per
 * channel, and the share published within the legal period (条例第二十六条: 20 working days from the day the
 * information was formed or changed, unless a law sets another; the item's due_on already holds that date).
 */
export interface PublicationFigureRow {
  agencyId: number;
  publishedOn: string;
  dueOn: string;
  categoryId: number;
}

export interface CategoryNode {
  id: number;
  parentId: number | null;
  name: string;
  sortOrder: number;
}

export interface PublicationFigures {
  year: number;
  publishedByMonth: number[];
  onTimeByMonth: number[];
  lateByMonth: number[];
  /** Top-level categories in catalogue order (children rolled up), only those with items. */
  byCategory: { categoryId: number; name: string; count: number }[];
  /** Uses per channel in the year, in the order given. */
  byChannel: { channel: string; count: number }[];
  totals: { published: number; onTime: number; late: number };
}

/** The top-level ancestor of each category. */
export function rootsOf(categories: CategoryNode[]): Map<number, CategoryNode> {
  const byId = new Map(categories.map((c) => [c.id, c]));
  const roots = new Map<number, CategoryNode>();
  for (const c of categories) {
    let r = c;
    const seen = new Set<number>();
    while (r.parentId !== null && byId.has(r.parentId) && !seen.has(r.id)) {
      seen.add(r.id);
      r = byId.get(r.parentId)!;
    }
    roots.set(c.id, r);
  }
  return roots;
}

/** Items counted together: one month, one category, on time or late (what the figures are made of). */
export interface PublicationFigureGroup {
  /** 0–11. */
  month: number;
  categoryId: number;
  onTime: boolean;
  count: number;
}

/** The groups of a year's rows (rows of other years are left out). */
export function groupPublicationRows(rows: PublicationFigureRow[], year: number): PublicationFigureGroup[] {
  const out = new Map<string, PublicationFigureGroup>();
  for (const r of rows) {
    if (!r.publishedOn.startsWith(`${year}-`)) continue;
    const month = Number(r.publishedOn.slice(5, 7)) - 1;
    const onTime = r.publishedOn <= r.dueOn;
    const key = `${month}/${r.categoryId}/${onTime}`;
    const g = out.get(key);
    if (g) g.count++;
    else out.set(key, { month, categoryId: r.categoryId, onTime, count: 1 });
  }
  return [...out.values()];
}

export function publicationFigures(
  rows: PublicationFigureRow[],
  year: number,
  categories: CategoryNode[],
  channelUses: { channel: string; count: number }[],
): PublicationFigures {
  return publicationFiguresOfGroups(groupPublicationRows(rows, year), year, categories, channelUses);
}

/** The figures from groups already counted (by the database, for many agencies at once). */
export function publicationFiguresOfGroups(
  groups: PublicationFigureGroup[],
  year: number,
  categories: CategoryNode[],
  channelUses: { channel: string; count: number }[],
): PublicationFigures {
  const zeros = () => Array.from({ length: 12 }, () => 0);
  const published = zeros();
  const onTime = zeros();
  const late = zeros();
  const roots = rootsOf(categories);
  const perRoot = new Map<number, number>();
  for (const g of groups) {
    published[g.month]! += g.count;
    if (g.onTime) onTime[g.month]! += g.count;
    else late[g.month]! += g.count;
    const root = roots.get(g.categoryId);
    if (root) perRoot.set(root.id, (perRoot.get(root.id) ?? 0) + g.count);
  }
  const byCategory = [...new Set([...roots.values()])]
    .filter((c) => perRoot.has(c.id))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((c) => ({ categoryId: c.id, name: c.name, count: perRoot.get(c.id)! }));
  const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);
  return {
    year,
    publishedByMonth: published,
    onTimeByMonth: onTime,
    lateByMonth: late,
    byCategory,
    byChannel: channelUses,
    totals: { published: sum(published), onTime: sum(onTime), late: sum(late) },
  };
}
