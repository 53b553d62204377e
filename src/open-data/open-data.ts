/**
 * The open data use cases: public, read-only, the portal agency's public data only (published proactive items,
 * the catalogue, the article-20 registers, published annual reports, the working-day calendar). Each returns what a
 * presenter built, never a row.
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { NotFoundError, parseInput } from '../errors.ts';
import type { Agency } from '../org/org.ts';
import {
  findPublicPublication,
  listAttachments,
  listCategories,
  listPublicPublications,
  publicCountsByCategory,
} from '../publications/index.ts';
import { subtreeIds, type Category } from '../publications/index.ts';
import { listRegisters } from '../publications/index.ts';
import { findReportFor, listPublishedReports } from '../annual-report/index.ts';
import { getCalendar } from '../calendar/get-calendar.ts';
import { describeReason } from '../calendar/calendar.ts';
import {
  presentAttachment,
  presentDecision,
  presentFee,
  presentPublication,
  type AddWorkdaysResult,
  type ExplainResult,
  type PublicCategory,
  type PublicDecision,
  type PublicFee,
  type PublicPublication,
  type PublicPublicationDetail,
  type PublicReport,
  type PublicReportSummary,
  type WorkdayStatus,
} from './presenters.ts';
import { invalidDateMessage, isValidDateInput } from '../calendar/date-input.ts';
import { pagedList, pageWindow, type PagedList } from './paged-list.ts';

const blank = (v: unknown) => (v === '' ? undefined : v);
/** An integer query parameter (empty = absent) with one Chinese message for every way it can be wrong. */
export const int = (min: number, max: number, msg: string) =>
  z.preprocess(blank, z.coerce.number({ error: msg }).int(msg).min(min, msg).max(max, msg));

export const MAX_PAGE_SIZE = 100;

/** page / pageSize of every paged list. */
export const PageQuery = z.object({
  page: int(1, 100000, 'page 应为 1 以上的整数').default(1),
  pageSize: int(1, MAX_PAGE_SIZE, `pageSize 应为 1 至 ${MAX_PAGE_SIZE} 的整数`).default(20),
});

export const PublicationsQuery = PageQuery.extend({
  category: z.preprocess(blank, z.string().max(50).optional()),
  year: z.preprocess(blank, int(2000, 2100, 'year 应为四位年份').optional()),
});

export const YearQuery = z.object({ year: int(2000, 2100, 'year 应为四位年份') });

const dateField = z
  .string({ error: '请提供日期 date（YYYY-MM-DD）' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine(isValidDateInput, invalidDateMessage('日期'));
export const DateQuery = z.object({ date: dateField });
export const AddWorkdaysQuery = z.object({
  date: dateField,
  n: z.preprocess(blank, z.coerce.number({ error: '请提供工作日数 n' }).int('n 应为整数').min(-400).max(400)),
});

type Out<T extends z.ZodType> = z.infer<T>;

async function categoriesOf(db: DbOrTrx, agencyId: number): Promise<Category[]> {
  return (await listCategories(db, agencyId)).filter((c) => c.isActive);
}

export async function openPublications(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  raw: unknown,
): Promise<PagedList<Out<typeof PublicPublication>>> {
  const q = parseInput(PublicationsQuery, raw);
  const cats = await listCategories(db, agency.id);
  const cat = q.category ? cats.find((c) => c.code === q.category && c.isActive) : undefined;
  if (q.category && !cat) throw new NotFoundError('没有这个目录栏目');
  const r = await listPublicPublications(db, {
    agencyId: agency.id,
    categoryIds: cat ? subtreeIds(cats, cat.id) : undefined,
    year: q.year ?? null,
    ...pageWindow(q),
  });
  const byId = new Map(cats.map((c) => [c.id, c]));
  return pagedList(q, r, (p) => presentPublication(p, byId.get(p.categoryId)!, base));
}

export async function openPublication(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  id: number,
): Promise<Out<typeof PublicPublicationDetail>> {
  const p = Number.isInteger(id) ? await findPublicPublication(db, agency.id, id) : undefined;
  if (!p) throw new NotFoundError('未找到该信息');
  const [cats, atts] = await Promise.all([listCategories(db, agency.id), listAttachments(db, p.id)]);
  const cat = cats.find((c) => c.id === p.categoryId)!;
  return {
    ...presentPublication(p, cat, base),
    bodyHtml: p.bodyHtml,
    bodyText: p.bodyText,
    attachments: atts.map((a) => presentAttachment(p, a, base)),
  };
}

export async function openCatalogue(
  db: DbOrTrx,
  agency: Agency,
  base: string,
): Promise<Out<typeof PublicCategory>[]> {
  const [cats, counts] = await Promise.all([
    categoriesOf(db, agency.id),
    publicCountsByCategory(db, agency.id),
  ]);
  return cats.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    parentId: c.parentId,
    sortOrder: c.sortOrder,
    count: counts.get(c.id) ?? 0,
    url: `${base}/catalogue/${c.code}`,
    feeds: { rss: `${base}/feeds/${c.code}.xml`, atom: `${base}/feeds/${c.code}.atom` },
  }));
}

