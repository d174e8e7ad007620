// Follows values across the app: what an expression may hold (its origins), through variables, properties, imports and calls.
import { ts } from 'ts-morph';
import { isSdkModuleSpecifier } from './sdk.js';
import { declarationOf, enclosingClassOfThis, isNamespace, type Declaration } from './scope.js';
import { indexOf, type FileIndex } from './file-index.js';
import { accessedName, propertyNameText, unwrap } from './syntax.js';
import type { SourceText, Workspace } from './workspace.js';

/**
 * What an expression may evaluate to, once references are followed: an expression that is not a
 * reference (a literal, a `new`, a call), a declared function, class, enum or namespace, a module of the app, the
 * SDK's module, a global, or a parameter whose callers are unknown.
 */
export type Origin =
  | { kind: 'expr'; node: ts.Expression }
  | { kind: 'decl'; node: ts.FunctionLikeDeclaration | ts.ClassLikeDeclaration | ts.EnumDeclaration | ts.ModuleDeclaration }
  | { kind: 'module'; file: string; required?: boolean }
  | { kind: 'sdk-module' }
  | { kind: 'global'; name: string }
  | { kind: 'param'; node: ts.ParameterDeclaration }
  | { kind: 'unknown'; node: ts.Node };

const MAX_DEPTH = 40;
const MAX_ORIGINS = 32;
/**
 * Look-ups in progress at once, across every entry point (a depth passed along restarts where one
 * look-up asks another: callers, callees, owners): past this the answer is "not known", never a stack
 * overflow.
 */
const MAX_NESTING = 120;
/** Origins worked out for one outermost look-up; past this, what is still asked is "not known". */
const MAX_WORK = 20_000;

/** A call or `new` expression that may invoke a function (a constructor, for `new`). */
export type Caller = ts.CallExpression | ts.NewExpression;

/** The arguments of a caller (`new C` without parentheses has none). */
export function argumentsOf(caller: Caller): readonly ts.Expression[] {
  return caller.arguments ?? [];
}
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

function isRequireCall(node: ts.Node): node is ts.CallExpression {
  return (
    ts.isCallExpression(node) &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'require' &&
    node.arguments.length === 1 &&
    ts.isStringLiteralLike(node.arguments[0])
  );
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

function hasDefaultModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && !!ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
}

/** Numbers naming nodes in owner keys: unlike positions, they stay when a string edit shifts the tree (literal-edit.ts). */
const nodeIds = new WeakMap<ts.Node, number>();
let lastNodeId = 0;

function nodeKey(node: ts.Node): string {
  let id = nodeIds.get(node);
  if (id === undefined) nodeIds.set(node, (id = ++lastNodeId));
  return String(id);
}

export class Analysis {
  private readonly indexes = new Map<string, FileIndex | null>();
  private readonly originCache = new Map<ts.Node, Origin[]>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly exportCache = new Map<string, Origin[]>();
  /** Rules ask for the owner of the same expressions once per SDK call. */
  private readonly ownerKeys = new Map<ts.Expression, string | undefined>();
  /** Files that could not be parsed or indexed, with what failed. */
  readonly failures = new Map<string, string>();
  private candidatesIndexed = false;
  private indexedList: FileIndex[] | undefined;
  private readonly callerCache = new Map<ts.SignatureDeclaration, Caller[]>();
  /** Look-ups in progress, and the origins worked out since the outermost one began (see MAX_NESTING, MAX_WORK). */
  private nesting = 0;
  private work = 0;
  /** Callee and property look-ups in progress (see guarded). */
  private readonly lookupsInProgress = new Set<string>();
  /** What each indexed file read as: see isCurrent. */
  private readonly sources = new Map<string, SourceText>();
  /** The workspace's resolution generation when the analysis began. */
  private readonly resolutionGeneration: number;

  constructor(
    readonly workspace: Workspace,
    /** Files analysed in full; others are parsed only when a value is followed into them. */
    readonly candidates: readonly string[],
  ) {
    this.resolutionGeneration = workspace.resolutionGeneration;
  }

  /**
   * Whether what this analysis found still holds: every file it indexed reads the same, or changed
   * only by string edits patched into its tree (literal-edit.ts), and no module resolves elsewhere.
   * Values, which strings decide, are the Evaluator's, made afresh for each run.
   */
  isCurrent(): boolean {
    if (this.workspace.resolutionGeneration !== this.resolutionGeneration) return false;
    for (const [file, source] of this.sources) {
      const now = this.workspace.read(file);
      if (now === source) continue;
      const index = this.indexes.get(file);
      if (!index || now.problem || this.workspace.parse(now) !== index.parsed) return false;
      this.sources.set(file, now);
    }
    return true;
  }

