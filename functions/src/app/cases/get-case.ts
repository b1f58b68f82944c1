import type { CaseState } from '../../domain/cases';
import type { CaseStore } from '../../ports/case-store';
import { caseNotFound } from './case-errors';

/**
 * A case by its id, with the ETag to update it. Any authenticated user may read any case for now;
 * per-type access grants and confidentiality (404 for what a user may not see) come with issue 6.
 */
export async function getCase(
  deps: { caseStore: Pick<CaseStore, 'load'> },
  id: string,
): Promise<{ state: CaseState; etag: string }> {
  const loaded = await deps.caseStore.load<CaseState>(id);
  if (!loaded) throw caseNotFound(id);
  return { state: loaded.state, etag: loaded.etag };
}
