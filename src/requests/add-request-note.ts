/** A handling note (guidance given, search made, phone call …) kept with the file (条例第四十五条). */
import type { Ctx } from '../context.ts';
import { parseInput } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { NoteInput } from './request.schema.ts';
import { requestStep } from './request-step.ts';
import { actorName } from './create-request-record.ts';

export async function addRequestNote(ctx: Ctx, id: number, raw: unknown) {
  const input = parseInput(NoteInput, raw);
  return requestStep(ctx, id, {
    policy: 'handle',
    audit: 'request.note_added',
    async run({ trx }) {
      await trx
        .insertInto('request_notes')
        .values({
          request_id: id,
          kind: 'note',
          body: input.body,
          author_id: ctx.actor.kind === 'user' ? ctx.actor.userId : null,
          author_name: actorName(ctx),
          created_at: nowIso(ctx.clock.now()),
        })
        .execute();
      return {};
    },
  });
}
