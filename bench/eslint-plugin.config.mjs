// callstats-lint as an ESLint plugin: configs.recommended from the build (dist/), TypeScript parsed by typescript-eslint as in eslint.config.mjs.
import tsParser from '@typescript-eslint/parser';
import callstats from '../dist/eslint-plugin.js';

export default [
  {
    ...callstats.configs.recommended,
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  },
];
