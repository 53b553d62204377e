/**
 * Routing of a new message: the office the citizen chose, else the agency's rules (topic and village first, then
 * topic alone), else none — the clerk routes it. Pure over the rules.
 */
export interface RoutingRule {
  id: number;
  topic: string;
  villageId: number | null;
  officeId: number;
}

export function suggestOffice(
  rules: readonly RoutingRule[],
  m: { topic: string; villageId: number | null; officeChosenId: number | null },
): { officeId: number | null; why: string } {
  if (m.officeChosenId != null) return { officeId: m.officeChosenId, why: '留言人选择的单位' };
  const exact = rules.find((r) => r.topic === m.topic && r.villageId != null && r.villageId === m.villageId);
  if (exact) return { officeId: exact.officeId, why: `分办规则：${m.topic}（按村）` };
  const byTopic = rules.find((r) => r.topic === m.topic && r.villageId == null);
  if (byTopic) return { officeId: byTopic.officeId, why: `分办规则：${m.topic}` };
  return { officeId: null, why: '无匹配的分办规则，由工作人员分办' };
}
