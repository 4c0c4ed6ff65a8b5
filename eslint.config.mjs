// Type-aware lint. The import rules keep the layers pointing one way:
// gateway -> connectors -> mappings -> core.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const layer = (files, forbidden, extra = []) => ({
  files,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          ...forbidden.map((dir) => ({
            group: [`**/${dir}/**`, `**/${dir}`],
            message: `layer rule: no import of ${dir}/ from here`,
          })),
          ...extra,
        ],
      },
    ],
  },
});

// Mappings are pure: from core they take the document model, the error type, the translation
// contract and the pure collection helpers, nothing that does I/O or holds domain rules.
const mappingsCore = {
  regex: '(^|/)core/(?!model(/|$)|errors/|translation/contract$|collections$)',
  message:
    'layer rule: mappings import only core/model, core/errors, core/translation/contract and core/collections',
};

// Unit specs stand alone: helpers they share live beside the code as *.testing.ts.
const noTestSupport = {
  group: ['**/test/**'],
  message: 'specs do not import from test/; put shared spec helpers in a *.testing.ts file',
};

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      'docs/**',
      // The console (React) is type-checked by its own tsconfig in `npm run check`.
      'console/**',
      'gateway/cli/tradehub.js',
      // CI housekeeping in plain Node, run before anything is built.
      '.ci/*.js',
      '*.config.js',
      '*.config.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts', 'test/bench/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  layer(['core/**/*.ts'], ['mappings', 'connectors', 'gateway']),
  layer(['core/**/*.spec.ts'], ['mappings', 'connectors', 'gateway'], [noTestSupport]),
  layer(['mappings/**/*.ts'], ['connectors', 'gateway'], [mappingsCore]),
  layer(['mappings/**/*.spec.ts'], ['connectors', 'gateway'], [mappingsCore, noTestSupport]),
  layer(['connectors/**/*.ts'], ['gateway']),
  layer(['connectors/**/*.spec.ts'], ['gateway'], [noTestSupport]),
  layer(['gateway/**/*.spec.ts'], [], [noTestSupport]),
);
