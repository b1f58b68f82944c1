import type { CasePerson } from '../../domain/cases';
import type { UserPrincipal } from '../../domain/principal';

/** The person a document change is by: the user, also when the bot acted for them. */
export const personOf = (principal: UserPrincipal): CasePerson => ({ id: principal.oid, name: principal.name });
