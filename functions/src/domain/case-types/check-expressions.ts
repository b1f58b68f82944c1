import type { FeelEvaluator } from './feel';
import type { DefinitionIssue } from './issues';
import type { ResolvedDefinition, ResolvedOrigins } from './resolve-fragments';

/** Every FEEL expression of a definition, by path. */
export function expressionsOf(definition: ResolvedDefinition, origins?: ResolvedOrigins): { path: string; expression: string }[] {
  return [
    ...definition.fields.flatMap((field, index) =>
      field.rule === undefined ? [] : [{ path: `${origins?.fields[index] ?? `fields[${index}]`}.rule`, expression: field.rule }],
    ),
    ...definition.phases.flatMap((phase, index) =>
      phase.entryRule === undefined ? [] : [{ path: `phases[${index}].entryRule`, expression: phase.entryRule }],
    ),
    ...definition.rules.flatMap((rule, index) => [
      { path: `rules[${index}].when`, expression: rule.when },
      ...('default' in rule.then ? [{ path: `rules[${index}].then.default.value`, expression: rule.then.default.value }] : []),
    ]),
  ];
}

/**
 * Each expression must parse and name only the case type's fields (or names it binds itself, or
 * built-in functions); the issue carries the position inside the expression.
 */
export function checkExpressions(
  definition: ResolvedDefinition,
  origins: ResolvedOrigins,
  feel: FeelEvaluator,
): DefinitionIssue[] {
  const fieldKeys = definition.fields.map((field) => field.key);
  return expressionsOf(definition, origins).flatMap(({ path, expression }) =>
    feel.check(expression, fieldKeys).map((problem) => ({
      path,
      code: problem.code,
      message: problem.message,
      severity: 'error' as const,
      position: { from: problem.from, to: problem.to },
    })),
  );
}
