/**
 * The last step of rendering a page with an error summary (issue 10): an entry about a field the form carries only
 * as a hidden input or as its submit buttons' name (the version a form was built from, a signature's step and
 * action, a finding's fingerprint, a register's year) is not the user's to fix and has no control to reach: it
 * loses its link and says to reload the page. An entry whose field is neither on the page nor hidden keeps its link,
 * so test/error-summary-links.http.test.ts still finds a form that forgot a field's id.
 */
const ANCHOR = /<a href="#f-([^"]+)"([^>]*)>([\s\S]*?)<\/a>/g;

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whether the page carries `name` only in a hidden input or on submit buttons. */
function carriedHidden(html: string, name: string): boolean {
  const n = escapeRe(name);
  return (
    new RegExp(`<input(?=[^>]*\\btype="hidden")(?=[^>]*\\bname="${n}")[^>]*>`).test(html) ||
    new RegExp(`<button(?=[^>]*\\bname="${n}")[^>]*>`).test(html)
  );
}

export function unlinkHiddenFieldErrors(html: string): string {
  if (!html.includes('data-error-summary')) return html;
  // Links to #f-… are the summaries' entries (nothing else on a page links to a field).
  return html.replace(ANCHOR, (whole, name: string, _attrs: string, text: string) =>
    html.includes(`id="f-${name}"`) || !carriedHidden(html, name)
      ? whole
      : `<span>${text}（页面已过期或不完整，请刷新页面后重试）</span>`,
  );
}
