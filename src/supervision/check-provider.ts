/**
 * The daily checks (每日巡查) are pluggable: each provider looks at one kind of record of an agency and returns hits.
 * A hit of kind 'problem' becomes a problem in the agency's ledger (once per key while it is not closed); a hit of
 * kind 'reminder' only notifies the people named. A problem a provider recorded is machine-checkable: 销号 and
 * 回头看 re-run the provider and look for the same key. The list is `checkProviders()` in providers/index.ts: the core
 * providers and those other features export through their index.ts (src/villages, src/inquiries when they land).
 */
import type { Ctx } from '../context.ts';
import type { Agency } from '../org/org.ts';
import type { SupervisionSettings } from './supervision.queries.ts';

export interface CheckHit {
  /** Stable identity of what is wrong (e.g. 'stale_column:12'), used to dedupe and to re-check. */
  key: string;
  kind: 'problem' | 'reminder';
  title: string;
  description: string;
  unitKind: 'office' | 'village' | 'agency';
  unitId: number | null;
  responsibleUserId: number | null;
  /** Link to the record concerned (an internal path). */
  link: string | null;
  /** Reminders: who is told. */
  notifyUserIds?: number[];
  /** The agency whose ledger gets the problem, when it is not the agency checked (county → township). */
  agencyId?: number;
  /** Calendar days given to rectify (default DEFAULT_RECTIFY_DAYS). */
  rectifyDays?: number;
}

export interface CheckProvider {
  kind: string;
  label: string;
  /** Which agencies it looks at (default: every agency). */
  appliesTo?(agency: Agency): boolean;
  run(ctx: Ctx, agency: Agency, settings: SupervisionSettings): Promise<CheckHit[]>;
}