  /** The parsed and indexed file, parsing it on first use. */
  index(file: string): FileIndex | undefined {
    const known = this.indexes.get(file);
    if (known !== undefined) return known ?? undefined;
    const source = this.workspace.read(file);
    this.sources.set(file, source);
    let index: FileIndex | null = null;
    if (!source.problem) {
      try {
        index = indexOf(this.workspace.parse(source));
      } catch (error) {
        // Parsing pathological input can exhaust the stack; the file is reported and skipped.
        // (A parse on a thread with a larger stack would get further, but the tree could not
        // come back from it: see docs/reliability.md.)
        const overflow = error instanceof RangeError && /call stack/i.test(error.message);
        const reason = overflow ? 'the code is nested too deeply to parse' : (error as Error).message;
        this.failures.set(file, `analysis failed: ${reason}`);
      }
    }
    this.indexes.set(file, index);
    this.indexedList = undefined;
    return index ?? undefined;
  }

  /** Every file indexed so far (candidates first); the list is rebuilt only after a file was added. */
  indexedFiles(): FileIndex[] {
    if (!this.candidatesIndexed) {
      for (const file of this.candidates) this.index(file);
      this.candidatesIndexed = true;
    }
    if (!this.indexedList) this.indexedList = [...this.indexes.values()].filter((i): i is FileIndex => !!i);
    return this.indexedList;
  }

  // ---- origins -------------------------------------------------------------------------------

  origins(expression: ts.Expression, depth = 0): Origin[] {
    const expr = unwrap(expression);
    const cached = this.originCache.get(expr);
    if (cached) return cached;
    if (this.nesting === 0) this.work = 0;
    if (this.inProgress.has(expr) || depth > MAX_DEPTH || this.nesting >= MAX_NESTING || this.work >= MAX_WORK) return [{ kind: 'unknown', node: expr }];
    this.inProgress.add(expr);
    this.nesting++;
    this.work++;
    let found: Origin[];
    try {
      found = dedupe(this.computeOrigins(expr, depth + 1)).slice(0, MAX_ORIGINS);
    } finally {
      this.nesting--;
      this.inProgress.delete(expr);
    }
    this.originCache.set(expr, found);
    return found;
  }

