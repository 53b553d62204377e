/**
 * The rich-text body: refused when it carries active content (scripts, event handlers, javascript: links,
 * frames, forms), otherwise sanitised to a small whitelist with `sanitize-html`. Plain text (no tags) becomes
 * paragraphs. Pure.
 */
import sanitizeHtml from 'sanitize-html';
import { Parser } from 'htmlparser2';

const DANGEROUS_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'base',
  'meta',
  'link',
  'svg',
  'math',
]);
const URL_ATTRS = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'background', 'poster']);

/** Why the body is refused, in Chinese, or null when it has no active content. */
export function activeContentProblem(html: string): string | null {
  let problem: string | null = null;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (problem) return;
        if (DANGEROUS_TAGS.has(name)) {
          problem = `正文含有不允许的“<${name}>”标签（脚本、框架或表单），请删除后再保存`;
          return;
        }
        for (const [k, v] of Object.entries(attrs)) {
          if (k.startsWith('on')) {
            problem = `正文含有脚本事件属性“${k}”，请删除后再保存`;
            return;
          }
          // eslint-disable-next-line no-control-regex -- browsers ignore control characters inside a URL scheme
          const value = v.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
          if (URL_ATTRS.has(k) && /^(javascript|vbscript|data:text\/html)/.test(value)) {
            problem = '正文含有“javascript:”等脚本链接，请删除后再保存';
            return;
          }
          if (k === 'style' && /expression\(|url\(\s*['"]?\s*javascript/i.test(v)) {
            problem = '正文的样式中含有脚本，请删除后再保存';
            return;
          }
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return problem;
}

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'h2',
    'h3',
    'h4',
    'ul',
    'ol',
    'li',
    'blockquote',
    'table',
    'thead',
    'tbody',
    'tfoot',
    'tr',
    'th',
    'td',
    'caption',
    'a',
    'img',
    'hr',
    'sup',
    'sub',
    'span',
  ],
  allowedAttributes: {
    // rel: the transform below sets noopener noreferrer (an attribute off this list would be dropped after it).
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan', 'scope'],
    p: ['style'],
    span: ['style'],
  },
  allowedStyles: {
    '*': { 'text-align': [/^(left|right|center|justify)$/], 'text-indent': [/^\d+(\.\d+)?em$/] },
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Plain text (no tags) → one paragraph per non-empty line. */
export function textToHtml(text: string): string {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${escapeText(l)}</p>`)
    .join('\n');
}

/** The sanitised body; throws nothing — call activeContentProblem first to refuse active content. */
export function sanitizeBody(input: string): string {
  const html = /<[a-z!/]/i.test(input) ? input : textToHtml(input);
  return sanitizeHtml(html, OPTIONS).trim();
}

/** Plain text of a (sanitised) body: block ends become line breaks, entities decoded. */
export function htmlToText(html: string): string {
  const text = sanitizeHtml(html.replace(/<\/(p|h[1-6]|li|tr|blockquote|div)>|<br\s*\/?>/gi, '$&\n'), {
    allowedTags: [],
    allowedAttributes: {},
  });
  return text
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
