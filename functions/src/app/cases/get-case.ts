import type { CaseState } from '../../domain/cases';
import type { CaseStore } from '../../ports/case-store';
import { caseNotFound } from './case-errors';

/** A case by its id, with the ETag to update it; the handler authorizes the read (404 when invisible). */
export async function getCase(
  deps: { caseStore: Pick<CaseStore, 'load'> },
  id: string,
): Promise<{ state: CaseState; etag: string }> {
  const loaded = await deps.caseStore.load<CaseState>(id);
  if (!loaded) throw caseNotFound(id);
  return { state: loaded.state, etag: loaded.etag };
}
