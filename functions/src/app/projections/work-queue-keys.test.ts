import {
  caseNumberTokens,
  deadlineRowKey,
  invertDigits,
  maxTokensPerCase,
  normalise,
  parseSearch,
  receivedRowKey,
  searchRange,
  searchRowKey,
  searchTokens,
  servesSearchRow,
  sortRange,
  tokenOfSearchRowKey,
  updatedRowKey,
  type SearchQuery,
} from './work-queue-keys';

const inRange = (key: string, range: { from: string; to: string }) => key >= range.from && key < range.to;
const query = (q: string): SearchQuery => {
  const parsed = parseSearch(q);
  if ('problems' in parsed) throw new Error(parsed.problems.join('; '));
  return parsed.query;
};

describe('work-queue row keys', () => {
  it('orders the received and updated families newest first by inverting digits', () => {
    const received = ['2026-01-31', '2026-02-01', '2025-12-31'].map((date) => receivedRowKey(date, 'c'));
    expect([...received].sort()).toEqual([
      receivedRowKey('2026-02-01', 'c'),
      receivedRowKey('2026-01-31', 'c'),
      receivedRowKey('2025-12-31', 'c'),
    ]);
    const later = updatedRowKey('2026-11-28T17:47:13.123Z', 'a');
    const earlier = updatedRowKey('2026-11-28T09:59:59.999Z', 'a');
    expect(later < earlier).toBe(true);
    expect(invertDigits('2026-11-28')).toBe('7973-88-71');
  });

  it('keeps each family in its own RowKey range, the deadline family first', () => {
    const deadline = deadlineRowKey('2026-04-27', 'case-1');
    const noDeadline = deadlineRowKey(null, 'case-1');
    const received = receivedRowKey('2026-03-02', 'case-1');
    const updated = updatedRowKey('2026-03-02T08:00:00.000Z', 'case-1');
    const search = searchRowKey('dakkapel', '2026-04-27', 'case-1');
    const families = { deadline: sortRange('deadline'), received: sortRange('received'), updated: sortRange('updated') };
    expect([deadline, noDeadline].every((key) => inRange(key, families.deadline))).toBe(true);
    expect(inRange(received, families.received)).toBe(true);
    expect(inRange(updated, families.updated)).toBe(true);
    for (const key of [received, updated, search]) expect(inRange(key, families.deadline)).toBe(false);
    for (const key of [deadline, updated, search]) expect(inRange(key, families.received)).toBe(false);
    for (const key of [deadline, received, search]) expect(inRange(key, families.updated)).toBe(false);
  });

  it('reads the token back from a search row key', () => {
    expect(tokenOfSearchRowKey(searchRowKey('zaak-2026-123', null, 'c-1'))).toBe('zaak-2026-123');
    expect(tokenOfSearchRowKey(deadlineRowKey(null, 'c-1'))).toBeNull();
  });
});

describe('search tokens', () => {
  it('folds case and diacritics and splits on anything but letters and digits', () => {
    expect(
      normalise('Café-Überweg, ĲSSEL!')
        .trim()
        .split(/[\s-]+/),
    ).toEqual(['cafe', 'uberweg', 'ijssel']);
  });

  it('indexes the number by its sequence (no leading zeros) and each title word once', () => {
    expect(caseNumberTokens('ZAAK-2026-000123')).toEqual(['zaak-2026-123', '2026-123', '123']);
    expect(caseNumberTokens('not a number')).toBeNull();
    expect(searchTokens('Dakkapel op het dak, Dorpsstraat 007 – dakkapel', 'ZAAK-2026-000123')).toEqual([
      '123',
      'dakkapel',
      'op',
      'het',
      'dak',
      'dorpsstraat',
      '7',
    ]);
  });

  it('keeps at most a fixed number of tokens per case', () => {
    const title = Array.from({ length: 40 }, (_, i) => `woord${i}`).join(' ');
    expect(searchTokens(title, 'ZAAK-2026-000001')).toHaveLength(maxTokensPerCase);
  });
});

