/**
 * A reference number as people type it: 哈政申〔2026〕第13号 copied from the receipt, but also (2026)13,
 * （2026）13号, [2026]13, 【2026】第13号, 2026-13, 2026年13号, 2026 13 — any brackets or none, with or without 第
 * and 号, with or without the agency's prefix. What identifies the request is the year and the serial; the 查询码
 * checked with it tells apart agencies that share the same year and serial. Pure.
 */

export interface ReferenceParts {
  year: number;
  serial: number;
}

// Brackets people use around the year, in every width; full-width forms are folded by NFKC first.
const BRACKETS = /[〔〕()[\]【】〖〗［］{}<>《》「」『』]/g;

/** The year and serial in a typed reference, or null when there is no year followed by a serial. */
export function parseReferenceInput(raw: string): ReferenceParts | null {
  const s = raw.normalize('NFKC').replace(BRACKETS, ' ').trim();
  const m = /(?:^|\D)((?:19|20)\d{2})\s*(?:年度?)?\s*[-—–_/.·、,，]?\s*第?\s*0*(\d{1,7})\s*号?\s*$/.exec(s);
  if (!m) return null;
  const serial = Number(m[2]);
  return serial > 0 ? { year: Number(m[1]), serial } : null;
}
