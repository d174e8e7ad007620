// Building blocks of ordinary app code (functions, classes, async helpers), in TypeScript or plain JavaScript.
import { ADJECTIVES, NOUNS, VERBS, camel, pascal, plural } from './random.mjs';

/** A type annotation in TypeScript files, nothing in JavaScript ones. */
const ann = (ctx, type) => (ctx.ts ? `: ${type}` : '');
const generic = (ctx, type) => (ctx.ts ? `<${type}>` : '');
const cast = (ctx, type) => (ctx.ts ? ` as ${type}` : '');

function asyncFetch(rng, ctx, name) {
  const entity = ctx.entity;
  const T = pascal(entity);
  const version = rng.pick(['v1', 'v2', 'v3']);
  const limit = rng.pick([20, 25, 50, 100]);
  return `export async function ${name}(scopeId${ann(ctx, 'string')}, options${ann(ctx, '{ limit?: number; signal?: AbortSignal }')} = {})${ann(ctx, `Promise<${T}[]>`)} {
  const params = new URLSearchParams({ scope: scopeId, limit: String(options.limit ?? ${limit}) });
  const response = await fetch(\`/api/${version}/${plural(entity)}?\${params}\`, {
    signal: options.signal,
    headers: { accept: 'application/json' },
  });
  if (!response.ok) {
    throw new Error(\`${name} failed with \${response.status}\`);
  }
  const body = (await response.json())${cast(ctx, `{ items: ${T}[]; next?: string }`)};
  return body.items.map((item) => ({ ...item, updatedAt: new Date(item.updatedAt).toISOString() }));
}`;
}

function transform(rng, ctx, name) {
  const T = ctx.ts ? pascal(ctx.entity) : '';
  const key = rng.pick(['status', 'ownerId', 'region', 'category', 'priority']);
  const field = rng.pick(['total', 'amount', 'score', 'duration']);
  return `export function ${name}(items${ann(ctx, `${T}[]`)})${ann(ctx, `Record<string, { count: number; ${field}: number }>`)} {
  const groups${ann(ctx, `Record<string, { count: number; ${field}: number }>`)} = {};
  for (const item of items) {
    const key = String(item.${key} ?? 'unknown');
    const group = groups[key] ?? (groups[key] = { count: 0, ${field}: 0 });
    group.count += 1;
    group.${field} += Number(item.${field}) || 0;
  }
  return groups;
}`;
}

function validate(rng, ctx, name) {
  const fields = rng.sample(['title', 'email', 'startsAt', 'amount', 'ownerId', 'description', 'currency'], rng.int(2, 5));
  const checks = fields.map((field) => {
    switch (field) {
      case 'email':
        return `  if (!/^[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$/i.test(String(input.email ?? ''))) errors.push('email is not an address');`;
      case 'amount':
        return `  if (typeof input.amount !== 'number' || input.amount < 0) errors.push('amount must be a positive number');`;
      case 'startsAt':
        return `  if (input.startsAt && Number.isNaN(Date.parse(String(input.startsAt)))) errors.push('startsAt is not a date');`;
      default:
        return `  if (!input.${field} || String(input.${field}).trim().length === 0) errors.push('${field} is required');`;
    }
  });
  return `export function ${name}(input${ann(ctx, 'Record<string, unknown>')})${ann(ctx, 'string[]')} {
  const errors${ann(ctx, 'string[]')} = [];
${checks.join('\n')}
  return errors;
}`;
}

function format(rng, ctx, name) {
  const currency = rng.pick(['EUR', 'USD', 'GBP', 'JPY', 'SEK']);
  const locale = rng.pick(['en-US', 'de-DE', 'fr-FR', 'ja-JP', 'sv-SE']);
  return `const ${name}Formatter = new Intl.NumberFormat('${locale}', { style: 'currency', currency: '${currency}' });

export function ${name}(value${ann(ctx, 'number | null | undefined')}, fallback = '—')${ann(ctx, 'string')} {
  if (value === null || value === undefined || Number.isNaN(value)) return fallback;
  return ${name}Formatter.format(value / ${rng.pick([1, 100])});
}`;
}

