/**
 * The daily checks' providers: the core ones, then those other features bring (imported through their index.ts —
 * src/villages and src/inquiries add their providers here when they land).
 */
import type { CheckProvider } from '../check-provider.ts';
import { CORE_PROVIDERS } from './core-providers.ts';

export function checkProviders(): readonly CheckProvider[] {
  return [...CORE_PROVIDERS];
}

export function providerOf(kind: string | null): CheckProvider | undefined {
  return kind ? checkProviders().find((p) => p.kind === kind) : undefined;
}

export const providerLabels = (): Record<string, string> =>
  Object.fromEntries(checkProviders().map((p) => [p.kind, p.label]));
