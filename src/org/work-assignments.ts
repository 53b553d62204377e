/**
 * An admin's reassignment of a waiting step to a named person (issue 10): written by the features' reassign use
 * cases inside their transaction (with their audit row); read by acting-persons.ts, where the newest one wins.
 */
import type { Trx } from '../db/database.ts';
import { ValidationError } from '../errors.ts';

export interface NewAssignment {
  agencyId: number;
  objectType: string;
  objectId: number;
  step: string;
  userId: number;
  reason: string;
  assignedByName: string;
  at: string;
}

/** Check the person is an active user of the agency, then record the assignment. */
export async function insertAssignment(trx: Trx, a: NewAssignment): Promise<{ displayName: string }> {
  const user = await trx
    .selectFrom('users')
    .select(['display_name', 'is_active', 'agency_id'])
    .where('id', '=', a.userId)
    .executeTakeFirst();
  if (!user || user.agency_id !== a.agencyId || Number(user.is_active) !== 1)
    throw new ValidationError('请选择本机关在职的工作人员', { userId: '请选择指派给谁' });
  await trx
    .insertInto('work_assignments')
    .values({
      agency_id: a.agencyId,
      object_type: a.objectType,
      object_id: a.objectId,
      step: a.step,
      user_id: a.userId,
      reason: a.reason,
      assigned_by_name: a.assignedByName,
      created_at: a.at,
    })
    .execute();
  return { displayName: user.display_name };
}
