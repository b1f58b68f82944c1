import { type CaseTypeDefinition, CaseTypeDefinitionSchema } from '../../contract/case-type';
import { durationDayBounds, parseIsoDuration } from '../calendar/duration';
import { checkExpressions } from './check-expressions';
import { feelinEvaluator, type FeelEvaluator } from './feel';
import { type DefinitionIssue, issuesFromZod } from './issues';
import { type FragmentLookup, type ResolvedDefinition, type ResolvedOrigins, resolveFragments } from './resolve-fragments';

export type DefinitionValidation =
  | {
      readonly valid: true;
      /** As written (fragment references kept), defaults applied. */
      readonly definition: CaseTypeDefinition;
      /** Fragments inlined at their pinned versions. */
      readonly resolved: ResolvedDefinition;
      /** Warnings only. */
      readonly issues: DefinitionIssue[];
    }
  | { readonly valid: false; readonly issues: DefinitionIssue[] };

export interface ValidationOptions {
  readonly fragments?: FragmentLookup;
  readonly feel?: FeelEvaluator;
}

const choiceTypes = new Set(['choice', 'multiChoice']);

/**
 * Validates a whole definition and lists every issue by path. Structure comes first (the zod schema);
 * only a well-formed definition is checked across its parts (keys, phases, references, FEEL), since
 * those checks need its shape.
 */
export function validateDefinition(input: unknown, options: ValidationOptions = {}): DefinitionValidation {
  const parsed = CaseTypeDefinitionSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { valid: false, issues: issuesFromZod(parsed.error.issues) };
  const definition = parsed.data;
  const { resolved, origins, issues } = resolveFragments(definition, options.fragments ?? (() => undefined));
  issues.push(
    ...checkKeys(resolved, origins),
    ...checkPhases(resolved),
    ...checkFields(resolved, origins),
    ...checkOutcomes(resolved, origins),
    ...checkTerms(resolved),
    ...checkReferences(resolved),
    ...checkExpressions(resolved, origins, options.feel ?? feelinEvaluator),
  );
  if (issues.some((issue) => issue.severity === 'error')) return { valid: false, issues };
  return { valid: true, definition, resolved, issues };
}

const error = (path: string, code: string, message: string): DefinitionIssue => ({
  path,
  code,
  message,
  severity: 'error',
});

function duplicates(items: readonly { key: string }[], pathOf: (index: number) => string, what: string): DefinitionIssue[] {
  const seen = new Set<string>();
  return items.flatMap((item, index) => {
    if (!seen.has(item.key)) {
      seen.add(item.key);
      return [];
    }
    return [error(`${pathOf(index)}.key`, 'key.duplicate', `Another ${what} already has the key "${item.key}"`)];
  });
}

function checkKeys(definition: ResolvedDefinition, origins: ResolvedOrigins): DefinitionIssue[] {
  const tasks = definition.phases.flatMap((phase, p) =>
    phase.tasks.map((task, t) => ({ task, path: `phases[${p}].tasks[${t}]` })),
  );
  return [
    ...duplicates(definition.phases, (i) => `phases[${i}]`, 'phase'),
    ...duplicates(definition.fields, (i) => origins.fields[i] ?? `fields[${i}]`, 'field'),
    ...duplicates(definition.outcomes, (i) => origins.outcomes[i] ?? `outcomes[${i}]`, 'outcome'),
    ...duplicates(definition.documentTypes, (i) => `documentTypes[${i}]`, 'document type'),
    ...duplicates(definition.roles, (i) => `roles[${i}]`, 'role'),
    ...duplicates(definition.rules, (i) => `rules[${i}]`, 'rule'),
    ...duplicates(
      tasks.map(({ task }) => task),
      (i) => tasks[i]?.path ?? '',
      'task template',
    ),
    ...definition.phases.flatMap((phase, p) =>
      duplicates(phase.checklist, (i) => origins.checklists[p]?.[i] ?? `phases[${p}].checklist[${i}]`, 'checklist item'),
    ),
    ...definition.access.flatMap((grant, index) =>
      definition.access.findIndex((other) => other.group === grant.group && other.role === grant.role) < index
        ? [error(`access[${index}]`, 'access.duplicate', 'This group already has this role')]
        : [],
    ),
  ];
}

function checkPhases(definition: ResolvedDefinition): DefinitionIssue[] {
  const finals = definition.phases.flatMap((phase, index) => (phase.final ? [index] : []));
  if (finals.length === 0) return [error('phases', 'phase.final-missing', 'Mark the last phase as final')];
  const issues = finals
    .slice(1)
    .map((index) => error(`phases[${index}].final`, 'phase.final-multiple', 'Only one phase can be final'));
  const last = definition.phases.length - 1;
  if (finals.length === 1 && finals[0] !== last) {
    issues.push(error(`phases[${finals[0]}].final`, 'phase.final-not-last', 'The final phase must be the last one'));
  }
  return issues;
}

