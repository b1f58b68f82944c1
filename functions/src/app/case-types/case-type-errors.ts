import { DomainError } from '../../domain/errors';
import { AppError, preconditionFailed } from '../errors';
import type { DefinitionIssue } from '../../domain/case-types';

/** Stable codes of the case-type use cases (see contract/case-type-api.ts for 400 vs 422). */
export const caseTypeNotFound = (key: string, version?: number) =>
  new DomainError(
    'not-found',
    'case-type.not-found',
    version === undefined ? `There is no case type ${key}` : `Case type ${key} has no version ${version}`,
  );

export const draftNotFound = (key: string) => new DomainError('not-found', 'case-type.draft-not-found', `${key} has no draft`);

export const draftExists = (key: string) =>
  new DomainError('conflict', 'case-type.draft-exists', `${key} already has a draft; update it with PUT and If-Match`);

export const noDraftToPublish = (key: string) =>
  new DomainError('conflict', 'case-type.no-draft', `${key} has no draft to publish`);

export const versionTaken = (key: string) =>
  new DomainError('conflict', 'case-type.version-conflict', `Someone else published ${key} at the same moment; try again`);

export const alreadyRetired = (key: string, version: number) =>
  new DomainError('conflict', 'case-type.already-retired', `Version ${version} of ${key} is already retired`);

export const draftChanged = (key: string) =>
  preconditionFailed('case-type.draft-changed', `The draft of ${key} changed since you read it; read it again`);

export const keyMismatch = (pathKey: string, bodyKey: string) =>
  new AppError('invalid-input', 'case-type.key-mismatch', `The URL names ${pathKey} but the definition is ${bodyKey}`, {
    errors: [{ path: 'key', code: 'case-type.key-mismatch', message: `Must be ${pathKey}` }],
  });

/** 400: the definition's structure is wrong (or the file does not parse); every issue listed. */
export const malformedDefinition = (issues: readonly DefinitionIssue[]) =>
  new AppError('invalid-input', 'case-type.malformed', `The definition has ${issues.length} problem(s); see errors.`, {
    errors: issues.filter((i) => i.severity === 'error').map(({ path, code, message }) => ({ path, code, message })),
  });
