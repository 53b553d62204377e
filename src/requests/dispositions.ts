/**
 * One table decides, for every outcome, its Table B row and the relief wording of its letter, so the two cannot
 * disagree (issue 11 item 5).
 *
 * 行政复议法 (2023) 第二十三条第一款第（四）项: 「申请政府信息公开，行政机关不予公开」 must go to 行政复议 first (复议前置);
 * so every outcome counted in a 不予公开 row of Table B (（三）1–8) — and 部分公开, which withholds a part — carries the
 * 复议前置 wording. Every other final disposition (including 视为放弃 and 不再处理, which end the request) carries
 * 复议 60 日 (行政复议法第二十条) or 诉讼 6 个月 (行政诉讼法第四十六条). A withdrawal is the applicant's own act: no relief.
 */
import type { Outcome } from './request.ts';
import { OUTCOMES } from './request.ts';
import { reportRowOf, type RequestSettings } from './settings.ts';
import { replyKindOf, type LetterKind } from './letters.ts';

export type Relief = 'review_first' | 'review_or_litigation' | 'none';

export interface Disposition {
  outcome: Outcome;
  /** The Table B result row (agency mapping over the default, disclosure-rules.md §7). */
  row: string;
  relief: Relief;
  /** The letter that tells the applicant. */
  letter: LetterKind | null;
}

/** A Table B row counted as 不予公开 (（三）) or 部分公开 (（二）): 复议前置. */
export function isWithholdingRow(row: string): boolean {
  return row === 'result.partially_granted' || row.startsWith('result.withheld.');
}

/** The disposition of an outcome under the agency's row mapping. */
export function dispositionOf(
  settings: Pick<RequestSettings, 'outcomeRowMap'>,
  outcome: Outcome,
): Disposition {
  const row = reportRowOf(settings, outcome);
  if (outcome === 'withdrawn') return { outcome, row, relief: 'none', letter: null };
  return {
    outcome,
    row,
    relief: isWithholdingRow(row) ? 'review_first' : 'review_or_litigation',
    letter: replyKindOf(outcome),
  };
}

/** The whole table (for the docs page and the test that walks every outcome). */
export function dispositionTable(settings: Pick<RequestSettings, 'outcomeRowMap'>): Disposition[] {
  return OUTCOMES.map((o) => dispositionOf(settings, o));
}

/** The relief paragraph of a letter, from the disposition (never chosen separately). */
export function reliefParagraph(relief: Relief, body: string, subject = '本答复'): string | null {
  if (relief === 'none') return null;
  if (relief === 'review_first')
    return `如对${subject}不服，根据《中华人民共和国行政复议法》第二十三条的规定，应当先自收到${subject}之日起60日内向${body}申请行政复议；对行政复议决定不服的，可以自收到行政复议决定书之日起15日内依法向人民法院提起行政诉讼。`;
  return `如对${subject}不服，可以自收到${subject}之日起60日内向${body}申请行政复议，也可以自收到${subject}之日起6个月内依法向人民法院提起行政诉讼。`;
}
