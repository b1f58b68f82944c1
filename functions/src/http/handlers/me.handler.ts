import type { Dependencies } from '../../composition-root';
import { getMe } from '../../app/me/get-me';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentMe } from '../presenters/me.presenter';

/** GET /api/v1/me: the user the request acts for (the bot may act for a user; see authenticate.ts). */
export const meEndpoint = (deps: Pick<Dependencies, 'caseTypes' | 'config'>) =>
  defineEndpoint({
    name: 'me',
    methods: ['GET'],
    route: 'v1/me',
    policy: policies.authenticated,
    handler: async ({ principal }) => {
      // authenticate: by policy, before this handler runs; no input; what they may start comes from the case types.
      const me = await getMe(principal, deps.caseTypes, deps.config.access);
      return json(200, presentMe(me));
    },
  });
