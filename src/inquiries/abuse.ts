/**
 * Anti-abuse without third-party services: a honeypot field, fixed-window rate limits per IP address and per contact
 * (the one place that calls the shared limiter, src/auth/rate-limit.ts, until the reusable public limiter lands),
 * and a lightweight arithmetic challenge asked only when a limit is exceeded. A hard ceiling (four times the limit)
 * refuses outright. Challenges live in the database, so any instance can check them.
 */
import crypto from 'node:crypto';
import type { Ctx } from '../context.ts';
import { DomainError, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { takeToken } from '../auth/rate-limit.ts';

export const HONEYPOT_FIELD = 'website';
const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
const HARD_FACTOR = 4;
const CHALLENGE_TTL_MS = 30 * 60 * 1000;

/** The only call of the shared rate limiter in this feature. */
export function withinRate(ctx: Ctx, key: string, limit: number, windowMs: number): Promise<boolean> {
  return takeToken(ctx.db, `inquiry:${key}`, limit, windowMs, ctx.clock.now());
}

export interface Challenge {
  token: string;
  question: string;
}

/** Thrown when a limit is exceeded: the form is shown again, everything typed kept, with this question. */
export class ChallengeRequired extends DomainError {
  constructor(readonly challenge: Challenge) {
    super(
      'rate_limited',
      '提交较频繁，为防止恶意刷屏，请先回答页面上的验证问题后再提交（您填写的内容已保留）',
    );
  }
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

async function newChallenge(ctx: Ctx): Promise<Challenge> {
  const a = crypto.randomInt(1, 10);
  const b = crypto.randomInt(1, 10);
  const token = crypto.randomBytes(16).toString('hex');
  await ctx.db
    .insertInto('inquiry_challenges')
    .values({
      token,
      answer: String(a + b),
      expires_at: nowIso(new Date(ctx.clock.now().getTime() + CHALLENGE_TTL_MS)),
      used_at: null,
    })
    .execute();
  return { token, question: `${DIGITS[a]}加${DIGITS[b]}等于几？（请填写阿拉伯数字）` };
}

/** Whether the answer to a challenge is right (a challenge is good for one submission). */
async function solved(ctx: Ctx, token: string, answer: string): Promise<boolean> {
  if (!token || !answer) return false;
  const now = nowIso(ctx.clock.now());
  const r = await ctx.db
    .updateTable('inquiry_challenges')
    .set({ used_at: now })
    .where('token', '=', token)
    .where('answer', '=', answer.trim())
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface AbuseInput {
  /** The honeypot's value (a person never sees the field). */
  honeypot?: string;
  /** Normalised phone or e-mail, when given. */
  contactKey?: string | null;
  challengeToken?: string;
  challengeAnswer?: string;
}

/**
 * Check a public submission (scope: 'inquiry' or 'comment'). Throws a ValidationError for the honeypot, a
 * ChallengeRequired when a limit is exceeded without a solved challenge, a rate_limited error past the ceiling.
 */
export async function guardSubmission(
  ctx: Ctx,
  scope: string,
  input: AbuseInput,
  limits: { perIpPerHour: number; perContactPerDay: number },
): Promise<void> {
  if (input.honeypot && input.honeypot.trim() !== '')
    throw new ValidationError('提交未成功：页面中有一个不应填写的隐藏栏目被填写了。请刷新页面后重新提交。');
  const ip = ctx.meta.ip ?? 'unknown';
  const ipOk = await withinRate(ctx, `${scope}:ip:${ip}`, limits.perIpPerHour, HOUR);
  const ipHard = await withinRate(ctx, `${scope}:ip-hard:${ip}`, limits.perIpPerHour * HARD_FACTOR, HOUR);
  let contactOk = true;
  let contactHard = true;
  if (input.contactKey) {
    contactOk = await withinRate(ctx, `${scope}:contact:${input.contactKey}`, limits.perContactPerDay, DAY);
    contactHard = await withinRate(
      ctx,
      `${scope}:contact-hard:${input.contactKey}`,
      limits.perContactPerDay * HARD_FACTOR,
      DAY,
    );
  }
  if (!ipHard || !contactHard)
    throw new DomainError(
      'rate_limited',
      '提交过于频繁，已暂停受理来自该地址或该联系方式的留言，请明天再试。您填写的内容已保留，可复制保存。',
    );
  if (ipOk && contactOk) return;
  if (await solved(ctx, input.challengeToken ?? '', input.challengeAnswer ?? '')) return;
  throw new ChallengeRequired(await newChallenge(ctx));
}
