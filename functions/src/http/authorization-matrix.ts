import {
  caseTypeRoleActions,
  caseTypeRoles,
  can,
  defaultAccessSettings,
  resolveActor,
  type AccessSettings,
  type Actor,
  type CaseFacts,
} from '../domain/access';
import type { CaseTask } from '../domain/cases/case-state';
import { confidentialityLevels, type Confidentiality } from '../domain/confidentiality';
import { globalRoles, type GlobalRole } from '../domain/roles';
import type { AnyEndpoint } from './endpoint';
import { endpointAccess, type EndpointAccess } from './endpoint-access';

/** A kind of user the matrix has a column for: what they hold, and what a case says about them. */
interface Profile {
  label: string;
  actor: Actor;
  /** Case-level grants this profile holds on the example case. */
  caseFacts: (level: Confidentiality) => CaseFacts;
}

const caseType = 'example';
const me = 'me';
const typeGrantCeiling: Confidentiality = 'vertrouwelijk';
const at = '2026-01-01T00:00:00.000Z';
const later = '2026-02-01T00:00:00.000Z';

const baseCase = (level: Confidentiality): CaseFacts => ({
  caseType: { key: caseType },
  confidentiality: level,
  assignee: { id: 'someone-else' },
  tasks: [],
  shares: [],
});

/** A consultation assigned to "me", the task id every task endpoint of the matrix asks about. */
const openTask: CaseTask = {
  id: 't',
  kind: 'consultation',
  title: 'Advies',
  description: null,
  templateKey: null,
  phase: null,
  assignee: { id: me, name: 'Me' },
  assigneeGroup: null,
  requiredBy: null,
  dueOn: null,
  remindOn: null,
  status: 'open',
  decision: null,
  response: null,
  suspendsCase: false,
  createdBy: { id: 'someone-else', name: 'Someone else' },
  createdAt: at,
  answeredBy: null,
  answeredAt: null,
};

function profiles(settings: AccessSettings): Profile[] {
  const actor = (groups: string[], roles: GlobalRole[] = []) =>
    resolveActor(
      { id: me, name: 'Me', roles, groups },
      [
        {
          key: caseType,
          confidentiality: 'intern',
          access: caseTypeRoles.map((role) => ({ group: `group-${role}`, role, maxConfidentiality: typeGrantCeiling })),
        },
      ],
      settings,
      at,
    );
  const share = (access: 'read' | 'write') => (level: Confidentiality) => ({
    ...baseCase(level),
    shares: [{ user: { id: me, name: 'Me' }, access, expiresAt: later }],
  });
  return [
    ...caseTypeRoles.map((role) => ({
      label: `${role} (group, ≤ ${typeGrantCeiling})`,
      actor: actor([`group-${role}`]),
      caseFacts: baseCase,
    })),
    ...globalRoles.map((role) => ({ label: `${role} (global)`, actor: actor([], [role]), caseFacts: baseCase })),
    { label: 'assignee', actor: actor([]), caseFacts: (level) => ({ ...baseCase(level), assignee: { id: me } }) },
    {
      label: 'open task',
      actor: actor([]),
      caseFacts: (level) => ({ ...baseCase(level), tasks: [openTask] }),
    },
    { label: 'share (read)', actor: actor([]), caseFacts: share('read') },
    { label: 'share (write)', actor: actor([]), caseFacts: share('write') },
    { label: 'no grant', actor: actor([]), caseFacts: baseCase },
  ];
}

/** The highest level (in order) for which `allowed` holds, or null. */
const highest = (allowed: (level: Confidentiality) => boolean): Confidentiality | null =>
  [...confidentialityLevels].reverse().find(allowed) ?? null;

