/**
 * Finds internal codes in text people read: the visible text of a page or the text of an export. Built from the
 * shapes codes take, not from a list of today's codes:
 * - dotted lowercase identifiers (`request.submitted`, `result.granted`);
 * - snake_case identifiers (`platform_admin`, `info_request`);
 * - camelCase identifiers (`signedAt`, `makeupDays`);
 * - prefix:value codes (`makeup:元旦`, `holiday:春节`, `regional:x`);
 * - UUIDs, and raw ids (`#17`, `id=17`, `ID：17`);
 * - a bare lowercase Latin word standing alone in Chinese text (an enum value: `granted`, `pending`, `draft`).
 * What is allowed is what a person really reads in Latin letters: URLs, e-mail addresses, domain names, file
 * names, and a short list of real words and format names.
 */

export interface CodeHit {
  token: string;
  kind: string;
  context: string;
}

/** Real words and format names people read in Latin letters in a Chinese UI (lowercase forms only). */
const WORDS = new Set([
  'docx',
  'xlsx',
  'pdf',
  'csv',
  'json',
  'xml',
  'rss',
  'atom',
  'html',
  'txt',
  'jpg',
  'jpeg',
  'png',
  'webp',
  'zip',
  'doc',
  'xls',
  'ofd',
  'www',
  'http',
  'https',
  'kb',
  'mb',
  'px',
]);

const FILE_EXT =
  /\.(docx?|xlsx?|pdf|csv|json|xml|txt|jpe?g|png|webp|gif|zip|ofd|wps|et|html?|rss|atom|md|tar|gz)$/i;
const TLD = /\.(cn|com|net|org|gov|edu|io|example|test|local|localhost)$/i;

/** Spans that are allowed whole: URLs, e-mail addresses, domain names, paths and file names. */
const ALLOWED_SPANS: RegExp[] = [
  /\b(?:https?|mailto|ftp):\/?\/?[^\s<>"'，。；、）)]+/gi,
  /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g,
  /(?:^|[\s（(：:"“])(?:\/[\w.\-~%?=&{}:]+)+/g, // /office/requests/1 …
  /\{[a-z]+(?::\d+)?\}/g, // a placeholder people type into a format field: {year}, {serial:5}
  /[\w\u4e00-\u9fff\-（）()]+\.(?:docx?|xlsx?|pdf|csv|json|xml|txt|jpe?g|png|webp|gif|zip|ofd|wps|html?)\b/gi,
];

const PATTERNS: [string, RegExp][] = [
  ['uuid', /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi],
  ['prefix:value', /(?<![\w.])[a-z][a-z0-9_]*:(?!\/\/)[^\s:：,，;；。、)）\]"]+/g],
  ['dotted identifier', /(?<![\w./@-])[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+(?![\w@-])/g],
  ['snake_case', /(?<![\w./@-])[a-zA-Z][a-zA-Z0-9]*(?:_[a-zA-Z0-9]+)+(?![\w@-])/g],
  ['camelCase', /(?<![\w./@-])[a-z]+(?:[A-Z][a-z0-9]+)+(?![\w@-])/g],
  ['raw id', /(?<![\w&])#\d+\b|\b(?:id|ID|Id)\s*[=:：#]\s*\d+/g],
  ['enum word', /(?<![\w./@:'-])[a-z]{3,}(?![\w./@:'-])/g],
];

/** Code-like tokens in a text (visible text of a page or of an export). */
export function findCodeTokens(text: string, allowed: ReadonlySet<string> = new Set()): CodeHit[] {
  let masked = text;
  for (const re of ALLOWED_SPANS)
    masked = masked.replace(re, (m) => {
      // A span is allowed as a URL/e-mail/path/file name; anything else in it stays checked.
      if (/^[\s（(：:"“]/.test(m)) return m[0] + ' '.repeat(m.length - 1);
      return ' '.repeat(m.length);
    });
  const hits: CodeHit[] = [];
  for (const [kind, re] of PATTERNS) {
    for (const m of masked.matchAll(re)) {
      const token = m[0];
      if (allowed.has(token)) continue;
      if (kind === 'dotted identifier' && (FILE_EXT.test(token) || TLD.test(token))) continue;
      if (kind === 'enum word' && WORDS.has(token)) continue;
      // An English sentence (several Latin words in a row) is prose, not a code: only a word standing alone counts.
      if (kind === 'enum word') {
        const around = masked.slice(Math.max(0, m.index - 12), m.index + token.length + 12);
        if (/[A-Za-z]+\s+[A-Za-z]+\s+[A-Za-z]+/.test(around)) continue;
      }
      hits.push({
        token,
        kind,
        context: text
          .slice(Math.max(0, m.index - 20), m.index + token.length + 20)
          .replace(/\s+/g, ' ')
          .trim(),
      });
    }
  }
  return hits;
}
