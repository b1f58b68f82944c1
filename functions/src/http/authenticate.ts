import type { HttpRequest } from '@azure/functions';
import { actForUser } from '../app/identity/act-for-user';
import { forbidden, unauthenticated } from '../app/errors';
import type { TokenValidator } from '../adapters/identity/token-validator';
import type { UserPrincipal } from '../domain/principal';
import type { UserDirectory } from '../ports/user-directory';

export const actingUserHeader = 'x-zaakwerk-acting-user';

export interface Authentication {
  tokenValidator: TokenValidator;
  userDirectory: UserDirectory;
  botClientId: string;
}

/** The user a request speaks for: from the bearer token, or the bot acting for a user. */
export async function authenticateUser(request: HttpRequest, auth: Authentication): Promise<UserPrincipal> {
  const token = bearerToken(request.headers.get('authorization'));
  const caller = await auth.tokenValidator.validate(token);
  const actingUser = request.headers.get(actingUserHeader);
  if (actingUser !== null) {
    return actForUser(caller, actingUser.trim(), { botClientId: auth.botClientId, directory: auth.userDirectory });
  }
  if (caller.kind === 'app') {
    throw forbidden('auth.user-required', 'This endpoint acts for a user; an application must name the user it acts for.');
  }
  return caller;
}

function bearerToken(header: string | null): string {
  if (!header || header.trim() === '')
    throw unauthenticated('auth.missing-token', 'Send an access token: Authorization: Bearer <token>.');
  const match = /^Bearer\s+([A-Za-z0-9\-_.~+/]+=*)\s*$/i.exec(header);
  if (!match?.[1]) throw unauthenticated('auth.invalid-token', 'The access token is not valid.');
  return match[1];
}
