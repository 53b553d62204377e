/**
 * Shared by the steps that close a request without a reply decision (视为放弃, 撤回): the outcome, its Table B
 * row under the agency's mapping, and the closing day.
 */
import type { Outcome } from './request.ts';
import { reportRowOf, type RequestSettings } from './settings.ts';

export function closingPatch(settings: RequestSettings, outcome: Outcome, today: string, received: boolean) {
  return {
    outcome,
    report_row: reportRowOf(settings, outcome),
    // A request never received (withdrawn while awaiting confirmation) is not counted in Table B.
    closed_on: received ? today : null,
  };
}
