/**
 * A piece of work waiting for named persons (the "待我处理" inbox, the handover notifications and the no-dead-ends
 * test all read it). Features compute their items; this shared type keeps the inbox free of any one feature.
 */
import type { DbOrTrx } from '../db/database.ts';
import type { ActingPersons } from '../org/acting-persons.ts';

export interface WaitingItem {
  /** Notification kind, e.g. 'request.approval' (never shown; `label` is the Chinese text). */
  kind: string;
  /** What waits, in Chinese, e.g. “待审批”. */
  label: string;
  /** What the item is: 'info_request', 'publication', 'village_disclosure', 'village_objection', 'inquiry', 'sv_problem'. */
  objectType: string;
  objectId: number;
  /** The step an admin may reassign (a key of work_assignments), or null when it follows the handler. */
  step: string | null;
  /** The item's title or reference, as people know it. */
  title: string;
  /** A line of context: the reason of a return, the deadline, who asked. */
  detail: string | null;
  link: string;
  persons: ActingPersons;
  /** The due date, when the item has one (sorted first; due-soon items show it). */
  dueOn: string | null;
  /** Shown in the inbox (false: only counted as work somebody holds, e.g. a request being handled, not yet due). */
  inbox: boolean;
}

/** A feature's waiting items of one agency (its manifest's `waiting`; `today` is the Beijing date). */
export type WaitingSource = (db: DbOrTrx, agencyId: number, today: string) => Promise<WaitingItem[]>;
