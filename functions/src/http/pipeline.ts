import type { HttpHandler, HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { forbidden, tooManyRequests } from '../app/errors';
import type { ApiConfig } from '../config';
import type { UserPrincipal } from '../domain/principal';
import type { Logger } from '../ports/logger';
import { authenticateUser, type Authentication } from './authenticate';
import { corsResponseHeaders } from './cors';
import { correlationIdFrom } from './correlation';
import type { AnyEndpoint, EndpointContext } from './endpoint';
import type { Policy } from './policies';
import { problemFromError, problemResponse } from './problem';
import type { RateLimiter } from './rate-limiter';
import { securityHeaders } from './security-headers';

export interface PipelineDependencies {
  config: Pick<ApiConfig, 'env' | 'http'>;
  authentication: Authentication;
  /** A logger writing to this invocation's context (Application Insights in Azure). */
  loggerFor: (invocation: InvocationContext) => Logger;
  /** Per-user request limit (429 + Retry-After); none when absent. */
  rateLimiter?: RateLimiter;
}

/**
 * Wraps an endpoint into an Azure Functions HTTP handler: correlation id, authentication by the
 * endpoint's policy, error mapping, CORS and security headers, one log line per request. Handlers
 * stay recipes; everything around them lives here once.
 */
export function toHttpHandler(endpoint: AnyEndpoint, deps: PipelineDependencies): HttpHandler {
  return async (request: HttpRequest, invocation: InvocationContext): Promise<HttpResponseInit> => {
    const started = performance.now();
    const correlationId = correlationIdFrom(request.headers);
    const log = deps
      .loggerFor(invocation)
      .child({ correlationId, endpoint: endpoint.name, invocationId: invocation.invocationId });
    let response: HttpResponseInit;
    try {
      const principal = await authenticateFor(endpoint.policy, request, deps.authentication);
      if (principal && deps.rateLimiter) {
        const decision = deps.rateLimiter.take(principal.oid);
        if (!decision.allowed) throw tooManyRequests(decision.retryAfterSeconds);
      }
      const context = { request, principal, log, correlationId, invocation };
      // The policy decided the principal's type above; the cast only tells TypeScript so.
      response = await (endpoint.handler as (c: EndpointContext<Policy>) => Promise<HttpResponseInit>)(
        context as EndpointContext<Policy>,
      );
    } catch (error) {
      const mapped = problemFromError(error);
      if (mapped.expected) log.info('request refused', { code: mapped.problem.code, ...causeOf(error) });
      else log.error('unexpected error', { error });
      response = problemResponse(mapped.problem, mapped.headers);
    }
    const headers = new Headers({
      ...securityHeaders(deps.config.env),
      ...corsResponseHeaders(request.headers.get('origin'), deps.config.http),
    });
    for (const [name, value] of new Headers(response.headers)) headers.set(name, value);
    headers.set('x-correlation-id', correlationId);
    const status = response.status ?? 200;
    log.info('request', {
      method: request.method,
      route: endpoint.route,
      status,
      durationMs: Math.round(performance.now() - started),
    });
    return { ...response, status, headers: Object.fromEntries(headers) };
  };
}

/** For refusals the cause's message is enough (e.g. why Graph failed); stacks are for unexpected errors. */
function causeOf(error: unknown): { cause?: { name: string; message: string; code?: unknown } } {
  const cause = (error as Error).cause;
  if (!(cause instanceof Error)) return {};
  return { cause: { name: cause.name, message: cause.message, code: (cause as { code?: unknown }).code } };
}

async function authenticateFor(policy: Policy, request: HttpRequest, auth: Authentication): Promise<UserPrincipal | null> {
  if (policy.kind === 'public') return null;
  const user = await authenticateUser(request, auth);
  if (policy.allows && !policy.allows(user)) throw forbidden('auth.not-allowed', 'You are not allowed to do this.');
  return user;
}
