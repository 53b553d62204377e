/**
 * Which form of a request's page opens expanded: the next likely step for this person, so the page opens at what
 * to do and the other forms stay collapsed (a form with errors also opens, in ActionForm). Pure.
 */
import type { RequestAction, RequestState } from '../requests/request.ts';

export interface NextStepInput {
  status: RequestState;
  /** Transitions the state allows. */
  available: ReadonlySet<RequestAction>;
  canRegister: boolean;
  canHandle: boolean;
  canApprove: boolean;
  /** Notices issued to the applicant whose delivery is not yet recorded. */
  undeliveredNotices: number;
  /** Consultations still waiting for an answer. */
  openConsultations: number;
}

/** The action slug (URL step) of the form to expand, or null when nothing waits on this person. */
export function nextStep(p: NextStepInput): string | null {
  if (p.available.has('confirm') && p.canRegister) return 'confirm';
  if (p.undeliveredNotices > 0 && p.canHandle) return 'notice-delivered';
  if (p.status === 'awaiting_correction' && p.canHandle) return 'corrected';
  if (p.status === 'consulting' && p.openConsultations > 0 && p.canHandle) return 'consult-end';
  if (p.status === 'awaiting_fee' && p.canHandle) return 'fee-paid';
  if (p.available.has('approve_decision') && p.canApprove) return 'approve';
  if (p.available.has('submit_decision') && p.canHandle) return 'decision';
  if (p.status === 'replied' && p.canHandle) return 'deliver';
  return null;
}
