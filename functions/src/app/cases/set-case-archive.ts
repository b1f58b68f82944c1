import type { LocalDate } from '../../domain/calendar';
import {
  archiveFor,
  caseNotClosed,
  publishedRules,
  setCaseArchive as setArchive,
  validateFieldValues,
  type CaseState,
} from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { AppError } from '../errors';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';
import { archiveContextOf, outcomeOf } from './close-case';

const archiveRefused = (code: string, message: string, path = 'body.triggerDate') =>
  new AppError('rule-violation', code, message, { errors: [{ path, code, message }] });

/**
 * The records manager's dedicated, audited way to the archive data of a CLOSED case (closed cases are
 * otherwise read-only). With `triggerDate`: for trigger `manual` the date the period counts from; for
 * trigger `field` the late value of the outcome's date field (e.g. a permit's expiry date known only
 * after closing), written to the case's field. Without it: the action date is recomputed from the
 * current inputs (e.g. a parent or related case has closed since). Every change is a `case.archive-set`
 * event with the reason; nothing changes when the result is the same.
 */
export function setCaseArchive(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: {
    caseId: string;
    ifMatch: string | undefined;
    triggerDate?: LocalDate;
    reason: string;
    authorize?: (state: CaseState) => void;
  },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, { ...request, allowedWhenClosed: true }, log, async (state, stamp) => {
    if (state.status !== 'closed') throw caseNotClosed(state.id);
    const caseType = await caseTypeOf(deps, state);
    const outcome = outcomeOf(caseType.outcomes, state.outcome?.key);
    if (!outcome) throw new Error(`case ${state.id}: outcome ${state.outcome?.key} is not in its case type`);
    const { trigger, field } = outcome.archive;
    let fields = state.fields;
    let manualDate = state.archive.manualDate ?? null;
    if (request.triggerDate !== undefined) {
      if (trigger === 'manual') manualDate = request.triggerDate;
      else if (trigger === 'field' && field) {
        const validation = validateFieldValues(publishedRules(caseType), { ...state.fields, [field]: request.triggerDate });
        const issues = [...validation.malformed, ...validation.ruleViolations].filter((issue) => issue.field === field);
        if (issues.length > 0) throw archiveRefused('archive.field-invalid', issues.map((issue) => issue.message).join('; '));
        fields = { ...state.fields, [field]: request.triggerDate };
      } else {
        throw archiveRefused(
          'archive.trigger-date-derived',
          `The trigger ${trigger} derives its date from the case's data; send no triggerDate to recompute`,
        );
      }
    } else if (trigger === 'manual' && manualDate === null) {
      throw archiveRefused('archive.trigger-date-required', 'Trigger manual: send the date the retention period counts from');
    }
    const context = await archiveContextOf(deps, state, trigger);
    const archive = archiveFor(outcome, { closedOn: state.closedOn, fields, archive: { ...state.archive, manualDate } }, context);
    return setArchive(state, { archive, fields, reason: request.reason }, stamp);
  });
}