  private computeOrigins(expr: ts.Expression, depth: number): Origin[] {
    if (ts.isIdentifier(expr)) return this.identifierOrigins(expr, depth);
    if (ts.isConditionalExpression(expr)) {
      return [...this.origins(expr.whenTrue, depth), ...this.origins(expr.whenFalse, depth)];
    }
    if (ts.isBinaryExpression(expr)) {
      const op = expr.operatorToken.kind;
      if (op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        return [...this.origins(expr.left, depth), ...this.origins(expr.right, depth)];
      }
      if (op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken) {
        return this.origins(expr.right, depth);
      }
      if (op === ts.SyntaxKind.EqualsToken) return this.origins(expr.right, depth);
    }
    if (ts.isAwaitExpression(expr)) return this.origins(expr.expression, depth);
    if (isRequireCall(expr)) {
      return this.moduleOrigins((expr.arguments[0] as ts.StringLiteral).text, expr).map((o) => (o.kind === 'module' ? { ...o, required: true } : o));
    }
    if (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr)) {
      const name = accessedName(expr);
      if (name !== undefined) return this.propertyOrigins(expr.expression, name, depth);
    }
    if (ts.isFunctionExpression(expr) || ts.isArrowFunction(expr) || ts.isClassExpression(expr)) {
      return [{ kind: 'decl', node: expr }];
    }
    // `once(fn)` is a function that runs fn (the first time it is called).
    if (ts.isCallExpression(expr) && isOnceWrapper(expr) && expr.arguments[0]) return this.origins(expr.arguments[0], depth);
    return [{ kind: 'expr', node: expr }];
  }

  private identifierOrigins(id: ts.Identifier, depth: number): Origin[] {
    const decl = declarationOf(id);
    if (!decl) {
      if (id.text === 'undefined') return [{ kind: 'expr', node: id }];
      if (id.text === 'exports') return [{ kind: 'module', file: id.getSourceFile().fileName }];
      return [{ kind: 'global', name: id.text }];
    }
    return this.declarationOrigins(decl, depth, id);
  }

  /** What a declared name may hold: its initializer, later assignments, call-site arguments, or an import. */
  declarationOrigins(decl: Declaration, depth: number, at?: ts.Node): Origin[] {
    // `declare var callstats: any`: how TypeScript names a global that a script tag defines.
    const ambient = ambientName(decl);
    if (ambient !== undefined) return [{ kind: 'global', name: ambient }];
    if (ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl) || ts.isFunctionExpression(decl) || ts.isClassExpression(decl) || ts.isEnumDeclaration(decl) || isNamespace(decl)) {
      return [{ kind: 'decl', node: decl }];
    }
    if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) {
      return this.importOrigins(decl, depth);
    }
    const out: Origin[] = [];
    if (ts.isVariableDeclaration(decl)) {
      if (decl.initializer) out.push(...this.origins(decl.initializer, depth));
    } else if (ts.isBindingElement(decl)) {
      out.push(...this.bindingElementOrigins(decl, depth));
    } else if (ts.isParameter(decl)) {
      out.push(...this.parameterOrigins(decl, depth));
    } else {
      out.push({ kind: 'unknown', node: at ?? decl });
    }
    const name = (decl as { name?: ts.Node }).name;
    if (name && ts.isIdentifier(name)) {
      for (const write of this.identifierWrites(name.text, decl)) out.push(...this.origins(write.right, depth));
    }
    if (out.length === 0) out.push({ kind: 'unknown', node: at ?? decl });
    return out;
  }

  /** Assignments `name = v` anywhere in the declaring file that refer to `decl`. */
  identifierWrites(name: string, decl: Declaration): ts.BinaryExpression[] {
    const index = this.index(decl.getSourceFile().fileName);
    return (index?.writes.get(name) ?? []).filter(
      (w) => ts.isIdentifier(w.left) && declarationOf(w.left) === decl,
    );
  }

  private bindingElementOrigins(element: ts.BindingElement, depth: number): Origin[] {
    const pattern = element.parent;
    const holder = pattern.parent;
    const key = element.propertyName ? propertyNameText(element.propertyName) : propertyNameText(element.name);
    const out: Origin[] = [];
    if (ts.isObjectBindingPattern(pattern) && key !== undefined) {
      if (ts.isVariableDeclaration(holder) && holder.initializer) {
        out.push(...this.propertyOrigins(holder.initializer, key, depth));
      } else if (ts.isParameter(holder)) {
        for (const origin of this.parameterOrigins(holder, depth)) {
          if (origin.kind === 'expr') out.push(...this.propertyOrigins(origin.node, key, depth));
        }
      }
    }
    if (element.initializer) out.push(...this.origins(element.initializer, depth));
    if (out.length === 0) out.push({ kind: 'unknown', node: element });
    return out;
  }

  private importOrigins(
    decl: ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport | ts.ImportEqualsDeclaration,
    depth: number,
  ): Origin[] {
    let specifierNode: ts.Expression | undefined;
    if (ts.isImportEqualsDeclaration(decl)) {
      const ref = decl.moduleReference;
      if (ts.isExternalModuleReference(ref)) specifierNode = ref.expression;
    } else {
      const importDecl = ts.isImportSpecifier(decl) ? decl.parent.parent.parent : ts.isNamespaceImport(decl) ? decl.parent.parent : decl.parent;
      specifierNode = importDecl.moduleSpecifier;
    }
    if (!specifierNode || !ts.isStringLiteralLike(specifierNode)) return [{ kind: 'unknown', node: decl }];
    const modules = this.moduleOrigins(specifierNode.text, decl);
    if (ts.isNamespaceImport(decl) || ts.isImportEqualsDeclaration(decl)) return modules;
    const name = ts.isImportClause(decl) ? 'default' : (decl.propertyName ?? decl.name).text;
    return modules.flatMap((m) => {
      if (m.kind === 'module') return this.exportOrigins(m.file, name, depth);
      if (m.kind === 'sdk-module') return name === 'default' ? [m] : [{ kind: 'unknown', node: decl } as Origin];
      return [m];
    });
  }

  private moduleOrigins(specifier: string, at: ts.Node): Origin[] {
    if (isSdkModuleSpecifier(specifier)) return [{ kind: 'sdk-module' }];
    const file = this.workspace.resolve(specifier, at.getSourceFile().fileName);
    return file ? [{ kind: 'module', file }] : [{ kind: 'unknown', node: at }];
  }

  /** What a module of the app exports under `name` ('default' for the default export). */
  exportOrigins(file: string, name: string, depth: number): Origin[] {
    const key = `${file}\0${name}`;
    const cached = this.exportCache.get(key);
    if (cached) return cached;
    this.exportCache.set(key, []);
    const index = this.index(file);
    const found = index ? this.findExport(index.parsed.sourceFile, name, depth + 1) : [];
    const result = found.length ? found : [{ kind: 'unknown', node: index?.parsed.sourceFile ?? ({} as ts.Node) } as Origin];
    this.exportCache.set(key, result);
    return result;
  }

  private findExport(sourceFile: ts.SourceFile, name: string, depth: number): Origin[] {
    const out: Origin[] = [];
    const starModules: string[] = [];
    for (const statement of sourceFile.statements) {
      if (ts.isVariableStatement(statement) && hasExportModifier(statement)) {
        for (const decl of statement.declarationList.declarations) {
          if (ts.isIdentifier(decl.name) && decl.name.text === name) out.push(...this.declarationOrigins(decl, depth));
        }
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || isNamespace(statement)) && hasExportModifier(statement)) {
        const exported = hasDefaultModifier(statement) ? 'default' : statement.name?.text;
        if (exported === name) out.push({ kind: 'decl', node: statement });
      } else if (ts.isExportAssignment(statement) && !statement.isExportEquals && name === 'default') {
        out.push(...this.origins(statement.expression, depth));
      } else if (ts.isExportAssignment(statement) && statement.isExportEquals) {
        out.push(...(name === 'default' ? this.origins(statement.expression, depth) : this.propertyOrigins(statement.expression, name, depth)));
      } else if (ts.isExportDeclaration(statement)) {
        const from = statement.moduleSpecifier && ts.isStringLiteralLike(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        const clause = statement.exportClause;
        if (!clause) {
          if (from) starModules.push(from);
        } else if (ts.isNamedExports(clause)) {
          for (const spec of clause.elements) {
            if (spec.name.text !== name) continue;
            const local = (spec.propertyName ?? spec.name).text;
            if (from) {
              for (const m of this.moduleOrigins(from, statement)) {
                out.push(...(m.kind === 'module' ? this.exportOrigins(m.file, local, depth) : [m]));
              }
            } else {
              const decl = lookupTopLevel(sourceFile, local);
              if (decl) out.push(...this.declarationOrigins(decl, depth));
            }
          }
        }
      } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression)) {
        out.push(...this.commonJsExport(statement.expression, name, depth));
      }
    }
    if (!out.length) {
      for (const from of starModules) {
        for (const m of this.moduleOrigins(from, sourceFile)) {
          if (m.kind === 'module') out.push(...this.exportOrigins(m.file, name, depth).filter((o) => o.kind !== 'unknown'));
        }
      }
    }
    return out;
  }

  /** `module.exports = v`, `module.exports.name = v`, `exports.name = v`. */
  private commonJsExport(assignment: ts.BinaryExpression, name: string, depth: number): Origin[] {
    if (assignment.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return [];
    const target = unwrap(assignment.left);
    if (isModuleExports(target)) {
      return name === 'default' ? this.origins(assignment.right, depth) : this.propertyOrigins(assignment.right, name, depth);
    }
    const prop = accessedName(target);
    if (prop === name && (ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target))) {
      const owner = unwrap(target.expression);
      if (isModuleExports(owner) || (ts.isIdentifier(owner) && owner.text === 'exports' && !declarationOf(owner))) {
        return this.origins(assignment.right, depth);
      }
    }
    return [];
  }

  private parameterOrigins(param: ts.ParameterDeclaration, depth: number): Origin[] {
    const out: Origin[] = [];
    const fn = param.parent;
    const position = fn.parameters.indexOf(param);
    if (!param.dotDotDotToken) {
      for (const call of this.callersOf(fn)) {
        const arg = argumentsOf(call)[position];
        if (arg && !ts.isSpreadElement(arg)) out.push(...this.origins(arg, depth));
      }
    }
    if (param.initializer) out.push(...this.origins(param.initializer, depth));
    if (!out.length) out.push({ kind: 'param', node: param });
    return out;
  }

  /**
   * Calls in the indexed files that may invoke `fn`: by its name, `new` expressions of a
   * constructor's class, the call of a function written as its callee (an IIFE), and, for a function
   * passed as an argument (a factory given to a UMD wrapper, a callback), the calls of that parameter
   * in the functions it is passed to.
   */
  callersOf(fn: ts.SignatureDeclaration): Caller[] {
    const cached = this.callerCache.get(fn);
    if (cached) return cached;
    const out: Caller[] = [];
    // Set first: a caller's own look-ups may come back here (recursion), and must see no callers yet.
    this.callerCache.set(fn, out);
    if (ts.isConstructorDeclaration(fn)) {
      for (const created of this.newsOf(fn.parent)) out.push(created);
      return out;
    }
    const holder = outerExpression(fn);
    const parent = holder.parent;
    if (parent && ts.isCallExpression(parent)) {
      if (unwrap(parent.expression) === fn) out.push(parent);
      const position = parent.arguments.indexOf(holder as ts.Expression);
      if (position >= 0) for (const call of this.callsOfParameter(parent, position)) out.push(call);
    }
    const name = functionName(fn);
    if (!name) return out;
    for (const index of this.indexedFiles()) {
      for (const call of index.calls.get(name) ?? []) {
        if (this.calleeFunctions(call).includes(fn as ts.FunctionLikeDeclaration)) out.push(call);
      }
    }
    return out;
  }

  /** `new C(...)` expressions, in the indexed files, of a class. */
  private newsOf(cls: ts.ClassLikeDeclaration): ts.NewExpression[] {
    const name = cls.name?.text ?? (ts.isVariableDeclaration(cls.parent) && ts.isIdentifier(cls.parent.name) ? cls.parent.name.text : undefined);
    if (!name) return [];
    const out: ts.NewExpression[] = [];
    for (const index of this.indexedFiles()) {
      for (const created of index.news.get(name) ?? []) {
        if (classesOf(this.origins(created.expression)).includes(cls)) out.push(created);
      }
    }
    return out;
  }

  /** In the functions `call` invokes, the calls of their parameter at `position` (what a function passed there receives). */
  private callsOfParameter(call: ts.CallExpression, position: number): ts.CallExpression[] {
    const out: ts.CallExpression[] = [];
    for (const callee of this.calleeFunctions(call)) {
      const param = callee.parameters[position];
      if (!param || param.dotDotDotToken || !ts.isIdentifier(param.name)) continue;
      const index = this.index(callee.getSourceFile().fileName);
      for (const inner of index?.calls.get(param.name.text) ?? []) {
        const target = unwrap(inner.expression);
        if (ts.isIdentifier(target) && declarationOf(target) === param) out.push(inner);
      }
    }
    return out;
  }

  /** The functions a call may invoke, where the code says. */
  calleeFunctions(call: ts.CallExpression): ts.FunctionLikeDeclaration[] {
    return this.guarded(call, '', [], () => this.findCallees(call));
  }

  /**
   * Runs a look-up that can come back to itself through others (a callee found through the origins of
   * its owner, which may be a call of it): one already in progress, or past the nesting bound, gives
   * `fallback`.
   */
  private guarded<T>(node: ts.Node, what: string, fallback: T, find: () => T): T {
    const key = `${nodeKey(node)}\0${what}`;
    if (this.lookupsInProgress.has(key) || this.nesting >= MAX_NESTING) return fallback;
    this.lookupsInProgress.add(key);
    this.nesting++;
    try {
      return find();
    } finally {
      this.nesting--;
      this.lookupsInProgress.delete(key);
    }
  }

  private findCallees(call: ts.CallExpression): ts.FunctionLikeDeclaration[] {
    const callee = unwrap(call.expression);
    const out: ts.FunctionLikeDeclaration[] = [];
    if (ts.isFunctionExpression(callee) || ts.isArrowFunction(callee)) return [callee];
    if (ts.isIdentifier(callee)) {
      for (const o of this.origins(callee)) if (o.kind === 'decl' && ts.isFunctionLike(o.node)) out.push(o.node);
      return out;
    }
    const name = accessedName(callee);
    if (name === undefined || !(ts.isPropertyAccessExpression(callee) || ts.isElementAccessExpression(callee))) return out;
    for (const o of this.propertyOrigins(callee.expression, name, 0)) {
      if (o.kind === 'decl' && ts.isFunctionLike(o.node)) out.push(o.node);
    }
    return out;
  }

  /** Expressions a function may return (arrow bodies included). */
  returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
    const body = fn.body;
    if (!body) return [];
    if (!ts.isBlock(body)) return [body];
    const out: ts.Expression[] = [];
    const stack: ts.Node[] = [body];
    while (stack.length) {
      const node = stack.pop()!;
      if (ts.isFunctionLike(node)) continue;
      if (ts.isReturnStatement(node) && node.expression) out.push(node.expression);
      ts.forEachChild(node, (c) => {
        stack.push(c);
      });
    }
    return out;
  }

  // ---- properties ----------------------------------------------------------------------------

  /** What `owner.name` may hold: object literal members, class members, exports, and assignments anywhere. */
  propertyOrigins(ownerExpression: ts.Expression, name: string, depth: number): Origin[] {
    const owner = unwrap(ownerExpression);
    return this.guarded(owner, name, [{ kind: 'unknown', node: owner.parent ?? owner }], () => this.findPropertyOrigins(owner, name, depth));
  }

  private findPropertyOrigins(owner: ts.Expression, name: string, depth: number): Origin[] {
    if (ts.isIdentifier(owner) && GLOBAL_OBJECTS.has(owner.text) && !declarationOf(owner)) {
      return [{ kind: 'global', name }];
    }
    if (isModuleExports(owner)) return this.exportOrigins(owner.getSourceFile().fileName, name, depth);
    const out: Origin[] = [];
    const key = this.ownerKey(owner);
    if (owner.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClassOfThis(owner);
      if (cls) out.push(...this.classMemberOrigins(cls, name, false, depth));
    } else {
      for (const origin of this.origins(owner, depth)) out.push(...this.memberOfOrigin(origin, name, depth));
    }
    if (key) out.push(...this.keyedWrites(key, name, depth));
    if (!out.length) out.push({ kind: 'unknown', node: owner.parent ?? owner });
    // The same member is reached through each declaration of a merged namespace or enum.
    return dedupe(out);
  }

  private memberOfOrigin(origin: Origin, name: string, depth: number): Origin[] {
    switch (origin.kind) {
      case 'module':
        return this.exportOrigins(origin.file, name, depth);
      case 'sdk-module':
        return name === 'default' ? [origin] : [];
      case 'global':
        return [];
      case 'decl':
        if (ts.isClassLike(origin.node)) return this.classMemberOrigins(origin.node, name, true, depth);
        if (ts.isEnumDeclaration(origin.node)) return this.enumMemberOrigins(origin.node, name, depth);
        if (isNamespace(origin.node)) return this.namespaceMemberOrigins(origin.node, name, depth);
        return [];
      case 'expr': {
        const node = origin.node;
        if (ts.isObjectLiteralExpression(node)) return this.objectMemberOrigins(node, name, depth);
        if (ts.isNewExpression(node)) {
          return classesOf(this.origins(node.expression, depth)).flatMap((c) => this.classMemberOrigins(c, name, false, depth));
        }
        if (ts.isCallExpression(node)) {
          return this.calleeFunctions(node).flatMap((fn) =>
            this.returnedExpressions(fn).flatMap((r) => this.propertyOrigins(r, name, depth)),
          );
        }
        return [];
      }
      default:
        return [];
    }
  }

  private objectMemberOrigins(literal: ts.ObjectLiteralExpression, name: string, depth: number): Origin[] {
    for (let i = literal.properties.length - 1; i >= 0; i--) {
      const prop = literal.properties[i];
      if (ts.isSpreadAssignment(prop)) {
        const inner = this.propertyOrigins(prop.expression, name, depth).filter((o) => o.kind !== 'unknown');
        if (inner.length) return inner;
        continue;
      }
      if (propertyNameText(prop.name) !== name) continue;
      if (ts.isPropertyAssignment(prop)) return this.origins(prop.initializer, depth);
      if (ts.isShorthandPropertyAssignment(prop)) return this.origins(prop.name, depth);
      if (ts.isMethodDeclaration(prop)) return [{ kind: 'decl', node: prop }];
      return [{ kind: 'unknown', node: prop }];
    }
    return [];
  }

  /** `E.name` of an enum (its declarations merged): the member's initializer; a member without one is a number not followed. */
  private enumMemberOrigins(decl: ts.EnumDeclaration, name: string, depth: number): Origin[] {
    for (const part of mergedDeclarations(decl)) {
      if (!ts.isEnumDeclaration(part)) continue;
      const member = part.members.find((m) => propertyNameText(m.name) === name);
      if (member) return member.initializer ? this.origins(member.initializer, depth) : [{ kind: 'unknown', node: member }];
    }
    return [];
  }

  /** `N.name` of a namespace (its declarations merged): what its exported declaration of that name holds. */
  private namespaceMemberOrigins(decl: ts.ModuleDeclaration, name: string, depth: number): Origin[] {
    const out: Origin[] = [];
    for (const part of mergedDeclarations(decl)) {
      if (!ts.isModuleDeclaration(part)) continue;
      const body = part.body;
      // `namespace A.B { }`: B is the body of A.
      if (body && isNamespace(body)) {
        if (body.name.text === name) out.push({ kind: 'decl', node: body });
        continue;
      }
      if (!body || !ts.isModuleBlock(body)) continue;
      for (const statement of body.statements) {
        if (!hasExportModifier(statement)) continue;
        if (ts.isVariableStatement(statement)) {
          for (const variable of statement.declarationList.declarations) {
            if (ts.isIdentifier(variable.name) && variable.name.text === name) out.push(...this.declarationOrigins(variable, depth));
          }
        } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || isNamespace(statement)) && statement.name?.text === name) {
          out.push({ kind: 'decl', node: statement });
        }
      }
    }
    return out;
  }

  /** What assignments `o.name = v` give, anywhere in the indexed files, where `o` is the object `key` names. */
  private keyedWrites(key: string, name: string, depth: number): Origin[] {
    const out: Origin[] = [];
    for (const index of this.indexedFiles()) {
      for (const write of index.writes.get(name) ?? []) {
        const target = unwrap(write.left);
        if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && this.ownerKey(unwrap(target.expression)) === key) {
          out.push(...this.origins(write.right, depth));
        }
      }
    }
    return out;
  }

  private classMemberOrigins(cls: ts.ClassLikeDeclaration, name: string, isStatic: boolean, depth: number): Origin[] {
    const out: Origin[] = [];
    for (const member of cls.members) {
      const memberStatic = !!(ts.canHaveModifiers(member) && ts.getModifiers(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword));
      if (memberStatic !== isStatic || propertyNameText(member.name) !== name) continue;
      if (ts.isPropertyDeclaration(member) && member.initializer) out.push(...this.origins(member.initializer, depth));
      else if (ts.isMethodDeclaration(member)) out.push({ kind: 'decl', node: member });
      else if (ts.isGetAccessorDeclaration(member)) {
        for (const r of this.returnedExpressions(member)) out.push(...this.origins(r, depth));
      }
    }
    if (!isStatic) {
      const ctor = cls.members.find(ts.isConstructorDeclaration);
      for (const param of ctor?.parameters ?? []) {
        if (ts.isParameterPropertyDeclaration(param, ctor!) && propertyNameText(param.name) === name) {
          out.push(...this.parameterOrigins(param, depth));
        }
      }
      // `this.name = v` in the class's constructor and methods (and `obj.name = v` on its instances).
      out.push(...this.keyedWrites(`class:${nodeKey(cls)}`, name, depth));
    }
    return out;
  }

  /**
   * A key naming the object an expression refers to, equal for all expressions that refer to the
   * same object: every instance of a class of the app shares one key (`this` inside it too).
   */
  ownerKey(expression: ts.Expression): string | undefined {
    if (this.ownerKeys.has(expression)) return this.ownerKeys.get(expression);
    // Set first: working the key out may ask for it again (through an import's origins), and gets none then.
    this.ownerKeys.set(expression, undefined);
    const key = this.computeOwnerKey(unwrap(expression));
    this.ownerKeys.set(expression, key);
    return key;
  }

  private computeOwnerKey(expr: ts.Expression): string | undefined {
    if (expr.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClassOfThis(expr);
      return cls ? `class:${nodeKey(cls)}` : undefined;
    }
    if (ts.isIdentifier(expr)) {
      const decl = declarationOf(expr);
      if (!decl || ambientName(decl) !== undefined) return GLOBAL_OBJECTS.has(expr.text) ? 'global' : `global:${expr.text}`;
      if (ts.isVariableDeclaration(decl) && decl.initializer) {
        const init = unwrap(decl.initializer);
        if (ts.isNewExpression(init)) {
          const [cls] = classesOf(this.origins(init.expression));
          if (cls) return `class:${nodeKey(cls)}`;
        }
      }
      if (ts.isImportSpecifier(decl) || ts.isImportClause(decl) || ts.isNamespaceImport(decl)) {
        const target = this.origins(expr);
        if (target.length === 1) {
          const t = target[0];
          if (t.kind === 'module') return `module:${t.file}`;
          if (t.kind === 'decl') return `decl:${nodeKey(t.node)}`;
          if (t.kind === 'expr' && ts.isVariableDeclaration(t.node.parent)) return this.ownerKey(t.node.parent.name as ts.Identifier);
        }
        return undefined;
      }
      return `decl:${nodeKey(decl)}`;
    }
    if (isModuleExports(expr)) return `module:${expr.getSourceFile().fileName}`;
    const name = accessedName(expr);
    if (name !== undefined && (ts.isPropertyAccessExpression(expr) || ts.isElementAccessExpression(expr))) {
      const owner = this.ownerKey(expr.expression);
      return owner ? `${owner}.${name}` : undefined;
    }
    return undefined;
  }
}

