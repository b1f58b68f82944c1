import { getMe } from '../../app/me/get-me';
import { defineEndpoint, json } from '../endpoint';
import { policies } from '../policies';
import { presentMe } from '../presenters/me.presenter';

/** GET /api/v1/me: the user the request acts for (the bot may act for a user; see authenticate.ts). */
export const meEndpoint = () =>
  defineEndpoint({
    name: 'me',
    methods: ['GET'],
    route: 'v1/me',
    policy: policies.authenticated,
    handler: async ({ principal }) => {
      // authenticate: by policy, before this handler runs; no input, nothing to load or authorize.
      const me = await getMe(principal);
      return json(200, presentMe(me));
    },
  });
