import type { ComponentChildren } from 'preact';
import { render } from 'preact-render-to-string';
import { isVillageOnly } from '../../org/access.ts';
import type { User } from '../../org/org.ts';
import { portalSections, type NavItem } from './nav.ts';

interface Chrome {
  title: string;
  largeFont: boolean;
  csrf: string;
  flash?: string | null;
  children: ComponentChildren;
}

function Head({ title }: { title: string }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <link rel="stylesheet" href="/assets/site.css" />
      <script src="/assets/app.js" defer></script>
    </head>
  );
}

/** The 适老化 large-font switch: a plain form, so it works without JavaScript. */
function LargeFontToggle({ largeFont, csrf }: { largeFont: boolean; csrf: string }) {
  return (
    <form method="post" action="/prefs/large-font" class="inline-form">
      <input type="hidden" name="_csrf" value={csrf} />
      <input type="hidden" name="on" value={largeFont ? '0' : '1'} />
      <button
        type="submit"
        class="link-button"
        data-large-font-toggle
        aria-pressed={largeFont ? 'true' : 'false'}
      >
        {largeFont ? '标准字号' : '大字模式'}
      </button>
    </form>
  );
}

export function Flash({ message }: { message?: string | null }) {
  return message ? (
    <div class="flash" role="status">
      {message}
    </div>
  ) : null;
}

/**
 * The 适老化 switch (high contrast, wider line spacing, large font) and, in that mode, the read-aloud button, which
 * app.js shows only where the browser has speech synthesis (no third-party service).
 */
function CareToggle({ care, csrf }: { care: boolean; csrf: string }) {
  return (
    <>
      <form method="post" action="/prefs/care" class="inline-form">
        <input type="hidden" name="_csrf" value={csrf} />
        <input type="hidden" name="on" value={care ? '0' : '1'} />
        <button type="submit" class="link-button" data-care-toggle aria-pressed={care ? 'true' : 'false'}>
          {care ? '退出适老化' : '适老化模式'}
        </button>
      </form>
      {care ? (
        <button type="button" class="link-button" data-read-aloud hidden aria-pressed="false">
          朗读正文
        </button>
      ) : null}
    </>
  );
}

/** The header's links (their markup) folded into a menu on a narrow window (a details element: no JavaScript needed). */
function FoldedMenu(p: {
  kind: 'portal' | 'office';
  summary: string;
  label: string;
  links: { __html: string };
}) {
  return (
    <details class={`wrap ${p.kind}-menu`}>
      <summary>{p.summary}</summary>
      <nav class={`${p.kind}-menu-links`} aria-label={p.label} dangerouslySetInnerHTML={p.links} />
    </details>
  );
}

/** The portal's section links: a column's sections, or on a county-wide page the county's own menu. */
function PortalLinks({ county, countyPage }: { county?: string | null; countyPage?: boolean }) {
  if (countyPage && county)
    return (
      <>
        <a href={county}>信息公开首页</a>
        <a href={`${county}#directory`}>机关目录</a>
        <a href={`${county}#latest`}>最新公开</a>
        <a href={`${county}#reports`}>信息公开年报</a>
        <a href={`${county}#bulletins`}>监督通报</a>
        <a href={`${county}/search`}>全县搜索</a>
      </>
    );
  return (
    <>
      {county ? <a href={county}>全县信息公开</a> : null}
      <a href="/">首页</a>
      {portalSections.map((s) => (
        <a href={s.href}>{s.label}</a>
      ))}
      <a href="/track">申请查询</a>
    </>
  );
}

/**
 * The portal's section links as markup, rendered once per county address and kind of page (they depend on nothing
 * else): every portal page shows them twice (docs/scale.md, "Twelfth pass"). The markup is what the elements
 * rendered to.
 */
const portalLinksCache = new Map<string, string>();

function portalLinksMarkup(county: string | null | undefined, countyPage: boolean | undefined): string {
  const key = `${countyPage ? 1 : 0}:${county ?? ''}`;
  let html = portalLinksCache.get(key);
  if (html === undefined) {
    html = render(<PortalLinks county={county} countyPage={countyPage} />);
    if (portalLinksCache.size >= 100) portalLinksCache.clear();
    portalLinksCache.set(key, html);
  }
  return html;
}

/**
 * Layout of the public portal. On a narrow window (a phone, or a desktop at 150% zoom) the section links fold into
 * a 栏目导航 menu (a details element: no JavaScript needed); on a wide one they are a row.
 */
