import type * as Feelin from 'feelin' with { 'resolution-mode': 'import' };
import { BoundedCache, feelCaches, feelinEvaluator, fromFeelValue, toFeelValue } from './feel';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const feelin = require('feelin') as typeof Feelin;

/** What feelin itself answers, the way feelinEvaluator called it before any shortcut. */
const byFeelin = (expression: string, context: Record<string, unknown>) => feelin.evaluate(expression, { ...context }).value;

describe('BoundedCache', () => {
  it('computes a key once and answers it again from memory', () => {
    const cache = new BoundedCache<number>(10);
    let computed = 0;
    const compute = () => ++computed;
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('a', compute)).toBe(1);
    expect(cache.get('b', compute)).toBe(2);
    expect(computed).toBe(2);
  });

  it('keeps at most its limit, dropping the oldest key first', () => {
    const cache = new BoundedCache<string>(3);
    for (const key of ['a', 'b', 'c', 'd', 'e']) cache.get(key, () => key.toUpperCase());
    expect(cache.size).toBe(3);
    // 'a' was dropped, so it is computed again; 'e' is still there.
    expect(cache.get('a', () => 'again')).toBe('again');
    expect(cache.get('e', () => 'again')).toBe('E');
  });
});

describe('feelinEvaluator.evaluate', () => {
  const context = {
    bedrag: 15000,
    omschrijving: 'Dakkapel',
    spoed: true,
    leeg: null,
    besluitdatum: toFeelValue('date', '2026-03-10'),
    activiteiten: ['bouwen', 'slopen'],
  };

  it.each([
    'bedrag',
    ' bedrag ',
    '(bedrag)',
    '// het bedrag\nbedrag',
    'omschrijving',
    'spoed',
    'leeg',
    'onbekend',
    'besluitdatum',
    'activiteiten',
    'bedrag > 10000',
    'bedrag * 0.03',
    '0',
    '-5',
    '1.50',
    '"ja"',
    '"a \\"b\\""',
    'true',
    'false',
    'null',
    'sum',
    'date("2026-01-01")',
  ])('gives what feelin gives for %j', (expression) => {
    expect(fromFeelValue(feelinEvaluator.evaluate(expression, context))).toEqual(fromFeelValue(byFeelin(expression, context)));
  });

  it('reads a name from the context it is given: another value, another answer', () => {
    expect(feelinEvaluator.evaluate('bedrag', { bedrag: 5 })).toBe(5);
    expect(feelinEvaluator.evaluate('bedrag', { bedrag: 6 })).toBe(6);
    expect(feelinEvaluator.evaluate('bedrag', { bedrag: null })).toBeNull();
    expect(feelinEvaluator.evaluate('bedrag', { kosten: 6 })).toBeNull();
  });

  it('parses with the context’s names: a field named true is that field, not the literal', () => {
    expect(feelinEvaluator.evaluate('true', { true: 5 })).toBe(5);
    expect(feelinEvaluator.evaluate('true', {})).toBe(true);
    expect(feelinEvaluator.evaluate('true', { true: 5 })).toBe(byFeelin('true', { true: 5 }));
  });

  it('throws on a syntax error as feelin does', () => {
    expect(() => byFeelin('bedrag >', context)).toThrow();
    expect(() => feelinEvaluator.evaluate('bedrag >', context)).toThrow();
  });

  it('remembers at most a bounded number of expression shapes', () => {
    for (let n = 0; n < feelCaches.shapes.limit + 50; n++) {
      expect(feelinEvaluator.evaluate(`bedrag + ${n}`, { bedrag: 1 })).toBe(n + 1);
    }
    expect(feelCaches.shapes.size).toBe(feelCaches.shapes.limit);
  });
});

describe('feelinEvaluator.check', () => {
  it('knows built-in functions by name, the same on every call, within a bounded memo', () => {
    const expression = 'substring(omschrijving, 1, 3) = "Dak" and abs(bedrag) > 0 and lijstje(bedrag)';
    const problems = feelinEvaluator.check(expression, ['omschrijving', 'bedrag']);
    expect(problems.map((problem) => problem.message)).toEqual(['Unknown function "lijstje"']);
    expect(feelinEvaluator.check(expression, ['omschrijving', 'bedrag'])).toEqual(problems);
    for (let n = 0; n < feelCaches.builtIns.limit + 10; n++) feelinEvaluator.check(`functie${n}(1)`, []);
    expect(feelCaches.builtIns.size).toBe(feelCaches.builtIns.limit);
    expect(feelinEvaluator.check('substring("abc", 1)', [])).toEqual([]);
  });
});
