import { z } from 'zod';
import { globalRoles } from '../domain/roles';

export const GlobalRoleSchema = z.enum(globalRoles).meta({ id: 'GlobalRole' });

export const CaseTypeRefSchema = z
  .object({ key: z.string(), version: z.number().int().positive(), name: z.string() })
  .meta({ id: 'CaseTypeRef' });

/** `GET /api/v1/me`: the user the API acts for, as the API sees them. */
export const MeSchema = z
  .object({
    id: z.string().meta({ description: 'Entra object id (oid) of the user' }),
    name: z.string(),
    upn: z.string().meta({ description: 'User principal name / sign-in name' }),
    email: z.string().nullable(),
    tenantId: z.string(),
    roles: z.array(GlobalRoleSchema).meta({ description: 'Global roles from Entra app roles' }),
    groups: z.array(z.string()).meta({ description: 'Entra group ids the user is a member of (as far as known)' }),
    via: z.literal('bot').optional().meta({ description: 'Present when the bot calls on behalf of this user' }),
    caseTypes: z.array(CaseTypeRefSchema).meta({ description: 'Case types this user may start' }),
  })
  .meta({ id: 'Me' });

export type GlobalRoleName = z.infer<typeof GlobalRoleSchema>;
export type CaseTypeRef = z.infer<typeof CaseTypeRefSchema>;
export type Me = z.infer<typeof MeSchema>;
