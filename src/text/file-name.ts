/**
 * Uploaded file names, neutralised: a name is the uploader's text and is shown to others and sent back in
 * Content-Disposition. Bidirectional controls (which make "evil‮fdp.exe" display as "evilexe.pdf"), NUL and other
 * control characters are removed, path characters (/ \ : * ? " < > |) become "_", leading dots and trailing dots
 * or spaces go, and the name is cut on a grapheme boundary to 200 UTF-8 bytes with its extension kept.
 */
import { cutBytes } from './cut.ts';

// U+061C ALM, U+200E/U+200F LRM/RLM, U+202A–U+202E embeddings and overrides, U+2066–U+2069 isolates.
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// C0 and C1 controls, DEL, and the invisible format characters that hide text (ZWSP, word joiner, BOM).
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b\u2060\ufeff]/g;
const PATH = /[/\\:*?"<>|]/g;
export const MAX_FILE_NAME_BYTES = 200;

/** Whether a name carries characters that `safeFileName` removes (bidi, NUL, controls). */
export function hasHiddenCharacters(name: string): boolean {
  return new RegExp(BIDI.source).test(name) || new RegExp(CONTROL.source).test(name);
}

/** The name as it may be stored, shown and sent: neutralised, never empty (`fallback`). */
export function safeFileName(name: string, fallback = '文件'): string {
  const cleaned = name
    .normalize('NFC')
    .replace(BIDI, '')
    .replace(CONTROL, '')
    .replace(PATH, '_')
    .replace(/^[.\s]+|[.\s]+$/g, '');
  if (!cleaned) return fallback;
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  const stem = ext ? cleaned.slice(0, dot) : cleaned;
  const cut = cutBytes(stem, MAX_FILE_NAME_BYTES - new TextEncoder().encode(ext).length);
  return (cut || fallback) + ext;
}

/**
 * Content-Disposition for a download: the neutralised name as RFC 6266 `filename*` (UTF-8), and an ASCII
 * `filename` fallback that holds only the extension, so no old client sees raw bytes or quotes.
 */
export function contentDisposition(name: string, kind: 'attachment' | 'inline' = 'attachment'): string {
  const safe = safeFileName(name);
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(safe)?.[0] ?? '';
  return `${kind}; filename="download${ext}"; filename*=UTF-8''${encodeURIComponent(safe)}`;
}
