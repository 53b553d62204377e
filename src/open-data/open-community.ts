/**
 * The open data use cases for 村级公开 and 互动交流: public, read-only, only what the portal shows (published items,
 * published messages with their masked text, the published monthly figures). Each returns what a presenter built.
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { NotFoundError, parseInput } from '../errors.ts';
import type { Agency } from '../org/org.ts';
import { listOffices } from '../org/org.queries.ts';
import { KIND_LABELS as VILLAGE_KIND_LABELS } from '../villages/index.ts';
import { periodLabel, publicVillageItem, publicVillageItems, publicVillages } from '../villages/index.ts';
import {
  findPublishedInquiry,
  INQUIRY_KIND_LABELS,
  listPublishedInquiries,
  publishedFigures,
  type OfficeFigures,
  type PublishedInquiryHead,
} from '../inquiries/index.ts';
import type { PublicVillageItemHead as VillageHead } from '../villages/index.ts';
import {
  PublicInquiry,
  PublicInquiryHead,
  PublicInquiryMonth,
  PublicVillage,
  PublicVillageItem,
  PublicVillageItemHead,
} from './community-presenters.ts';
import { int, PageQuery } from './open-data.ts';
import { pagedList, pageWindow, type PagedList } from './paged-list.ts';

type Out<T extends z.ZodType> = z.infer<T>;
const OptionalYear = z.object({ year: int(2000, 2100, 'year 应为四位年份').optional() });

const yearOf = (raw: unknown, today: string) =>
  parseInput(OptionalYear, raw).year ?? Number(today.slice(0, 4));

function presentHead(h: VillageHead, base: string): Out<typeof PublicVillageItemHead> {
  return {
    id: h.id,
    villageId: h.villageId,
    kind: h.kind,
    kindLabel: VILLAGE_KIND_LABELS[h.kind],
    title: h.title,
    period: h.period,
    periodLabel: periodLabel(h.period),
    publishedOn: h.publishedOn,
    url: `${base}/villages/items/${h.id}`,
  };
}

export async function openVillages(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  raw: unknown,
  today: string,
): Promise<{ year: number; items: Out<typeof PublicVillage>[] }> {
  const year = yearOf(raw, today);
  const villages = await publicVillages(db, agency.id, year);
  return {
    year,
    items: villages.map((v) => ({
      id: v.id,
      name: v.name,
      counts: v.counts,
      url: `${base}/villages/${v.id}`,
      itemsUrl: `${base}/api/public/villages/${v.id}/items?year=${year}`,
    })),
  };
}

export async function openVillageItems(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  villageId: number,
  raw: unknown,
  today: string,
): Promise<{ year: number; items: Out<typeof PublicVillageItemHead>[] }> {
  const year = yearOf(raw, today);
  const heads = await publicVillageItems(db, agency.id, villageId, year);
  if (!heads) throw new NotFoundError('没有这个村');
  return { year, items: heads.map((h) => presentHead(h, base)) };
}

export async function openVillageItem(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  id: number,
): Promise<Out<typeof PublicVillageItem>> {
  const item = await publicVillageItem(db, agency.id, id);
  if (!item) throw new NotFoundError('未找到该公开事项');
  return {
    ...presentHead(item, base),
    villageName: item.villageName,
    noticeEndOn: item.noticeEndOn,
    values: item.values,
    withheldLists: item.withheldLists,
  };
}

function presentInquiryHead(h: PublishedInquiryHead, base: string): Out<typeof PublicInquiryHead> {
  return {
    id: h.id,
    title: h.title,
    kind: h.kind,
    kindLabel: INQUIRY_KIND_LABELS[h.kind],
    office: h.officeName,
    repliedOn: h.repliedOn,
    url: `${base}/inquiries/public/${h.id}`,
  };
}

export async function openInquiries(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  raw: unknown,
): Promise<PagedList<Out<typeof PublicInquiryHead>>> {
  const q = parseInput(PageQuery, raw);
  const r = await listPublishedInquiries(db, agency.id, pageWindow(q));
  return pagedList(q, r, (h) => presentInquiryHead(h, base));
}

export async function openInquiry(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  id: number,
): Promise<Out<typeof PublicInquiry>> {
  const r = await findPublishedInquiry(db, agency.id, id);
  if (!r) throw new NotFoundError('未找到该留言');
  return {
    ...presentInquiryHead(r, base),
    topic: r.topic,
    receivedOn: r.receivedOn,
    body: r.body,
    reply: r.reply,
    reporters: r.reporters,
  };
}

export async function openInquiryFigures(
  db: DbOrTrx,
  agency: Agency,
): Promise<{ items: Out<typeof PublicInquiryMonth>[] }> {
  const [months, offices] = await Promise.all([
    publishedFigures(db, agency.id, 24),
    listOffices(db, agency.id),
  ]);
  const names = new Map(offices.map((o) => [o.id, o.name]));
  const officeName = (id: number | null) => (id == null ? '未分办' : (names.get(id) ?? '（已删除的单位）'));
  const fig = (f: OfficeFigures, label: string) => ({
    officeId: f.officeId,
    office: label,
    received: f.received,
    answered: f.answered,
    onTime: f.onTime,
    resolved: f.resolved,
    rated: f.rated,
    satisfied: f.satisfied,
    basicallySatisfied: f.basicallySatisfied,
    dissatisfied: f.dissatisfied,
    overdue: f.overdue,
    replyRate: f.replyRate,
    onTimeRate: f.onTimeRate,
    resolvedRate: f.resolvedRate,
    satisfactionRate: f.satisfactionRate,
    averageDays: f.averageDays,
  });
  return {
    items: months
      .filter((m) => m.total)
      .map((m) => ({
        month: m.month,
        asOf: m.asOf,
        total: fig(m.total, '合计'),
        offices: m.offices.map((o) => fig(o, officeName(o.officeId))),
      })),
  };
}
