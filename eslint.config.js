// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'data/**',
      'e2e/output/**',
      'bin/**',
      'scripts/**',
      'test/fixtures/**',
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/web/assets/**/*.js'],
    languageOptions: {
      globals: {
        document: 'readonly',
        window: 'readonly',
        HTMLElement: 'readonly',
        HTMLFormElement: 'readonly',
        HTMLButtonElement: 'readonly',
        SpeechSynthesisUtterance: 'readonly',
        navigator: 'readonly',
        ClipboardItem: 'readonly',
        Blob: 'readonly',
      },
    },
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      // Hono copies every request variable into a new object on each `c.var` read: read one with `c.get(...)`
      // (docs/scale.md, "Ninth pass").
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='c'][property.name='var']",
          message:
            "Read a request variable with c.get('name'), not c.var (Hono copies them all on each read).",
        },
      ],
    },
  },
  {
    // Type-aware rules: only for TypeScript sources, which the project service (tsconfig.json) knows.
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test()/describe()/it() return promises the runner itself tracks.
          allowForKnownSafeCalls: [
            {
              from: 'package',
              package: 'node:test',
              name: ['test', 'describe', 'it', 'suite', 'before', 'after'],
            },
          ],
        },
      ],
    },
  },
  {
    // Frozen migrations take `Kysely<any>` on purpose: they must not depend on today's schema types.
    files: ['src/db/migrations/**/*.ts', 'test/**/migrations-*/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
