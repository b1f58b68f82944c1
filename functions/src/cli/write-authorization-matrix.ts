import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDependencies } from '../composition-root';
import { loadApiConfig } from '../config';
import { authorizationMatrixMarkdown } from '../http/authorization-matrix';
import { createEndpoints } from '../http/endpoints';

const authorizationMatrixPath = join(__dirname, '../../../../docs/authorization-matrix.md');

/** Writes docs/authorization-matrix.md (npm run authz:matrix); the drift test compares it. */
if (require.main === module) {
  const endpoints = createEndpoints(createDependencies(loadApiConfig({ ZAAKWERK_ENV: 'local' })));
  writeFileSync(authorizationMatrixPath, authorizationMatrixMarkdown(endpoints));
  console.log(`wrote ${authorizationMatrixPath}`);
}
