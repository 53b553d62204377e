/** The error for a report file that cannot be checked at all (CLI exit 2, web form error). */
import { DomainError } from '../errors.ts';

export type ReportInputProblem =
  'empty' | 'too_large' | 'binary' | 'not_docx' | 'not_pdf' | 'scanned_pdf' | 'unsupported' | 'not_report';

export class ReportInputError extends DomainError {
  constructor(
    readonly problem: ReportInputProblem,
    message: string,
  ) {
    super(problem === 'too_large' ? 'too_large' : 'validation', message);
    this.name = 'ReportInputError';
  }
}
