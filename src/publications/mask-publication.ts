/** One-click masking: replace every maskable scan hit in the draft's title and body by its masked form. */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, ConflictError } from '../errors.ts';
import { publicationPolicy } from './publication.policy.ts';
import { loadPublication, reindexPublication } from './publication-context.ts';
import { maskHtml, maskText, scanText } from './secrecy-scan.ts';
import { htmlToText } from './sanitize-body.ts';

export async function maskPublication(ctx: Ctx, id: number, version: number): Promise<number> {
  const { item, scope, facts } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.edit(ctx.actor, scope, facts), {
    message: '只有草稿或已退回的信息可以脱敏修改',
  });
  if (version !== item.version) throw new ConflictError();
  const titleHits = scanText(item.title).filter((h) => h.masked != null);
  const title = maskText(item.title, titleHits);
  const body = maskHtml(item.bodyHtml);
  const count = titleHits.length + body.masked;
  if (count === 0) return 0;
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    const r = await trx
      .updateTable('publications')
      .set({
        title,
        body_html: body.html,
        body_text: htmlToText(body.html),
        updated_at: now.toISOString(),
        version: item.version + 1,
      })
      .where('id', '=', id)
      .where('version', '=', item.version)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new ConflictError();
    // The masked values are not written to the audit log (they are what must not leak).
    await recordEvent(trx, ctx, {
      action: 'publication.masked',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      after: { masked: count },
    });
    await reindexPublication(trx, id, now);
  });
  return count;
}
