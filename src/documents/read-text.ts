/**
 * Read the text of an uploaded file for the secrecy scan and the search index: DOCX (body, tables, headers, footers,
 * notes, comments, tracked deletions — everything a downloader gets), XLSX (every sheet's cells, row by row, cells
 * separated by tabs, so a roster row stays one line), PDF text layers (pdf.js), TXT and CSV (UTF-8 or GB18030).
 *
 * Bounded and total: a hostile file never throws and never makes us allocate more than the limits below. DOCX and
 * XLSX are ZIPs; fflate decompresses an entry into a buffer of the size the central directory declares, so entries
 * are chosen by their declared size against the limits before anything is inflated (a zip bomb is refused unread;
 * a lying size only truncates). A file that cannot be read says why, so the reviewer checks it by hand.
 */
import { unzipSync } from 'fflate';
import { Parser } from 'htmlparser2';
import { openPdf } from './open-pdf.ts';

/** Why a file's text could not be read. */
export type TextProblem = 'image' | 'no_text' | 'encrypted' | 'damaged' | 'too_large' | 'unsupported';

export const TEXT_PROBLEM_LABELS: Record<TextProblem, string> = {
  image: '图片，无法读取其中的文字',
  no_text: 'PDF 没有文字层（可能是扫描件），无法读取其中的文字',
  encrypted: '文件已加密，无法读取',
  damaged: '文件已损坏或格式不对，无法读取',
  too_large: '解压后内容过大（可能是压缩炸弹），未读取',
  unsupported: '该格式无法读取文字',
};

export type TextReading =
  | { ok: true; text: string; /** the text limit was reached; the rest is unread */ truncated: boolean }
  | { ok: false; problem: TextProblem };

export type ReadableKind = 'docx' | 'xlsx' | 'pdf' | 'txt' | 'csv' | 'png' | 'jpeg' | 'gif';

/** Limits (bytes / characters / counts). */
export const READ_LIMITS = {
  /** Declared uncompressed size of one ZIP entry we inflate. */
  entryBytes: 40 * 1024 * 1024,
  /** Declared uncompressed size of all entries we inflate, together. */
  totalBytes: 80 * 1024 * 1024,
  /** Entries in a ZIP: more is refused as hostile. */
  entries: 5_000,
  /** Characters of text kept. */
  textChars: 2_000_000,
  /** PDF pages read. */
  pdfPages: 500,
};

/** Read a file's text. Never throws. */
export async function readText(kind: ReadableKind, bytes: Uint8Array): Promise<TextReading> {
  try {
    switch (kind) {
      case 'docx':
        return readZipXml(bytes, isDocxPart, docxHandlers);
      case 'xlsx':
        return readXlsx(bytes);
      case 'pdf':
        return await readPdf(bytes);
      case 'txt':
      case 'csv':
        return decodePlainText(bytes);
      default:
        return { ok: false, problem: 'image' };
    }
  } catch {
    return { ok: false, problem: 'damaged' };
  }
}

/** Text of a plain-text file: UTF-8 (with or without BOM), else GB18030; null bytes mean it is not text. */
export function decodePlainText(bytes: Uint8Array): TextReading {
  if (bytes.includes(0)) return { ok: false, problem: 'damaged' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, problem: 'damaged' };
    }
  }
  return clip(text.replace(/^\uFEFF/, ''));
}

function clip(text: string): TextReading {
  const truncated = text.length > READ_LIMITS.textChars;
  return { ok: true, text: truncated ? text.slice(0, READ_LIMITS.textChars) : text, truncated };
}

// --- ZIP (DOCX, XLSX) ------------------------------------------------------------------------------------------

type Entries = Record<string, Uint8Array>;

/** Inflate the entries `want` accepts, refusing the whole file when the declared sizes break the limits. */
function unzipBounded(bytes: Uint8Array, want: (name: string) => boolean): Entries | TextProblem {
  let count = 0;
  let total = 0;
  let tooLarge = false;
  let files: Entries;
  try {
    files = unzipSync(bytes, {
      filter: (f) => {
        count++;
        if (count > READ_LIMITS.entries) tooLarge = true;
        if (tooLarge || !want(f.name)) return false;
        total += f.originalSize;
        if (f.originalSize > READ_LIMITS.entryBytes || total > READ_LIMITS.totalBytes) {
          tooLarge = true;
          return false;
        }
        return true;
      },
    });
  } catch {
    return 'damaged';
  }
  return tooLarge ? 'too_large' : files;
}

const decodeUtf8 = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

interface XmlHandlers {
  /** Called for each element start; returns text to emit (e.g. a tab), if any. */
  open?(name: string, attrs: Record<string, string>): string | void;
  /** Called for each element end. */
  close?(name: string): string | void;
  /** Whether text inside this element path is content. */
  isText(stack: readonly string[]): boolean;
}

