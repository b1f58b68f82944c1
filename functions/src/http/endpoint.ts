import type { HttpMethod, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import type { UserPrincipal } from '../domain/principal';
import type { Logger } from '../ports/logger';
import type { AuthenticatedPolicy, Policy, PublicPolicy } from './policies';

/** What a handler gets: the request, the principal its policy guarantees, a request-scoped logger. */
export interface EndpointContext<P extends Policy> {
  request: HttpRequest;
  principal: P extends AuthenticatedPolicy ? UserPrincipal : null;
  log: Logger;
  correlationId: string;
  invocation: InvocationContext;
}

/**
 * One row of the endpoint table. `policy` is required by the type and checked by a test, so an
 * endpoint cannot be added without saying who may call it.
 */
export interface Endpoint<P extends Policy = Policy> {
  name: string;
  methods: readonly HttpMethod[];
  /** Route template under the host's route prefix (`api`), e.g. `v1/cases/{id}`. */
  route: string;
  policy: P;
  handler: (context: EndpointContext<P>) => Promise<HttpResponseInit>;
}

/** Endpoints of any policy in one table; `defineEndpoint` keeps each handler typed by its own policy. */
export type AnyEndpoint = Endpoint<PublicPolicy> | Endpoint<AuthenticatedPolicy>;

export const defineEndpoint = <P extends PublicPolicy | AuthenticatedPolicy>(endpoint: Endpoint<P>): Endpoint<P> => endpoint;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponseInit => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});
