// @ts-check
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'bench/results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // House style: `as const` objects, not enums or namespaces.
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use an `as const` object instead of an enum.' },
        {
          selector: 'TSModuleDeclaration[kind="namespace"]',
          message: 'Use modules, not namespaces.',
        },
      ],
    },
  },
  {
    files: ['src/components/**/*.ts'],
    ...lit.configs['flat/recommended'],
  },
  {
    files: ['src/components/**/*.ts'],
    ...wc.configs['flat/recommended'],
  },
  {
    // The engine is pure: no DOM, no Lit, no LMS, no Node, no clock. Views and adapters depend on
    // it, never the other way round.
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['lit', 'lit/*', '@lit/*'], message: 'The engine must not depend on Lit.' },
            {
              group: ['**/components/**', '**/scorm/**', '**/build/**'],
              message: 'The engine must not depend on views, the LMS adapter or the build.',
            },
            {
              group: ['node:*', 'fs', 'path'],
              message: 'The engine must run anywhere: no Node modules.',
            },
            {
              group: ['**/compiler/**'],
              message:
                'The engine takes the compiled course (src/model), never the compiler that makes it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'sessionStorage',
          'navigator',
          'fetch',
          'setTimeout',
          'setInterval',
        ].map((name) => ({
          name,
          message: 'The engine is pure: the views and the LMS adapter deal with the outside world.',
        })),
      ],
      'no-restricted-properties': [
        'error',
        {
          object: 'Date',
          property: 'now',
          message: 'The engine has no clock: pass times in events.',
        },
        {
          object: 'Math',
          property: 'random',
          message: 'Use the seeded generator in engine/random.ts.',
        },
      ],
    },
  },
  {
    // The views run in the learner's browser and reach the LMS only through the session sg-app is
    // given (src/session.ts). The compiler's Node-side modules (and markdown-it, ajv, yaml with
    // them) would end up in the learner's bundle.
    files: ['src/components/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/scorm/**'],
              message: 'Views reach the LMS through the CourseSession (src/session.ts) only.',
            },
            {
              group: ['**/compiler/**'],
              message:
                'Views take the compiled course (src/model), never the compiler that makes it.',
            },
            {
              group: ['node:*', 'fs', 'path', '**/build/**', 'markdown-it', 'ajv', 'yaml'],
              message: 'Views run in the learner’s browser: no Node or build-time modules.',
            },
          ],
        },
      ],
    },
  },
  {
    // The LMS adapter runs in the learner's browser, below the views.
    files: ['scorm/adapter/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', '**/build/**', '**/compiler/**', '**/package/**'],
              message: 'The adapter runs in the learner’s browser: no Node or build-time modules.',
            },
            {
              group: ['lit', 'lit/*', '**/components/**'],
              message: 'The adapter sits below the views: it must not depend on them.',
            },
          ],
        },
      ],
    },
  },
  {
    // Packaging is Node-side build code: it zips what the web build made, never the views.
    files: ['scorm/package/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['lit', 'lit/*', '**/components/**', '**/adapter/**'],
              message: 'Packaging zips the web build; it must not import the views or the adapter.',
            },
          ],
        },
      ],
    },
  },
  {
    // The bench and the scripts are tools the tests use, never the other way round: what both
    // need (the players, find-chromium) lives in scripts/.
    files: ['bench/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/tests/**'],
              message: 'Tools must not depend on test code: move what both need into scripts/.',
            },
          ],
        },
      ],
    },
  },
  {
    // The compiled course: the contract between the compiler and the runtime, plain data that
    // the compiler, the engine and the views all read. It depends on none of them.
    files: ['src/model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/compiler/**',
                '**/engine/**',
                '**/components/**',
                '**/scorm/**',
                '**/build/**',
                'lit',
                'lit/*',
                'node:*',
              ],
              message:
                'src/model is the compiled course alone: it must not depend on who makes or reads it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Content compiler: Node-side, but it must not reach into the engine, views or LMS code.
    files: ['src/compiler/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '**/components/**', '**/scorm/**', 'lit', 'lit/*'],
              message: 'The content compiler sits below the engine and the views.',
            },
          ],
        },
      ],
    },
  },
);
