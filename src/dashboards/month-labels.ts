/** Month categories of a year's charts, each linking to the list filtered to that month. */
import type { Category } from '../charts/index.ts';

export function monthKey(year: number, i: number): string {
  return `${year}-${String(i + 1).padStart(2, '0')}`;
}

export function monthCategories(year: number, href?: (month: string) => string): Category[] {
  return Array.from({ length: 12 }, (_, i) => ({
    label: `${i + 1}月`,
    ...(href ? { href: href(monthKey(year, i)) } : {}),
  }));
}

/** A URL with query parameters (empty values left out). */
export function withQuery(path: string, params: Record<string, string | number | undefined>): string {
  const q = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return q ? `${path}?${q}` : path;
}
