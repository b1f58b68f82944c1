import type { CaseState } from '../../domain/cases';
import type { CaseTypeRepository } from '../../ports/case-types';
import type { WorkQueueTypeInfo } from './work-queue-rows';

export type TypeInfoOf = (state: CaseState) => Promise<WorkQueueTypeInfo | undefined>;

/**
 * The work-queue facts of a case's type version (handler groups, at-risk threshold). Published versions
 * never change, so each is read once per process. Undefined for a version that is not there.
 */
export function workQueueTypeInfo(caseTypes: Pick<CaseTypeRepository, 'getVersion'>): TypeInfoOf {
  const cache = new Map<string, Promise<WorkQueueTypeInfo | undefined>>();
  return (state) => {
    const id = `${state.caseType.key}:${state.caseType.version}`;
    let info = cache.get(id);
    if (!info) {
      info = caseTypes.getVersion(state.caseType.key, state.caseType.version).then((version) =>
        version
          ? {
              handlerGroups: version.access.filter((grant) => grant.role === 'handler').map((grant) => grant.group),
              atRiskWorkingDays: version.signals.atRiskWorkingDays,
            }
          : undefined,
      );
      info.catch(() => cache.delete(id));
      cache.set(id, info);
    }
    return info;
  };
}
