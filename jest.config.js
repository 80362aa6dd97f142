/**
 * Jest runs the TypeScript sources through ts-jest in transpile-only mode (tsconfig sets
 * isolatedModules); `npm test` type-checks the whole project once with `tsc` before jest starts.
 * @type {import('jest').Config}
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/__tests__'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  // The generated Kong bindings, importable as @kong/kong-provider (same mapping as tsconfig paths).
  moduleNameMapper: { '^@kong/kong-provider(/.*)?$': '<rootDir>/.gen/providers/kong$1' },
  setupFilesAfterEnv: ['<rootDir>/__tests__/setup.ts'],
  snapshotSerializers: [],
  testTimeout: 60000,
};