describe('parseSearch', () => {
  it('finds a case number in every written form, exactly, through its sequence row', () => {
    expect(query('ZAAK-2026-000123').indexTerm).toEqual({ text: '123', exact: true, caseNumber: 'zaak-2026-123' });
    expect(query('2026-000123').indexTerm).toEqual({ text: '123', exact: true, caseNumber: '2026-123' });
    for (const q of ['000123', '123']) expect(query(q).indexTerm).toEqual({ text: '123', exact: true });
    const row = { title: 'Bench', number: 'ZAAK-2026-000123' };
    const key = searchRowKey('123', null, 'c');
    for (const q of ['ZAAK-2026-000123', 'zaak-2026-123', '2026-000123', '000123', '123']) {
      expect({ q, served: servesSearchRow(key, row, query(q)) }).toEqual({ q, served: true });
    }
    // Another year or prefix with the same sequence is another case; "12" and "1234" are other numbers.
    for (const q of ['ZAAK-2025-000123', 'BEZW-2026-000123', '2025-000123'])
      expect(servesSearchRow(key, row, query(q))).toBe(false);
    expect(inRange(key, searchRange(query('12').indexTerm))).toBe(false);
    expect(inRange(key, searchRange(query('1234').indexTerm))).toBe(false);
  });

  it('reads words as prefixes and uses the most selective term for the index (a number, else the longest word)', () => {
    expect(query('Dak Dorpsstraat')).toEqual({
      indexTerm: { text: 'dorpsstraat', exact: false },
      terms: [
        { text: 'dak', exact: false },
        { text: 'dorpsstraat', exact: false },
      ],
    });
    expect(query('dakkapel 123').indexTerm).toEqual({ text: '123', exact: true });
    expect(query('dak dak DAK').terms).toHaveLength(1);
  });

  it('gives a prefix term a RowKey range over every token starting with it, an exact term only its own', () => {
    const prefix = searchRange({ text: 'dak', exact: false });
    expect(inRange(searchRowKey('dak', null, 'c'), prefix)).toBe(true);
    expect(inRange(searchRowKey('dakkapel', '2026-01-01', 'c'), prefix)).toBe(true);
    expect(inRange(searchRowKey('da', null, 'c'), prefix)).toBe(false);
    expect(inRange(searchRowKey('dal', null, 'c'), prefix)).toBe(false);
    const exact = searchRange({ text: '123', exact: true });
    expect(inRange(searchRowKey('123', '2026-01-01', 'c'), exact)).toBe(true);
    expect(inRange(searchRowKey('1234', '2026-01-01', 'c'), exact)).toBe(false);
  });

  it('refuses an empty, too long or too many-termed search with the reason', () => {
    for (const q of ['  ', 'a', '- ,'])
      expect(parseSearch(q)).toEqual({ problems: ['needs a word of at least 2 letters or a number'] });
    expect(parseSearch('x'.repeat(101))).toEqual({ problems: ['is longer than 100 characters'] });
    expect(parseSearch('aa bb cc dd ee ff gg')).toEqual({ problems: ['has more than 6 terms'] });
  });
});

describe('servesSearchRow', () => {
  const row = { title: 'Dakkapel en dakgoot', number: 'ZAAK-2026-000042' };

  it('serves a case once, under its first matching token, when a prefix matches several of its words', () => {
    const search = query('dak');
    const served = searchTokens(row.title, row.number)
      .map((token) => searchRowKey(token, null, 'c'))
      .filter((key) => servesSearchRow(key, row, search));
    expect(served).toEqual([searchRowKey('dakgoot', null, 'c')]);
  });

  it('checks every other term on the row', () => {
    const key = searchRowKey('dakkapel', null, 'c');
    expect(servesSearchRow(key, row, query('dakkapel goot'))).toBe(false);
    expect(servesSearchRow(key, row, query('dakkapel en'))).toBe(true);
    expect(servesSearchRow(searchRowKey('42', null, 'c'), row, query('42 dakkapel'))).toBe(true);
    expect(servesSearchRow(searchRowKey('42', null, 'c'), row, query('42 schuur'))).toBe(false);
  });
});