function cell(access: EndpointAccess, profile: Profile): string {
  switch (access.on) {
    case 'public':
      return 'public';
    case 'caller':
      return 'yes';
    case 'queue': {
      const max = highest((level) => can(profile.actor, 'case.read', { kind: 'case', case: profile.caseFacts(level) }));
      return max ? `rows ≤ ${max}` : 'no rows';
    }
    case 'system':
      return can(profile.actor, access.action, { kind: 'system' }) ? 'yes' : '403';
    case 'caseType': {
      if (access.action !== 'caseType.register') {
        return can(profile.actor, access.action, { kind: 'caseType', caseType: { key: caseType, confidentiality: 'intern' } })
          ? 'yes'
          : '403';
      }
      const max = highest((level) =>
        can(profile.actor, access.action, { kind: 'caseType', caseType: { key: caseType, confidentiality: level } }),
      );
      return max ? `types ≤ ${max}` : '403';
    }
    case 'case': {
      const resource = (level: Confidentiality) => ({ kind: 'case' as const, case: profile.caseFacts(level), taskId: 't' });
      const allowed = highest((level) => can(profile.actor, access.action, resource(level)));
      const visible = highest((level) => can(profile.actor, 'case.read', resource(level)));
      if (allowed) return allowed === visible ? `≤ ${allowed}` : `≤ ${allowed}, 403 to ${visible}`;
      return visible ? `403 (sees ≤ ${visible})` : '404';
    }
  }
}

const routeOf = (endpoint: AnyEndpoint) => `${endpoint.methods.join(', ')} /api/${endpoint.route}`;

/** docs/authorization-matrix.md, generated from the endpoint table, endpointAccess and can(). */
export function authorizationMatrixMarkdown(endpoints: readonly AnyEndpoint[], settings = defaultAccessSettings): string {
  const columns = profiles(settings);
  const rows = endpoints
    .filter((endpoint) => endpointAccess[endpoint.name]?.on !== 'public')
    .map((endpoint) => {
      const access = endpointAccess[endpoint.name];
      if (!access) throw new Error(`endpoint ${endpoint.name} has no row in endpointAccess`);
      const action = 'action' in access ? `\`${access.action}\`` : access.on;
      return `| ${routeOf(endpoint)} | ${action} | ${columns.map((profile) => cell(access, profile)).join(' | ')} |`;
    });
  const roleRows = globalRoles.map((role) => {
    const r = settings.globalRoles[role];
    return `| ${role} | ${r.caseRole ?? '—'} | ${r.maxConfidentiality} | ${r.register ? 'yes' : 'no'} | ${r.readAccessLog ? 'yes' : 'no'} |`;
  });
  const caseRoleRows = caseTypeRoles.map(
    (role) => `| ${role} | ${caseTypeRoleActions[role].map((a) => `\`${a}\``).join(', ')} |`,
  );
  return [
    '# Authorization matrix',
    '',
    'Generated from the endpoint table, `functions/src/http/endpoint-access.ts` and the policy',
    '`functions/src/domain/access/can.ts` by `npm run authz:matrix`; a test fails when this file drifts.',
    'Decisions behind it: `docs/decisions/0012-access-policy.md`.',
    '',
    `Each cell says up to which confidentiality level of the case the endpoint is allowed (levels, low to high:`,
    `${confidentialityLevels.join(' < ')}). Above what a column may see the case does not exist for it: **404**,`,
    'also in lists and counts. `403`: the case is visible but the action is not allowed. Group grants are shown',
    `with a ceiling of ${typeGrantCeiling}; each access list entry carries its own. Case-level grants (assignee,`,
    `open task, share) of someone without a grant on the type are capped at ${settings.caseGrantMaxConfidentiality}.`,
    'Whether the case state allows an action now (closed, already assigned) is a separate 409.',
    '',
    `| Endpoint | Policy | ${columns.map((profile) => profile.label).join(' | ')} |`,
    `| --- | --- | ${columns.map(() => '---').join(' | ')} |`,
    ...rows,
    '',
    '## Global roles (defaults)',
    '',
    'An organisation changes these with `ZAAKWERK_ACCESS_POLICY` (see `functions/local.settings.example.json`).',
    '',
    '| Global role | Acts on every case type as | Ceiling | Registers cases | Reads access logs |',
    '| --- | --- | --- | --- | --- |',
    ...roleRows,
    '',
    '## Case-type roles',
    '',
    '| Role | Actions on cases of the type (up to the grant’s ceiling) |',
    '| --- | --- |',
    ...caseRoleRows,
    '',
    'Public endpoints (no token): health, openapi.json, CORS preflight, unknown routes (404).',
    '',
  ].join('\n');
}
