// Rule conference-id-reuse: a conferenceID must be unique for each call, not one constant or one value made when the page loads.
import { Finder } from './finder.js';
import { ts } from 'ts-morph';
import { accessedName, propertyNameText, unwrap } from '../engine/syntax.js';
import { declarationOf, enclosingClassOfThis, isConstDeclaration } from '../engine/scope.js';
import { Evaluator } from '../engine/values.js';
import { identifierArgs, objectProperty, shortened, type IdentifierArg } from './identifiers.js';
import { defineRule, eachCall, type RuleContext } from '../engine/rule.js';

/** A value that is the same for every call: a constant, or something random or time-based made once at module load. */
interface Fixed {
  kind: 'constant' | 'once';
  /** The expression that produces the whole value: where the finding goes. */
  node: ts.Node;
  /** For `once`: the time or random call made at load time. */
  source?: ts.Node;
}

const RANDOM_OR_TIME =
  /^(Date\.now|Math\.random|performance\.now|((window|globalThis|self)\.)?crypto\.randomUUID|uuid(v[1-7])?|uuid\.v[1-7]|v[1-7]|nanoid|cuid2?|createId|ulid|shortid\.generate|uniqueId|_\.uniqueId)$/i;
/** Methods and functions whose result is as fixed as their receiver and arguments. */
const PASSTHROUGH_METHODS = new Set(['toString', 'toLowerCase', 'toUpperCase', 'trim', 'normalize', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'replace', 'replaceAll', 'concat', 'toISOString', 'toJSON', 'getTime', 'valueOf', 'toFixed']);
const PASSTHROUGH_FUNCTIONS = /^(String|Number|encodeURIComponent|encodeURI|btoa|Math\.(floor|round|ceil|trunc|abs))$/;
const MAX_DEPTH = 10;

function contains(outer: ts.Node, inner: ts.Node): boolean {
  return outer.getSourceFile() === inner.getSourceFile() && outer.pos <= inner.pos && inner.end <= outer.end;
}

function combine(parts: Fixed[], node: ts.Node): Fixed {
  const once = parts.find((p) => p.kind === 'once');
  return once ? { kind: 'once', node, source: once.source } : { kind: 'constant', node };
}

function atModuleLoad(node: ts.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isClassLike(current)) return false;
  }
  return true;
}

class FixedFinder extends Finder<Fixed> {
  constructor(context: RuleContext) {
    super(context, MAX_DEPTH);
  }

  private all(expressions: readonly ts.Expression[], node: ts.Node, depth: number): Fixed | undefined {
    const parts = expressions.map((e) => this.find(e, depth));
    return parts.every((p): p is Fixed => !!p) ? combine(parts, node) : undefined;
  }

