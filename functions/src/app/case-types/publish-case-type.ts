import type { CaseType } from '../../contract/case-type';
import { fragmentLookup, publish } from '../../domain/case-types';
import { CaseTypeAlreadyExists, type CaseTypeRepository } from '../../ports/case-types';
import { draftChanged, noDraftToPublish, versionTaken } from './case-type-errors';

/**
 * Publishes the draft of `key` as version n+1 (fragments inlined at their pins). The draft stays, so
 * the next change starts from it; earlier versions keep serving the cases that started on them.
 * With `ifMatch`, publishes only the draft the caller last saw.
 */
export async function publishCaseType(
  key: string,
  at: string,
  repository: CaseTypeRepository,
  ifMatch?: string,
): Promise<CaseType> {
  const draft = await repository.getDraft(key);
  if (!draft) throw noDraftToPublish(key);
  if (ifMatch !== undefined && ifMatch !== draft.etag) throw draftChanged(key);
  const [previous, fragments] = await Promise.all([repository.listVersions(key), repository.listFragments()]);
  const version = publish(draft.definition, previous, { publishedAt: at, fragments: fragmentLookup(fragments) });
  try {
    await repository.addVersion(version);
  } catch (error) {
    if (error instanceof CaseTypeAlreadyExists) throw versionTaken(key);
    throw error;
  }
  return version;
}
