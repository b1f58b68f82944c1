import type { z } from 'zod';

/**
 * One problem in a case-type definition: where (`phases[2].checklist[0].label`), what (a stable
 * `code`), a readable message, and for FEEL the character range inside the expression. Warnings are
 * reported but do not block publishing.
 */
export interface DefinitionIssue {
  readonly path: string;
  readonly code: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly position?: { readonly from: number; readonly to: number };
}

/** `['phases', 2, 'checklist', 0, 'label']` → `phases[2].checklist[0].label`. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return text === '' ? String(part) : `${text}.${String(part)}`;
  }, '');
}

type ZodIssue = z.core.$ZodIssue;

const confidentialityProperty = /(^|\.)(confidentiality|maxConfidentiality)$/;

/** Every zod issue as a definition issue with a stable code; union branches are unwrapped. */
export function issuesFromZod(issues: readonly ZodIssue[], prefix: readonly PropertyKey[] = []): DefinitionIssue[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union' && issue.errors.length > 0) {
      return issuesFromZod(pickUnionBranch(issue.errors), path);
    }
    return [{ path: formatPath(path), code: codeOf(issue, formatPath(path)), message: issue.message, severity: 'error' }];
  });
}

/**
 * Lists accept either an item or a fragment reference. Report the branch the author meant: the
 * reference when the item has a `fragment` property, the item otherwise.
 */
function pickUnionBranch(branches: readonly (readonly ZodIssue[])[]): readonly ZodIssue[] {
  const meantAsItem = branches.find(
    (branch) => !branch.some((issue) => issue.path[0] === 'fragment' && issue.code === 'invalid_type'),
  );
  return meantAsItem ?? branches[branches.length - 1] ?? [];
}

function codeOf(issue: ZodIssue, path: string): string {
  const params = 'params' in issue ? (issue.params as { code?: unknown } | undefined) : undefined;
  if (typeof params?.code === 'string') return params.code;
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'required' : 'invalid-type';
    case 'invalid_value':
      return confidentialityProperty.test(path) ? 'confidentiality.unknown' : 'invalid-value';
    case 'unrecognized_keys':
      return 'unknown-property';
    default:
      return issue.code.replace(/_/g, '-');
  }
}
