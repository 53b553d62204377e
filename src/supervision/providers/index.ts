/**
 * The daily checks' providers: the core ones, then those other features bring through their index.ts (村级公开:
 * items past their cadence, late 决议公开; 互动交流: messages past their deadline, late 采纳情况).
 */
import type { CheckProvider } from '../check-provider.ts';
import { VILLAGE_CHECK_PROVIDERS } from '../../villages/index.ts';
import { INQUIRY_CHECK_PROVIDERS } from '../../inquiries/index.ts';
import { CORE_PROVIDERS } from './core-providers.ts';

export function checkProviders(): readonly CheckProvider[] {
  return [...CORE_PROVIDERS, ...VILLAGE_CHECK_PROVIDERS, ...INQUIRY_CHECK_PROVIDERS];
}

export function providerOf(kind: string | null): CheckProvider | undefined {
  return kind ? checkProviders().find((p) => p.kind === kind) : undefined;
}

export const providerLabels = (): Record<string, string> =>
  Object.fromEntries(checkProviders().map((p) => [p.kind, p.label]));
