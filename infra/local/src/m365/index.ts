export { startLocalM365, type LocalM365, type StartLocalM365Options } from './local-m365';
export { passwordGrantToken, apiUserScope } from './client';
export { demoTenant, personaUpn, type DemoPersona } from './demo-tenant';
export { startM365TestStack, type M365TestStack } from './test-stack';
