// Lint: typed TypeScript rules, plus regexp rules against super-linear backtracking,
// since extractors run regular expressions on untrusted résumé and posting text.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';

export default tseslint.config(
  { ignores: ['node_modules/**', 'models/**', 'coverage/**', 'bench/.cache/**', '**/*.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
      'regexp/no-misleading-capturing-group': 'error',
      // Style-only rules that fight regexes composed from parts; the safety rules above stay on.
      'regexp/no-useless-non-capturing-group': 'off',
      'regexp/prefer-character-class': 'off',
      'regexp/no-useless-character-class': 'off',
      'regexp/prefer-d': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: "MemberExpression[object.name='process'][property.name='env']", message: 'Read process.env only in src/config/.' }],
    },
  },
  { files: ['src/config/**', 'test/**', 'bench/**', 'bin/**'], rules: { 'no-restricted-syntax': 'off' } },
  // Tests run regexes on their own fixed strings, not on untrusted input.
  { files: ['test/**', 'bench/**'], rules: { 'regexp/no-super-linear-move': 'off', 'regexp/use-ignore-case': 'off' } },
);