  protected compute(node: ts.Expression, depth: number): Fixed | undefined {
    if (ts.isStringLiteralLike(node)) return node.text === '' ? undefined : { kind: 'constant', node };
    if (ts.isNumericLiteral(node)) return { kind: 'constant', node };
    if (ts.isTemplateExpression(node)) return this.all(node.templateSpans.map((s) => s.expression), node, depth);
    if (ts.isConditionalExpression(node)) return this.all([node.whenTrue, node.whenFalse], node, depth);
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      const arithmetic = [ts.SyntaxKind.PlusToken, ts.SyntaxKind.MinusToken, ts.SyntaxKind.AsteriskToken, ts.SyntaxKind.SlashToken];
      if (arithmetic.includes(op) || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken) {
        return this.all([node.left, node.right], node, depth);
      }
      return undefined;
    }
    if (ts.isIdentifier(node)) return this.identifier(node, depth) ?? this.fromOrigins(node, depth);
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.property(node, depth) ?? this.fromOrigins(node, depth);
    if (ts.isCallExpression(node)) return this.call(node, depth);
    if (ts.isNewExpression(node) && unwrap(node.expression).getText() === 'Date' && !node.arguments?.length) {
      return atModuleLoad(node) ? { kind: 'once', node, source: node } : undefined;
    }
    return undefined;
  }

  private identifier(node: ts.Identifier, depth: number): Fixed | undefined {
    const decl = declarationOf(node);
    if (!decl) return undefined;
    if (ts.isVariableDeclaration(decl)) return this.variable(decl, depth);
    if (ts.isImportSpecifier(decl)) {
      const exported = this.importedVariable(decl);
      return exported && this.variable(exported, depth);
    }
    return undefined;
  }

  /**
   * What the engine's value follower finds a name or property may hold (enum members, namespace
   * constants, `import * as config`, default imports, re-exports), when every value it may hold is
   * written at module load: a parameter, or a write in a function, and it is not fixed.
   */
  private fromOrigins(node: ts.Expression, depth: number): Fixed | undefined {
    // Only names declared at module load (an import, an enum, a namespace, a module's constant): the
    // follower takes a parameter to what its callers pass, and the caller picks the room.
    let root: ts.Expression = node;
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = unwrap(root.expression);
    const decl = ts.isIdentifier(root) ? declarationOf(root) : undefined;
    if (!decl || ts.isParameter(decl) || !atModuleLoad(decl)) return undefined;
    const origins = this.context.analysis.origins(node);
    if (!origins.length || !origins.every((o) => o.kind === 'expr' && o.node !== node && atModuleLoad(o.node))) return undefined;
    const values = origins.map((o) => (o as { node: ts.Expression }).node);
    // One value: the finding goes where it is written, as for a constant.
    return values.length === 1 ? this.find(values[0], depth) : this.all(values, node, depth);
  }

  private variable(decl: ts.VariableDeclaration, depth: number): Fixed | undefined {
    if (!ts.isIdentifier(decl.name) || !decl.initializer || !ts.isVariableStatement(decl.parent.parent)) return undefined;
    if (!isConstDeclaration(decl) && this.context.analysis.identifierWrites(decl.name.text, decl).length) return undefined;
    return this.find(decl.initializer, depth);
  }

  /** The variable an `import { x } from './module'` names, when the module declares and exports it itself. */
  private importedVariable(specifier: ts.ImportSpecifier): ts.VariableDeclaration | undefined {
    const from = specifier.parent.parent.parent.moduleSpecifier;
    if (!ts.isStringLiteralLike(from)) return undefined;
    const file = this.context.analysis.workspace.resolve(from.text, specifier.getSourceFile().fileName);
    const index = file ? this.context.analysis.index(file) : undefined;
    if (!index) return undefined;
    const exportedName = (specifier.propertyName ?? specifier.name).text;
    let localName = exportedName;
    for (const statement of index.parsed.sourceFile.statements) {
      if (ts.isExportDeclaration(statement) && !statement.moduleSpecifier && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
        const spec = statement.exportClause.elements.find((e) => e.name.text === exportedName);
        if (spec) localName = (spec.propertyName ?? spec.name).text;
      }
    }
    for (const statement of index.parsed.sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      const decl = statement.declarationList.declarations.find((d) => ts.isIdentifier(d.name) && d.name.text === localName);
      if (decl) return decl;
    }
    return undefined;
  }

  /** Whether the app assigns to this property while running (`this.conferenceID = room.id`): then it is not fixed. */
  private written(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, name: string): boolean {
    const analysis = this.context.analysis;
    const key = analysis.ownerKey(node);
    if (!key) return true;
    return analysis.indexedFiles().some((index) => (index.writes.get(name) ?? []).some((w) => !ts.isIdentifier(unwrap(w.left)) && analysis.ownerKey(w.left) === key));
  }

  /**
   * `CONFIG.room`, `this.conferenceID`: a property of an object literal or a class field, followed
   * through constants and imports only. Values handed in through parameters are never followed, so a
   * room the caller picks is never mistaken for a constant.
   */
  private property(node: ts.PropertyAccessExpression | ts.ElementAccessExpression, depth: number): Fixed | undefined {
    const name = accessedName(node);
    if (name === undefined || this.written(node, name)) return undefined;
    const owner = unwrap(node.expression);
    if (owner.kind === ts.SyntaxKind.ThisKeyword) {
      const member = enclosingClassOfThis(owner)?.members.find(
        (m): m is ts.PropertyDeclaration => ts.isPropertyDeclaration(m) && propertyNameText(m.name) === name && !ts.getModifiers(m)?.some((k) => k.kind === ts.SyntaxKind.StaticKeyword),
      );
      return member?.initializer && this.find(member.initializer, depth);
    }
    const literal = this.objectLiteral(owner, depth);
    const value = literal && objectProperty(literal, name);
    return value && this.find(value, depth);
  }

  /** The object literal an expression holds, through constants, imports, `Object.freeze()` and nested properties. */
  private objectLiteral(expression: ts.Expression, depth: number): ts.ObjectLiteralExpression | undefined {
    const node = unwrap(expression);
    if (depth > MAX_DEPTH) return undefined;
    if (ts.isObjectLiteralExpression(node)) return node;
    if (ts.isCallExpression(node) && unwrap(node.expression).getText() === 'Object.freeze' && node.arguments[0]) {
      return this.objectLiteral(node.arguments[0], depth + 1);
    }
    if (ts.isIdentifier(node)) {
      const decl = declarationOf(node);
      const variable = decl && ts.isVariableDeclaration(decl) ? decl : decl && ts.isImportSpecifier(decl) ? this.importedVariable(decl) : undefined;
      if (!variable?.initializer || !ts.isIdentifier(variable.name)) return undefined;
      const required = this.requiredExports(variable.initializer);
      if (required) return required;
      if (!isConstDeclaration(variable) && this.context.analysis.identifierWrites(variable.name.text, variable).length) return undefined;
      return this.objectLiteral(variable.initializer, depth + 1);
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const name = accessedName(node);
      if (name === undefined || this.written(node, name)) return undefined;
      const owner = this.objectLiteral(node.expression, depth + 1);
      const value = owner && objectProperty(owner, name);
      return value && this.objectLiteral(value, depth + 1);
    }
    return undefined;
  }

  /** The object literal a `require('./config')` gives: what the module assigns to `module.exports`. */
  private requiredExports(expression: ts.Expression): ts.ObjectLiteralExpression | undefined {
    const node = unwrap(expression);
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
    const [module] = this.context.analysis.origins(node);
    if (module?.kind !== 'module') return undefined;
    const exported = this.context.analysis.exportOrigins(module.file, 'default', 0);
    const only = exported.length === 1 ? exported[0] : undefined;
    return only?.kind === 'expr' && ts.isObjectLiteralExpression(only.node) ? only.node : undefined;
  }

  private call(node: ts.CallExpression, depth: number): Fixed | undefined {
    const callee = unwrap(node.expression);
    const calleeText = callee.getText();
    if (RANDOM_OR_TIME.test(calleeText)) return atModuleLoad(node) ? { kind: 'once', node, source: node } : undefined;
    if (PASSTHROUGH_FUNCTIONS.test(calleeText)) return this.all(node.arguments, node, depth);
    if (ts.isPropertyAccessExpression(callee) && PASSTHROUGH_METHODS.has(callee.name.text)) {
      return this.all([callee.expression, ...node.arguments], node, depth);
    }
    // An app function returning a constant: its body runs on every call, so only literals stay fixed.
    const fns = this.context.analysis.calleeFunctions(node);
    if (fns.length !== 1) return undefined;
    const returned = this.context.analysis.returnedExpressions(fns[0]);
    if (!returned.length) return undefined;
    const parts = returned.map((r) => this.find(r, depth));
    if (!parts.every((p): p is Fixed => !!p)) return undefined;
    return parts.length === 1 ? parts[0] : combine(parts, node);
  }
}