/** The outermost of the parentheses and type assertions around a node. */
/** Functions that wrap a function to run it the first time only: lodash's and underscore's `once`, `onetime`. */
const ONCE_WRAPPER = /^(once|onetime|oneTime)$/;

/** Whether a call wraps its first argument to run once: `once(fn)`, `_.once(fn)`, `onetime(fn)`. */
export function isOnceWrapper(call: ts.CallExpression): boolean {
  const callee = unwrap(call.expression);
  const name = ts.isIdentifier(callee) ? callee.text : accessedName(callee);
  return name !== undefined && ONCE_WRAPPER.test(name) && call.arguments.length === 1;
}

/** The `once(fn)` call a function is wrapped in, if any. */
export function onceWrapperOf(fn: ts.Node): ts.CallExpression | undefined {
  const holder = outerExpression(fn);
  const call = holder.parent;
  return call && ts.isCallExpression(call) && call.arguments[0] === holder && isOnceWrapper(call) ? call : undefined;
}

function outerExpression(node: ts.Node): ts.Node {
  let current = node;
  while (current.parent && (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent) || ts.isNonNullExpression(current.parent) || ts.isSatisfiesExpression(current.parent))) {
    current = current.parent;
  }
  return current;
}

/**
 * The name a declaration gives a global, when it is ambient: `declare var x`, `declare const x`, a
 * declaration inside `declare global { ... }` or a declaration file. It declares, never defines.
 */
