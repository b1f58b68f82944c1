import type { SyntaxNode, Tree } from '@lezer/common' with { 'resolution-mode': 'import' };
import type * as Feelin from 'feelin' with { 'resolution-mode': 'import' };

/*
 * FEEL (the DMN expression language) through `feelin`, the interpreter bpmn.io maintains. feelin is
 * ESM-only; Node 20.19+ loads it with require(), which keeps this CommonJS package simple. Everything
 * else talks to the `FeelEvaluator` port below, so the interpreter can be swapped.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const feelin = require('feelin') as typeof Feelin;

/** A problem in an expression, with the character range (0-based, end exclusive) it concerns. */
export interface FeelProblem {
  readonly code: 'feel.syntax' | 'feel.unknown-name';
  readonly message: string;
  readonly from: number;
  readonly to: number;
}

export interface FeelEvaluator {
  /** Parses without evaluating and lists syntax errors and names that are not in `knownNames`. */
  check(expression: string, knownNames: readonly string[]): FeelProblem[];
  /** Evaluates against named values; FEEL yields null (not an exception) for most type mismatches. */
  evaluate(expression: string, context: Readonly<Record<string, unknown>>): unknown;
}

/** A field value in the shape FEEL expects (dates as FEEL dates, absent values as null). */
export function toFeelValue(type: string, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (type === 'date' && typeof value === 'string') return feelin.date(value);
  return value;
}

/** A FEEL result as plain data: temporal values as their ISO text (`2026-03-10`, `P5Y`). */
export function fromFeelValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const temporal = [feelin.FeelDate, feelin.FeelTime, feelin.FeelDateTime, feelin.FeelDuration];
  return temporal.some((type) => value instanceof type) ? String(value) : value;
}

const normalizeName = (name: string) => name.trim().replace(/\s+/g, ' ');

/**
 * A memo for facts that depend only on their key (an expression's text and the context's names, a
 * name), never on values: at most `limit` entries, the oldest dropped first.
 */
export class BoundedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: string, compute: () => V): V {
    if (this.entries.has(key)) return this.entries.get(key) as V;
    const value = compute();
    if (this.entries.size >= this.limit) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, value);
    return value;
  }
}

type Primitive = string | number | boolean | null;
const isPrimitive = (value: unknown): value is Primitive =>
  value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * What evaluating an expression comes down to, from feelin's own parse with the context's names (the
 * parse depends on them: with a field named `true`, `true` is that field): a literal (its value), a
 * context entry named exactly so (feelin answers a name found in the context with the entry as it is),
 * or anything else (feelin evaluates it). feelin parses again on every evaluation; a default such as
 * `value: bedrag` needs no parse at all.
 */
type Shape =
  | { readonly kind: 'literal'; readonly value: Primitive }
  | { readonly kind: 'name'; readonly name: string }
  | { readonly kind: 'other' };

const literalNodes = new Set(['NumericLiteral', 'StringLiteral', 'BooleanLiteral', 'null']);
const other: Shape = { kind: 'other' };

function childrenOf(node: SyntaxNode): SyntaxNode[] {
  const children: SyntaxNode[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) if (!child.type.isSkipped) children.push(child);
  return children;
}

function shapeOf(expression: string, names: readonly string[]): Shape {
  const context = Object.fromEntries(names.map((name) => [name, null]));
  const tree = feelin.parseExpression(expression, context, undefined);
  let valid = true;
  tree.iterate({
    enter(node) {
      if (node.type.isError) valid = false;
    },
  });
  const [only, ...more] = childrenOf(tree.topNode);
  if (!valid || tree.topNode.name !== 'Expression' || !only || more.length > 0) return other;
  if (only.name === 'VariableName' && childrenOf(only).length === 1) {
    const name = expression.slice(only.from, only.to);
    return names.includes(name) ? { kind: 'name', name } : other;
  }
  if (literalNodes.has(only.name)) {
    // A literal reads nothing from the context: its value is feelin's, once.
    const value = feelin.evaluate(expression, context).value;
    return isPrimitive(value) ? { kind: 'literal', value } : other;
  }
  return other;
}

/** Shapes by expression and context names; the case types' expressions are few, the bound is generous. */
const shapes = new BoundedCache<Shape>(2000);
/** Whether a name is a built-in function, by name (check() asks for every function an expression calls). */
const builtIns = new BoundedCache<boolean>(1000);
/** The module's caches, for tests of their bounds. */
export const feelCaches = { shapes, builtIns } as const;

function isBuiltInFunction(name: string): boolean {
  return builtIns.get(name, () => {
    try {
      const value = feelin.evaluate(name).value;
      // Built-ins evaluate to plain JavaScript functions; user-defined FEEL functions to FeelFunction.
      return typeof value === 'function' || feelin.isFunction(value);
    } catch {
      // A name that does not even parse on its own is no built-in.
      return false;
    }
  });
}

/** Names an expression binds itself: `for x in`, `some x in`, context keys, function parameters. */
function boundNames(tree: Tree, expression: string): Set<string> {
  const names = new Set<string>();
  tree.iterate({
    enter(node) {
      if (node.name === 'Name') names.add(normalizeName(expression.slice(node.from, node.to)));
    },
  });
  return names;
}

export const feelinEvaluator: FeelEvaluator = {
  check(expression, knownNames) {
    const context = Object.fromEntries(knownNames.map((name) => [name, null]));
    const tree = feelin.parseExpression(expression, context, undefined);
    const syntax: FeelProblem[] = [];
    tree.iterate({
      enter(node) {
        if (!node.type.isError) return;
        const atEnd = node.from >= expression.length;
        syntax.push({
          code: 'feel.syntax',
          message: atEnd
            ? `Incomplete expression: it ends too early (inside ${node.node.parent?.name ?? 'the expression'})`
            : `Unexpected "${expression.slice(node.from, Math.max(node.to, node.from + 1))}" at position ${node.from}`,
          from: node.from,
          to: Math.max(node.to, node.from),
        });
      },
    });
    if (syntax.length > 0) return syntax.slice(0, 1);

    const known = new Set(knownNames.map(normalizeName));
    const bound = boundNames(tree, expression);
    const unknown: FeelProblem[] = [];
    tree.iterate({
      enter(node) {
        if (node.name !== 'VariableName') return;
        const name = normalizeName(expression.slice(node.from, node.to));
        if (known.has(name) || bound.has(name)) return;
        const parent = node.node.parent;
        // `item` is the element under test inside a filter: `tags[item = "x"]`.
        if (name === 'item' && hasAncestor(node.node, 'FilterExpression')) return;
        const isCallee = parent?.name === 'FunctionInvocation' && parent.firstChild?.from === node.from;
        if (isCallee && isBuiltInFunction(name)) return;
        unknown.push({
          code: 'feel.unknown-name',
          message: isCallee ? `Unknown function "${name}"` : `Unknown field "${name}"`,
          from: node.from,
          to: node.to,
        });
      },
    });
    return unknown;
  },

  evaluate(expression, context) {
    const names = Object.keys(context);
    const shape = shapes.get(JSON.stringify([expression, names]), () => shapeOf(expression, names));
    if (shape.kind === 'literal') return shape.value;
    if (shape.kind === 'name' && Object.hasOwn(context, shape.name)) {
      const value = context[shape.name];
      if (isPrimitive(value)) return value;
    }
    return feelin.evaluate(expression, { ...context }).value;
  },
};

function hasAncestor(node: SyntaxNode, name: string): boolean {
  for (let current = node.parent; current; current = current.parent) if (current.name === name) return true;
  return false;
}
