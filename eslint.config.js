// One linter for every layer. The import zones keep each runtime from reaching into the one above it,
// and keep drizzle inside the repository modules (src/main/db).
import tseslint from 'typescript-eslint';
import solid from 'eslint-plugin-solid/configs/typescript';

const noNode = {
  group: ['node:*', 'fs', 'path', 'os', 'worker_threads', 'child_process', 'better-sqlite3'],
  message: 'This layer runs without Node.',
};
const noDrizzle = {
  group: ['drizzle-orm', 'drizzle-orm/*'],
  message: 'Only repository modules (src/main/db) import drizzle.',
};
const noLayers = (who, layers) => ({
  group: layers.flatMap((l) => [`**/${l}/*`, `**/${l}/**`]),
  message: `${who} must not import these layers.`,
});
// Test helpers live in tests/support: a production module that imported one would ship it.
const noTests = {
  group: ['**/tests/*', '**/tests/**'],
  message: 'Only tests import from tests/ (test helpers are not shipped).',
};
const TESTS = ['**/*.test.ts'];
/** A layer's import rules: its production files may not import tests/ either; its tests may. */
const zone = (files, patterns, extra = {}) => [
  {
    files,
    ignores: TESTS,
    ...extra,
    rules: {
      ...(extra.rules ?? {}),
      'no-restricted-imports': ['error', { patterns: [...patterns, noTests] }],
    },
  },
  {
    files: files.map((f) => f.replace(/\*\.\{?[a-z,]+\}?$/, '*.test.ts')),
    ...extra,
    rules: { ...(extra.rules ?? {}), 'no-restricted-imports': ['error', { patterns }] },
  },
];

export default tseslint.config(
  { ignores: ['node_modules', 'out', 'test-results', 'migrations', 'bin', 'eslint.config.js'] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Math'][property.name='random']",
          message: 'Use the seeded RNG.',
        },
      ],
    },
  },
  ...zone(
    ['src/engine/**/*.ts'],
    [noNode, noDrizzle, noLayers('The engine', ['main', 'renderer', 'cli', 'server', 'preload'])],
    {
      rules: {
        'no-restricted-globals': [
          'error',
          'Date',
          'performance',
          'setTimeout',
          'setInterval',
          'window',
          'process',
        ],
      },
    },
  ),
  ...zone(
    ['src/shared/**/*.ts'],
    [noNode, noDrizzle, noLayers('Shared code', ['main', 'renderer', 'cli', 'server', 'preload', 'engine'])],
  ),
  ...zone(
    ['src/renderer/**/*.{ts,tsx}'],
    [noNode, noDrizzle, noLayers('The renderer', ['main', 'cli', 'server', 'preload', 'engine'])],
    solid,
  ),
  ...zone(
    ['src/main/**/*.ts', 'src/cli/**/*.ts', 'src/server/**/*.ts', 'src/preload/**/*.ts'],
    [noDrizzle, noLayers('Host code', ['renderer'])],
  ),
  ...zone(['src/main/db/**/*.ts'], [noLayers('Repository modules', ['renderer'])]),
  ...zone(
    ['src/preload/**/*.ts'],
    [noNode, noDrizzle, noLayers('The preload', ['main', 'renderer', 'cli', 'server', 'engine'])],
  ),
);
