/** The findings of the report checks, with the reason a warning was acknowledged. Pure. */
import type { Finding } from '../../../annual-report/index.ts';
import { fingerprintOf } from '../../../annual-report/generator/report.ts';

const SEVERITY = { error: '错误', warning: '警告', info: '提示' } as const;

export function FindingList({ findings, acked }: { findings: Finding[]; acked: Map<string, string> }) {
  const shown = findings.filter((f) => f.severity !== 'info');
  if (!shown.length) return <p class="muted">全部检查通过。</p>;
  return (
    <ul class="findings">
      {shown.map((f) => (
        <li>
          <span class={f.severity === 'error' ? 'badge err' : 'badge warn'}>{SEVERITY[f.severity]}</span>{' '}
          <code>{f.rule}</code> {f.message}
          {acked.has(fingerprintOf(f)) ? (
            <span class="muted">（已确认：{acked.get(fingerprintOf(f))}）</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
