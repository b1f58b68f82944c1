/** A Microsoft Graph error: HTTP status, Graph error code and message (body built by `graphErrorBody`). */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface GraphErrorBody {
  error: { code: string; message: string; innerError: { date: string; 'request-id': string; 'client-request-id': string } };
}

export function graphErrorBody(
  error: GraphError,
  ids: { requestId: string; clientRequestId: string },
  now = new Date(),
): GraphErrorBody {
  return {
    error: {
      code: error.code,
      message: error.message,
      innerError: {
        date: now.toISOString().replace(/\.\d+Z$/, ''),
        'request-id': ids.requestId,
        'client-request-id': ids.clientRequestId,
      },
    },
  };
}

/** The errors the Graph stand-in raises, with Graph's codes and messages. */
export const graphErrors = {
  unauthenticated: (message: string, wwwAuthenticate: string) =>
    new GraphError(401, 'InvalidAuthenticationToken', message, { 'WWW-Authenticate': wwwAuthenticate }),
  directoryDenied: () => new GraphError(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'),
  accessDenied: () => new GraphError(403, 'accessDenied', 'The caller does not have permission to perform the action.'),
  userNotFound: (id: string) =>
    new GraphError(
      404,
      'Request_ResourceNotFound',
      `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`,
    ),
  itemNotFound: (message = 'The resource could not be found.') => new GraphError(404, 'itemNotFound', message),
  badRequest: (message: string) => new GraphError(400, 'BadRequest', message),
  invalidRequest: (message: string) => new GraphError(400, 'invalidRequest', message),
  unsupportedQuery: (message = 'Unsupported Query.') => new GraphError(400, 'Request_UnsupportedQuery', message),
  nameAlreadyExists: (name: string) =>
    new GraphError(409, 'nameAlreadyExists', `The specified item name '${name}' already exists.`),
  resourceModified: () => new GraphError(412, 'resourceModified', "ETag does not match current item's value"),
  segmentNotFound: (segment: string) => new GraphError(400, 'BadRequest', `Resource not found for the segment '${segment}'.`),
  /** 410 on a delta token the service can no longer serve: the client starts a new enumeration. */
  resyncRequired: (message: string) => new GraphError(410, 'resyncRequired', message),
  methodNotAllowed: () => new GraphError(405, 'BadRequest', 'The HTTP method is not allowed for the requested resource.'),
};

/** Simple uploads are limited to 4 MiB; larger files need an upload session. */
export const tooLargeForSimpleUpload = (limitBytes: number) =>
  new GraphError(
    413,
    'invalidRequest',
    `The request body exceeds ${limitBytes} bytes, the limit for simple upload; use an upload session for larger files.`,
  );
