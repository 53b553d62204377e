/**
 * The supervision problems that concern one village (src/supervision/village-problems.ts), on its back-office page:
 * who is responsible, the deadline, the status, 销号 and 回头看, read-only unless the village itself rectifies. Pure.
 */
import type { VillageProblem } from '../../../supervision/index.ts';
import { statusLabel, isOverdue, UNIT_KIND_LABELS } from '../../../supervision/problem.ts';

const PROBLEMS = '/office/supervision/problems';

export function VillageProblemsView(props: {
  villageId: number;
  problems: readonly VillageProblem[];
  today: string;
}) {
  const { problems, today, villageId } = props;
  return (
    <section id="village-problems">
      <h2>涉及本村的督查问题（{problems.length}）</h2>
      {problems.length === 0 ? (
        <p class="empty">暂无督查发现的问题</p>
      ) : (
        <div class="table-scroll" tabindex={0}>
          <table class="data">
            <thead>
              <tr>
                <th>问题</th>
                <th>责任单位</th>
                <th>整改期限</th>
                <th>状态</th>
                <th>销号</th>
                <th>回头看</th>
              </tr>
            </thead>
            <tbody>
              {problems.map((v) => {
                const p = v.problem;
                const ours = p.unitKind === 'village' && p.unitId === villageId;
                return (
                  <tr>
                    <td>
                      <a href={`${PROBLEMS}/${p.id}`}>{p.title}</a>
                      <br />
                      <span class="muted">
                        {p.reference}，{p.foundOn}发现
                      </span>
                    </td>
                    <td>
                      {p.unitName}
                      {ours ? '' : `（${UNIT_KIND_LABELS[p.unitKind] ?? ''}，本村只读）`}
                      <br />
                      <span class="muted">责任人：{p.responsibleName}</span>
                    </td>
                    <td>{p.deadline}</td>
                    <td>
                      <span
                        class={
                          isOverdue(p, today)
                            ? 'badge err'
                            : p.status === 'closed'
                              ? 'badge ok'
                              : 'badge warn'
                        }
                      >
                        {statusLabel(
                          {
                            status: p.status,
                            deadline: p.deadline,
                            isRecurring: p.isRecurring,
                            pendingFollowUps: v.pendingFollowUps,
                            supervisionWaiting: v.supervisionWaiting,
                          },
                          today,
                        )}
                      </span>
                      {v.canRectify ? (
                        <>
                          {' '}
                          <a href={`${PROBLEMS}/${p.id}#rectify`}>去整改</a>
                        </>
                      ) : null}
                    </td>
                    <td>{p.closedOn ? `${p.closedOn} ${p.closedByName ?? ''}` : '未销号'}</td>
                    <td>{v.followUpText || '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
