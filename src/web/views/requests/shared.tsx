/** Small pure pieces shared by the 依申请公开 back-office views. */
import { isOpen, type InfoRequest } from '../../../requests/request.ts';

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

export function DueBadge({
  r,
  today,
}: {
  r: Pick<InfoRequest, 'dueOn' | 'dueProvisional' | 'status'>;
  today: string;
}) {
  if (!r.dueOn) return <span class="muted">—</span>;
  // While a 补正 is awaited no reply deadline runs (条例第三十条), so such a request is never shown overdue.
  const open = isOpen(r.status) && r.status !== 'awaiting_correction';
  return (
    <>
      {r.dueOn}
      {r.dueProvisional ? <span class="badge warn">暂定</span> : null}
      {open && r.dueOn < today ? <span class="badge err">逾期</span> : null}
    </>
  );
}
