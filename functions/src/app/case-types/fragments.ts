import type { Fragment } from '../../contract/case-type';
import type { NewFragmentRequest } from '../../contract/fragment-api';
import { DomainError } from '../../domain/errors';
import { CaseTypeAlreadyExists, type CaseTypeRepository } from '../../ports/case-types';
import { AppError } from '../errors';

export const fragmentNotFound = (key: string, version: number) =>
  new DomainError('not-found', 'fragment.not-found', `Fragment ${key} has no version ${version}`);

const fragmentVersionTaken = (key: string) =>
  new DomainError(
    'conflict',
    'fragment.version-conflict',
    `Someone else stored a version of ${key} at the same moment; try again`,
  );

/** Every stored fragment version, by key then version. */
export async function listFragments(repository: Pick<CaseTypeRepository, 'listFragments'>): Promise<Fragment[]> {
  return repository.listFragments();
}

export async function getFragment(
  key: string,
  version: number,
  repository: Pick<CaseTypeRepository, 'listFragments'>,
): Promise<Fragment> {
  const found = (await repository.listFragments()).find((f) => f.key === key && f.version === version);
  if (!found) throw fragmentNotFound(key, version);
  return found;
}

/**
 * Stores the fragment as the next version of its key (1 for a new key). Versions are immutable: case
 * types pin one, so a change is always a new version. Item keys must be unique within the fragment (422).
 */
export async function addFragmentVersion(
  request: NewFragmentRequest,
  repository: Pick<CaseTypeRepository, 'listFragments' | 'addFragment'>,
): Promise<Fragment> {
  const keys = request.items.map((item) => item.key);
  const duplicates = [...new Set(keys.filter((key, i) => keys.indexOf(key) !== i))];
  if (duplicates.length > 0) {
    throw new AppError(
      'rule-violation',
      'fragment.invalid',
      `The fragment has ${duplicates.length} duplicate key(s); see errors.`,
      {
        errors: duplicates.map((key) => ({
          path: `items[${keys.lastIndexOf(key)}].key`,
          code: 'definition.duplicate-key',
          message: `"${key}" is used more than once`,
        })),
      },
    );
  }
  const latest = Math.max(0, ...(await repository.listFragments()).filter((f) => f.key === request.key).map((f) => f.version));
  const fragment = { ...request, version: latest + 1 } as Fragment;
  try {
    await repository.addFragment(fragment);
  } catch (error) {
    if (error instanceof CaseTypeAlreadyExists) throw fragmentVersionTaken(request.key);
    throw error;
  }
  return fragment;
}
