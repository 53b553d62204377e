/**
 * The 保密审查 scan of a whole item: its title and body, and the text of every attachment (read when it was
 * uploaded, documents/read-text.ts), with the attachments it could not read named and the reason given. It runs
 * before every review step and before publishing; a blocking hit (secrecy-scan.ts, BLOCKING_KINDS) anywhere — body
 * or attachment alike — refuses both, citing the rule, so a roster with 身份证号 can never reach the portal.
 */
import type { DbOrTrx } from '../db/database.ts';
import { TEXT_PROBLEM_LABELS, type TextProblem } from '../documents/read-text.ts';
import { attachmentTexts, type Publication } from './publications.queries.ts';
import {
  BLOCKING_BASIS,
  BLOCKING_KINDS,
  HIT_LABELS,
  isBlocking,
  maskText,
  scanText,
  type HitKind,
  type SecrecyHit,
} from './secrecy-scan.ts';

export interface AttachmentScan {
  id: number;
  fileName: string;
  /** Whether its text was read (true also when only the first part was, see `truncated`). */
  read: boolean;
  truncated: boolean;
  /** Why it could not be read (Chinese), when `read` is false. */
  problem: string | null;
  hits: SecrecyHit[];
}

export interface PublicationScan {
  /** Hits in the title and body (offsets into `${title}\n${bodyText}`). */
  body: SecrecyHit[];
  attachments: AttachmentScan[];
  /** Attachments whose text could not be read: the reviewer checks them by hand. */
  unreadable: AttachmentScan[];
  /** Blocking hits, each with where it is ("正文" or the file name). */
  blocking: { where: string; hit: SecrecyHit }[];
  /** Non-blocking high hits (phone numbers), which the secrecy reviewer must explain. */
  high: { where: string; hit: SecrecyHit }[];
}

const LEGACY = '上传时尚未读取内容（旧版本上传），请删除后重新上传，或人工逐页核对';

/** Scan an item's title, body and attachments. */
export async function scanPublication(
  db: DbOrTrx,
  item: Pick<Publication, 'id' | 'title' | 'bodyText'>,
): Promise<PublicationScan> {
  const body = scanText(`${item.title}\n${item.bodyText}`);
  const attachments = (await attachmentTexts(db, item.id)).map((a): AttachmentScan => {
    const read = a.textStatus === 'read' || a.textStatus === 'truncated';
    return {
      id: a.id,
      fileName: a.fileName,
      read,
      truncated: a.textStatus === 'truncated',
      problem: read
        ? null
        : a.textStatus == null
          ? LEGACY
          : (TEXT_PROBLEM_LABELS[a.textStatus as TextProblem] ?? TEXT_PROBLEM_LABELS.damaged),
      // A legacy row's old text (DOCX body, XLSX shared strings) is still scanned: it is part of the file.
      hits: scanText(`${a.fileName}\n${a.text ?? ''}`),
    };
  });
  const all = [
    ...body.map((hit) => ({ where: '正文', hit })),
    ...attachments.flatMap((a) => a.hits.map((hit) => ({ where: `附件“${a.fileName}”`, hit }))),
  ];
  return {
    body,
    attachments,
    unreadable: attachments.filter((a) => !a.read),
    blocking: all.filter((x) => isBlocking(x.hit)),
    high: all.filter((x) => !isBlocking(x.hit) && x.hit.severity === 'high'),
  };
}

/**
 * Why the scan refuses (null: it does not): each blocking kind with where it was found, how many, and the rule.
 * The matched values are not repeated (the message may be logged or shown on a shared screen).
 */
export function blockingReason(scan: PublicationScan): string | null {
  if (!scan.blocking.length) return null;
  const groups = new Map<string, { where: Set<string>; n: number; basis: string }>();
  for (const { where, hit } of scan.blocking) {
    const g = groups.get(hit.kind) ?? { where: new Set(), n: 0, basis: BLOCKING_BASIS[hit.kind] };
    g.where.add(where);
    g.n++;
    groups.set(hit.kind, g);
  }
  const order = [...BLOCKING_KINDS];
  const parts = [...groups]
    .sort(([a], [b]) => order.indexOf(a as HitKind) - order.indexOf(b as HitKind))
    .map(
      ([kind, g]) =>
        `${[...g.where].join('、')}含${HIT_LABELS[kind as HitKind]}${g.n}处，依据${g.basis}，不能公开`,
    );
  return `${parts.join('；')}。请退回承办人脱敏（正文可一键脱敏，附件须删除后上传脱敏后的文件），或改为不予公开`;
}

/** Text with every maskable hit masked (what the search index and the feeds may hold). */
export function maskedForPublic(text: string): string {
  return maskText(text, scanText(text));
}

/** Whether an attachment's text holds a blocking hit (the portal then refuses to serve it). */
export async function attachmentBlocked(
  db: DbOrTrx,
  publicationId: number,
  attachmentId: number,
): Promise<boolean> {
  const a = (await attachmentTexts(db, publicationId)).find((x) => x.id === attachmentId);
  return a?.text != null && scanText(`${a.fileName}\n${a.text}`).some(isBlocking);
}
