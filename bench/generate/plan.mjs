// The corpus layout: features of related modules (types, service, hook, components, tests...), shared utils, and who imports what.
import { NOUNS, camel, kebab, pascal, plural } from './random.mjs';
import { functionName } from './units.mjs';

/** Modules of one entity group, in the order they are added while the feature has room. */
const GROUP = [
  ['types', 1],
  ['service', 1],
  ['util', 0.8],
  ['hook', 0.8],
  ['component', 1],
  ['component', 0.6],
  ['test', 0.9],
  ['store', 0.4],
  ['test', 0.4],
  ['commonjs', 0.25],
  ['component', 0.3],
];

function fileOf(kind, feature, entity, n) {
  const base = `src/features/${feature}`;
  const suffix = n ? `-${n}` : '';
  switch (kind) {
    case 'types':
      return `${base}/types/${entity}${suffix}.ts`;
    case 'service':
      return `${base}/services/${entity}-service${suffix}.ts`;
    case 'util':
      return `${base}/utils/${entity}-utils${suffix}.ts`;
    case 'hook':
      return `${base}/hooks/use-${entity}${suffix}.ts`;
    case 'component':
      return `${base}/components/${pascal(entity)}${pascal('panel')}${n ? n : ''}.tsx`;
    case 'test':
      return `${base}/__tests__/${entity}${suffix}.test.ts`;
    case 'store':
      return `${base}/store/${entity}-slice${suffix}.ts`;
    case 'commonjs':
      return `${base}/legacy/${entity}${suffix}.js`;
    default:
      throw new Error(kind);
  }
}

function exportsOf(rng, kind, entity, path) {
  const E = pascal(entity);
  const n = path.match(/(\d+)\.\w+$/)?.[1] ?? '';
  switch (kind) {
    case 'types':
      return [{ name: `${E}${n}`, kind: 'type' }, { name: `${E}Status${n}`, kind: 'type' }];
    case 'service':
      return [
        { name: camel('fetch', plural(entity)) + n, kind: 'fn' },
        { name: camel('save', entity) + n, kind: 'fn' },
        { name: `${E}Service${n}`, kind: 'class' },
      ];
    case 'util':
    case 'commonjs': {
      const names = new Set(Array.from({ length: rng.int(1, 4) }, () => functionName(rng, entity) + n));
      const out = [...names].map((name) => ({ name, kind: 'fn' }));
      if (kind === 'util' && rng.chance(0.3)) out.push({ name: `${E}${rng.pick(['Cache', 'Events'])}${n}`, kind: 'class' });
      return out;
    }
    case 'hook':
      return [{ name: camel('use', entity, rng.pick(['list', 'feed', 'data', 'query'])) + n, kind: 'hook' }];
    case 'store':
      return [{ name: camel(entity, 'reducer') + n, kind: 'reducer' }];
    case 'component':
      return [{ name: `${E}${rng.pick(['Panel', 'List', 'Table', 'Card', 'Board', 'Editor'])}${n}`, kind: 'component' }];
    default:
      return [];
  }
}

const pickNames = (rng, module, kind, count) => rng.sample(module.exports.filter((e) => e.kind === kind), count);

/** Decides each module's imports once the group's modules exist. */
function wire(rng, module, group, shared) {
  const of = (kind) => group.find((m) => m.kind === kind);
  const add = (target, names) => target && names.length && module.imports.push({ module: target, names });
  const sharedFns = () => {
    const target = shared.length ? rng.pick(shared) : undefined;
    return target && target !== module ? [target, pickNames(rng, target, 'fn', 1)] : [undefined, []];
  };
  switch (module.kind) {
    case 'service':
      add(of('types'), pickNames(rng, of('types'), 'type', 1));
      if (rng.chance(0.6)) add(...sharedFns());
      break;
    case 'util':
      if (rng.chance(0.4)) add(...sharedFns());
      break;
    case 'hook':
      add(of('types'), pickNames(rng, of('types'), 'type', 1));
      add(of('service'), pickNames(rng, of('service'), 'fn', 1));
      break;
    case 'component':
      add(of('types'), pickNames(rng, of('types'), 'type', 1));
      add(of('hook'), pickNames(rng, of('hook') ?? { exports: [] }, 'hook', 1));
      add(of('util'), pickNames(rng, of('util') ?? { exports: [] }, 'fn', rng.int(1, 2)));
      if (rng.chance(0.5)) add(...sharedFns());
      break;
    case 'store':
      add(of('types'), pickNames(rng, of('types'), 'type', 1));
      break;
    case 'test': {
      const subject = (rng.chance(0.6) ? of('service') : of('util')) ?? of('service') ?? of('util');
      if (subject) add(subject, subject.exports.filter((e) => e.kind === 'fn' || e.kind === 'class'));
      break;
    }
  }
}

/**
 * Plans `count` ordinary modules: a shared utils folder, then features of 12–40 modules made of
 * entity groups, each feature ending with a barrel index.ts.
 */
export function planApp(rng, count) {
  const modules = [];
  const used = new Set();
  const unique = (path) => {
    let candidate = path;
    for (let n = 2; used.has(candidate); n++) candidate = path.replace(/((?:\.test)?\.\w+)$/, `-${n}$1`);
    used.add(candidate);
    return candidate;
  };
  const shared = [];
  const sharedCount = Math.min(30, Math.max(2, Math.round(count * 0.02)));
  for (let i = 0; i < sharedCount; i++) {
    const entity = rng.pick(NOUNS);
    const path = unique(`src/shared/utils/${kebab(rng.pick(['format', 'collections', 'dates', 'text', 'numbers', 'async', 'http']), entity)}.ts`);
    const module = { path, kind: 'util', entity, ts: true, feature: 'shared', exports: exportsOf(rng, 'util', entity, path), imports: [] };
    shared.push(module);
    modules.push(module);
  }
  const features = [];
  for (let f = 0; modules.length < count; f++) {
    const feature = `${plural(NOUNS[f % NOUNS.length])}${f >= NOUNS.length ? `-${Math.floor(f / NOUNS.length) + 1}` : ''}`;
    const room = Math.min(count - modules.length, rng.int(12, 40));
    const members = [];
    const entities = rng.shuffle(NOUNS);
    for (let g = 0; members.length < room - 1 || (room === 1 && members.length === 0); g++) {
      const entity = entities[g % entities.length];
      const group = [];
      for (const [kind, p] of GROUP) {
        if (members.length >= Math.max(1, room - 1)) break;
        if (!rng.chance(p) && group.length) continue;
        const path = unique(fileOf(kind, feature, entity, g >= entities.length ? Math.floor(g / entities.length) + 1 : 0));
        const module = { path, kind, entity, feature, ts: kind !== 'commonjs', commonjs: kind === 'commonjs', exports: exportsOf(rng, kind, entity, path), imports: [] };
        // Third-party SDKs with look-alike methods: what a name-based lint rule cannot tell from callstats.
        if (kind === 'service' && rng.chance(0.03)) module.decoy = 'analytics';
        if (kind === 'util' && rng.chance(0.01)) module.decoy = 'health-panel';
        group.push(module);
        members.push(module);
      }
      for (const module of group) wire(rng, module, group, shared);
    }
    if (members.length < room) {
      const reexports = members.filter((m) => ['types', 'service', 'hook', 'util'].includes(m.kind));
      members.push({ path: unique(`src/features/${feature}/index.ts`), kind: 'barrel', entity: feature, feature, ts: true, exports: [], imports: [], reexports });
    }
    features.push({ name: feature, members });
    modules.push(...members);
  }
  return { modules, features };
}
