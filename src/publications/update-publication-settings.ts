/**
 * An admin sets how the agency's proactive disclosure works: the 索引号 format and the review chain (who signs each
 * step, and whether 主要领导审定 applies to every item or only to major/sensitive ones). Audited.
 */
import { writeSetting } from '../settings/agency-settings.ts';
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { orgPolicy } from '../org/org.policy.ts';
import { indexFormatProblem } from './index-no.ts';
import {
  indexFormatOf,
  reviewChainOf,
  REVIEW_CHAIN_SETTING,
  INDEX_FORMAT_SETTING,
} from './publications.queries.ts';
import { REVIEW_STEPS, type ReviewChainConfig } from './publication.ts';

const ROLE = z.enum(['drafter', 'office_head', 'deputy_leader', 'principal_leader'], {
  error: '请选择审核人角色',
});

export const PublicationSettingsInput = z.object({
  indexFormat: z.string().trim(),
  roles: z.object({
    first_review: ROLE,
    second_review: ROLE,
    final_review: ROLE,
    principal_approval: ROLE,
  }),
  principalWhen: z.enum(['major', 'always'], { error: '请选择审定范围' }),
});
export type PublicationSettingsInput = z.infer<typeof PublicationSettingsInput>;

export async function updatePublicationSettings(ctx: Ctx, agencyId: number, raw: unknown): Promise<void> {
  assertCan(orgPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const input = parseInput(PublicationSettingsInput, raw);
  const problem = indexFormatProblem(input.indexFormat);
  if (problem) throw new ValidationError(problem, { indexFormat: problem });
  // 初审 is the drafter's own signed check (the seed's 承办人初审): it cannot be given to another role.
  if (input.roles.first_review !== 'drafter') {
    throw new ValidationError('初审由承办人本人签署，不能改由其他角色承担', {
      'roles.first_review': '只能是承办人',
    });
  }
  const chain: ReviewChainConfig = {
    steps: REVIEW_STEPS.map((step) => ({ step, role: input.roles[step] })),
    principalWhen: input.principalWhen,
  };
  const before = {
    indexFormat: await indexFormatOf(ctx.db, agencyId),
    chain: await reviewChainOf(ctx.db, agencyId),
  };
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await writeSetting(trx, agencyId, INDEX_FORMAT_SETTING, input.indexFormat, now);
    await writeSetting(trx, agencyId, REVIEW_CHAIN_SETTING, chain, now);
    await recordEvent(trx, ctx, {
      action: 'settings.update',
      objectType: 'publication_settings',
      objectId: agencyId,
      agencyId,
      before,
      after: { indexFormat: input.indexFormat, chain },
    });
  });
}
