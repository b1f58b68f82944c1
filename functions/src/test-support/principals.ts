import type { UserPrincipal } from '../domain/principal';
export { silentLog } from './in-memory-cases';

/** Sanne de Vries, a signed-in handler without global roles (the principal most use-case tests act as). */
export const sanne: UserPrincipal = {
  kind: 'user',
  oid: 'u-1',
  tid: 'tenant',
  name: 'Sanne de Vries',
  upn: 'sanne@zaakwerk.test',
  email: null,
  roles: [],
  groups: [],
};
