/** Change an agency's 监督保障 settings (回头看 days, 错敏词, the leaders' roster, external links): audited. */
import type { Ctx } from '../context.ts';
import { assertCan, fromZod, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope } from '../org/org.queries.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import {
  SupervisionSettingsSchema,
  settingsOf,
  writeSettings,
  type SupervisionSettings,
} from './supervision.queries.ts';

/** The settings form as typed: days separated by commas, one word per line, one “职务 姓名” per line. */
export interface SettingsText {
  followUpDays: string;
  sensitiveWords: string;
  leaders: string;
  checkExternalLinks: boolean;
  externalLinkLimit: string;
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** Parse the typed settings; a malformed line or value is a ValidationError naming the field. */
export function parseSettings(t: SettingsText): SupervisionSettings {
  const leaders = lines(t.leaders).map((l) => {
    const m = /^(\S+)\s+(\S+)$/.exec(l);
    if (!m) throw new ValidationError(`领导名单格式应为“职务 姓名”：${l}`, { leaders: `第一处错误：${l}` });
    return { post: m[1]!, name: m[2]! };
  });
  const parsed = SupervisionSettingsSchema.safeParse({
    followUpDays: t.followUpDays
      .split(/[,，\s]+/)
      .filter(Boolean)
      .map(Number),
    sensitiveWords: [...new Set(lines(t.sensitiveWords))],
    leaders,
    checkExternalLinks: t.checkExternalLinks,
    externalLinkLimit: Number(t.externalLinkLimit || 20),
  });
  if (!parsed.success) {
    const e = fromZod(parsed.error);
    throw new ValidationError(
      e.fieldErrors.followUpDays ? '回头看时间应为1至730之间的整数天数，最多5个' : e.message,
      e.fieldErrors,
    );
  }
  return parsed.data;
}

/** Write the settings and their audit row (before → after) in one transaction: the agency's own staff only. */
export async function saveSettings(ctx: Ctx, agencyId: number, text: SettingsText): Promise<void> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  const settings = parseSettings(text);
  const before = await settingsOf(ctx.db, agencyId);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSettings(trx, agencyId, settings, ctx.clock.now().toISOString());
    await recordEvent(trx, ctx, {
      action: 'supervision.settings_changed',
      objectType: 'agency',
      objectId: agencyId,
      before,
      after: settings,
    });
  });
}
