/**
 * Text shown on a 360-px phone breaks where the browser likes: inside 2026-12-07 (after a hyphen), inside
 * 2026年12月2日, inside a ledger number such as ZG4-2026-0004. `KeepTogether` renders a sentence with each date, time
 * and hyphenated number in a `.date` span (white-space: nowrap), so the line breaks around them, never inside.
 */
import type { ComponentChildren } from 'preact';

/** Dates (2026-12-07, 2026-12-07 14:56, 2026年12月2日), times (14:56) and numbers with hyphens or slashes. */
const UNBREAKABLE =
  /\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{2}-\d{2}(?: \d{1,2}:\d{2})?|[A-Za-z0-9]+(?:[-/][A-Za-z0-9]+)+|\d{1,2}:\d{2}/g;

/** The parts of `text`, the unbreakable ones wrapped in a nowrap span. */
export function keepTogether(text: string): ComponentChildren[] {
  const out: ComponentChildren[] = [];
  let last = 0;
  for (const m of text.matchAll(UNBREAKABLE)) {
    if (m.index > last) out.push(text.slice(last, m.index));
    out.push(<span class="date">{m[0]}</span>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export function KeepTogether({ text }: { text: string }) {
  return <>{keepTogether(text)}</>;
}
