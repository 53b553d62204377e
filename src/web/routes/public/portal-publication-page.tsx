/** What the portal's 主动公开 routes share: the page shell, the not-found page, the catalogue, the query parameters. */
import type { ComponentChildren } from 'preact';
import type { C } from '../../app-env.ts';
import { renderToString } from '../../render.tsx';
import { PublicLayout } from '../../views/layout.tsx';
import { CSRF_PLACEHOLDER, portalMemo } from '../../portal-cache.ts';
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

/** Marks put in place of the title and the page's content when the layout is rendered alone. */
const TITLE_MARK = 'gk-layout-title-0000';
const BODY_MARK = 'gk-layout-body-0000';
const shells = new Map<string, readonly [string, string, string]>();
const MAX_SHELLS = 2000;

/**
 * The portal layout around a page, as the text before the title, between the title and the page's content, and
 * after it. The layout is pure (its props only), so it is rendered once per set of props — agency name, county
 * link, county menu, font and 适老化 modes — and a page renders its title and content alone: the same bytes as
 * rendering the whole tree, without building the header, menus and footer for every uncached page.
 */
export function layoutShell(props: {
  agencyName: string;
  countyHref: string | null | undefined;
  countyPage: boolean;
  largeFont: boolean;
  care: boolean;
}): readonly [string, string, string] {
  const key = JSON.stringify([
    props.agencyName,
    props.countyHref ?? null,
    props.countyPage,
    props.largeFont,
    props.care,
  ]);
  const hit = shells.get(key);
  if (hit) return hit;
  const html =
    '<!doctype html>' +
    renderToString(
      <PublicLayout title={TITLE_MARK} {...props} csrf={CSRF_PLACEHOLDER} flash={null}>
        {BODY_MARK}
      </PublicLayout>,
    );
  const t = html.indexOf(TITLE_MARK);
  const b = html.indexOf(BODY_MARK);
  const shell = [
    html.slice(0, t),
    html.slice(t + TITLE_MARK.length, b),
    html.slice(b + BODY_MARK.length),
  ] as const;
  if (shells.size >= MAX_SHELLS) shells.delete(shells.keys().next().value!);
  shells.set(key, shell);
  return shell;
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
