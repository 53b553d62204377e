/** What the portal's 主动公开 routes share: the page shell, the not-found page, the catalogue, the query parameters. */
import type { ComponentChildren } from 'preact';
import type { C } from '../../app-env.ts';
import { renderToString } from '../../render.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { CSRF_PLACEHOLDER, portalMemo } from '../../portal-cache.ts';
import { layoutShell } from '../../public-page.tsx';
import { knownScope } from '../../portal-scope.ts';
import type { Agency } from '../../../org/org.ts';
import { ensureCatalogue, listCategories } from '../../../publications/index.ts';
import { categoryTree } from '../../../publications/catalogue.ts';
import { VALIDITIES, type Validity } from '../../../publications/publication.ts';
import { systemActor } from '../../../context.ts';

/** Rows on one page of a portal list or search. */
export const PORTAL_PAGE_SIZE = 20;

export function portalHtml(
  c: C,
  agency: Agency | undefined,
  title: string,
  children: ComponentChildren,
): string {
  const scope = knownScope(c);
  const flash = c.get('flash');
  const layout = {
    agencyName: agency?.name ?? '政府信息公开',
    countyHref: scope?.countyHref,
    countyPage: scope?.kind === 'county',
    largeFont: c.get('largeFont'),
    care: c.get('care'),
  };
  // A flash message is shown once and never cached: the whole page is rendered as it is.
  if (flash)
    return (
      '<!doctype html>' +
      renderToString(
        <PublicLayout title={title} {...layout} csrf={CSRF_PLACEHOLDER} flash={flash}>
          {children}
        </PublicLayout>,
      )
    );
  const [head, middle, tail] = layoutShell(layout);
  return head + renderToString(<>{title}</>) + middle + renderToString(<>{children}</>) + tail;
}

export const notFound = (c: C, agency: Agency | undefined) => ({
  status: 404,
  body: portalHtml(
    c,
    agency,
    '页面不存在',
    <>
      <h1>页面不存在</h1>
      <p>您访问的信息不存在或已不再公开。</p>
      <p>
        <a href="/catalogue">返回法定主动公开内容</a> · <a href="/search">搜索</a>
      </p>
    </>,
  ),
});

/** A column's active categories and their tree, read once per portal version (every catalogue change bumps it). */
export function catalogueOf(c: C, agencyId: number) {
  return portalMemo(c, `catalogue:${agencyId}`, async () => {
    const db = c.get('deps').db;
    await ensureCatalogue({ ...c.get('ctx'), actor: systemActor('公开目录') }, agencyId);
    const list = (await listCategories(db, agencyId)).filter((x) => x.isActive);
    return { list, tree: categoryTree(list) };
  });
}

export function origin(c: C): string {
  return c.get('deps').config.publicUrl;
}

export const pageNo = (c: C) => Math.max(1, Math.min(10_000, Number(c.req.query('page')) || 1));
export const yearOf = (c: C) => {
  const y = Number(c.req.query('year'));
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : null;
};
export const validityOf = (c: C): Validity | null => {
  const v = c.req.query('validity');
  return (VALIDITIES as readonly string[]).includes(v ?? '') ? (v as Validity) : null;
};
