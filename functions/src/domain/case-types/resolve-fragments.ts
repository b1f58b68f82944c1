import type { CaseTypeDefinition, ChecklistItem, Field, Fragment, FragmentRef, Outcome, Phase } from '../../contract/case-type';
import type { DefinitionIssue } from './issues';

/** A definition with every fragment reference replaced by the pinned fragment's items. */
export type ResolvedPhase = Omit<Phase, 'checklist'> & { checklist: ChecklistItem[] };
export type ResolvedDefinition = Omit<CaseTypeDefinition, 'fields' | 'outcomes' | 'phases'> & {
  phases: ResolvedPhase[];
  fields: Field[];
  outcomes: Outcome[];
};

/** Where each resolved item was written, so issues name the path the author knows. */
export interface ResolvedOrigins {
  readonly fields: string[];
  readonly outcomes: string[];
  readonly checklists: string[][];
}

/** Finds a fragment by key and version; the library is whatever storage holds (or a test's list). */
export type FragmentLookup = (key: string, version: number) => Fragment | undefined;

export const fragmentLookup =
  (fragments: readonly Fragment[]): FragmentLookup =>
  (key, version) =>
    fragments.find((fragment) => fragment.key === key && fragment.version === version);

const isRef = (item: object): item is FragmentRef => 'fragment' in item;

/**
 * Inlines fragments at their pinned version. Each inlined item carries `fromFragment`, so a published
 * version keeps both the content and the pin: a later fragment version never changes it.
 */
export function resolveFragments(
  definition: CaseTypeDefinition,
  lookup: FragmentLookup,
): { resolved: ResolvedDefinition; origins: ResolvedOrigins; issues: DefinitionIssue[] } {
  const issues: DefinitionIssue[] = [];
  const expand = <T>(items: readonly (T | FragmentRef)[], kind: Fragment['kind'], path: string) => {
    const out: T[] = [];
    const origins: string[] = [];
    items.forEach((item, index) => {
      const itemPath = `${path}[${index}]`;
      if (!isRef(item as object)) {
        out.push(item as T);
        origins.push(itemPath);
        return;
      }
      const ref = item as FragmentRef;
      const fragment = lookup(ref.fragment, ref.version);
      if (!fragment) {
        issues.push(issue(itemPath, 'fragment.unknown', `Fragment ${ref.fragment} version ${ref.version} does not exist`));
      } else if (fragment.kind !== kind) {
        issues.push(issue(itemPath, 'fragment.kind-mismatch', `Fragment ${ref.fragment} holds ${fragment.kind}, not ${kind}`));
      } else {
        fragment.items.forEach((fragmentItem, fragmentIndex) => {
          out.push({ ...(fragmentItem as T), fromFragment: { key: fragment.key, version: fragment.version } });
          origins.push(`${itemPath}<${fragment.key}@${fragment.version}>[${fragmentIndex}]`);
        });
      }
    });
    return { out, origins };
  };

  const fields = expand<Field>(definition.fields, 'fields', 'fields');
  const outcomes = expand<Outcome>(definition.outcomes, 'outcomes', 'outcomes');
  const checklists: string[][] = [];
  const phases = definition.phases.map((phase, index) => {
    const checklist = expand<ChecklistItem>(phase.checklist, 'checklist', `phases[${index}].checklist`);
    checklists.push(checklist.origins);
    return { ...phase, checklist: checklist.out };
  });
  return {
    resolved: { ...definition, phases, fields: fields.out, outcomes: outcomes.out },
    origins: { fields: fields.origins, outcomes: outcomes.origins, checklists },
    issues,
  };
}

const issue = (path: string, code: string, message: string): DefinitionIssue => ({
  path,
  code,
  message,
  severity: 'error',
});
