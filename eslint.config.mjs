// Lint: typescript-eslint's recommended rules, zero warnings, and the house boundaries of DESIGN.md.
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.swc/**', 'coverage/**', 'test-artifacts/**', '.data/**'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'describe', property: 'only', message: 'No committed .only.' },
        { object: 'it', property: 'only', message: 'No committed .only.' },
        { object: 'test', property: 'only', message: 'No committed .only.' },
        { object: 'describe', property: 'skip', message: 'No skipped tests left behind.' },
        { object: 'it', property: 'skip', message: 'No skipped tests left behind.' },
        { object: 'test', property: 'skip', message: 'No skipped tests left behind.' },
      ],
    },
  },
  {
    // Only cloudfunctions/lib talks to CloudBase; entry points and the app never do.
    files: ['src/**/*.{ts,tsx}', 'cloudfunctions/*/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['@cloudbase/*'], message: 'Only cloudfunctions/lib imports the CloudBase SDK.' }] }],
    },
  },
  {
    // The domain is pure: shared by the app and the functions, runnable anywhere. This block must come
    // after the src/** block: for the same rule the later block replaces the earlier one, and the
    // domain's list already forbids @cloudbase/* as well.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@tarojs/*', '@cloudbase/*', 'node:*', 'fs', 'path', 'http', 'https', 'child_process'], message: 'src/domain stays pure.' },
            {
              group: ['**/services/**', '**/pages/**', '**/components/**', '**/field/**', '**/resident/**', '**/cloudfunctions/**', 'react', 'react-dom'],
              message: 'src/domain depends on nothing above it.',
            },
          ],
        },
      ],
    },
  },
);
