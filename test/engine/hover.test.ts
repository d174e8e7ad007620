// Hover text: which SDK argument an ID is, its value or that it is not known statically, its UTF-8 size against the limit.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ConfigResolver } from '../../server/src/engine/config.js';
import { Linter } from '../../server/src/engine/linter.js';
import { RULES } from '../../server/src/rules/index.js';
import { RULE_IDS, writeTree } from '../helpers/lint.js';

/** The hover at the first `at` in `code` (a file app.js in a fresh folder). */
function hoverAt(code: string, at: string): string | undefined {
  const dir = writeTree({ 'app.js': code, '.callstatslintrc.json': '{}' });
  const file = path.join(dir, 'app.js');
  const resolver = new ConfigResolver({ ruleIds: RULE_IDS });
  const offset = fs.readFileSync(file, 'utf8').indexOf(at);
  assert.ok(offset >= 0, `${at} is in the code`);
  return new Linter({ rules: RULES }).hover(file, offset + 1, (f) => resolver.forFile(f))?.markdown;
}

const PRE = 'const cs = new callstats();\nconst pc = new RTCPeerConnection();\n';

test('a known value: the argument, the value and its size within the limit', () => {
  assert.equal(
    hoverAt(`${PRE}cs.initialize('app', 'secret', 'alice');\n`, "'alice'"),
    ['**callstats local userID**: the 3rd argument of `initialize()`', '', '- value: `"alice"`', '- size: 5 bytes of UTF-8 (5 characters), limit 256'].join('\n'),
  );
});

test('over the limit, in UTF-8 bytes rather than characters', () => {
  assert.equal(
    hoverAt(`${PRE}cs.initialize('app', 'secret', '${'日'.repeat(90)}');\n`, "'日"),
    ['**callstats local userID**: the 3rd argument of `initialize()`', '', `- value: \`"${'日'.repeat(80)}…"\``, '- size: 270 bytes of UTF-8 (90 characters), limit 256: over the limit'].join('\n'),
  );
});

test('a value not known statically', () => {
  assert.equal(
    hoverAt(`${PRE}export function join(user) { cs.initialize('app', 'secret', user.id); }\n`, 'user.id'),
    ['**callstats local userID**: the 3rd argument of `initialize()`', '', '- value: not known statically'].join('\n'),
  );
});

test('several possible values: their number and the largest size, not a list of options', () => {
  const code = `${PRE}function track(room) { cs.sendCustomStats(pc, room, {}); }\ntrack('a');\ntrack('${'b'.repeat(300)}');\n`;
  assert.equal(
    hoverAt(code, 'room, {}'),
    ['**callstats conferenceID**: the 2nd argument of `sendCustomStats()`', '', '- value: one of 2 possible values, not known statically', '- size: up to 300 bytes of UTF-8, limit 256: over the limit'].join('\n'),
  );
});

test('a property of an object argument, and the topology of the connection', () => {
  const code = `${PRE}cs.initialize('app', 'secret', 'alice');\ncs.addNewFabric(pc, 'bob', cs.fabricUsage.multiplex, 'room', { remoteEndpointType: cs.endpointType.peer });\ncs.setIdentifiers({ remoteUserID: 'carol' }, pc);\n`;
  assert.equal(
    hoverAt(code, "'carol'"),
    [
      '**callstats remoteUserID**: `remoteUserID` of the 1st argument of `setIdentifiers()`',
      '',
      '- value: `"carol"`',
      '- size: 5 bytes of UTF-8 (5 characters), limit 256',
      '- topology assumed: mesh (one connection per remote participant) (remoteEndpointType peer)',
    ].join('\n'),
  );
});
