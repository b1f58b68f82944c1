import { checkHealth } from '../../app/health/check-health';
import type { Dependencies } from '../../composition-root';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';

/** GET /api/v1/health: no token; 200 when all dependencies are up, 503 with the same body otherwise. */
export const healthEndpoint = (deps: Pick<Dependencies, 'healthProbes' | 'config'>) =>
  defineEndpoint({
    name: 'health',
    methods: ['GET', 'HEAD'],
    route: 'v1/health',
    policy: policies.public,
    handler: async () => {
      const health = await checkHealth(deps.healthProbes, deps.config.version);
      return json(health.status === 'ok' ? 200 : 503, health);
    },
  });
