import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries: core imports no protocol client library; a binding imports only core's
// public entry, never another binding; apps may use everything public; tests may also use test tooling.
const protocolLibraries = ['mqtt', 'amqplib', 'rhea', 'rhea-promise', 'kafkajs', '@confluentinc/*', 'undici', 'ws', 'ssh2'];

// Production code: core depends on nothing of ours; a binding only on core; the app on core,
// twins and bindings; tools on anything.
const productionConstraints = [
  { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: protocolLibraries },
  { sourceTag: 'scope:twins', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:binding', onlyDependOnLibsWithTags: ['scope:core'] },
  { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:core', 'scope:twins', 'scope:binding', 'scope:app'] },
  { sourceTag: 'scope:tool', onlyDependOnLibsWithTags: ['scope:core', 'scope:twins', 'scope:binding', 'scope:app', 'scope:tool'] },
];
// Tests may also use the test tooling (real brokers, test bindings).
const testConstraints = productionConstraints.map((constraint) =>
  constraint.sourceTag === 'scope:tool' ? constraint : { ...constraint, onlyDependOnLibsWithTags: [...constraint.onlyDependOnLibsWithTags, 'scope:tool'] },
);
const moduleBoundaries = (depConstraints) => ({ enforceBuildableLibDependency: false, allow: [], depConstraints });

const deepImports = { group: ['@twinlink/*/src/*', '@twinlink/*/dist/*'], message: 'Import a package through its public entry only.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': ['error', moduleBoundaries(productionConstraints)],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [deepImports] }],
    },
  },
  {
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: { '@nx/enforce-module-boundaries': ['error', moduleBoundaries(testConstraints)] },
  },
  {
    // Checked by name as well, so the ban holds even before a protocol library is installed.
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepImports, { group: protocolLibraries, message: 'Core is protocol-independent: protocol client libraries belong in a binding package.' }] }],
    },
  },
);
