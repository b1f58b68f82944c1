import type { IAdaptiveCard } from '@microsoft/teams.cards';
import { cardSchemaExists, cardSchemaPath, cardSchemaValidator, defaultSpecsDir } from '../test-support/adaptive-card-schema';
import { escapeMarkdown, refreshVerb } from './elements';
import { greetingCard, type GreetingCardData, type GreetingCaseLine } from './greeting.card';
import { unavailableCard, unknownUserCard } from './notice.card';

// The official schema lives in the shared specs folder; outside CI its absence skips the schema tests.
const specsDir = process.env.ZAAKWERK_SPECS_DIR ?? defaultSpecsDir;
const cardSchemaAvailable = cardSchemaExists(specsDir);
const requireSchema = process.env.CI === 'true';
const cardSchemaErrors = cardSchemaValidator(specsDir);

const aCase = (n: number, deadline: string | null = `2026-12-${String(n).padStart(2, '0')}`): GreetingCaseLine => ({
  number: `ZAAK-2026-${String(n).padStart(6, '0')}`,
  title: `Dakkapel Dorpsstraat ${n}`,
  deadline,
});

function aGreeting(overrides: Partial<GreetingCardData> = {}): GreetingCardData {
  return {
    user: { name: 'Sanne de Vries' },
    cases: { shown: [aCase(1), aCase(2), aCase(3)], total: 7, totalIsLowerBound: false },
    links: { myWork: 'https://teams.microsoft.com/l/entity/11111111-2222-3333-4444-555555555555/mijn-werk' },
    today: '2026-11-28',
    updatedAt: new Date('2026-11-28T12:30:00Z'),
    ...overrides,
  };
}

/** Every text a reader sees on the card, in order. */
function texts(card: IAdaptiveCard): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node === null || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'TextBlock' && typeof record.text === 'string') out.push(record.text);
    Object.values(record).forEach(walk);
  };
  walk(card.body);
  return out;
}

const everyCard: Array<[string, () => IAdaptiveCard]> = [
  ['the greeting card', () => greetingCard(aGreeting())],
  [
    'the greeting card without cases',
    () => greetingCard(aGreeting({ cases: { shown: [], total: 0, totalIsLowerBound: false } })),
  ],
  [
    'the greeting card with overdue and undated cases',
    () =>
      greetingCard(aGreeting({ cases: { shown: [aCase(1, '2026-01-02'), aCase(2, null)], total: 2, totalIsLowerBound: false } })),
  ],
  ['the unknown-user card', unknownUserCard],
  ['the unavailable card', unavailableCard],
];

describe('the cards against the Adaptive Card 1.5 schema', () => {
  if (!cardSchemaAvailable && !requireSchema) {
    it.skip(`skipped: ${cardSchemaPath(specsDir)} is missing (set ZAAKWERK_SPECS_DIR to the shared specs folder)`, () =>
      undefined);
    return;
  }

  it('has the schema file (CI must provide ../shared/specs)', () => {
    expect(cardSchemaAvailable).toBe(true);
  });

  it.each(everyCard)('%s is valid', (_name, build) => {
    expect(cardSchemaErrors(build())).toEqual([]);
  });

  it('rejects a card that breaks the schema, so a pass means something', () => {
    const broken = { ...greetingCard(aGreeting()), body: [{ type: 'TextBlock' }] };
    expect(cardSchemaErrors(broken)).not.toEqual([]);
  });
});

describe('every card', () => {
  it.each(everyCard)('%s declares version 1.5 and stays far below the 28 KB Teams message limit', (_name, build) => {
    const card = build();
    expect(card.version).toBe('1.5');
    expect(Buffer.byteLength(JSON.stringify(card))).toBeLessThan(28 * 1024);
  });

  it.each(everyCard)('%s uses only elements Teams mobile renders (schema 1.2) and Action.Execute/OpenUrl', (_name, build) => {
    const types = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (node === null || typeof node !== 'object') return;
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string') types.add(record.type);
      Object.values(record).forEach(walk);
    };
    walk(build());
    const allowed = [
      'AdaptiveCard',
      'TextBlock',
      'Container',
      'ColumnSet',
      'Column',
      'FactSet',
      'Action.OpenUrl',
      'Action.Execute',
    ];
    expect([...types].filter((t) => !allowed.includes(t))).toEqual([]);
  });
});

