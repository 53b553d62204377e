/**
 * 业务培训 (the seed report: 上级业务培训 2 次, 乡级业务培训 3 次): held by the agency or attended at a superior's,
 * with date, topic, trainer, attendees (users and named others) and materials; counts per level and attendance per
 * person (listed by name — never ranked).
 */
import { z } from 'zod';
import type { Ctx } from '../context.ts';
import type { DbOrTrx } from '../db/database.ts';
import { parseJson, toNumber } from '../db/values.ts';
import { assertCan, ValidationError } from '../errors.ts';
import { recordEvent } from '../audit/record-event.ts';
import { agencyScope } from '../org/org.queries.ts';
import { supervisionPolicy } from './supervision.policy.ts';
import { dateInput } from '../calendar/date-input.ts';

export const TRAINING_LEVEL_LABELS: Record<string, string> = {
  superior: '上级业务培训',
  township: '本级业务培训',
};
export const TRAINING_MODE_LABELS: Record<string, string> = { held: '本机关举办', attended: '参加上级举办' };

export const TrainingInput = z.object({
  level: z.enum(['superior', 'township'], { message: '请选择培训级别' }),
  mode: z.enum(['held', 'attended'], { message: '请选择举办或参加' }),
  heldOn: dateInput('培训日期'),
  topic: z.string().trim().min(2, '请填写培训主题').max(200, '主题不超过200字'),
  trainer: z.string().trim().min(2, '请填写授课人或举办单位').max(100, '不超过100字'),
  materials: z.string().trim().max(2000, '不超过2000字').default(''),
  attendeeIds: z.array(z.number().int()).default([]),
  others: z.array(z.string().trim().min(1).max(40)).max(300).default([]),
});

export interface Training {
  id: number;
  level: string;
  mode: string;
  heldOn: string;
  topic: string;
  trainer: string;
  materials: string | null;
  others: string[];
  attendees: { id: number; name: string }[];
}

export async function recordTraining(
  ctx: Ctx,
  agencyId: number,
  input: z.infer<typeof TrainingInput>,
): Promise<number> {
  assertCan(supervisionPolicy.manage(ctx.actor, await agencyScope(ctx.db, agencyId)));
  if (input.heldOn > ctx.clock.today())
    throw new ValidationError('培训日期不能晚于今天', { heldOn: '请登记已举行的培训' });
  if (!input.attendeeIds.length && !input.others.length)
    throw new ValidationError('请至少登记一名参训人员', { attendeeIds: '请选择参训人员或填写其他参训人员' });
  const valid = input.attendeeIds.length
    ? await ctx.db
        .selectFrom('users')
        .select('id')
        .where('agency_id', '=', agencyId)
        .where('id', 'in', input.attendeeIds)
        .execute()
    : [];
  if (valid.length !== new Set(input.attendeeIds).size)
    throw new ValidationError('参训人员须为本机关用户', { attendeeIds: '参训人员有误' });
  const by = ctx.actor.kind === 'user' ? ctx.actor.name : '系统';
  return ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('sv_trainings')
      .values({
        agency_id: agencyId,
        level: input.level,
        mode: input.mode,
        held_on: input.heldOn,
        topic: input.topic,
        trainer: input.trainer,
        materials: input.materials || null,
        others_json: JSON.stringify(input.others),
        created_by_name: by,
        created_at: ctx.clock.now().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const id = toNumber(r.id);
    if (valid.length)
      await trx
        .insertInto('sv_training_attendees')
        .values(valid.map((u) => ({ training_id: id, user_id: toNumber(u.id) })))
        .execute();
    await recordEvent(trx, ctx, {
      action: 'supervision.training_recorded',
      objectType: 'sv_training',
      objectId: id,
      agencyId,
      after: {
        level: input.level,
        heldOn: input.heldOn,
        topic: input.topic,
        attendees: valid.length + input.others.length,
      },
    });
    return id;
  });
}

export async function listTrainings(db: DbOrTrx, agencyId: number, year: number): Promise<Training[]> {
  const rows = await db
    .selectFrom('sv_trainings')
    .selectAll()
    .where('agency_id', '=', agencyId)
    .where('held_on', '>=', `${year}-01-01`)
    .where('held_on', '<=', `${year}-12-31`)
    .orderBy('held_on')
    .execute();
  const att = rows.length
    ? await db
        .selectFrom('sv_training_attendees')
        .innerJoin('users', 'users.id', 'sv_training_attendees.user_id')
        .select(['sv_training_attendees.training_id', 'users.id', 'users.display_name'])
        .where(
          'training_id',
          'in',
          rows.map((r) => r.id),
        )
        .execute()
    : [];
  return rows.map((r) => ({
    id: toNumber(r.id),
    level: r.level,
    mode: r.mode,
    heldOn: r.held_on,
    topic: r.topic,
    trainer: r.trainer,
    materials: r.materials,
    others: parseJson<string[]>(r.others_json, []),
    attendees: att
      .filter((a) => toNumber(a.training_id) === toNumber(r.id))
      .map((a) => ({ id: toNumber(a.id), name: a.display_name })),
  }));
}

/** Attendance per person over the year, in name order (a record of who took part, not a ranking). */
export function attendanceByPerson(ts: Training[]): { name: string; count: number }[] {
  const m = new Map<string, number>();
  for (const t of ts)
    for (const n of [...t.attendees.map((a) => a.name), ...t.others]) m.set(n, (m.get(n) ?? 0) + 1);
  return [...m].map(([name, count]) => ({ name, count })).sort((a, b) => a.name.localeCompare(b.name, 'zh'));
}
