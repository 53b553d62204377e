import type { ComponentChildren } from 'preact';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, C } from './app-env.ts';
import { OfficeLayout } from './views/layout.tsx';
import { page } from './render.tsx';
import type { User } from '../org/org.ts';
import { DomainError } from '../errors.ts';
import type { Actor } from '../context.ts';

/** The signed-in user (after requireUser). */
export function currentUser(c: C): User {
  const s = c.get('session');
  if (!s) throw new DomainError('unauthenticated', '请先登录');
  return s.user;
}

export function currentActor(c: C): Extract<Actor, { kind: 'user' }> {
  const a = c.get('ctx').actor;
  if (a.kind !== 'user') throw new DomainError('unauthenticated', '请先登录');
  return a;
}

/**
 * Guard for /office/*: anonymous visitors go to sign-in; users who must change their password can reach
 * nothing else until they do.
 */
export const requireUser: MiddlewareHandler<AppEnv> = async (c, next) => {
  const p = c.req.path;
  if (p === '/office/sign-in') return next();
  const s = c.get('session');
  if (!s) {
    if (c.req.method === 'GET')
      return c.redirect(`/office/sign-in?next=${encodeURIComponent(p + new URL(c.req.url).search)}`, 303);
    throw new DomainError('unauthenticated', '登录已超时，请重新登录');
  }
  if (s.user.mustChangePassword && p !== '/office/password' && p !== '/office/sign-out') {
    return c.redirect('/office/password', 303);
  }
  return next();
};

/** Render a back-office page inside the layout. */
export async function officePage(
  c: C,
  title: string,
  children: ComponentChildren,
  status = 200,
): Promise<Response> {
  const user = currentUser(c);
  return page(
    c,
    <OfficeLayout
      title={title}
      user={user}
      agencyName={c.get('session')?.agencyName ?? ''}
      nav={c.get('shell').nav}
      largeFont={c.get('largeFont')}
      csrf={c.get('csrf')}
      flash={c.get('flash')}
    >
      {children}
    </OfficeLayout>,
    status,
  );
}