function ambientName(decl: Declaration): string | undefined {
  if (!ts.isVariableDeclaration(decl) || !ts.isIdentifier(decl.name)) return undefined;
  if (decl.getSourceFile().isDeclarationFile) return decl.name.text;
  for (let node: ts.Node | undefined = decl.parent; node && !ts.isSourceFile(node); node = node.parent) {
    if ((ts.isVariableStatement(node) || ts.isModuleDeclaration(node)) && ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DeclareKeyword)) return decl.name.text;
  }
  return undefined;
}

/** The declarations an enum or namespace merges with: those of its name in the same block, in order. */
function mergedDeclarations(decl: ts.EnumDeclaration | ts.ModuleDeclaration): ts.Statement[] {
  const container = decl.parent;
  if (!ts.isSourceFile(container) && !ts.isModuleBlock(container)) return [decl];
  const name = decl.name.text;
  return container.statements.filter((s) => (ts.isEnumDeclaration(s) || isNamespace(s)) && s.name.text === name);
}

function classesOf(origins: Origin[]): ts.ClassLikeDeclaration[] {
  return origins.flatMap((o) => (o.kind === 'decl' && ts.isClassLike(o.node) ? [o.node] : []));
}

function isModuleExports(node: ts.Node): boolean {
  return (
    ts.isPropertyAccessExpression(node) &&
    node.name.text === 'exports' &&
    ts.isIdentifier(node.expression) &&
    node.expression.text === 'module'
  );
}

