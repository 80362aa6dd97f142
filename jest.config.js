/**
 * Jest transpiles the TypeScript sources with esbuild (__tests__/support/transform.js); `npm test`
 * type-checks the whole project with `tsc` beside jest (scripts/test.sh).
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': '<rootDir>/__tests__/support/transform.js' },
  // The generated Kong bindings (.gen/providers/kong), imported as #gen/kong: a local path, not a package (same mapping as tsconfig paths).
  moduleNameMapper: { '^#gen/kong(/.*)?$': '<rootDir>/.gen/providers/kong$1' },
  globalSetup: '<rootDir>/__tests__/support/global-setup.ts',
  setupFiles: ['<rootDir>/__tests__/support/environment.js'],
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  snapshotSerializers: [],
  // Both cores: jest's default leaves one for the parent process, which only waits here.
  maxWorkers: 2,
  testTimeout: 60000,
};
