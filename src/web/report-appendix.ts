/**
 * The 图解 appended to a report's HTML download: built from the report's cells only when the report is finalised
 * (office) or published (portal) — a draft's download has none — with the portal's stylesheet for its charts.
 */
import fs from 'node:fs';
import type { DbOrTrx } from '../db/database.ts';
import { loadReportGraphic } from '../annual-report/graphic/load-report-graphic.ts';
import { graphicFragment } from '../annual-report/graphic/graphic-view.tsx';
import type { HtmlAppendix } from '../annual-report/generator/render-html.tsx';
import { isDomainError } from '../errors.ts';

const SITE_CSS = new URL('./assets/site.css', import.meta.url);
let css: string | undefined;

export async function graphicAppendix(
  db: DbOrTrx,
  agency: { id: number; name: string },
  year: number,
  publishedOnly: boolean,
): Promise<HtmlAppendix | undefined> {
  try {
    const { graphic } = await loadReportGraphic(db, agency, year, publishedOnly);
    css ??= fs.readFileSync(SITE_CSS, 'utf8');
    return { html: graphicFragment(graphic), css };
  } catch (e) {
    if (isDomainError(e) && e.code === 'not_found') return undefined;
    throw e;
  }
}
