// What a team would write instead of callstats-lint: two syntax selectors on the SDK's identifier calls, parsed by typescript-eslint.
import tsParser from '@typescript-eslint/parser';

const MESSAGE = 'callstats: check the identifiers passed here against the identifiers guide';

export default [
  {
    files: ['**/*.{js,jsx,mjs,cjs,ts,tsx,mts,cts}'],
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 'latest',
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='initialize'][arguments.length>=3]", message: `initialize(): ${MESSAGE} (userID: at most 256 bytes; call again when it changes)` },
        { selector: "CallExpression[callee.property.name='addNewFabric']", message: `addNewFabric(): ${MESSAGE} (remoteUserID must match the topology)` },
      ],
    },
  },
];
