/** Pieces shared by the 依申请公开 back-office pages. */
import type { FormState } from '../../views/forms.tsx';
import { ValidationError, isDomainError } from '../../../errors.ts';
import type { InfoRequest } from '../../../requests/request.ts';

export const BASE = '/office/requests';
export const opts = <T extends string>(ids: readonly T[], labels: Record<T, string>) =>
  ids.map((v) => ({ value: v, label: labels[v] }));

export function Interp() {
  return (
    <span class="badge warn" title="法规未明确规定，按本系统默认解释，可在设置中调整">
      解释
    </span>
  );
}

export function formOf(e: unknown, values: FormState['values']): FormState | null {
  if (e instanceof ValidationError) return { values, errors: e.fieldErrors, message: e.message };
  if (isDomainError(e) && (e.code === 'invalid_state' || e.code === 'conflict' || e.code === 'too_large'))
    return { values, errors: {}, message: e.message };
  return null;
}

export function DueBadge({
  r,
  today,
}: {
  r: Pick<InfoRequest, 'dueOn' | 'dueProvisional' | 'status'>;
  today: string;
}) {
  if (!r.dueOn) return <span class="muted">—</span>;
  const open = ['accepted', 'consulting', 'awaiting_fee', 'extended', 'pending_approval'].includes(r.status);
  return (
    <>
      {r.dueOn}
      {r.dueProvisional ? <span class="badge warn">暂定</span> : null}
      {open && r.dueOn < today ? <span class="badge err">逾期</span> : null}
    </>
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Ledger
