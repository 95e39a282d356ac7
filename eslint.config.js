import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';

// Module boundaries: core imports no protocol client library; a binding imports only core's
// public entry (and the testkit in tests), never another binding; apps may use everything public.
const protocolLibraries = ['mqtt', 'amqplib', 'rhea', 'rhea-promise', 'kafkajs', '@confluentinc/*', 'undici', 'ws', 'ssh2'];

const deepImports = { group: ['@twinlink/*/src/*', '@twinlink/*/dist/*'], message: 'Import a package through its public entry only.' };

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', '**/coverage/**', '**/*.js', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@nx': nx },
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:core', onlyDependOnLibsWithTags: ['scope:core'], bannedExternalImports: protocolLibraries },
            { sourceTag: 'scope:binding', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:twins', onlyDependOnLibsWithTags: ['scope:core'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['scope:core', 'scope:binding', 'scope:twins', 'scope:app'] },
            { sourceTag: 'scope:tool', onlyDependOnLibsWithTags: ['scope:core', 'scope:binding', 'scope:app', 'scope:tool'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', { patterns: [deepImports] }],
    },
  },
  {
    // Checked by name as well, so the ban holds even before a protocol library is installed.
    files: ['packages/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [deepImports, { group: protocolLibraries, message: 'Core is protocol-independent: protocol client libraries belong in a binding package.' }] }],
    },
  },
);
