import type { CaseTypeDefinition } from '../../contract/case-type';
import type { ResolvedDefinition } from './resolve-fragments';

/** One property that differs, with the value on each side (absent = undefined). */
export interface PropertyChange {
  readonly property: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface CollectionDiff {
  readonly added: { key: string; item: unknown }[];
  readonly removed: { key: string; item: unknown }[];
  readonly changed: { key: string; changes: PropertyChange[] }[];
}

/** Structured differences between two versions (or a version and a draft), ready for the tab to render. */
export interface CaseTypeDiff {
  readonly from: { key: string; version?: number };
  readonly to: { key: string; version?: number };
  readonly properties: PropertyChange[];
  readonly phases: CollectionDiff;
  readonly fields: CollectionDiff;
  readonly outcomes: CollectionDiff;
  readonly rules: CollectionDiff;
  readonly roles: CollectionDiff;
  readonly documentTypes: CollectionDiff;
  readonly access: CollectionDiff;
}

type Comparable = (CaseTypeDefinition | ResolvedDefinition) & { version?: number };

const scalarProperties = [
  'key',
  'name',
  'description',
  'validFrom',
  'validTo',
  'confidentiality',
  'legalTerm',
  'serviceNorm',
  'suspension',
  'extension',
  'lexSilencio',
  'dwangsom',
  'signals',
  'intakeForm',
] as const;

export function diffCaseTypes(before: Comparable, after: Comparable): CaseTypeDiff {
  return {
    from: { key: before.key, version: before.version },
    to: { key: after.key, version: after.version },
    properties: changedProperties(before, after, scalarProperties),
    phases: diffCollection(before.phases, after.phases, true),
    fields: diffCollection(before.fields, after.fields, false),
    outcomes: diffCollection(before.outcomes, after.outcomes, false),
    rules: diffCollection(before.rules, after.rules, false),
    roles: diffCollection(before.roles, after.roles, false),
    documentTypes: diffCollection(before.documentTypes, after.documentTypes, false),
    access: diffCollection(before.access, after.access, false),
  };
}

/** True when nothing differs (the from/to versions aside). */
export function isEmptyDiff(diff: CaseTypeDiff): boolean {
  const { from: _from, to: _to, properties, ...collections } = diff;
  return (
    properties.length === 0 && Object.values(collections).every((c) => c.added.length + c.removed.length + c.changed.length === 0)
  );
}

/** Items are matched by key; a fragment reference by `fragment@version`, an access grant by group and role. */
function keyOf(item: object): string {
  const record = item as Record<string, unknown>;
  if (typeof record.key === 'string') return record.key;
  if (typeof record.fragment === 'string') return `${record.fragment}@${String(record.version)}`;
  return `${String(record.group)}:${String(record.role)}`;
}

function diffCollection(before: readonly object[], after: readonly object[], ordered: boolean): CollectionDiff {
  const beforeByKey = new Map(before.map((item, index) => [keyOf(item), { item, index }]));
  const afterByKey = new Map(after.map((item, index) => [keyOf(item), { item, index }]));
  const changed: CollectionDiff['changed'] = [];
  for (const [key, { item, index }] of afterByKey) {
    const previous = beforeByKey.get(key);
    if (!previous) continue;
    const names = [...new Set([...Object.keys(previous.item), ...Object.keys(item)])];
    const changes = changedProperties(previous.item as Record<string, unknown>, item as Record<string, unknown>, names);
    // Position counts among the items both sides share, so inserting a phase does not "move" the rest.
    if (ordered && sharedIndex(before, afterByKey, key) !== sharedIndex(after, beforeByKey, key)) {
      changes.unshift({ property: 'position', before: previous.index, after: index });
    }
    if (changes.length > 0) changed.push({ key, changes });
  }
  return {
    added: after.filter((item) => !beforeByKey.has(keyOf(item))).map((item) => ({ key: keyOf(item), item })),
    removed: before.filter((item) => !afterByKey.has(keyOf(item))).map((item) => ({ key: keyOf(item), item })),
    changed,
  };
}

function sharedIndex(items: readonly object[], other: Map<string, unknown>, key: string): number {
  return items.filter((item) => other.has(keyOf(item))).findIndex((item) => keyOf(item) === key);
}

function changedProperties<T extends object>(before: T, after: T, names: readonly string[]): PropertyChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  return names
    .filter((name) => canonical(b[name]) !== canonical(a[name]))
    .map((name) => ({ property: name, before: b[name], after: a[name] }));
}

/** JSON with sorted keys, so property order never counts as a change. */
function canonical(value: unknown): string {
  return (
    JSON.stringify(value, (_key, inner: unknown) =>
      inner !== null && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
        : inner,
    ) ?? 'undefined'
  );
}
