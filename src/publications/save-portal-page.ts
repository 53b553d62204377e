/** Save the 信息公开指南 or 信息公开制度 page of an agency (sanitised; scripts refused). */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { publicationPolicy } from './publication.policy.ts';
import { PortalPageInput } from './publication.schema.ts';
import { activeContentProblem, sanitizeBody } from './sanitize-body.ts';
import { findPortalPage } from './publications.queries.ts';
import { touchPortal } from '../portal/portal-version.ts';

export const PORTAL_PAGE_SLUGS = { guide: '信息公开指南', rules: '信息公开制度' } as const;
export type PortalPageSlug = keyof typeof PORTAL_PAGE_SLUGS;

export async function savePortalPage(
  ctx: Ctx,
  agencyId: number,
  slug: PortalPageSlug,
  raw: unknown,
): Promise<void> {
  assertCan(publicationPolicy.managePages(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有管理员或政务公开工作机构可以修改此页面',
  });
  const input = parseInput(PortalPageInput, raw);
  const problem = activeContentProblem(input.body);
  if (problem) throw new ValidationError(problem, { body: problem });
  const html = sanitizeBody(input.body);
  const before = await findPortalPage(ctx.db, agencyId, slug);
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now().toISOString();
    const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
    const version = (before?.version ?? 0) + 1;
    await trx
      .insertInto('portal_pages')
      .values({
        agency_id: agencyId,
        slug,
        title: input.title,
        body_html: html,
        version,
        updated_by: by,
        updated_at: now,
      })
      .onConflict((oc) =>
        oc
          .columns(['agency_id', 'slug'])
          .doUpdateSet({ title: input.title, body_html: html, version, updated_by: by, updated_at: now }),
      )
      .execute();
    await recordEvent(trx, ctx, {
      action: 'portal.page_saved',
      objectType: 'portal_page',
      objectId: `${agencyId}:${slug}`,
      agencyId,
      before: before ? { title: before.title, version: before.version } : undefined,
      after: { title: input.title, version },
    });
    await touchPortal(trx);
  });
}
