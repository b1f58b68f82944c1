/**
 * The API's own building blocks for in-process tools in infra/local: `npm run bench` registers and
 * assigns its 100,000 seed cases with these (decision 0018), so the stored data is what the API writes.
 * The product itself does not import this module.
 */
export { createDependencies } from './composition-root';
export { loadApiConfig } from './config';
export { registerCase } from './app/cases/register-case';
export { takeCase } from './app/cases/take-case';