export async function openDecisions(
  db: DbOrTrx,
  agency: Agency,
  raw: unknown,
): Promise<Out<typeof PublicDecision>[]> {
  const { year } = parseInput(YearQuery, raw);
  return (await listRegisters(db, agency.id, year)).decisions.map(presentDecision);
}

export async function openFees(db: DbOrTrx, agency: Agency, raw: unknown): Promise<Out<typeof PublicFee>[]> {
  const { year } = parseInput(YearQuery, raw);
  return (await listRegisters(db, agency.id, year)).fees.map(presentFee);
}

export async function openReports(
  db: DbOrTrx,
  agency: Agency,
  base: string,
): Promise<Out<typeof PublicReportSummary>[]> {
  return (await listPublishedReports(db, agency.id)).map((r) => ({
    year: r.year,
    title: `${agency.name}${r.year}年政府信息公开工作年度报告`,
    publishedAt: r.publishedAt,
    url: `${base}/annual-reports/${r.year}`,
    dataUrl: `${base}/api/public/annual-reports/${r.year}`,
    graphicUrl: `${base}/annual-reports/${r.year}/graphic`,
  }));
}

export async function openReport(
  db: DbOrTrx,
  agency: Agency,
  year: number,
): Promise<Out<typeof PublicReport>> {
  const r = Number.isInteger(year) ? await findReportFor(db, agency.id, year) : undefined;
  // Only a published report is public (a draft or a finalised report awaiting publication is not).
  if (!r || r.status !== 'published') throw new NotFoundError('未找到该年度报告');
  return { agency: agency.name, year: r.year, publishedAt: r.publishedAt, cells: r.cells, fees: r.fees };
}

export async function openIsWorkday(
  db: DbOrTrx,
  agency: Agency,
  raw: unknown,
): Promise<Out<typeof WorkdayStatus>> {
  const { date } = parseInput(DateQuery, raw);
  const s = (await getCalendar(db, agency.id)).status(date);
  return {
    date: s.date,
    workday: s.workday,
    provisional: s.provisional,
    reason: s.reason,
    reasonLabel: describeReason(s.reason),
  };
}

export async function openAddWorkdays(
  db: DbOrTrx,
  agency: Agency,
  raw: unknown,
): Promise<Out<typeof AddWorkdaysResult>> {
  const { date, n } = parseInput(AddWorkdaysQuery, raw);
  const r = (await getCalendar(db, agency.id)).addWorkdaysChecked(date, n);
  return { date, n, result: r.date, provisional: r.provisional };
}

export async function openExplain(
  db: DbOrTrx,
  agency: Agency,
  raw: unknown,
): Promise<Out<typeof ExplainResult>> {
  const { date, n } = parseInput(AddWorkdaysQuery, raw);
  const e = (await getCalendar(db, agency.id)).explain(date, n);
  return {
    date,
    n,
    result: e.date,
    provisional: e.provisional,
    skipped: e.skipped.map((s) => ({
      date: s.date,
      reason: s.reason,
      reasonLabel: describeReason(s.reason),
    })),
  };
}
