/**
 * Tracking codes (查询码): what a citizen without an account keeps, with a reference, to follow a request or a
 * message. Unambiguous characters (no 0/O, 1/I/L) so an elderly applicant can read the code out on the phone;
 * compared in constant time so the comparison leaks nothing about the stored code.
 */
import crypto from 'node:crypto';

export const TRACKING_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const TRACKING_CODE_LENGTH = 8;

/** A random code, uniform over the alphabet (rejection sampling: no modulo bias). */
export function newTrackingCode(length = TRACKING_CODE_LENGTH): string {
  const n = TRACKING_ALPHABET.length;
  const limit = 256 - (256 % n);
  let s = '';
  while (s.length < length) {
    for (const b of crypto.randomBytes(length * 2)) {
      if (b >= limit) continue;
      s += TRACKING_ALPHABET[b % n];
      if (s.length === length) break;
    }
  }
  return s;
}

/** What the citizen typed, as stored: upper case, without spaces or dashes. */
export function normalizeTrackingCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-－—]/g, '');
}

/** Constant-time equality of two codes (false for different lengths, without comparing further). */
export function trackingCodesEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