function lookupTopLevel(sourceFile: ts.SourceFile, name: string): Declaration | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const decl of statement.declarationList.declarations) {
        if (ts.isIdentifier(decl.name) && decl.name.text === name) return decl;
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || isNamespace(statement)) && statement.name?.text === name) {
      return statement;
    } else if (ts.isImportDeclaration(statement) && statement.importClause) {
      const clause = statement.importClause;
      if (clause.name?.text === name) return clause;
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return bindings;
      if (bindings && ts.isNamedImports(bindings)) {
        const spec = bindings.elements.find((e) => e.name.text === name);
        if (spec) return spec;
      }
    }
  }
  return undefined;
}

/** The name callers use for a function: its own, its variable's, or its property's. */
export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteralLike(fn.name) || ts.isPrivateIdentifier(fn.name))) return fn.name.text;
  // `const start = once(() => ...)`: the function is called by the wrapper's name.
  const wrapper = onceWrapperOf(fn);
  const parent = wrapper ? wrapper.parent : fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return propertyNameText(parent.name);
  if (parent && ts.isPropertyDeclaration(parent)) return propertyNameText(parent.name);
  if (parent && ts.isBinaryExpression(parent)) return accessedName(parent.left) ?? (ts.isIdentifier(parent.left) ? parent.left.text : undefined);
  return undefined;
}

function dedupe(origins: Origin[]): Origin[] {
  const seen = new Set<unknown>();
  return origins.filter((o) => {
    const id = 'node' in o ? o.node : o.kind === 'module' ? `m:${o.file}` : o.kind === 'global' ? `g:${o.name}` : o.kind;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
