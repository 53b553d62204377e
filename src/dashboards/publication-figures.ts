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
  const rootOf = rootFinder(categories);
  return new Map(categories.map((c) => [c.id, rootOf(c.id)!]));
}

/**
 * The top-level ancestor of a category among these (undefined: not one of them), walked up on demand and
 * remembered: a figure needs the roots of the categories with items only, not of a whole county's catalogues.
 */
export function rootFinder(categories: readonly CategoryNode[]): (id: number) => CategoryNode | undefined {
  const byId = new Map<number, CategoryNode>();
  for (const c of categories) byId.set(c.id, c);
  const known = new Map<number, CategoryNode>();
  return (id) => {
    const c = byId.get(id);
    if (!c) return undefined;
    let r = known.get(id);
    if (r) return r;
    r = c;
    const seen = new Set<number>();
    while (r.parentId !== null && byId.has(r.parentId) && !seen.has(r.id)) {
      seen.add(r.id);
      r = byId.get(r.parentId)!;
    }
    known.set(id, r);
    return r;
  };
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

/** The figures from groups already counted (rolled up here to months and top-level categories). */
export function publicationFiguresOfGroups(
  groups: PublicationFigureGroup[],
  year: number,
  categories: CategoryNode[],
  channelUses: { channel: string; count: number }[],
): PublicationFigures {
  return publicationFiguresOfRootedGroups(groups, year, rootFinder(categories), channelUses);
}

/** The same, with the catalogue's roots already found (rootFinder: a caller may keep it per catalogue version). */
export function publicationFiguresOfRootedGroups(
  groups: readonly PublicationFigureGroup[],
  year: number,
  rootOf: (categoryId: number) => CategoryNode | undefined,
  channelUses: { channel: string; count: number }[],
): PublicationFigures {
  // Month × on time as one number key (no string per group: a county's call rolls up thousands of groups).
  const months = new Map<number, PublicationMonthCount>();
  const perRoot = new Map<number, RootCount>();
  for (const g of groups) {
    const key = g.month * 2 + (g.onTime ? 1 : 0);
    const m = months.get(key);
    if (m) m.count += g.count;
    else months.set(key, { month: g.month, onTime: g.onTime, count: g.count });
    const root = rootOf(g.categoryId);
    if (!root) continue;
    const r = perRoot.get(root.id);
    if (r) r.count += g.count;
    else perRoot.set(root.id, { id: root.id, name: root.name, sortOrder: root.sortOrder, count: g.count });
  }
  return publicationFiguresOfCounts(year, [...months.values()], [...perRoot.values()], channelUses);
}

/** Items of one month, on time or late. */
export interface PublicationMonthCount {
  /** 0–11. */
  month: number;
  onTime: boolean;
  count: number;
}

/** A top-level category with the items of its whole subtree. */
export interface RootCount {
  id: number;
  name: string;
  sortOrder: number;
  count: number;
}

/**
 * The figures from counts already rolled up to months and top-level categories (by the database, for many agencies
 * at once, or by publicationFiguresOfGroups).
 */
export function publicationFiguresOfCounts(
  year: number,
  months: readonly PublicationMonthCount[],
  roots: readonly RootCount[],
  channelUses: { channel: string; count: number }[],
): PublicationFigures {
  const published = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const onTime = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const late = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  let totalOnTime = 0;
  let totalLate = 0;
  for (const m of months) {
    published[m.month]! += m.count;
    if (m.onTime) {
      onTime[m.month]! += m.count;
      totalOnTime += m.count;
    } else {
      late[m.month]! += m.count;
      totalLate += m.count;
    }
  }
  const byCategory = roots
    .filter((c) => c.count > 0)
    .sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id)
    .map((c) => ({ categoryId: c.id, name: c.name, count: c.count }));
  return {
    year,
    publishedByMonth: published,
    onTimeByMonth: onTime,
    lateByMonth: late,
    byCategory,
    byChannel: channelUses,
    totals: { published: totalOnTime + totalLate, onTime: totalOnTime, late: totalLate },
  };
}
