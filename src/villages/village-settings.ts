/**
 * The township's 村级公开 settings, one JSON value in agency_settings under `villages`; missing keys take the
 * defaults. The answer period for villagers' queries is the township's rule (default 10 days); 第三十一条 lets a
 * villager go to the township when the committee does not answer.
 */
import { z } from 'zod';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson } from '../db/values.ts';
import { fixedStatement, runFixed } from '../db/fixed-statement.ts';

export const SETTINGS_KEY = 'villages';

export const VillageSettingsSchema = z.object({
  /** Days the village has to answer or re-publish after an objection, before it escalates (第三十一条). */
  answerDays: z.coerce.number().int().min(1, '答复期限至少1天').max(60, '答复期限最多60天').default(10),
  objectionNameRequired: z.boolean().default(false),
  objectionPhoneRequired: z.boolean().default(true),
  /** Days before a due date the liaison is reminded. */
  remindDaysBefore: z.coerce.number().int().min(1).max(30).default(5),
  /** Day of the month after the period by which a periodic item is due. */
  dueDay: z.coerce.number().int().min(1).max(28).default(10),
});
export type VillageSettings = z.infer<typeof VillageSettingsSchema>;
export const DEFAULT_VILLAGE_SETTINGS: VillageSettings = VillageSettingsSchema.parse({});

const settingsStatement = fixedStatement(['agencyId'], (db, p) =>
  db
    .selectFrom('agency_settings')
    .select('value_json')
    .where('agency_id', '=', p.agencyId)
    .where('key', '=', SETTINGS_KEY),
);

export async function getVillageSettings(db: DbOrTrx, agencyId: number): Promise<VillageSettings> {
  const [row] = await runFixed(db, settingsStatement(db, { agencyId }));
  const r = VillageSettingsSchema.safeParse(parseJson(row?.value_json, {}));
  return r.success ? r.data : DEFAULT_VILLAGE_SETTINGS;
}
