/**
 * The Microsoft 365 Agents Playground's config file (0.2.28, schema 0.1.1): who the chat user is, so that
 * the bot sees a demo persona's Entra object id. Used by `npm start` and by the bot tests.
 */

/** A chat member, in the Playground config's own spelling (`userPrincipleName` sic). */
export interface PlaygroundUser {
  id: string;
  name: string;
  userPrincipleName: string;
  aadObjectId: string;
  givenName: string;
  surname: string;
  email: string;
}

/** The Playground's config file (schema 0.1.1): exactly five other users are required. */
export interface PlaygroundConfig {
  version: '0.1.1';
  tenantId: string;
  bot: { id: string; name: string };
  currentUser: PlaygroundUser;
  users: PlaygroundUser[];
  personalChat: { id: string };
  groupChat: { id: string; name: string };
  team: { id: string; name: string; aadGroupId: string; channels: Array<{ id: string; name: string }> };
}

/** A demo persona as in the dev stack's endpoints.json (or infra/local's demo tenant). */
export interface Persona {
  id: string;
  displayName: string;
  upn: string;
}

export function playgroundUser(p: Persona): PlaygroundUser {
  const [givenName = p.displayName, ...rest] = p.displayName.split(' ');
  return {
    // In Teams the channel account id differs from the Entra object id; keep them apart here too.
    id: `29:${p.id}`,
    name: p.displayName,
    userPrincipleName: p.upn,
    aadObjectId: p.id,
    givenName,
    surname: rest.join(' ') || givenName,
    email: p.upn,
  };
}

export function playgroundConfig(opts: {
  tenantId: string;
  bot: { id: string; name: string };
  user: Persona;
  /** At least five; the first five become the other chat members. */
  others: Persona[];
  personalChatId?: string;
  /** The Entra group behind the Playground's one team. */
  teamGroupId?: string;
}): PlaygroundConfig {
  const others = opts.others.filter((p) => p.id !== opts.user.id).slice(0, 5);
  if (others.length < 5) throw new Error('the Agents Playground needs exactly five other users');
  return {
    version: '0.1.1',
    tenantId: opts.tenantId,
    bot: opts.bot,
    currentUser: playgroundUser(opts.user),
    users: others.map(playgroundUser),
    personalChat: { id: opts.personalChatId ?? 'zaakwerk-personal-chat' },
    groupChat: { id: 'zaakwerk-group-chat', name: 'Zaakwerk groep' },
    team: {
      id: 'zaakwerk-team',
      name: 'Team Vergunningen',
      aadGroupId: opts.teamGroupId ?? '00000000-0000-4000-8000-000000000000',
      channels: [{ id: 'zaakwerk-channel', name: 'Zaken' }],
    },
  };
}
