/** The manual items of an assessment as typed on the page: “名称 满分” lines and “单位名称 项目名称 得分” lines. */
import type { DbOrTrx } from '../db/database.ts';
import { ValidationError } from '../errors.ts';
import { listOffices, listVillages } from '../org/org.queries.ts';
import type { ManualItem } from './assessment.ts';

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * Parse the manual items and their scores per unit (units named as in the agency's offices and villages). A line
 * naming an unknown unit or item is a ValidationError on `manualScores`.
 */
export async function manualItemsOf(
  db: DbOrTrx,
  agencyId: number,
  manual: string,
  manualScores: string,
): Promise<ManualItem[]> {
  const units = new Map<string, string>();
  for (const o of await listOffices(db, agencyId)) units.set(o.name, `office:${o.id}`);
  for (const v of await listVillages(db, agencyId)) units.set(v.name, `village:${v.id}`);
  const items: ManualItem[] = lines(manual).map((l) => {
    const m = /^(.+?)\s+(\d+(?:\.\d+)?)$/.exec(l);
    return { label: m ? m[1]! : l, max: m ? Number(m[2]) : 0, scores: {} };
  });
  for (const l of lines(manualScores)) {
    const m = /^(\S+)\s+(.+?)\s+(\d+(?:\.\d+)?)$/.exec(l);
    const key = m ? units.get(m[1]!) : undefined;
    const item = m ? items.find((i) => i.label === m[2]) : undefined;
    if (!m || !key || !item) {
      const message = `无法识别的人工评分：${l}`;
      throw new ValidationError(message, { manualScores: message });
    }
    item.scores[key] = Number(m[3]);
  }
  return items;
}
