import { z } from 'zod';
import { confidentialityLevels } from '../domain/confidentiality';
import { globalRoles } from '../domain/roles';

const level = z.enum(confidentialityLevels);

/** GET /api/v1/access/overview: who has which rights where (administrators, auditors). */
export const AccessOverviewSchema = z
  .object({
    globalRoles: z.array(
      z.object({
        role: z.enum(globalRoles),
        caseRole: z.string().nullable().meta({ description: 'The case-type role the global role acts as on every type' }),
        maxConfidentiality: level,
        register: z.boolean(),
        readAccessLog: z.boolean(),
      }),
    ),
    caseGrantMaxConfidentiality: level.meta({
      description: 'Ceiling of an assignee, task or share grant held by someone with no grant on the type',
    }),
    caseTypes: z.array(
      z.object({
        key: z.string(),
        name: z.string(),
        version: z.number().int(),
        confidentiality: level,
        grants: z.array(
          z.object({ group: z.string(), role: z.string(), maxConfidentiality: level, actions: z.array(z.string()) }),
        ),
      }),
    ),
  })
  .meta({ id: 'AccessOverview' });
