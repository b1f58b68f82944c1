import { seedAssignment, seedTypes } from './seed-plan';

describe('bench seed plan', () => {
  it('seeds all four shipped example types in turn', () => {
    expect(seedTypes).toEqual(['omgevingsvergunning', 'klacht', 'subsidieaanvraag', 'storingsonderhoud-netwerk']);
  });

  it('gives every one of eight handlers every type in equal shares', () => {
    const pairs = new Map<string, number>();
    for (let n = 0; n < 320; n++) {
      const key = `${seedTypes[n % seedTypes.length]}|${seedAssignment(n, 8)}`;
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    expect(pairs.size).toBe(32);
    expect(new Set(pairs.values())).toEqual(new Set([10]));
  });

  it('stays within the handlers it is given', () => {
    const handlers = new Set(Array.from({ length: 100 }, (_, n) => seedAssignment(n, 3)));
    expect(handlers).toEqual(new Set([0, 1, 2]));
  });
});
