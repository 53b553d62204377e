/**
 * Attachment checks: the real type from the file's first bytes (magic numbers), which must agree with the
 * extension, and the size limit. DOCX/XLSX are ZIP containers recognised by their main part; TXT/CSV have no magic
 * number and are accepted when the bytes are text (UTF-8 or GB18030). Pure.
 */
import { unzipSync } from 'fflate';
import { assertZipWithinLimits, ZipBombError, zipRefusal } from '../documents/zip-guard.ts';
import { decodePlainText } from '../documents/read-text.ts';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
export const MAX_ATTACHMENTS = 20;

export type AttachmentType = 'pdf' | 'docx' | 'xlsx' | 'txt' | 'csv' | 'png' | 'jpeg' | 'gif';

export const ATTACHMENT_MIME: Record<AttachmentType, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  txt: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

const EXTENSIONS: Record<string, AttachmentType> = {
  pdf: 'pdf',
  docx: 'docx',
  xlsx: 'xlsx',
  txt: 'txt',
  csv: 'csv',
  png: 'png',
  jpg: 'jpeg',
  jpeg: 'jpeg',
  gif: 'gif',
};

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

function zipEntries(b: Uint8Array): string[] {
  const names: string[] = [];
  try {
    unzipSync(b, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch {
    return [];
  }
  return names;
}

/** The type the bytes really are, or null. */
export function sniffType(b: Uint8Array): AttachmentType | null {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return 'gif';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntries(b);
    if (names.includes('word/document.xml')) return 'docx';
    if (names.includes('xl/workbook.xml')) return 'xlsx';
  }
  return null;
}

/** Check a file: returns its type, or a Chinese message saying why it is refused. */
export function checkAttachment(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; type: AttachmentType } | { ok: false; message: string } {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  const expected = EXTENSIONS[ext];
  if (!expected)
    return {
      ok: false,
      message: `附件“${fileName}”的格式不支持，只能上传 PDF、DOCX、XLSX、TXT、CSV 或图片（PNG、JPG、GIF）`,
    };
  if (bytes.length === 0) return { ok: false, message: `附件“${fileName}”是空文件` };
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    return {
      ok: false,
      message: `附件“${fileName}”超过 ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB，请压缩或拆分后再上传`,
    };
  if (expected === 'txt' || expected === 'csv') {
    if (sniffType(bytes) != null || !decodePlainText(bytes).ok)
      return {
        ok: false,
        message: `附件“${fileName}”不是文本文件（须为 UTF-8 或 GBK 编码的文字），请上传原始文件`,
      };
    return { ok: true, type: expected };
  }
  if (expected === 'docx' || expected === 'xlsx') {
    try {
      assertZipWithinLimits(bytes);
    } catch (e) {
      if (e instanceof ZipBombError) return { ok: false, message: zipRefusal(fileName, e.reason) };
      throw e;
    }
  }
  const real = sniffType(bytes);
  if (real !== expected)
    return {
      ok: false,
      message: `附件“${fileName}”的实际内容与扩展名不符（可能是改了扩展名的其他文件），请上传原始文件`,
    };
  return { ok: true, type: real };
}