function valueText(context: RuleContext, node: ts.Node): string {
  const options = Evaluator.options(context.evaluator.evaluate(node as ts.Expression));
  const texts = options.map((o) => (o.kind === 'string' && o.exact && o.text !== undefined ? JSON.stringify(shortened(o.text)) : o.kind === 'number' ? String(o.value) : undefined));
  if (texts.every((t): t is string => t !== undefined)) return [...new Set(texts)].join(' or ');
  return shortened(node.getText());
}

export const conferenceIdReuse = defineRule({
  meta: {
    id: 'conference-id-reuse',
    description: 'A conferenceID must be unique for each call, not one fixed value',
    defaultSeverity: 'warn',
    docs: 'docs/rules/conference-id-reuse.md',
    fixes: {},
  },
  messages: {
    constant: {
      message: '{{label}} is always {{value}}, so every call of this code lands in one conference',
      help: 'Make a conferenceID per call: the room ID, the page URL, or a timestamp plus a random number.',
    },
    once: {
      message: '{{label}} is made once, when the module loads ({{source}}), and reused for every call',
      help: 'Make the conferenceID when the call starts: the room ID, the page URL, or a timestamp plus a random number.',
    },
  },
  notes: {
    usedAs: 'used as the {{label}} of {{method}}() here',
  },
  create(context) {
    const finder = new FixedFinder(context);
    const byNode = new Map<ts.Node, { fixed: Fixed; ids: IdentifierArg[] }>();
    eachCall(context, context.calls, (call) => {
      for (const id of identifierArgs(context, call)) {
        if (id.isUser) continue;
        const fixed = finder.find(id.expression);
        if (!fixed) continue;
        const entry = byNode.get(fixed.node);
        if (entry) entry.ids.push(id);
        else byNode.set(fixed.node, { fixed, ids: [id] });
      }
    });
    for (const { fixed, ids } of byNode.values()) {
      try {
        const label = ids[0].label;
        context.report({
          node: fixed.node,
          ...(fixed.kind === 'once'
            ? { messageId: 'once', data: { label, source: shortened(fixed.source!.getText()) } }
            : { messageId: 'constant', data: { label, value: valueText(context, fixed.node) } }),
          related: ids
            .filter((id) => !contains(id.call.call, fixed.node))
            .map((id) => ({ node: id.call.call, noteId: 'usedAs', data: { label: id.label, method: id.call.method.name } })),
        });
      } catch (error) {
        context.fail(ids[0].call.file, error);
      }
    }
  },
});
