import crypto from 'node:crypto';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import { passwordProblem } from './password-policy.ts';

export { passwordProblem } from './password-policy.ts';

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

/** A one-time password that satisfies the policy (demo accounts, resets): 14 characters, 4 classes. */
export function generatePassword(): string {
  for (;;) {
    const pw = randomPassword();
    if (!passwordProblem(pw)) return pw; // a random draw can, rarely, hold a run like "abcde"
  }
}

function randomPassword(): string {
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
