/**
 * The paged lists of the open-data API: a parsed page query gives the rows to read (limit, offset), and the rows
 * read give the response (the page's items, presented, with the page, its size and the total). The response's
 * schema is `pageOf` (presenters.ts).
 */

/** A parsed `page` / `pageSize` query (PageQuery in open-data.ts): 1-based page, 1 to 100 items a page. */
export interface PageRequest {
  page: number;
  pageSize: number;
}

/** A page of a list as the API answers it. */
export interface PagedList<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

/** Which rows a page is: `limit` rows after the first `offset`. */
export function pageWindow(q: PageRequest): { limit: number; offset: number } {
  return { limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
}

/** The response for a page: its rows (read with pageWindow) presented one by one, and the list's total. */
export function pagedList<R, T>(
  q: PageRequest,
  rows: { items: readonly R[]; total: number },
  present: (row: R) => T,
): PagedList<T> {
  return { items: rows.items.map((r) => present(r)), page: q.page, pageSize: q.pageSize, total: rows.total };
}
