import { AppError } from '../errors';
import { pageOf, versionSortKey } from './page';

const keys = ['omgevingsvergunning', 'klacht', 'subsidieaanvraag', 'storingsonderhoud-netwerk'].map((key) => ({ key }));
const byKey = (item: { key: string }) => item.key;

describe('pageOf', () => {
  it('pages a list in key order until nextCursor is null', () => {
    const first = pageOf(keys, byKey, { limit: 3 });
    expect(first.items.map(byKey)).toEqual(['klacht', 'omgevingsvergunning', 'storingsonderhoud-netwerk']);
    expect(first.nextCursor).not.toBeNull();
    const second = pageOf(keys, byKey, { limit: 3, cursor: first.nextCursor ?? undefined });
    expect(second).toEqual({ items: [{ key: 'subsidieaanvraag' }], nextCursor: null });
  });

  it('gives no cursor when everything fits, also when it fits exactly', () => {
    expect(pageOf(keys, byKey, { limit: 4 }).nextCursor).toBeNull();
    expect(pageOf([], byKey, { limit: 4 })).toEqual({ items: [], nextCursor: null });
  });

  it('continues after the last key shown even when that item was removed meanwhile', () => {
    const first = pageOf(keys, byKey, { limit: 1 });
    const withoutKlacht = keys.filter((item) => item.key !== 'klacht');
    expect(pageOf(withoutKlacht, byKey, { limit: 1, cursor: first.nextCursor ?? undefined }).items).toEqual([
      { key: 'omgevingsvergunning' },
    ]);
  });

  it('orders versions by number, not by text', () => {
    const versions = [{ version: 10 }, { version: 2 }, { version: 1 }];
    const first = pageOf(versions, versionSortKey, { limit: 2 });
    expect(first.items).toEqual([{ version: 1 }, { version: 2 }]);
    expect(pageOf(versions, versionSortKey, { limit: 2, cursor: first.nextCursor ?? undefined }).items).toEqual([
      { version: 10 },
    ]);
  });

  it.each(['not a cursor!', Buffer.from('<script>').toString('base64url')])(
    'refuses the made-up cursor %s with 400',
    (cursor) => {
      let error: unknown;
      try {
        pageOf(keys, byKey, { limit: 2, cursor });
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).options.errors?.[0]).toMatchObject({ path: 'query.cursor', code: 'invalid_cursor' });
    },
  );
});