describe('the greeting card', () => {
  it('greets the user by name, Dutch first and then English', () => {
    const [first, second] = texts(greetingCard(aGreeting()));
    expect(first).toBe('Hallo Sanne de Vries');
    expect(second).toBe('Hello Sanne de Vries');
  });

  it('states how many cases the user has, in both languages', () => {
    const all = texts(greetingCard(aGreeting()));
    expect(all).toContain('U heeft 7 zaken in behandeling.');
    expect(all).toContain('You have 7 cases assigned to you.');
  });

  it('uses the singular for one case', () => {
    const all = texts(greetingCard(aGreeting({ cases: { shown: [aCase(1)], total: 1, totalIsLowerBound: false } })));
    expect(all).toContain('U heeft 1 zaak in behandeling.');
    expect(all).toContain('You have 1 case assigned to you.');
  });

  it('says "meer dan" when the queue was too long to count', () => {
    const all = texts(greetingCard(aGreeting({ cases: { shown: [aCase(1)], total: 1000, totalIsLowerBound: true } })));
    expect(all).toContain('U heeft meer dan 1000 zaken in behandeling.');
    expect(all).toContain('En nog meer dan 999 zaken in Mijn werk.');
  });

  it('lists each shown case with its number, title and deadline as a Dutch date', () => {
    const all = texts(greetingCard(aGreeting()));
    expect(all).toContain('ZAAK-2026-000001 · Dakkapel Dorpsstraat 1');
    expect(all).toContain('Uiterste datum / deadline: 01-12-2026');
  });

  it('mentions the cases it does not show', () => {
    expect(texts(greetingCard(aGreeting()))).toContain('En nog 4 zaken in Mijn werk.');
  });

  it('says so when there are no cases, and lists none', () => {
    const card = greetingCard(aGreeting({ cases: { shown: [], total: 0, totalIsLowerBound: false } }));
    expect(texts(card)).toContain('U heeft geen zaken in behandeling.');
    expect(texts(card).some((t) => t.startsWith('ZAAK-'))).toBe(false);
  });

  it('marks a deadline before today as overdue, in the attention colour', () => {
    const card = greetingCard(aGreeting({ cases: { shown: [aCase(1, '2026-11-27')], total: 1, totalIsLowerBound: false } }));
    const line = JSON.stringify(card.body);
    expect(texts(card)).toContain('Uiterste datum / deadline: 27-11-2026 (verlopen / overdue)');
    expect(line).toContain('"color":"Attention"');
  });

  it('does not mark a deadline of today as overdue', () => {
    const card = greetingCard(aGreeting({ cases: { shown: [aCase(1, '2026-11-28')], total: 1, totalIsLowerBound: false } }));
    expect(texts(card)).toContain('Uiterste datum / deadline: 28-11-2026');
  });

  it('says when a case has no deadline', () => {
    const card = greetingCard(aGreeting({ cases: { shown: [aCase(1, null)], total: 1, totalIsLowerBound: false } }));
    expect(texts(card)).toContain('Geen uiterste datum / no deadline');
  });

  it('shows when the data was read, in Amsterdam time', () => {
    // 12:30 UTC is 13:30 in Amsterdam in November (CET).
    expect(texts(greetingCard(aGreeting())).some((t) => t.includes('28-11-2026') && t.includes('13:30:00'))).toBe(true);
  });

  it('links to Mijn werk and offers Vernieuwen with the refresh verb', () => {
    const { actions } = greetingCard(aGreeting());
    expect(actions).toEqual([
      { type: 'Action.OpenUrl', title: 'Mijn werk openen', url: aGreeting().links.myWork },
      { type: 'Action.Execute', title: 'Vernieuwen', verb: refreshVerb },
    ]);
  });

  it('keeps a case title from turning into a link', () => {
    const card = greetingCard(
      aGreeting({
        cases: { shown: [{ ...aCase(1), title: '[Klik hier](https://example.org)' }], total: 1, totalIsLowerBound: false },
      }),
    );
    expect(texts(card)).toContain('ZAAK-2026-000001 · \\[Klik hier\\](https://example.org)');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['ZAAK-2026-000123', 'ZAAK-2026-000123'],
    ['Sanne de Vries', 'Sanne de Vries'],
    ['*vet* en _schuin_', '\\*vet\\* en \\_schuin\\_'],
    ['[a](b)', '\\[a\\](b)'],
    ['C:\\pad', 'C:\\\\pad'],
  ])('turns %j into %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});

describe('the notice cards', () => {
  it('tell an unknown user, in Dutch and English, that their account is not linked', () => {
    const all = texts(unknownUserCard());
    expect(all[0]).toBe('Ik weet niet wie u bent');
    expect(all[1]).toBe("I don't know who you are");
    expect(unknownUserCard().actions).toBeUndefined();
  });

  it('offer Vernieuwen when Zaakwerk cannot be reached', () => {
    expect(texts(unavailableCard())[0]).toBe('Zaakwerk is even niet bereikbaar');
    expect(unavailableCard().actions).toEqual([{ type: 'Action.Execute', title: 'Vernieuwen', verb: refreshVerb }]);
  });
});
