import type { ComponentChildren } from 'preact';
import type { C } from './app-env.ts';
import { PublicLayout } from './views/layout.tsx';
import { page } from './render.tsx';
import type { Agency } from '../org/org.ts';
import { portalScope } from './portal-scope.ts';

/** The agency whose column this page belongs to (the home agency at `/`, see portal-scope.ts). */
export async function portalAgency(c: C): Promise<Agency | undefined> {
  return (await portalScope(c)).agency;
}

/** What the portal layout shows of the column: the agency's name and the way to the county home. */
export async function portalChrome(c: C): Promise<{ agencyName: string; countyHref: string | null }> {
  const s = await portalScope(c);
  return { agencyName: s.agency?.name ?? '政府信息公开', countyHref: s.countyHref };
}

/** Render a public portal page inside the portal layout. */
export async function publicPage(
  c: C,
  title: string,
  children: ComponentChildren,
  status = 200,
): Promise<Response> {
  return page(
    c,
    <PublicLayout
      title={title}
      {...await portalChrome(c)}
      largeFont={c.get('largeFont')}
      care={c.get('care')}
      csrf={c.get('csrf')}
      flash={c.get('flash')}
    >
      {children}
    </PublicLayout>,
    status,
  );
}
