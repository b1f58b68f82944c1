import { z } from 'zod';
import type { ConfigIssue } from './config-kit';
import { caseTypeRoles, defaultAccessSettings, type AccessSettings } from './domain/access';
import { confidentialityLevels } from './domain/confidentiality';
import { globalRoles } from './domain/roles';

const RoleOverride = z
  .object({
    caseRole: z.enum(caseTypeRoles).nullable().optional(),
    maxConfidentiality: z.enum(confidentialityLevels).optional(),
    register: z.boolean().optional(),
    readAccessLog: z.boolean().optional(),
  })
  .strict();
const Overrides = z
  .object({
    globalRoles: z.partialRecord(z.enum(globalRoles), RoleOverride).optional(),
    caseGrantMaxConfidentiality: z.enum(confidentialityLevels).optional(),
  })
  .strict();

/**
 * The access policy's choices (ADR 0012) from `ZAAKWERK_ACCESS_POLICY`: a JSON object overriding the
 * defaults, e.g. `{"globalRoles":{"auditor":{"maxConfidentiality":"zeer_geheim"}}}`. Blank: the defaults.
 */
export function accessSettingsFrom(setting: string | undefined, issues: ConfigIssue[]): AccessSettings {
  if (setting === undefined || setting.trim() === '') return defaultAccessSettings;
  let json: unknown;
  try {
    json = JSON.parse(setting);
  } catch {
    issues.push({ setting: 'ZAAKWERK_ACCESS_POLICY', message: 'must be a JSON object' });
    return defaultAccessSettings;
  }
  const parsed = Overrides.safeParse(json);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      issues.push({ setting: 'ZAAKWERK_ACCESS_POLICY', message: `${issue.path.join('.') || '(root)'}: ${issue.message}` });
    }
    return defaultAccessSettings;
  }
  const roles = { ...defaultAccessSettings.globalRoles };
  for (const role of globalRoles) {
    const override = parsed.data.globalRoles?.[role];
    if (override) roles[role] = { ...roles[role], ...stripUndefined(override) };
  }
  return {
    globalRoles: roles,
    caseGrantMaxConfidentiality: parsed.data.caseGrantMaxConfidentiality ?? defaultAccessSettings.caseGrantMaxConfidentiality,
  };
}

const stripUndefined = <T extends object>(value: T): Partial<T> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
