// Rule id-unicode: identifiers must be NFC without lone surrogates, control or zero-width characters, or surrounding whitespace.
import type { Rule } from './rule.js';

export const idUnicode: Rule = {
  id: 'id-unicode',
  run() {},
};
