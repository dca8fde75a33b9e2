import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import layers from './lint/layers.js';

export default tseslint.config(
  { ignores: ['dist', 'lint/fixtures', 'dist-e2e', 'dist-e2e-*', 'dist-bench', 'dist-bench-naive', 'dist-bench-dc', 'dist-check', 'dist-real-e2e', 'bench-results', 'mocks/public/mockServiceWorker.js', 'playwright-report', 'playwright-report-real-engine', 'test-results', 'coverage'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: { projectService: { allowDefaultProject: ['eslint.config.js', 'scripts/*.mjs', 'lint/*.js'] }, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.configs.recommended.rules,
    },
  },
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(test|it|describe)$/]", message: 'No focused tests.' },
        { selector: "CallExpression[callee.property.name='skip'][callee.object.name=/^(test|it|describe)$/]", message: 'No skipped tests.' },
      ],
    },
  },
  {
    // The layers (docs/decisions/040-layers-and-zones.md): app → features → flows → ui → engine-api → domain;
    // features never import each other; mocks/ uses domain, engine-api types and ui (its panel) only.
    files: ['src/**/*.{ts,tsx}', 'mocks/**/*.{ts,tsx}'],
    plugins: { layers },
    rules: { 'layers/layers': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/test/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Only src/engine-api calls fetch.' }],
      // bench/ (the bench's naive baseline) is never shipped.
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/bench/**'], message: 'bench/ is for npm run bench only, never shipped.' }] }],
    },
  },
  {
    files: ['src/engine-api/**/*.ts'],
    rules: { 'no-restricted-globals': 'off' },
  },
  {
    // Engine data is never typed with `as`: it is parsed with zod where it arrives (src/engine-api), and the
    // emulator reads requests with its own checked readers (mocks/handlers); stored data is parsed too (the
    // emulator's saved state in mocks/persist.ts, a form draft field by field in src/ui/form-draft.ts). `as const`
    // stays allowed. The one exception is named in src/engine-api/wire.ts: the generic collection helpers, whose
    // computed keys TypeScript cannot type (zod checks the data itself).
    files: ['src/engine-api/**/*.ts', 'mocks/handlers/**/*.ts', 'mocks/persist.ts', 'mocks/browser.ts', 'src/ui/form-draft.ts'],
    ignores: ['**/*.test.ts'],
    rules: { '@typescript-eslint/consistent-type-assertions': ['error', { assertionStyle: 'never' }] },
  },
  {
    // Asymmetric matchers (expect.stringMatching, expect.any) are typed `any`.
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts'],
    rules: { '@typescript-eslint/no-unsafe-assignment': 'off', '@typescript-eslint/no-unsafe-argument': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
