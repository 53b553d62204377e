import type { DbOrTrx } from '../db/database.ts';
import type { Ctx } from '../context.ts';
import type { AuditAction } from './audit-event.ts';
import { maskIdNumbers } from '../logger.ts';

export interface AuditInput {
  action: AuditAction;
  objectType: string;
  objectId?: string | number | null;
  agencyId?: number | null;
  before?: unknown;
  after?: unknown;
  note?: string | null;
}

/**
 * The only writer of audit rows. Call it with the transaction that makes the change, so the change and its
 * audit row commit together. Audit rows are never updated or deleted by any code path.
 */
export async function recordEvent(
  trx: DbOrTrx,
  ctx: Pick<Ctx, 'actor' | 'clock' | 'meta'>,
  e: AuditInput,
): Promise<void> {
  const actor = ctx.actor;
  await trx
    .insertInto('audit_events')
    .values({
      occurred_at: ctx.clock.now().toISOString(),
      actor_user_id: actor.kind === 'user' ? actor.userId : null,
      actor_name: actor.kind === 'public' ? '公众' : actor.name,
      agency_id: e.agencyId ?? (actor.kind === 'user' ? actor.agencyId : null),
      ip: ctx.meta.ip,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId == null ? null : String(e.objectId),
      before_json: e.before === undefined ? null : maskIdNumbers(JSON.stringify(e.before)),
      after_json: e.after === undefined ? null : maskIdNumbers(JSON.stringify(e.after)),
      note: e.note ?? null,
    })
    .execute();
}
