/**
 * 四议两公开 (《中国共产党农村基层组织工作条例》第十九条: 村级重大事项决策实行“四议两公开”): 村党组织提议、
 * 村“两委”会议商议、党员大会审议、村民会议或者村民代表会议决议；决议公开、实施结果公开. Pure checks of a record:
 * - the four steps happen in that order;
 * - 党员大会: at least two thirds of the party members present (the usual quorum of a 党员大会), more than half of
 *   those present agree;
 * - 村民会议 (《村民委员会组织法》第二十二条): more than half of the adult villagers, or two thirds of the households'
 *   representatives, present; decisions by more than half of those present;
 * - 村民代表会议 (第二十六条): more than two thirds of the representatives present; decisions by more than half of
 *   those present.
 */
export const ASSEMBLY_KINDS = ['villager_meeting', 'representatives'] as const;
export type AssemblyKind = (typeof ASSEMBLY_KINDS)[number];
export const ASSEMBLY_LABELS: Record<AssemblyKind, string> = {
  villager_meeting: '村民会议',
  representatives: '村民代表会议',
};

export interface DecisionRecord {
  proposedOn: string;
  consultedOn: string;
  partyMeetingOn: string;
  partyTotal: number;
  partyPresent: number;
  partyAgree: number;
  assemblyKind: AssemblyKind;
  assemblyOn: string;
  assemblyTotal: number;
  assemblyPresent: number;
  assemblyAgree: number;
}

/** Problems of a record, by field (empty: valid). */
export function checkDecision(d: DecisionRecord): Record<string, string> {
  const e: Record<string, string> = {};
  if (d.consultedOn < d.proposedOn) e.consultedOn = '两委商议不能早于党支部提议';
  if (d.partyMeetingOn < d.consultedOn) e.partyMeetingOn = '党员大会审议不能早于两委商议';
  if (d.assemblyOn < d.partyMeetingOn) e.assemblyOn = '村民（代表）会议决议不能早于党员大会审议';
  if (d.partyPresent > d.partyTotal) e.partyPresent = '到会党员不能多于应到党员';
  else if (d.partyPresent * 3 < d.partyTotal * 2)
    e.partyPresent = `党员大会到会${d.partyPresent}人，不足应到${d.partyTotal}人的三分之二，审议无效`;
  if (d.partyAgree > d.partyPresent) e.partyAgree = '同意人数不能多于到会人数';
  else if (d.partyAgree * 2 <= d.partyPresent) e.partyAgree = '同意人数未超过到会党员的半数，审议未通过';
  if (d.assemblyPresent > d.assemblyTotal) e.assemblyPresent = '到会人数不能多于应到人数';
  else if (
    d.assemblyKind === 'representatives'
      ? d.assemblyPresent * 3 <= d.assemblyTotal * 2
      : d.assemblyPresent * 2 <= d.assemblyTotal
  )
    e.assemblyPresent =
      d.assemblyKind === 'representatives'
        ? `村民代表会议须有三分之二以上代表参加（组织法第二十六条），本次${d.assemblyPresent}/${d.assemblyTotal}`
        : `村民会议须有过半数村民参加（组织法第二十二条），本次${d.assemblyPresent}/${d.assemblyTotal}`;
  if (d.assemblyAgree > d.assemblyPresent) e.assemblyAgree = '同意人数不能多于到会人数';
  else if (d.assemblyAgree * 2 <= d.assemblyPresent)
    e.assemblyAgree = '同意人数未超过到会人员的半数，决议未通过';
  return e;
}

export const DECISION_STATUSES = ['resolution_pending', 'result_pending', 'complete'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];
export const DECISION_STATUS_LABELS: Record<DecisionStatus, string> = {
  resolution_pending: '待决议公开',
  result_pending: '决议已公开，待实施结果公开',
  complete: '两公开已完成',
};

/** Days after the resolution by which the 决议公开 is due (涉及村民利益的重大事项应当随时公布, 第三十条). */
export const RESOLUTION_DUE_DAYS = 5;
