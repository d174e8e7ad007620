// The language server with faults planted, for the tests that check a failure stays one diagnostic: `--fault=<kind>` after --stdio.
//   rule:<id>             that rule's whole run throws
//   rule:<id>:<fragment>  that rule fails on the files whose path holds the fragment
//   engine:<fragment>     a rule reports what is no tree node on those files: the engine itself throws there
import type { Rule } from '../../server/src/engine/rule.js';
import { RULES } from '../../server/src/rules/index.js';
import { startServer } from '../../server/src/server.js';

const fault = process.argv.find((arg) => arg.startsWith('--fault='))?.slice('--fault='.length) ?? '';

function throwing(rule: Rule, fragment: string | undefined): Rule {
  const error = () => new Error(`a fault planted in ${rule.meta.id}`);
  return {
    ...rule,
    create(context) {
      if (fragment === undefined) throw error();
      const hit = (file: string) => file.includes(fragment);
      for (const file of new Set(context.calls.filter((c) => hit(c.file)).map((c) => c.file))) context.fail(file, error());
      rule.create({ ...context, calls: context.calls.filter((c) => !hit(c.file)) });
    },
  };
}

/** Reports, on the files whose path holds the fragment, a "node" that throws when the engine places it. */
function breaking(fragment: string): Rule {
  return {
    meta: { id: 'planted-fault', description: 'Breaks the engine', defaultSeverity: 'warn', docs: 'docs/rules/planted-fault.md', fixes: {} },
    messages: { broken: { message: 'never shown', help: 'None.' } },
    notes: {},
    create(context) {
      for (const call of context.calls) {
        if (!call.file.includes(fragment)) continue;
        const node = { getSourceFile: () => { throw new Error(`a fault planted in the engine on ${call.file}`); } };
        context.report({ node: node as never, messageId: 'broken' });
      }
    },
  };
}

const [kind, id, fragment] = fault.split(':');
if (kind === 'rule') startServer(RULES.map((rule) => (rule.meta.id === id ? throwing(rule, fragment) : rule)));
else if (kind === 'engine') startServer([...RULES, breaking(id)]);
else startServer();
