/** Unit tests run pure modules in Node; integration tests drive the real SDK against the local gateway. */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022', parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } } } }],
};
const moduleNameMapper = { '^@/(.*)$': '<rootDir>/src/$1' };

module.exports = {
  testTimeout: 30000,
  // Two test files at a time, also on CI's two cores (where Jest's default would be one, in band): most
  // suites spend much of their time waiting on child processes (gateways, Chromium, the builds,
  // LibreOffice), and a second file runs meanwhile. Files share nothing but the run's demo cache and
  // build marks (tests/helpers/demo-cache.ts, app-builds.ts), which are made for several workers.
  maxWorkers: 2,
  testSequencer: '<rootDir>/tests/sequencer.mjs',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'],
      transform,
      moduleNameMapper,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/demo-cache-setup.ts',
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
      transform,
      moduleNameMapper,
    },
    {
      // Real Chromium against the H5 build served by the local stack.
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/e2e/build-wait.ts'],
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
      transform,
      moduleNameMapper,
    },
    {
      // The production mini-program (dist/weapp, built once) in a WeChat-like runtime (tests/weapp).
      displayName: 'weapp',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/weapp/**/*.weapp.test.ts'],
      globalSetup: '<rootDir>/tests/weapp/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/tests/weapp/build-wait.ts'],
      globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
      transform,
      moduleNameMapper,
    },
  ],
};
