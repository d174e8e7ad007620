// The esbuild plugin that provides `callstats-lint:config-validator`: the configuration schema compiled by
// Ajv when the linter is built (Ajv's standalone code), so that no run pays for compiling it (~100 ms with
// loading Ajv). The editor still validates .callstatslintrc.json with the same schema file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ajvModule from 'ajv';
import standaloneModule from 'ajv/dist/standalone/index.js';

const Ajv = ajvModule.default ?? ajvModule;
const standaloneCode = standaloneModule.default ?? standaloneModule;
const NAMESPACE = 'callstats-lint-config-validator';

export function configValidatorPlugin(root) {
  const schemaFile = join(root, 'schemas', 'callstatslintrc.schema.json');
  return {
    name: 'callstats-lint-config-validator',
    setup(build) {
      build.onResolve({ filter: /^callstats-lint:config-validator$/ }, () => ({ path: 'config-validator.js', namespace: NAMESPACE }));
      build.onLoad({ filter: /.*/, namespace: NAMESPACE }, () => {
        // The same options the schema was always validated with; `source` keeps the code standaloneCode needs.
        const ajv = new Ajv({ allErrors: false, strict: false, code: { source: true } });
        const schema = JSON.parse(readFileSync(schemaFile, 'utf8'));
        // Rule ids are checked against the rules the linter is given (config.ts), which may be more than
        // the built-in ones the schema lists for the editor: here any id takes a severity.
        const { properties: _builtIn, ...rules } = schema.properties.rules;
        schema.properties.rules = { ...rules, additionalProperties: { $ref: '#/definitions/severity' } };
        const validate = ajv.compile(schema);
        // resolveDir: the generated code requires Ajv's small runtime helpers (ajv/dist/runtime/...).
        return { contents: standaloneCode(ajv, validate), loader: 'js', resolveDir: root, watchFiles: [schemaFile] };
      });
    },
  };
}
