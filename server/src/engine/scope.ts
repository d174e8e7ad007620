// Lexical name resolution on the raw compiler tree: which declaration an identifier refers to, within its file.
import { ts } from 'ts-morph';

/** A node that declares a name: variable, binding element, parameter, function, class, import, enum, namespace. */
export type Declaration = ts.Node;

/** `namespace A { }` (or `module A { }`): a module declaration with a name, not `declare module 'x'`. */
export function isNamespace(node: ts.Node): node is ts.ModuleDeclaration & { name: ts.Identifier } {
  return ts.isModuleDeclaration(node) && ts.isIdentifier(node.name);
}

const scopeTables = new WeakMap<ts.Node, Map<string, Declaration>>();

function addBindingNames(name: ts.BindingName, decl: Declaration, table: Map<string, Declaration>): void {
  if (ts.isIdentifier(name)) {
    if (!table.has(name.text)) table.set(name.text, decl);
    return;
  }
  for (const element of name.elements) {
    if (ts.isBindingElement(element)) addBindingNames(element.name, element, table);
  }
}

function addStatement(statement: ts.Statement, table: Map<string, Declaration>): void {
  if (ts.isVariableStatement(statement)) {
    for (const decl of statement.declarationList.declarations) addBindingNames(decl.name, decl, table);
  } else if (
    (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement) || isNamespace(statement)) &&
    statement.name
  ) {
    if (!table.has(statement.name.text)) table.set(statement.name.text, statement);
  } else if (ts.isImportDeclaration(statement) && statement.importClause) {
    const clause = statement.importClause;
    if (clause.name) table.set(clause.name.text, clause);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) table.set(bindings.name.text, bindings);
    if (bindings && ts.isNamedImports(bindings)) {
      for (const specifier of bindings.elements) table.set(specifier.name.text, specifier);
    }
  } else if (ts.isImportEqualsDeclaration(statement)) {
    table.set(statement.name.text, statement);
  }
}

/** `var` declarations anywhere in a function body (outside nested functions) belong to the function. */
function addHoistedVars(body: ts.Node, table: Map<string, Declaration>): void {
  const stack: ts.Node[] = [body];
  while (stack.length) {
    const node = stack.pop()!;
    if (node !== body && ts.isFunctionLike(node)) continue;
    if (ts.isVariableDeclarationList(node) && !(node.flags & ts.NodeFlags.BlockScoped)) {
      for (const decl of node.declarations) addBindingNames(decl.name, decl, table);
    }
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
  }
}

function buildTable(scope: ts.Node): Map<string, Declaration> {
  const table = new Map<string, Declaration>();
  if (ts.isSourceFile(scope) || ts.isBlock(scope) || ts.isModuleBlock(scope)) {
    for (const statement of scope.statements) addStatement(statement, table);
    if (ts.isSourceFile(scope)) addHoistedVars(scope, table);
  } else if (ts.isCaseBlock(scope)) {
    for (const clause of scope.clauses) for (const statement of clause.statements) addStatement(statement, table);
  } else if (ts.isFunctionLike(scope)) {
    for (const parameter of scope.parameters) addBindingNames(parameter.name, parameter, table);
    const body = (scope as ts.FunctionLikeDeclaration).body;
    if (body) addHoistedVars(body, table);
    if ((ts.isFunctionExpression(scope) || ts.isClassExpression(scope)) && scope.name && !table.has(scope.name.text)) {
      table.set(scope.name.text, scope);
    }
  } else if (ts.isForStatement(scope) || ts.isForOfStatement(scope) || ts.isForInStatement(scope)) {
    const init = scope.initializer;
    if (init && ts.isVariableDeclarationList(init)) {
      for (const decl of init.declarations) addBindingNames(decl.name, decl, table);
    }
  } else if (ts.isCatchClause(scope) && scope.variableDeclaration) {
    addBindingNames(scope.variableDeclaration.name, scope.variableDeclaration, table);
  } else if (ts.isClassExpression(scope) && scope.name) {
    table.set(scope.name.text, scope);
  }
  return table;
}

function tableOf(scope: ts.Node): Map<string, Declaration> {
  let table = scopeTables.get(scope);
  if (!table) {
    table = buildTable(scope);
    scopeTables.set(scope, table);
  }
  return table;
}

function isScope(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isFunctionLike(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isClassExpression(node)
  );
}

/** The declaration a name refers to at `from`, or undefined for a global. */
export function lookup(name: string, from: ts.Node): Declaration | undefined {
  for (let node: ts.Node | undefined = from; node; node = node.parent) {
    if (!isScope(node)) continue;
    const found = tableOf(node).get(name);
    if (found) return found;
  }
  return undefined;
}

/**
 * Answers per tree: rules ask about the same identifiers once per SDK call. Keyed by the tree, not
 * the identifier alone, because an incremental parse reuses nodes under new ancestors.
 */
const declarations = new WeakMap<ts.SourceFile, Map<ts.Identifier, Declaration | null>>();

/** The declaration an identifier refers to, or undefined for a global. */
export function declarationOf(identifier: ts.Identifier): Declaration | undefined {
  const sourceFile = identifier.getSourceFile();
  let known = declarations.get(sourceFile);
  if (!known) declarations.set(sourceFile, (known = new Map()));
  let found = known.get(identifier);
  if (found === undefined) known.set(identifier, (found = lookup(identifier.text, identifier) ?? null));
  return found ?? undefined;
}

/** The nearest enclosing function (not an arrow function: `this` passes through those). */
export function thisContainer(node: ts.Node): ts.Node | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current)) return current;
    if (ts.isClassLike(current) || ts.isSourceFile(current)) return current;
  }
  return undefined;
}

/** The class whose instance `this` refers to at `node`, if any. */
export function enclosingClassOfThis(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  const container = thisContainer(node);
  if (!container) return undefined;
  if (ts.isClassLike(container)) return container;
  if (container.parent && ts.isClassLike(container.parent)) {
    const isStatic = ts.canHaveModifiers(container) && ts.getModifiers(container)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
    return isStatic ? undefined : container.parent;
  }
  return undefined;
}

/** Whether a `const` declaration (binding cannot be reassigned). */
export function isConstDeclaration(decl: Declaration): boolean {
  let node: ts.Node = decl;
  while (ts.isBindingElement(node) || ts.isObjectBindingPattern(node) || ts.isArrayBindingPattern(node)) node = node.parent;
  return ts.isVariableDeclaration(node) && !!(node.parent.flags & ts.NodeFlags.Const);
}
