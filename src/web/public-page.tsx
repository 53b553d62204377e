import type { ComponentChildren } from 'preact';
import type { C } from './app-env.ts';
import { PublicLayout } from './views/layout.tsx';
import { htmlPage, page, renderToString } from './render.tsx';
import type { Agency } from '../org/org.ts';
import { portalScope } from './portal-scope.ts';
import { CSRF_PLACEHOLDER } from './portal-cache.ts';

/** The agency whose column this page belongs to (the home agency at `/`, see portal-scope.ts). */
export async function portalAgency(c: C): Promise<Agency | undefined> {
  return (await portalScope(c)).agency;
}

/** What the portal layout shows of the column: the agency's name and the way to the county home. */
export async function portalChrome(c: C): Promise<{ agencyName: string; countyHref: string | null }> {
  const s = await portalScope(c);
  return { agencyName: s.agency?.name ?? '政府信息公开', countyHref: s.countyHref };
}

/**
 * Render a public portal page inside the portal layout. The layout comes from `layoutShell` (rendered once per set
 * of props) with the visitor's CSRF token put in place of the placeholder: the same bytes as rendering the whole tree
 * (src/web/public-page.test.tsx), without building the header, menus and footer for every page (docs/scale.md,
 * "Twelfth pass"). A page with a flash message is rendered whole, as it always was.
 */
export async function publicPage(
  c: C,
  title: string,
  children: ComponentChildren,
  status = 200,
): Promise<Response> {
  const chrome = await portalChrome(c);
  const flash = c.get('flash');
  if (flash)
    return page(
      c,
      <PublicLayout
        title={title}
        {...chrome}
        largeFont={c.get('largeFont')}
        care={c.get('care')}
        csrf={c.get('csrf')}
        flash={flash}
      >
        {children}
      </PublicLayout>,
      status,
    );
  const [head, middle, tail] = layoutShell({
    ...chrome,
    countyPage: false,
    largeFont: c.get('largeFont'),
    care: c.get('care'),
  });
  // Escaped as the renderer escapes an attribute's value (the token comes from a cookie: any text).
  const token = renderToString(<>{c.get('csrf')}</>);
  const put = (s: string) => s.replaceAll(CSRF_PLACEHOLDER, token);
  return htmlPage(
    c,
    put(head) + renderToString(<>{title}</>) + put(middle) + renderToString(<>{children}</>) + put(tail),
    status,
  );
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
