import type { CaseType, Field, FieldType } from '../../contract/case-type';

/** What a migration check needs to know about a running (or closed) case. */
export interface CaseSnapshot {
  readonly caseTypeKey: string;
  readonly caseTypeVersion: number;
  readonly status: 'open' | 'suspended' | 'closed';
  readonly phase: string;
  readonly outcome?: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface MigrationReason {
  readonly code: string;
  readonly message: string;
  /** The phase, field or outcome key the reason is about. */
  readonly subject?: string;
}

export type MigrationCheck = { readonly allowed: true } | { readonly allowed: false; readonly reasons: MigrationReason[] };

/** Type changes that keep every existing value meaningful. */
const compatibleTypes: Partial<Record<FieldType, readonly FieldType[]>> = {
  text: ['longText'],
  number: ['money'],
  choice: ['text', 'longText'],
};

const hasValue = (value: unknown) =>
  value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && value.length === 0);

/**
 * Whether a case may move from `from` to `to`, and if not, every reason. A case never becomes invalid
 * by migrating: its phase, outcome and values must all still fit, and no value may be dropped.
 */
export function canMigrate(snapshot: CaseSnapshot, from: CaseType, to: CaseType): MigrationCheck {
  const reasons: MigrationReason[] = [];
  const reason = (code: string, message: string, subject?: string) => reasons.push({ code, message, subject });
  if (snapshot.caseTypeKey !== from.key || snapshot.caseTypeVersion !== from.version) {
    reason('migration.wrong-source', `The case runs on ${snapshot.caseTypeKey} v${snapshot.caseTypeVersion}`);
  }
  if (to.key !== from.key || to.version <= from.version) {
    reason('migration.not-newer', `${to.key} v${to.version} is not a newer version of ${from.key} v${from.version}`);
  }
  if (to.status !== 'published') reason('migration.target-not-published', `Version ${to.version} is ${to.status}`);

  const phaseIndex = to.phases.findIndex((phase) => phase.key === snapshot.phase);
  if (phaseIndex < 0) reason('phase.removed', `Phase "${snapshot.phase}" no longer exists`, snapshot.phase);
  const closed = snapshot.status === 'closed';
  if (closed && snapshot.outcome !== undefined && !to.outcomes.some((o) => 'key' in o && o.key === snapshot.outcome)) {
    reason('outcome.removed', `Outcome "${snapshot.outcome}" no longer exists`, snapshot.outcome);
  }

  const oldFields = fieldsByKey(from);
  const newFields = fieldsByKey(to);
  for (const [key, value] of Object.entries(snapshot.fields)) {
    if (!hasValue(value)) continue;
    const target = newFields.get(key);
    const source = oldFields.get(key);
    if (!target) {
      reason('field.removed', `Field "${key}" has a value but no longer exists`, key);
    } else if (source && source.type !== target.type && !compatibleTypes[source.type]?.includes(target.type)) {
      reason('field.type-changed', `Field "${key}" changed from ${source.type} to ${target.type}`, key);
    } else if (target.options && !optionValues(value).every((v) => target.options?.some((o) => o.key === v))) {
      reason('field.option-removed', `The value of "${key}" is no longer one of its options`, key);
    }
  }

  for (const key of requiredNow(to, phaseIndex, closed)) {
    if (!hasValue(snapshot.fields[key])) reason('field.required-missing', `Field "${key}" is required but empty`, key);
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}

/**
 * Fields the target version requires at the case's position: entry requirements of the current and
 * earlier phases, required fields of phases already left, and everything once the case is closed.
 */
function requiredNow(to: CaseType, phaseIndex: number, closed: boolean): string[] {
  if (phaseIndex < 0) return [];
  const last = closed ? to.phases.length - 1 : phaseIndex;
  const position = new Map(to.phases.map((phase, index) => [phase.key, index]));
  const keys = to.phases.slice(0, last + 1).flatMap((phase) => phase.requiredFields);
  for (const field of fieldsByKey(to).values()) {
    if (!field.required) continue;
    const fieldPhase = field.phase === undefined ? undefined : position.get(field.phase);
    if (closed || (fieldPhase !== undefined && fieldPhase < phaseIndex)) keys.push(field.key);
  }
  return [...new Set(keys)];
}

function fieldsByKey(caseType: CaseType): Map<string, Field> {
  return new Map(caseType.fields.filter((f): f is Field => 'key' in f).map((field) => [field.key, field]));
}

const optionValues = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);
