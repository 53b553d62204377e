/** Small shared bits of the village pages. */
import { STATUS_LABELS, type DisclosureStatus } from '../village-disclosure.ts';
import { beijingDateTime } from '../../beijing-time.ts';

/** An instant shown in Beijing time. */
export const bjTime = (iso: string | null) => (iso ? beijingDateTime(iso) : '');

export function StatusBadge({ status }: { status: DisclosureStatus }) {
  return <span class={`vd-status vd-${status}`}>{STATUS_LABELS[status]}</span>;
}

export function VillageAssets() {
  return (
    <>
      <link rel="stylesheet" href="/assets/villages.css" />
      <script src="/assets/villages.js" defer></script>
    </>
  );
}

/** '张三' → '张某' (a villager's name on public pages). */
export const maskedName = (n: string | null) => (n ? Array.from(n)[0] + '某' : '匿名村民');