export function PublicLayout(
  props: Chrome & {
    agencyName: string;
    care?: boolean;
    /** The county 信息公开 home, shown when the installation has several columns. */
    countyHref?: string | null;
    /** A county-wide page (home, search over all agencies): the county's own menu instead of a column's. */
    countyPage?: boolean;
  },
) {
  const links = { __html: portalLinksMarkup(props.countyHref, props.countyPage) };
  const cls = [props.largeFont || props.care ? 'large' : '', props.care ? 'care' : '']
    .filter(Boolean)
    .join(' ');
  return (
    <html lang="zh-CN" class={cls || undefined}>
      <Head title={`${props.title} - ${props.agencyName}`} />
      <body class="portal">
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="portal-header">
          <div class="wrap header-row">
            <a class="brand" href="/">
              {props.agencyName} · 政府信息公开
            </a>
            <div class="header-tools">
              <form method="get" action="/search" class="search-mini" role="search">
                <label for="q-top" class="sr-only">
                  搜索
                </label>
                <input id="q-top" name="q" type="search" placeholder="搜索公开信息" />
                <button type="submit">搜索</button>
              </form>
              {props.care ? null : <LargeFontToggle largeFont={props.largeFont} csrf={props.csrf} />}
              <CareToggle care={Boolean(props.care)} csrf={props.csrf} />
            </div>
          </div>
          <nav class="wrap portal-nav" aria-label="政府信息公开栏目" dangerouslySetInnerHTML={links} />
          <FoldedMenu kind="portal" summary="栏目导航" label="政府信息公开栏目" links={links} />
        </header>
        <main id="main" class="wrap">
          <Flash message={props.flash} />
          {props.children}
        </main>
        <footer class="wrap footer">
          <p>
            {props.agencyName} 主办 · <a href="/office">工作人员登录</a>
          </p>
        </footer>
      </body>
    </html>
  );
}

/**
 * The office menu's links as markup, rendered once per menu and set of roles (a user's menu depends on nothing
 * else): every office page shows it twice, and building its elements was a tenth of the shell (docs/scale.md,
 * "Ninth pass"). The markup is what the elements rendered to; labels and links are the features' own constants.
 */
const menuCache = new WeakMap<readonly NavItem[], Map<string, string>>();

function menuMarkup(nav: readonly NavItem[], user: User): string {
  const villageOnly = isVillageOnly(user);
  const key = `${villageOnly ? 1 : 0}:${[...user.roles].sort().join(',')}`;
  let byRoles = menuCache.get(nav);
  if (!byRoles) menuCache.set(nav, (byRoles = new Map()));
  let html = byRoles.get(key);
  if (html === undefined) {
    const items = [...nav]
      .filter((n) => n.roles.length === 0 || n.roles.some((r) => user.roles.includes(r)))
      .filter((n) => !(n.agencyWide && villageOnly))
      .sort((a, b) => a.order - b.order);
    html = render(
      <>
        {items.map((n) => (
          <a href={n.href}>{n.label}</a>
        ))}
      </>,
    );
    byRoles.set(key, html);
  }
  return html;
}

/**
 * Layout of the back office. On a phone the function links fold into a 功能菜单 (as the portal's sections do), each
 * a 44-px tap target.
 */
export function OfficeLayout(props: Chrome & { user: User; agencyName: string; nav: readonly NavItem[] }) {
  const links = { __html: menuMarkup(props.nav, props.user) };
  return (
    <html lang="zh-CN" class={props.largeFont ? 'large' : undefined}>
      <Head title={`${props.title} - 政务公开工作平台`} />
      <body class="office">
        <a class="skip" href="#main">
          跳到正文
        </a>
        <header class="office-header">
          <div class="wrap header-row">
            <a class="brand" href="/office">
              政务公开工作平台 · {props.agencyName}
            </a>
            <div class="header-tools">
              <span class="who">
                {props.user.displayName}（{props.user.username}）
              </span>
              <a href="/office/password">修改密码</a>
              <LargeFontToggle largeFont={props.largeFont} csrf={props.csrf} />
              <form method="post" action="/office/sign-out" class="inline-form">
                <input type="hidden" name="_csrf" value={props.csrf} />
                <button type="submit" class="link-button">
                  退出
                </button>
              </form>
            </div>
          </div>
          <nav class="wrap office-nav" aria-label="功能菜单" dangerouslySetInnerHTML={links} />
          <details class="wrap office-menu">
            <summary>功能菜单</summary>
            <nav class="office-menu-links" aria-label="功能菜单" dangerouslySetInnerHTML={links} />
          </details>
        </header>
        <main id="main" class="wrap">
          <Flash message={props.flash} />
          {props.children}
        </main>
      </body>
    </html>
  );
}

/** A bare page (sign-in, errors) with the large-font switch. */
export function BareLayout(props: Chrome) {
  return (
    <html lang="zh-CN" class={props.largeFont ? 'large' : undefined}>
      <Head title={props.title} />
      <body class="bare">
        <main id="main" class="narrow">
          <div class="bare-tools">
            <LargeFontToggle largeFont={props.largeFont} csrf={props.csrf} />
          </div>
          <Flash message={props.flash} />
          {props.children}
        </main>
      </body>
    </html>
  );
}
