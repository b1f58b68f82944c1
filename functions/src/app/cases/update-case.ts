import { publishedRules, updateCaseDetails, validateFieldValues } from '../../domain/cases';
import type { JsonValue } from '../../domain/events';
import type { UserPrincipal } from '../../domain/principal';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { Logger } from '../../ports/logger';
import { fieldRulesViolated, invalidCaseInput, malformedFields } from './case-errors';
import { caseTypeOf } from './case-type-of';
import { changeCase, type ChangeCaseDeps, type ChangedCase } from './change-case';

export interface CaseUpdate {
  title?: string;
  description?: string | null;
  fields?: Record<string, unknown>;
}

/**
 * Title, description and field values. Fields are checked against the case's own case-type version,
 * with the rules evaluated over the case's values as they would be after the update (every invalid
 * field listed: 400 for unknown or wrongly typed values, 422 for broken field rules).
 */
export function updateCase(
  deps: ChangeCaseDeps & { caseTypes: Pick<CaseTypeRepository, 'getVersion'> },
  principal: UserPrincipal,
  request: { caseId: string; ifMatch: string | undefined; update: CaseUpdate },
  log: Logger,
): Promise<ChangedCase> {
  return changeCase(deps, principal, request, log, async (state, stamp) => {
    const { title, description, fields } = request.update;
    let values: { [key: string]: JsonValue } | undefined;
    if (fields !== undefined) {
      const rules = publishedRules(await caseTypeOf(deps, state));
      const validation = validateFieldValues(rules, { ...state.fields, ...fields });
      if (validation.malformed.length > 0) throw invalidCaseInput(malformedFields(validation.malformed));
      if (validation.ruleViolations.length > 0) throw fieldRulesViolated(validation.ruleViolations);
      values = validation.values;
    }
    return updateCaseDetails(state, { title, description, fields: values }, stamp);
  });
}
