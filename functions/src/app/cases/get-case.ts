import type { CaseState } from '../../domain/cases';
import { caseNumberPattern, type CaseNumberIndex } from '../../ports/case-numbers';
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

/**
 * A case by its id or by its number (`ZAAK-2026-000123`): a number is looked up in the number index,
 * and the case it points to must carry that number (the case partition is the truth; an index entry of
 * a registration that failed points to no case). `onCaseId` is called with the id to load as soon as it
 * is known, before the load (e.g. to read ahead what recording the read needs).
 */
export async function getCaseByIdOrNumber(
  deps: { caseStore: Pick<CaseStore, 'load'>; caseNumberIndex: Pick<CaseNumberIndex, 'lookup'> },
  idOrNumber: string,
  onCaseId: (id: string) => void = () => {},
): Promise<{ state: CaseState; etag: string }> {
  if (!caseNumberPattern.test(idOrNumber)) {
    onCaseId(idOrNumber);
    return getCase(deps, idOrNumber);
  }
  const id = await deps.caseNumberIndex.lookup(idOrNumber);
  if (id !== null) onCaseId(id);
  const loaded = id === null ? null : await deps.caseStore.load<CaseState>(id);
  if (!loaded || loaded.state.number !== idOrNumber) throw caseNotFound(idOrNumber);
  return { state: loaded.state, etag: loaded.etag };
}
