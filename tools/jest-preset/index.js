// Shared jest configuration for every workspace package.
// Tests run as native ESM (inversify 8 ships ESM only, see docs/adr/0001-esm-everywhere.md);
// swc strips types and keeps legacy decorators with metadata for inversify.
const swcOptions = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

/**
 * Test tiers by suffix: `*.spec.ts` unit, `*.contract.spec.ts` binding conformance,
 * `*.int.spec.ts` real brokers / real processes. All run in `npm test`.
 * @param {{ rootDir: string, displayName: string }} options
 */
export function jestConfig({ rootDir, displayName }) {
  return {
    rootDir,
    displayName,
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    transform: { '^.+\\.ts$': ['@swc/jest', swcOptions] },
    // Source files import siblings with the `.js` extension (NodeNext); map them back to `.ts`.
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    // Workspace packages resolve to their TypeScript sources, so tests never see a stale build.
    testEnvironmentOptions: { customExportConditions: ['@twinlink/source', 'node', 'node-addons'] },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.spec.ts'],
    testTimeout: 20000,
    // A handle a test leaves open must not stall a CI run for ever. Leaks are still hunted:
    // the binding conformance suite checks for open sockets, and `--detectOpenHandles` names them.
    forceExit: true,
  };
}
