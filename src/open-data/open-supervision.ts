/**
 * The open data use cases for 监督保障: public, read-only, what the portal publishes (the published monthly
 * bulletins) and aggregate counts (problems per ended month, trainings). Each returns what a presenter built.
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { NotFoundError, parseInput } from '../errors.ts';
import type { Agency } from '../org/org.ts';
import { beijingDate } from '../beijing-time.ts';
import {
  findPublishedBulletin,
  publicSupervisionFigures,
  publishedBulletinsPage,
  type Bulletin,
} from '../supervision/index.ts';
import { PublicBulletin, PublicBulletinHead, PublicSupervisionFigures } from './supervision-presenters.ts';
import { int, PageQuery } from './open-data.ts';
import { pagedList, pageWindow, type PagedList } from './paged-list.ts';

type Out<T extends z.ZodType> = z.infer<T>;
const OptionalYear = z.object({ year: int(2000, 2100, 'year 应为四位年份').optional() });

function presentHead(b: Bulletin, base: string): Out<typeof PublicBulletinHead> {
  return {
    period: b.period,
    title: b.title,
    publishedOn: beijingDate(b.publishedAt!),
    url: `${base}/bulletins/${b.period}`,
    dataUrl: `${base}/api/public/supervision/bulletins/${b.period}`,
  };
}

export async function openBulletins(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  raw: unknown,
): Promise<PagedList<Out<typeof PublicBulletinHead>>> {
  const q = parseInput(PageQuery, raw);
  const r = await publishedBulletinsPage(db, agency.id, pageWindow(q));
  return pagedList(q, r, (b) => presentHead(b, base));
}

export async function openBulletin(
  db: DbOrTrx,
  agency: Agency,
  base: string,
  period: string,
): Promise<Out<typeof PublicBulletin>> {
  const b = await findPublishedBulletin(db, agency.id, period);
  if (!b) throw new NotFoundError('未找到该期通报');
  const p = b.stats.problems;
  const t = b.stats.timeliness;
  return {
    ...presentHead(b, base),
    body: b.bodyText,
    problems: {
      found: p?.found ?? 0,
      fixed: p?.fixed ?? 0,
      fixedOnTime: p?.fixedOnTime ?? 0,
      overdue: p?.overdue ?? 0,
      open: p?.open ?? 0,
      recurring: p?.recurring ?? 0,
    },
    timeliness: {
      published: t?.published ?? 0,
      publishedOnTime: t?.publishedOnTime ?? 0,
      replied: t?.replied ?? 0,
      repliedOnTime: t?.repliedOnTime ?? 0,
    },
  };
}

export async function openSupervisionFigures(
  db: DbOrTrx,
  agency: Agency,
  raw: unknown,
  today: string,
): Promise<Out<typeof PublicSupervisionFigures>> {
  const year = parseInput(OptionalYear, raw).year ?? Number(today.slice(0, 4));
  return publicSupervisionFigures(db, agency.id, year, today);
}
