/**
 * The API contract shared with every client (tab, add-in, bot): zod schemas and their types.
 * Import as `@zaakwerk/functions/contract`. Depends on zod only, so browser bundles stay small;
 * the OpenAPI document is built from these in `openapi.ts`, which is not exported here.
 */
export * from './problem';
export * from './me';
export * from './case-summary';
export * from './case';
export * from './case-lifecycle';
export * from './case-tasks';
export * from './case-documents';
export * from './case-templates';
export * from './health';
export * from './case-type';
export * from './access-log';
export * from './case-share';
export * from './access-overview';
export * from './signals';
export { globalRoles, type GlobalRole } from '../domain/roles';
export { confidentialityLevels, type Confidentiality } from '../domain/confidentiality';