/** Stream the text of one XML part through the handlers (no DOM: linear time and memory). */
function xmlText(xml: string, h: XmlHandlers): string {
  const out: string[] = [];
  const stack: string[] = [];
  let size = 0;
  const push = (s: string | void) => {
    if (!s || size > READ_LIMITS.textChars) return;
    out.push(s);
    size += s.length;
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        stack.push(name);
        push(h.open?.(name, attrs));
      },
      ontext(t) {
        if (h.isText(stack)) push(t);
      },
      onclosetag(name) {
        stack.pop();
        push(h.close?.(name));
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return out.join('');
}

const isDocxPart = (n: string) =>
  /^word\/(document|footnotes|endnotes|comments)\.xml$|^word\/(header|footer)\d*\.xml$/.test(n);

/** Paragraphs end lines, except inside a table cell: there a cell ends with a tab and the row with a line. */
function docxHandlers(): XmlHandlers {
  let cellDepth = 0;
  return {
    open: (name) => {
      if (name === 'w:tc') cellDepth++;
      return name === 'w:tab' ? '\t' : name === 'w:br' || name === 'w:cr' ? '\n' : undefined;
    },
    close: (name) => {
      if (name === 'w:tc') {
        cellDepth--;
        return '\t';
      }
      if (name === 'w:tr') return '\n';
      if (name === 'w:p') return cellDepth > 0 ? ' ' : '\n';
      return undefined;
    },
    // Deleted (tracked) text is still in the file a citizen downloads, so it is read too.
    isText: (s) => s[s.length - 1] === 'w:t' || s[s.length - 1] === 'w:delText',
  };
}

function readZipXml(bytes: Uint8Array, want: (n: string) => boolean, h: () => XmlHandlers): TextReading {
  const files = unzipBounded(bytes, want);
  if (typeof files === 'string') return { ok: false, problem: files };
  if (isEncryptedOffice(bytes)) return { ok: false, problem: 'encrypted' };
  const names = Object.keys(files).sort(partOrder);
  if (!names.length) return { ok: false, problem: 'damaged' };
  // Paragraph-end newlines already separate rows; a table cell end adds a tab, trimmed at line ends.
  return clip(
    names
      .map((n) => xmlText(decodeUtf8(files[n]!), h()))
      .join('\n')
      .replace(/ ?\t ?/g, '\t')
      .replace(/\t+\n/g, '\n'),
  );
}

/** document.xml first, then headers, footers, notes, comments (a stable order for offsets). */
function partOrder(a: string, b: string): number {
  const rank = (n: string) => (/document\.xml$/.test(n) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b, 'en', { numeric: true });
}

/** An encrypted Office file is an OLE container, not a ZIP: unzip fails first, so this only guards odd mixes. */
function isEncryptedOffice(bytes: Uint8Array): boolean {
  return bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

// --- XLSX ------------------------------------------------------------------------------------------------------

function readXlsx(bytes: Uint8Array): TextReading {
  const files = unzipBounded(
    bytes,
    (n) =>
      n === 'xl/sharedStrings.xml' ||
      n === 'xl/workbook.xml' ||
      /^xl\/worksheets\/sheet\d+\.xml$/.test(n) ||
      /^xl\/comments\d*\.xml$/.test(n),
  );
  if (typeof files === 'string') return { ok: false, problem: files };
  if (!files['xl/workbook.xml']) return { ok: false, problem: 'damaged' };
  const shared: string[] = [];
  const sst = files['xl/sharedStrings.xml'];
  if (sst) {
    collectShared(decodeUtf8(sst), shared);
  }
  const sheets = Object.keys(files)
    .filter((n) => n.startsWith('xl/worksheets/'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const parts: string[] = [];
  for (const n of sheets) parts.push(sheetText(decodeUtf8(files[n]!), shared));
  for (const n of Object.keys(files).filter((x) => /^xl\/comments/.test(x)))
    parts.push(xmlText(decodeUtf8(files[n]!), { isText: (s) => s[s.length - 1] === 't' }));
  return clip(parts.join('\n'));
}

/** The shared strings table, one string per <si> (rich-text runs joined, phonetic runs left out). */
function collectShared(xml: string, out: string[]): void {
  let cur: string[] | null = null;
  let depthRph = 0;
  let inT = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'si') cur = [];
        else if (name === 'rPh') depthRph++;
        else if (name === 't') inT = true;
      },
      ontext(t) {
        if (cur && inT && depthRph === 0) cur.push(t);
      },
      onclosetag(name) {
        if (name === 'si' && cur) {
          out.push(cur.join(''));
          cur = null;
        } else if (name === 'rPh') depthRph--;
        else if (name === 't') inT = false;
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
}

/** One sheet as lines of tab-separated cell values, shared strings resolved. */
function sheetText(xml: string, shared: readonly string[]): string {
  const lines: string[] = [];
  let row: string[] = [];
  let cellType = '';
  let value = '';
  let inValue = false;
  let size = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'row') row = [];
        else if (name === 'c') {
          cellType = attrs.t ?? '';
          value = '';
        } else if (name === 'v' || name === 't') inValue = true;
      },
      ontext(t) {
        if (inValue) value += t;
      },
      onclosetag(name) {
        if (name === 'v' || name === 't') inValue = false;
        else if (name === 'c') {
          const v = cellType === 's' ? (shared[Number(value)] ?? '') : value;
          if (v !== '') row.push(v);
        } else if (name === 'row' && row.length && size <= READ_LIMITS.textChars) {
          const line = row.join('\t');
          lines.push(line);
          size += line.length + 1;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return lines.join('\n');
}

// --- PDF -------------------------------------------------------------------------------------------------------

async function readPdf(bytes: Uint8Array): Promise<TextReading> {
  const doc = await openPdf(bytes);
  if (typeof doc === 'string') return { ok: false, problem: doc };
  const out: string[] = [];
  let size = 0;
  let items = 0;
  let truncated = doc.numPages > READ_LIMITS.pdfPages;
  try {
    for (let p = 1; p <= Math.min(doc.numPages, READ_LIMITS.pdfPages); p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      for (const it of content.items) {
        if (!('str' in it)) continue;
        if (it.str.trim()) items++;
        const s = it.str + (it.hasEOL ? '\n' : '');
        out.push(s);
        size += s.length;
      }
      out.push('\n');
      page.cleanup();
      if (size > READ_LIMITS.textChars) {
        truncated = true;
        break;
      }
    }
  } finally {
    await doc.destroy();
  }
  if (items === 0) return { ok: false, problem: 'no_text' };
  const r = clip(out.join(''));
  return r.ok ? { ...r, truncated: r.truncated || truncated } : r;
}
