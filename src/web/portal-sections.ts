/**
 * The portal's own sections in search: the 信息公开指南 (its page, or the default text, with the 受理机构 details), the
 * 信息公开制度 and every published annual report. An agency has a handful of them, so they are matched where they are
 * stored (search/match-text.ts, the index's words) and listed above the items found. Every change to them bumps the
 * portal version, so the portal reads them once per version (portalMemo) and matches each query in memory.
 */
import type { Agency } from '../org/org.ts';
import type { DbOrTrx } from '../db/database.ts';
import { findPortalPage } from '../publications/publications.queries.ts';
import { readGuideContact } from '../publications/guide-settings.ts';
import { contactLines } from '../publications/application-form.ts';
import { listPublishedReports } from '../annual-report/generator/annual-reports.queries.ts';
import { foldText, hasAllWords } from '../search/match-text.ts';
import { htmlToText } from '../publications/sanitize-body.ts';
import { highlightNeedles } from '../search/tokenize.ts';
import { snippet, type SnippetPart } from '../search/snippet.ts';

export interface SectionHit {
  title: string;
  url: string;
  snippet: SnippetPart[];
}

/** A section as searched: its title, address and plain text (`hay`: title and text folded for matching). */
export interface PortalSection {
  title: string;
  url: string;
  text: string;
  hay: string;
}

/**
 * The agency's searchable sections, read where they are stored (four queries; the portal reads them once per portal
 * version, see portalMemo). `defaultGuide`: the guide's text when the agency has not written its own.
 */
export async function readPortalSections(
  db: DbOrTrx,
  agency: Agency,
  defaultGuide: string,
): Promise<PortalSection[]> {
  const [guide, rules, contact, reports] = await Promise.all([
    findPortalPage(db, agency.id, 'guide'),
    findPortalPage(db, agency.id, 'rules'),
    readGuideContact(db, agency.id),
    listPublishedReports(db, agency.id),
  ]);
  const sections = [
    {
      title: guide?.title ?? '信息公开指南',
      url: '/guide',
      text: [guide ? htmlToText(guide.bodyHtml) : defaultGuide, ...contactLines(contact)].join(' '),
    },
    ...(rules ? [{ title: rules.title, url: '/rules', text: htmlToText(rules.bodyHtml) }] : []),
    ...reports.map((r) => ({
      title: `${r.year}年政府信息公开工作年度报告`,
      url: `/annual-reports/${r.year}`,
      text: Object.values(r.texts).join(' '),
    })),
  ];
  return sections.map((s) => ({ ...s, hay: foldText(`${s.title} ${s.text}`) }));
}

/** The sections that have every word of `q`, with a highlighted snippet. Pure. */
export function matchPortalSections(sections: readonly PortalSection[], q: string): SectionHit[] {
  const needles = highlightNeedles(q);
  return sections
    .filter((s) => hasAllWords(q, s.hay))
    .map((s) => ({ title: s.title, url: s.url, snippet: snippet(s.text, needles) }));
}
