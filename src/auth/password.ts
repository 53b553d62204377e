import crypto from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';

/**
 * Password rules of a level-3 system (GB/T 22239-2019 identity authentication): at least 10 characters
 * from at least 3 of the classes lower case, upper case, digits, symbols. Returns a Chinese reason or null.
 */
export function passwordProblem(pw: string, username?: string): string | null {
  if (pw.length < 10) return '密码至少需要10个字符';
  if (pw.length > 128) return '密码不能超过128个字符';
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) return '密码需包含大写字母、小写字母、数字、符号中的至少三类';
  if (username && pw.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}

// OWASP-recommended argon2id parameters (19 MiB, 2 passes).
const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(pw: string): Promise<string> {
  return hash(pw, OPTIONS);
}

export async function verifyPassword(stored: string, pw: string): Promise<boolean> {
  try {
    return await verify(stored, pw);
  } catch {
    return false;
  }
}

/** A one-time password that satisfies the rules (demo accounts, resets): 14 characters, 4 classes. */
export function generatePassword(): string {
  const sets = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '!@#%*-+='];
  const all = sets.join('');
  const chars = sets.map((s) => s[crypto.randomInt(s.length)]!);
  while (chars.length < 14) chars.push(all[crypto.randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = crypto.randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** A hash that never verifies, used to keep sign-in timing equal for unknown users. */
export const DUMMY_HASH = hashPassword(crypto.randomBytes(16).toString('hex'));
