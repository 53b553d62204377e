import type { ComponentChildren } from 'preact';
import type { C } from './app-env.ts';
import { PublicLayout } from './views/layout.tsx';
import { page } from './render.tsx';
import { homeAgency } from '../org/home-agency.ts';
import type { Agency } from '../org/org.ts';

/** The agency whose portal this is. */
export async function portalAgency(c: C): Promise<Agency | undefined> {
  return homeAgency(c.var.deps.db);
}

/** Render a public portal page inside the portal layout. */
export async function publicPage(
  c: C,
  title: string,
  children: ComponentChildren,
  status = 200,
): Promise<Response> {
  const agency = await portalAgency(c);
  return page(
    c,
    <PublicLayout
      title={title}
      agencyName={agency?.name ?? '政府信息公开'}
      largeFont={c.var.largeFont}
      care={c.var.care}
      csrf={c.var.csrf}
      flash={c.var.flash}
    >
      {children}
    </PublicLayout>,
    status,
  );
}
