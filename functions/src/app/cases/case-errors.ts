import { DomainError } from '../../domain/errors';
import type { FieldIssue } from '../../domain/cases';
import { AppError } from '../errors';

/** Stable codes of the case use cases. */
export const caseNotFound = (id: string) => new DomainError('not-found', 'case.not-found', `There is no case ${id}`);

/** 422: the body names a case type that does not exist (the request is well-formed; the reference is not). */
export const caseTypeUnknown = (key: string) =>
  new AppError('rule-violation', 'case.case-type-unknown', `There is no case type ${key}`, {
    errors: [{ path: 'body.caseType', code: 'case.case-type-unknown', message: `There is no case type ${key}` }],
  });

/** 422: the type exists but no published version is valid on that day (retired, or not yet valid). */
export const caseTypeNotStartable = (key: string, on: string) =>
  new AppError('rule-violation', 'case.case-type-not-startable', `No published version of ${key} is valid on ${on}`, {
    errors: [{ path: 'body.caseType', code: 'case.case-type-not-startable', message: `No published version valid on ${on}` }],
  });

const fieldErrors = (issues: readonly FieldIssue[], prefix: string) =>
  issues.map((issue) => ({ path: `${prefix}.${issue.field}`, code: issue.code, message: issue.message }));

/** 400: unknown fields, values of the wrong type, unknown parties' roles; every one listed. */
export const invalidCaseInput = (errors: { path: string; code: string; message: string }[]) =>
  new AppError('invalid-input', 'case.invalid', `The case has ${errors.length} invalid value(s); see errors.`, { errors });

export const malformedFields = (issues: readonly FieldIssue[]) => fieldErrors(issues, 'body.fields');

/** 422: values of the right type that break the case type's field rules; every one listed. */
export const fieldRulesViolated = (issues: readonly FieldIssue[]) =>
  new AppError(
    'rule-violation',
    'case.field-rules-violated',
    `${issues.length} field(s) break the case type's rules; see errors.`,
    {
      errors: fieldErrors(issues, 'body.fields'),
    },
  );

/** 409: take is for unassigned cases; someone else's case is reassigned with assign. */
export const caseAlreadyAssigned = (name: string) =>
  new DomainError('conflict', 'case.already-assigned', `The case is assigned to ${name}; use assign to reassign it`);

/** 422: the assignee is not a user of this tenant. */
export const assigneeUnknown = (id: string) =>
  new AppError('rule-violation', 'case.assignee-unknown', `There is no user ${id}`, {
    errors: [{ path: 'body.assigneeId', code: 'case.assignee-unknown', message: `There is no user ${id}` }],
  });

/** 422: the checklist item is not in that phase of the case's type. */
export const checklistItemUnknown = (phase: string, item: string) =>
  new AppError('rule-violation', 'case.checklist-item-unknown', `Phase ${phase} has no checklist item ${item}`, {
    errors: [{ path: 'body.item', code: 'case.checklist-item-unknown', message: `Phase ${phase} has no checklist item ${item}` }],
  });

/** 422: a phase move with every unmet gate listed. */
export const phaseGatesUnmet = (target: string, gates: readonly { path: string; code: string; message: string }[]) =>
  new AppError(
    'rule-violation',
    'case.phase-gates-unmet',
    `The case cannot move to ${target}: ${gates.length} condition(s) unmet`,
    {
      errors: gates.map(({ path, code, message }) => ({ path, code, message })),
    },
  );
