import { z } from 'zod';

/** One invalid input field: where (`path`, dotted), what (`code`, stable) and a readable message. */
export const ProblemFieldErrorSchema = z
  .object({
    path: z.string().meta({ description: 'Dotted path of the field, e.g. `query.limit` or `body.title`' }),
    code: z.string().meta({ description: 'Stable machine-readable code, e.g. `too_big`' }),
    message: z.string(),
  })
  .meta({ id: 'ProblemFieldError' });

/** RFC 9457 problem details, as every error response of the API (`application/problem+json`). */
export const ProblemSchema = z
  .object({
    type: z.string().meta({ description: 'URI of the problem type: `urn:zaakwerk:problem:<code>`' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    code: z.string().meta({ description: 'Stable code clients and tests rely on, e.g. `auth.expired`' }),
    errors: z.array(ProblemFieldErrorSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details with a stable `code`.' });

export type ProblemFieldError = z.infer<typeof ProblemFieldErrorSchema>;
export type Problem = z.infer<typeof ProblemSchema>;
