// One jest run, three projects: unit tests sit next to the code; integration tests start Azurite and
// the local Microsoft 365 on free ports; end-to-end tests start the whole dev stack.
const swc = [
  '@swc/jest',
  { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' }, module: { type: 'commonjs' } },
];
const common = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  testEnvironment: 'node',
  // ESM-only dependencies are transformed too.
  transformIgnorePatterns: ['/node_modules/(?!(jose|strip-bom|feelin|lezer-feel|min-dash|temporal-polyfill|temporal-utils)/)'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/'],
};
module.exports = {
  // testTimeout is a global option in jest 30 (ignored inside a project); end-to-end files raise it themselves.
  testTimeout: 60000,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{functions,bot,infra/local,tabs,outlook-addin}/src/**/*.test.ts?(x)'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/{functions,bot,infra/local}/src/**/*.itest.ts', '<rootDir>/tests/integration/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/support/timeout.ts'],
    },
  ],
};
