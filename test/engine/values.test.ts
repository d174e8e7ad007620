// String measurement: utf8Bytes against Buffer.byteLength, code points, and truncation that never splits a code point.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codePoints, truncateUtf8, utf8Bytes } from '../../server/src/engine/values.js';

const SAMPLES: Record<string, string> = {
  empty: '',
  ascii: 'alice-42',
  latin: 'Zoë Müller',
  japanese: 'インターネット',
  emoji: '😀',
  'emoji with skin tone': '👍🏽',
  'family (ZWJ sequence)': '👨‍👩‍👧',
  'combining acute': 'e\u0301',
  'combining stack': 'a\u0300\u0301\u0302',
  'lone high surrogate': '\ud83d',
  'lone low surrogate': '\ude00',
  'high surrogate at the end': 'id-\ud83d',
  'reversed pair': '\ude00\ud83d',
  'two highs then a low': '\ud83d\ud83d\ude00',
  'boundary code points': '\u007f\u0080\u07ff\u0800\uffff\u{10000}\u{10ffff}',
  nul: 'a\u0000b',
};

/** A deterministic generator of strings mixing every UTF-8 length and broken surrogates. */
function* randomStrings(count: number): Generator<string> {
  let seed = 0x2545f491;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const pools = [
    () => String.fromCharCode(next() % 0x80),
    () => String.fromCharCode(0x80 + (next() % 0x780)),
    () => String.fromCharCode(0x800 + (next() % 0xd000)),
    () => String.fromCodePoint(0x10000 + (next() % 0xfffff)),
    () => String.fromCharCode(0xd800 + (next() % 0x800)),
  ];
  for (let i = 0; i < count; i++) {
    let s = '';
    const length = next() % 24;
    for (let j = 0; j < length; j++) s += pools[next() % pools.length]();
    yield s;
  }
}

describe('utf8Bytes', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    test(`${name}: equals Buffer.byteLength`, () => {
      assert.equal(utf8Bytes(text), Buffer.byteLength(text, 'utf8'));
    });
  }

  test('exact sizes the rules rely on', () => {
    assert.equal(utf8Bytes('インターネット'), 21);
    assert.equal(utf8Bytes('😀'), 4);
    assert.equal('😀'.length, 2);
    assert.equal(utf8Bytes('e\u0301'), 3);
    assert.equal(utf8Bytes('\ud83d'), 3, 'a lone surrogate is written as U+FFFD, 3 bytes');
  });

  test('equals Buffer.byteLength on 2,000 generated strings', () => {
    for (const text of randomStrings(2000)) assert.equal(utf8Bytes(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
  });
});

describe('codePoints', () => {
  test('counts code points, not UTF-16 units or graphemes', () => {
    assert.equal(codePoints(''), 0);
    assert.equal(codePoints('alice'), 5);
    assert.equal(codePoints('インターネット'), 7);
    assert.equal(codePoints('😀😀'), 2);
    assert.equal(codePoints('e\u0301'), 2, 'a combining mark counts on its own');
    assert.equal(codePoints('👨‍👩‍👧'), 5);
    assert.equal(codePoints('\ud83d'), 1);
    assert.equal(codePoints('\ude00\ud83d'), 2);
  });

  test('equals [...text].length on generated strings', () => {
    for (const text of randomStrings(2000)) assert.equal(codePoints(text), [...text].length, JSON.stringify(text));
  });
});

describe('truncateUtf8', () => {
  test('cuts at the last whole code point that fits', () => {
    assert.equal(truncateUtf8('a😀b', 0), '');
    assert.equal(truncateUtf8('a😀b', 1), 'a');
    assert.equal(truncateUtf8('a😀b', 4), 'a');
    assert.equal(truncateUtf8('a😀b', 5), 'a😀');
    assert.equal(truncateUtf8('a😀b', 6), 'a😀b');
    assert.equal(truncateUtf8('インターネット', 20), 'インターネッ');
    assert.equal(truncateUtf8('インターネット', 21), 'インターネット');
    assert.equal(truncateUtf8('e\u0301e\u0301', 4), 'e\u0301e');
  });

  test('the text unchanged when it fits', () => {
    for (const text of Object.values(SAMPLES)) assert.equal(truncateUtf8(text, Buffer.byteLength(text)), text);
  });

  test('a lone surrogate counts 3 bytes and is kept or dropped whole', () => {
    assert.equal(truncateUtf8('a\ud83d', 3), 'a');
    assert.equal(truncateUtf8('a\ud83d', 4), 'a\ud83d');
  });

  test('on generated strings: a prefix, within the limit, never splitting a pair, and maximal', () => {
    for (const text of randomStrings(500)) {
      for (let max = 0; max <= 40; max += 3) {
        const cut = truncateUtf8(text, max);
        const context = `${JSON.stringify(text)} at ${max}`;
        assert.ok(text.startsWith(cut), `prefix: ${context}`);
        assert.ok(Buffer.byteLength(cut) <= max, `fits: ${context}`);
        const last = cut.charCodeAt(cut.length - 1);
        const following = text.charCodeAt(cut.length);
        assert.ok(!(last >= 0xd800 && last <= 0xdbff && following >= 0xdc00 && following <= 0xdfff), `no split pair: ${context}`);
        if (cut.length < text.length) {
          const nextPoint = [...text.slice(cut.length)][0];
          assert.ok(Buffer.byteLength(cut + nextPoint) > max, `maximal: ${context}`);
        }
      }
    }
  });
});
