import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const noSqlOutsideDb = {
  name: 'slonik',
  importNames: ['sql'],
  message: 'SQL lives only in src/db.',
};
const frameworks = ['fastify', '@fastify/*', 'fastify-*', 'bullmq', '@bull-board/*'];

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'node_modules/**', 'profiles/**', 'client/orders-api.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...tseslint.configs.stylistic,
  {
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { varsIgnorePattern: '^_', argsIgnorePattern: '^_' },
      ],
      'no-console': 'off',
      // Deliberate no-ops (ignored errors, optional loggers) read better inline than named.
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  // One direction of flow: api → domain → db, workers → domain → db.
  {
    files: ['src/domain/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlOutsideDb],
          patterns: [
            { group: frameworks, message: 'Domain code holds no HTTP or queue types.' },
            {
              group: ['**/api/**', '**/workers/**'],
              message: 'Domain code does not depend on its callers.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworks, message: 'src/db knows nothing of HTTP or queues.' },
            {
              group: ['**/domain/**', '**/api/**', '**/workers/**'],
              message: 'src/db imports nothing of the app.',
            },
          ],
        },
      ],
    },
  },
  // The two processes share only top-level modules (config, logger, metrics, queues).
  {
    files: ['src/api/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlOutsideDb],
          patterns: [{ group: ['**/workers/**'], message: 'The API does not import the worker.' }],
        },
      ],
    },
  },
  // app.ts imports every plugin; a plugin importing app.ts back would be a cycle (AppDeps is in deps.ts).
  {
    files: ['src/api/routes/**', 'src/api/plugins/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlOutsideDb],
          patterns: [
            { group: ['**/workers/**'], message: 'The API does not import the worker.' },
            { group: ['**/app.js'], message: 'Plugins take AppDeps from deps.ts, not app.ts.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/workers/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noSqlOutsideDb],
          patterns: [{ group: ['**/api/**'], message: 'The worker does not import the API.' }],
        },
      ],
    },
  },
  {
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
