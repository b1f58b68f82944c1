import { migrateCases } from '../../app/case-types/migrate-cases';
import type { Dependencies } from '../../composition-root';
import { CaseTypeVersionParamsSchema } from '../../contract/case-type-api';
import { MigrateCasesRequestSchema } from '../../contract/case-type-migration';
import { defineEndpoint, json } from '../endpoint';
import { parseJsonBody } from '../input';
import { policies } from '../policies';
import { parseParams } from './case-type-input';

/**
 * POST /api/v1/case-types/{key}/versions/{n}/migrations `{caseIds}`: moves running cases to version n.
 * 200 with `{migrated, refused}`: each refused case lists every reason; each migrated case has a
 * `case.migrated` event (from → to) in its own chain. Administrators only.
 */
export const migrateCasesEndpoint = (deps: Pick<Dependencies, 'caseTypes' | 'caseStore' | 'outbox' | 'clock'>) =>
  defineEndpoint({
    name: 'migrateCases',
    methods: ['POST'],
    route: 'v1/case-types/{key}/versions/{n}/migrations',
    policy: policies.caseTypesManage,
    handler: async ({ request, principal, log }) => {
      const { key, n } = parseParams(request, CaseTypeVersionParamsSchema);
      const { caseIds } = await parseJsonBody(request, MigrateCasesRequestSchema, 64 * 1024);
      return json(200, await migrateCases(deps, principal, key, n, caseIds, log));
    },
  });