function cacheClass(rng, ctx, name) {
  const ttl = rng.pick([5_000, 30_000, 60_000, 300_000]);
  const V = ctx.ts ? pascal(ctx.entity) : '';
  return `export class ${name} {
  ${ctx.ts ? 'private readonly entries = new Map<string, { value: ' + V + '; expiresAt: number }>();' : 'entries = new Map();'}

  constructor(${ctx.ts ? 'private readonly ttlMs = ' : 'ttlMs = '}${ttl}) {${ctx.ts ? '' : '\n    this.ttlMs = ttlMs;\n  '}}

  get(key${ann(ctx, 'string')})${ann(ctx, `${V} | undefined`)} {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt < Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key${ann(ctx, 'string')}, value${ann(ctx, V)})${ann(ctx, 'void')} {
    this.entries.set(key, { value, expiresAt: Date.now() + this.ttlMs });
  }

  prune()${ann(ctx, 'number')} {
    let removed = 0;
    for (const [key, entry] of this.entries) {
      if (entry.expiresAt < Date.now()) {
        this.entries.delete(key);
        removed++;
      }
    }
    return removed;
  }
}`;
}

function retry(rng, ctx, name) {
  const attempts = rng.int(3, 6);
  return `export async function ${name}${generic(ctx, 'T')}(task${ann(ctx, '() => Promise<T>')}, attempts = ${attempts})${ann(ctx, 'Promise<T>')} {
  let lastError${ann(ctx, 'unknown')};
  for (let attempt = 0; attempt < attempts; attempt++) {
    try {
      return await task();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, ${rng.pick([100, 200, 250])} * 2 ** attempt));
    }
  }
  throw lastError;
}`;
}

function debounce(rng, ctx, name) {
  return `export function ${name}${generic(ctx, 'A extends unknown[]')}(fn${ann(ctx, '(...args: A) => void')}, waitMs = ${rng.pick([100, 150, 250, 400])}) {
  let timer${ann(ctx, 'ReturnType<typeof setTimeout> | undefined')};
  return (...args${ann(ctx, 'A')}) => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      fn(...args);
    }, waitMs);
  };
}`;
}

function stats(rng, ctx, name) {
  const q = rng.pick([90, 95, 99]);
  return `export function ${name}(values${ann(ctx, 'number[]')})${ann(ctx, `{ mean: number; p50: number; p${q}: number; max: number }`)} {
  if (values.length === 0) return { mean: 0, p50: 0, p${q}: 0, max: 0 };
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q${ann(ctx, 'number')}) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const mean = sorted.reduce((sum, v) => sum + v, 0) / sorted.length;
  return { mean, p50: at(0.5), p${q}: at(${q / 100}), max: sorted[sorted.length - 1] };
}`;
}

function mapper(rng, ctx, name) {
  const states = rng.sample(ADJECTIVES, rng.int(3, 6));
  const cases = states.map((s, i) => `    case '${s}':\n      return { label: '${pascal(s)}', tone: '${rng.pick(['neutral', 'positive', 'warning', 'critical'])}', order: ${i} };`);
  return `export function ${name}(status${ann(ctx, 'string')})${ann(ctx, '{ label: string; tone: string; order: number }')} {
  switch (status) {
${cases.join('\n')}
    default:
      return { label: status, tone: 'neutral', order: ${states.length} };
  }
}`;
}

function emitter(rng, ctx, name) {
  const event = camel(rng.pick(NOUNS), rng.pick(['changed', 'added', 'removed']));
  return `export class ${name} {
  ${ctx.ts ? 'private listeners = new Set<(payload: unknown) => void>();' : 'listeners = new Set();'}

  on(listener${ann(ctx, '(payload: unknown) => void')})${ann(ctx, '() => void')} {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit${pascal(event)}(payload${ann(ctx, 'unknown')})${ann(ctx, 'void')} {
    for (const listener of [...this.listeners]) {
      try {
        listener(payload);
      } catch (error) {
        console.error('${name} listener failed', error);
      }
    }
  }
}`;
}

/** An exported function or class named `name`; `kind` picks the shape (defaults to a random one). */
export function unit(rng, ctx, name, kind) {
  const shapes = { asyncFetch, transform, validate, format, retry, debounce, stats, mapper };
  const classes = { cacheClass, emitter };
  if (kind === 'class') return rng.pick(Object.values(classes))(rng, ctx, name);
  return (shapes[kind] ?? rng.pick(Object.values(shapes)))(rng, ctx, name);
}

/** A fresh function name for the entity: verb + adjective? + entity. */
export function functionName(rng, entity) {
  return rng.chance(0.4) ? camel(rng.pick(VERBS), rng.pick(ADJECTIVES), plural(entity)) : camel(rng.pick(VERBS), entity);
}
