import { listMySignals } from '../../app/signals/list-my-signals';
import { markSignalRead } from '../../app/signals/mark-signal-read';
import type { Dependencies } from '../../composition-root';
import { SignalIdParamsSchema, SignalListQuerySchema } from '../../contract/signals';
import { defineEndpoint, json } from '../endpoint';
import { parseQuery } from '../input';
import { policies } from '../policies';
import { presentSignal, presentSignalList } from '../presenters/signal.presenter';
import { parseParams } from './case-type-input';

/** GET /api/v1/signals: the caller's signals, newest first. Anyone signed in sees only their own. */
export const listSignalsEndpoint = (deps: Pick<Dependencies, 'signalInbox'>) =>
  defineEndpoint({
    name: 'listSignals',
    methods: ['GET'],
    route: 'v1/signals',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const query = parseQuery(request, SignalListQuerySchema);
      const page = await listMySignals(deps, principal, {
        limit: query.limit,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
      return json(200, presentSignalList(page));
    },
  });

/** POST /api/v1/signals/{id}/read: marks one of the caller's signals read (idempotent). */
export const markSignalReadEndpoint = (deps: Pick<Dependencies, 'signalInbox' | 'clock'>) =>
  defineEndpoint({
    name: 'markSignalRead',
    methods: ['POST'],
    route: 'v1/signals/{id}/read',
    policy: policies.authenticated,
    handler: async ({ request, principal }) => {
      const { id } = parseParams(request, SignalIdParamsSchema);
      return json(200, presentSignal(await markSignalRead(deps, principal, id)));
    },
  });
