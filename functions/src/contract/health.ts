import { z } from 'zod';

export const DependencyHealthSchema = z
  .object({
    status: z.enum(['up', 'down']),
    latencyMs: z.number().int().nonnegative(),
    detail: z.string().optional().meta({ description: 'Why it is down; never secrets or internals' }),
  })
  .meta({ id: 'DependencyHealth' });

/** `GET /api/v1/health`: 200 when every dependency is up, 503 with the same shape otherwise. */
export const HealthSchema = z
  .object({
    status: z.enum(['ok', 'degraded', 'down']),
    version: z.string(),
    dependencies: z.object({
      storage: DependencyHealthSchema,
      identity: DependencyHealthSchema,
      graph: DependencyHealthSchema,
    }),
  })
  .meta({ id: 'Health' });

export type DependencyHealth = z.infer<typeof DependencyHealthSchema>;
export type Health = z.infer<typeof HealthSchema>;
