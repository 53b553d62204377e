/** An admin changes the agency's 依申请公开 settings or a letter template; both audited. */
import { writeSetting } from '../settings/agency-settings.ts';
import type { Ctx } from '../context.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { nowIso } from '../db/values.ts';
import { z } from 'zod';
import { recordEvent } from '../audit/record-event.ts';
import { requestPolicy } from './request.policy.ts';
import { requestScope } from './requests.queries.ts';
import {
  getRequestSettings,
  REQUEST_SETTINGS,
  RequestSettingsSchema,
  type RequestSettings,
} from './settings.ts';
import { LETTER_KINDS, fillTemplate, type LetterKind } from './letters.ts';
import { actorName } from './create-request-record.ts';

async function authorize(ctx: Ctx, agencyId: number) {
  const scope = await requestScope(ctx.db, agencyId);
  assertCan(requestPolicy.view(ctx.actor, scope), { hide: true });
  assertCan(requestPolicy.manageSettings(ctx.actor, scope), { message: '只有系统管理员可以修改设置' });
}

/** Replace the given settings (others keep their values). */
export async function updateRequestSettings(
  ctx: Ctx,
  agencyId: number,
  raw: Partial<RequestSettings>,
): Promise<RequestSettings> {
  await authorize(ctx, agencyId);
  const before = await getRequestSettings(ctx.db, agencyId);
  const next = parseInput(RequestSettingsSchema, { ...before, ...raw });
  for (const f of [next.referenceFormat, next.letterNoFormat])
    if (!f.includes('{号}'))
      throw new ValidationError('编号格式必须包含 {号}', { referenceFormat: '缺少 {号}' });
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, agencyId, REQUEST_SETTINGS, next, ctx.clock.now());
    await recordEvent(trx, ctx, {
      action: 'request.settings_updated',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      before,
      after: next,
    });
  });
  return next;
}

const TemplateInput = z.object({
  kind: z.enum(LETTER_KINDS),
  title: z.string().trim().min(1, '请填写标题').max(100),
  body: z.string().trim().min(1, '请填写正文').max(10000),
});

/** Save the agency's version of a letter template. */
export async function updateLetterTemplate(ctx: Ctx, agencyId: number, raw: unknown): Promise<void> {
  await authorize(ctx, agencyId);
  const input = parseInput(TemplateInput, raw);
  fillTemplate(input, {}); // a template that cannot be filled would fail here, not when a letter is due
  const kind = input.kind as LetterKind;
  await ctx.db.transaction().execute(async (trx) => {
    const values = {
      title: input.title,
      body: input.body,
      updated_by_name: actorName(ctx),
      updated_at: nowIso(ctx.clock.now()),
    };
    await trx
      .insertInto('request_letter_templates')
      .values({ agency_id: agencyId, kind, ...values })
      .onConflict((oc) => oc.columns(['agency_id', 'kind']).doUpdateSet(values))
      .execute();
    await recordEvent(trx, ctx, {
      action: 'request.template_updated',
      objectType: 'agency',
      objectId: agencyId,
      agencyId,
      after: { kind, title: input.title },
    });
  });
}
