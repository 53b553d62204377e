/**
 * Record that a published item went out through a channel, on the day it did (and the link, where there is one):
 * the annual report's narrative counts only these records — generating an article or a message is not publishing.
 */
import type { Ctx } from '../context.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput, ValidationError } from '../errors.ts';
import { publicationPolicy } from './publication.policy.ts';
import { ChannelInput } from './publication.schema.ts';
import { loadPublication } from './publication-context.ts';

export const CHANNELS = [
  'portal',
  'wechat_account',
  'wechat_group',
  'notice_board',
  'reading_point',
] as const;
export type Channel = (typeof CHANNELS)[number];
export const CHANNEL_LABELS: Record<Channel, string> = {
  portal: '门户网站',
  wechat_account: '微信公众号',
  wechat_group: '工作微信群',
  notice_board: '公开栏',
  reading_point: '查询点',
};

export async function recordChannel(ctx: Ctx, id: number, raw: unknown): Promise<void> {
  const input = parseInput(ChannelInput, raw);
  const { item, scope } = await loadPublication(ctx, id);
  assertCan(publicationPolicy.useChannel(ctx.actor, scope, item), {
    message: '只有已发布的信息可以通过其他渠道发布',
  });
  if (input.usedOn > ctx.clock.today())
    throw new ValidationError('发出日期不能晚于今天', { usedOn: '不能晚于今天' });
  if (item.publishedOn && input.usedOn < item.publishedOn)
    throw new ValidationError(`发出日期不能早于门户网站发布日期（${item.publishedOn}）`, {
      usedOn: `不能早于${item.publishedOn}`,
    });
  await ctx.db.transaction().execute(async (trx) => {
    const now = ctx.clock.now();
    await trx
      .insertInto('publication_channels')
      .values({
        publication_id: id,
        agency_id: item.agencyId,
        channel: input.channel,
        used_at: now.toISOString(),
        used_on: input.usedOn,
        user_name: ctx.actor.kind === 'user' ? ctx.actor.name : '系统',
        note: input.note,
        link: input.link,
      })
      .execute();
    await recordEvent(trx, ctx, {
      action: 'publication.channel_used',
      objectType: 'publication',
      objectId: id,
      agencyId: item.agencyId,
      after: { channel: input.channel, usedOn: input.usedOn, link: input.link },
    });
  });
}
