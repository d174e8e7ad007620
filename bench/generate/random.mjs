// Seeded randomness for the corpus: the same seed gives the same choices on every machine and Node version.

/** FNV-1a over UTF-16 code units: turns a seed string (plus a file path) into a 32-bit state. */
export function hashSeed(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * mulberry32: small, fast and integer-only, so no platform float differences creep in. Every
 * file gets its own stream (seeded by seed + path), so one template's change does not reshuffle
 * every file after it.
 */
export function random(seedText) {
  let state = hashSeed(String(seedText));
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rng = {
    next,
    /** Integer in [min, max]. */
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
    /** Picks by weight from [[value, weight], ...]. */
    weighted: (pairs) => {
      const total = pairs.reduce((sum, [, w]) => sum + w, 0);
      let roll = next() * total;
      for (const [value, weight] of pairs) {
        roll -= weight;
        if (roll < 0) return value;
      }
      return pairs[pairs.length - 1][0];
    },
    /** A count with a long tail, like real file sizes: mostly near `mean`, sometimes several times it. */
    tail: (mean, max) => Math.min(max, 1 + Math.floor(-Math.log(1 - next()) * mean)),
    shuffle: (list) => {
      const out = [...list];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j], out[i]];
      }
      return out;
    },
    /** `count` distinct items of `list` (all of them when it is shorter). */
    sample: (list, count) => rng.shuffle(list).slice(0, count),
    hex: (length) => Array.from({ length }, () => '0123456789abcdef'[Math.floor(next() * 16)]).join(''),
  };
  return rng;
}

export const NOUNS = [
  'account', 'invoice', 'order', 'payment', 'report', 'project', 'task', 'message', 'team', 'notification',
  'calendar', 'document', 'customer', 'product', 'cart', 'shipment', 'ticket', 'comment', 'profile', 'session',
  'subscription', 'plan', 'coupon', 'review', 'category', 'inventory', 'warehouse', 'contract', 'lead', 'campaign',
  'dashboard', 'widget', 'audit', 'permission', 'role', 'workspace', 'folder', 'upload', 'export', 'schedule',
  'meeting', 'room', 'contact', 'address', 'device', 'region', 'tenant', 'billing', 'metric', 'alert',
];

export const VERBS = [
  'fetch', 'load', 'save', 'update', 'remove', 'format', 'parse', 'validate', 'compute', 'merge',
  'sort', 'filter', 'group', 'normalize', 'serialize', 'resolve', 'sync', 'archive', 'restore', 'publish',
];

export const ADJECTIVES = ['active', 'pending', 'archived', 'recent', 'shared', 'primary', 'draft', 'visible', 'selected', 'expired'];

export const pascal = (...words) => words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
export const camel = (first, ...rest) => first + pascal(...rest);
export const kebab = (...words) => words.join('-');
export const plural = (noun) => (noun.endsWith('y') ? noun.slice(0, -1) + 'ies' : noun.endsWith('s') || noun.endsWith('ch') ? noun + 'es' : noun + 's');
