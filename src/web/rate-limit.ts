/**
 * The public submission limit, shared by every form the public can post without signing in (the apply form today, the
 * Q&A form to come): per client address and per applicant, in the database so every instance counts together.
 * Configured by GONGKAI_APPLY_LIMIT (COUNT/MINUTES, default 10/60).
 *
 * Use in a public POST handler, before any work is done:
 *
 *   await limitPublicSubmission(c, 'qa', [str(f.phone), str(f.idNumber)]);
 *
 * It throws a DomainError 'rate_limited' (HTTP 429 with a Chinese message); a form handler that re-renders its form on
 * errors should catch it like a validation error, so nothing the visitor typed is lost.
 */
import crypto from 'node:crypto';
import type { C } from './app-env.ts';
import { countHit } from '../auth/rate-limit.ts';
import { DomainError } from '../errors.ts';

/** The applicant's identifiers, normalised and hashed (the rate-limit table never holds an ID number or phone). */
function applicantKeys(ids: (string | null | undefined)[]): string[] {
  return ids
    .map((x) => (x ?? '').replace(/[\s-]/g, '').toUpperCase())
    .filter((x) => x.length >= 5)
    .map((x) => crypto.createHash('sha256').update(x).digest('base64url').slice(0, 22));
}

/**
 * Count one submission of the form `scope` for the client address and for each applicant identifier given; refuse
 * when any of them is over the limit.
 */
export async function limitPublicSubmission(
  c: C,
  scope: string,
  applicantIds: (string | null | undefined)[] = [],
): Promise<void> {
  const { db, clock, meta } = c.get('ctx');
  const { count, windowMs } = c.get('deps').config.publicSubmitLimit;
  const now = clock.now();
  const keys = [
    `public:${scope}:ip:${meta.ip ?? 'unknown'}`,
    ...applicantKeys(applicantIds).map((k) => `public:${scope}:who:${k}`),
  ];
  let over = false;
  for (const key of keys) if ((await countHit(db, key, windowMs, now)) > count) over = true;
  if (over) {
    c.header('Retry-After', String(Math.ceil(windowMs / 1000)));
    throw new DomainError(
      'rate_limited',
      `提交过于频繁：同一网络地址或同一申请人在${Math.round(windowMs / 60000)}分钟内最多可提交${count}次。请稍后再试；如有急事，请拨打本机关的政府信息公开咨询电话或到现场办理。`,
    );
  }
}