function checkFields(definition: ResolvedDefinition, origins: ResolvedOrigins): DefinitionIssue[] {
  const phaseKeys = new Set(definition.phases.map((phase) => phase.key));
  return definition.fields.flatMap((field, index) => {
    const path = origins.fields[index] ?? `fields[${index}]`;
    const issues: DefinitionIssue[] = [];
    if (choiceTypes.has(field.type) && (field.options ?? []).length === 0) {
      issues.push(error(`${path}.options`, 'field.options-missing', 'A choice field needs options'));
    }
    if (!choiceTypes.has(field.type) && field.options !== undefined) {
      issues.push(error(`${path}.options`, 'field.options-unexpected', `A ${field.type} field has no options`));
    }
    issues.push(...duplicates(field.options ?? [], (i) => `${path}.options[${i}]`, 'option'));
    if (field.phase !== undefined && !phaseKeys.has(field.phase)) {
      issues.push(error(`${path}.phase`, 'phase.unknown', `There is no phase "${field.phase}"`));
    }
    if (reservedFeelWords.has(field.key)) {
      issues.push(error(`${path}.key`, 'field.key-reserved', `"${field.key}" is a FEEL keyword`));
    }
    return issues;
  });
}

/** Words FEEL reserves; a field with such a key could not be named in a rule. */
const reservedFeelWords = new Set(
  'and or not true false null if then else for in return some every satisfies between instance of function external'.split(' '),
);

function checkOutcomes(definition: ResolvedDefinition, origins: ResolvedOrigins): DefinitionIssue[] {
  const fields = new Map(definition.fields.map((field) => [field.key, field]));
  return definition.outcomes.flatMap((outcome, index) => {
    const path = `${origins.outcomes[index] ?? `outcomes[${index}]`}.archive`;
    const { action, period, trigger, field } = outcome.archive;
    const issues: DefinitionIssue[] = [];
    if (action === 'destroy' && period === undefined) {
      issues.push(error(`${path}.period`, 'archive.period-missing', 'Destruction needs a retention period'));
    }
    if (trigger === 'field') {
      const target = field === undefined ? undefined : fields.get(field);
      if (field === undefined) {
        issues.push(error(`${path}.field`, 'archive.field-missing', 'Trigger "field" needs the date field to count from'));
      } else if (!target) {
        issues.push(error(`${path}.field`, 'field.unknown', `There is no field "${field}"`));
      } else if (target.type !== 'date') {
        issues.push(error(`${path}.field`, 'archive.field-not-date', `"${field}" is a ${target.type} field, not a date`));
      }
    } else if (field !== undefined) {
      issues.push(error(`${path}.field`, 'archive.field-unexpected', `Only trigger "field" names a field`));
    }
    return issues;
  });
}

function checkTerms(definition: ResolvedDefinition): DefinitionIssue[] {
  const issues: DefinitionIssue[] = [];
  for (const setting of ['suspension', 'extension'] as const) {
    if (definition[setting].max !== undefined && !definition[setting].allowed) {
      issues.push(
        error(`${setting}.max`, `${setting}.max-without-allowed`, `A maximum ${setting} needs ${setting} to be allowed`),
      );
    }
  }
  for (const flag of ['lexSilencio', 'dwangsom'] as const) {
    if (definition[flag] && definition.legalTerm === undefined) {
      issues.push(error(flag, `${flag === 'lexSilencio' ? 'lex-silencio' : flag}.without-legal-term`, 'Needs a legal term'));
    }
  }
  if (definition.extension.allowed && definition.legalTerm === undefined) {
    issues.push(error('extension.allowed', 'extension.without-legal-term', 'Only a legal term can be extended'));
  }
  if (definition.validFrom && definition.validTo && definition.validTo < definition.validFrom) {
    issues.push(error('validTo', 'validity.reversed', 'validTo lies before validFrom'));
  }
  const norm = definition.serviceNorm && parseIsoDuration(definition.serviceNorm);
  const term = definition.legalTerm && parseIsoDuration(definition.legalTerm);
  // A warning, not an error: a norm past the term is almost always a typo, but with an extension an
  // organisation may knowingly aim beyond the bare term. Compared by day bounds, as months vary.
  if (norm && term && durationDayBounds(norm).min > durationDayBounds(term).max) {
    issues.push({
      path: 'serviceNorm',
      code: 'service-norm.exceeds-legal-term',
      message: `The service norm ${definition.serviceNorm} is longer than the legal term ${definition.legalTerm}`,
      severity: 'warning',
    });
  }
  return issues;
}

function checkReferences(definition: ResolvedDefinition): DefinitionIssue[] {
  const fieldKeys = new Set(definition.fields.map((field) => field.key));
  const roleKeys = new Set(definition.roles.map((role) => role.key));
  const unknownField = (path: string, key: string) =>
    fieldKeys.has(key) ? [] : [error(path, 'field.unknown', `There is no field "${key}"`)];
  return [
    ...definition.phases.flatMap((phase, p) =>
      phase.requiredFields.flatMap((key, i) => unknownField(`phases[${p}].requiredFields[${i}]`, key)),
    ),
    ...definition.rules.flatMap((rule, index) => {
      const path = `rules[${index}].then`;
      const action = rule.then;
      if ('require' in action) return unknownField(`${path}.require`, action.require);
      if ('default' in action) return unknownField(`${path}.default.field`, action.default.field);
      return roleKeys.has(action.requireApproval)
        ? []
        : [error(`${path}.requireApproval`, 'role.unknown', `There is no role "${action.requireApproval}"`)];
    }),
    ...(definition.intakeForm?.fields ?? []).flatMap((item, i) => unknownField(`intakeForm.fields[${i}].field`, item.field)),
  ];
}
