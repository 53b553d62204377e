/**
 * What a person sees or hears of an HTML page: text nodes outside script/style/template and hidden elements, plus
 * the attributes that are shown or read out (title, alt, placeholder, aria-label, button values).
 */
import { Parser } from 'htmlparser2';

// A textarea holds what is typed (like an input's value), not text the system shows.
const SKIP = new Set(['script', 'style', 'template', 'noscript', 'textarea']);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const BLOCK =
  /^(p|div|li|tr|td|th|h[1-6]|section|article|header|footer|nav|main|aside|dt|dd|option|label|summary|br|table|ul|ol|form|fieldset|legend|button|a)$/;

/** The visible text of an HTML document, one line per block. */
export function visibleText(html: string): string {
  const out: string[] = [];
  const stack: boolean[] = []; // whether each open element hides its content
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const hides =
          SKIP.has(name) ||
          'hidden' in attrs ||
          attrs['aria-hidden'] === 'true' ||
          // The audit log's raw before/after record is evidence kept verbatim for technical review (docs/audit).
          /\braw-record\b/.test(attrs.class ?? '');
        if (!hidden) {
          for (const a of ['title', 'alt', 'placeholder', 'aria-label'])
            if (attrs[a]) out.push(` ${attrs[a]} `);
          if (name === 'input' && /^(submit|button|reset)$/.test(attrs.type ?? '') && attrs.value)
            out.push(` ${attrs.value} `);
        }
        if (BLOCK.test(name)) out.push('\n');
        if (VOID.has(name)) return;
        stack.push(hides);
        if (hides) hidden++;
      },
      ontext(t) {
        if (!hidden) out.push(t);
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const hides = stack.pop();
        if (hides) hidden--;
        if (BLOCK.test(name)) out.push('\n');
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  return out
    .join('')
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}
