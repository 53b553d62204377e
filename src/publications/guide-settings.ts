/**
 * What the 信息公开指南 must tell a citizen about where to apply (条例第二十二条: 受理机构的名称、办公地址、办公时间、
 * 联系电话、传真号码、互联网联系方式): per agency, edited by its admin or clerk, shown on /guide and printed on the
 * paper application form (application-form.ts).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { recordEvent } from '../audit/record-event.ts';
import { assertCan, parseInput } from '../errors.ts';
import { agencyScope } from '../org/org.queries.ts';
import { defineSetting, readSetting, writeSetting } from '../settings/agency-settings.ts';
import { touchPortal } from '../portal/portal-version.ts';
import { publicationPolicy } from './publication.policy.ts';
import { phoneError } from '../validation/phone-numbers.ts';

const line = (label: string, max: number) =>
  z
    .string({ error: `请填写${label}` })
    .trim()
    .max(max, `${label}不能超过${max}个字`);

export const GuideContactSchema = z.object({
  office: line('受理机构', 100),
  address: line('办公地址', 200),
  postcode: z
    .string()
    .trim()
    .refine((s) => s === '' || /^\d{6}$/.test(s), '邮政编码应为6位数字'),
  hours: line('办公时间', 200),
  phone: z
    .string()
    .trim()
    .refine((s) => s === '' || !phoneError(s), '联系电话格式不正确（固定电话请带区号，如 0972-8321234）'),
  fax: z
    .string()
    .trim()
    .refine((s) => s === '' || !phoneError(s), '传真号码格式不正确'),
  email: z
    .string()
    .trim()
    .refine((s) => s === '' || z.email().safeParse(s).success, '电子邮箱格式不正确'),
});
export type GuideContact = z.infer<typeof GuideContactSchema>;

export const EMPTY_GUIDE_CONTACT: GuideContact = {
  office: '',
  address: '',
  postcode: '',
  hours: '',
  phone: '',
  fax: '',
  email: '',
};

export const GUIDE_CONTACT_SETTING = defineSetting(
  'portal.guide_contact',
  GuideContactSchema,
  EMPTY_GUIDE_CONTACT,
);

/** The agency's 受理机构 details (empty strings where not yet set). */
export function readGuideContact(db: DbOrTrx, agencyId: number): Promise<GuideContact> {
  return readSetting(db, agencyId, GUIDE_CONTACT_SETTING);
}

/** Save the 受理机构 details (admin or clerk of the agency); audited, and the portal's pages refreshed. */
export async function saveGuideContact(ctx: Ctx, agencyId: number, raw: unknown): Promise<GuideContact> {
  assertCan(publicationPolicy.managePages(ctx.actor, await agencyScope(ctx.db, agencyId)), {
    message: '只有管理员或政务公开工作机构可以修改信息公开指南',
  });
  const input = parseInput(GuideContactSchema, raw);
  const before = await readGuideContact(ctx.db, agencyId);
  await ctx.db.transaction().execute(async (trx) => {
    await writeSetting(trx, agencyId, GUIDE_CONTACT_SETTING, input, ctx.clock.now());
    await recordEvent(trx, ctx, {
      action: 'portal.guide_contact_saved',
      objectType: 'portal_page',
      objectId: `${agencyId}:guide`,
      agencyId,
      before,
      after: input,
    });
    await touchPortal(trx);
  });
  return input;
}
