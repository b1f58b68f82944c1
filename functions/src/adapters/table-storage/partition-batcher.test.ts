import type { TableClient, TransactionAction } from '@azure/data-tables';
import { createPartitionBatcher, createPartitionBatchers, type PartitionWrite } from './partition-batcher';

/** A TableClient stand-in that records transactions and lets the test decide when each one answers. */
function fakeTable() {
  const transactions: string[][] = [];
  const answers: { resolve: () => void; reject: (error: Error) => void }[] = [];
  const table = {
    submitTransaction: (actions: TransactionAction[]) => {
      transactions.push(actions.map((action) => String((action[1] as { rowKey: string }).rowKey)));
      return new Promise<void>((resolve, reject) => answers.push({ resolve, reject }));
    },
  } as unknown as TableClient;
  return { table, transactions, answers };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

function write(rowKey: string, alone: string[], fail?: Error): PartitionWrite {
  return {
    rowKey,
    action: ['create', { partitionKey: 'p', rowKey }],
    alone: () => {
      alone.push(rowKey);
      return fail ? Promise.reject(fail) : Promise.resolve();
    },
  };
}

describe('createPartitionBatcher', () => {
  it('sends a lone write on its own and groups the writes that arrive while it is in flight', async () => {
    const { table, transactions, answers } = fakeTable();
    const batch = createPartitionBatcher(table);
    const alone: string[] = [];
    let releaseFirst!: () => void;
    const first = batch({
      ...write('a', alone),
      alone: () => new Promise<void>((resolve) => (releaseFirst = () => (alone.push('a'), resolve()))),
    });
    const later = ['b', 'c', 'd'].map((key) => batch(write(key, alone)));
    await settle();
    expect(transactions).toEqual([]);
    releaseFirst();
    await first;
    await settle();
    expect(transactions).toEqual([['b', 'c', 'd']]);
    answers[0]!.resolve();
    await Promise.all(later);
    expect(alone).toEqual(['a']);
  });

  it('never puts one row twice into a transaction, and caps a transaction at 100 writes', async () => {
    const { table, transactions, answers } = fakeTable();
    const batch = createPartitionBatcher(table);
    const alone: string[] = [];
    let releaseFirst!: () => void;
    const first = batch({ ...write('x', alone), alone: () => new Promise<void>((resolve) => (releaseFirst = resolve)) });
    const keys = ['k', 'k', ...Array.from({ length: 120 }, (_, i) => `r${i}`)];
    const rest = keys.map((key) => batch(write(key, alone)));
    releaseFirst();
    await first;
    await settle();
    expect(transactions[0]).toHaveLength(100);
    expect(transactions[0]!.filter((key) => key === 'k')).toHaveLength(1);
    answers[0]!.resolve();
    await settle();
    await settle();
    expect(transactions[1]).toEqual(expect.arrayContaining(['k']));
    expect(new Set(transactions[1]).size).toBe(transactions[1]!.length);
    expect(transactions[0]!.length + transactions[1]!.length).toBe(keys.length);
    answers[1]!.resolve();
    await Promise.all(rest);
  });

  it('retries each write of a failed transaction on its own, so each caller gets its own outcome', async () => {
    const { table, transactions, answers } = fakeTable();
    const batch = createPartitionBatcher(table);
    const alone: string[] = [];
    let releaseFirst!: () => void;
    const first = batch({ ...write('x', alone), alone: () => new Promise<void>((resolve) => (releaseFirst = resolve)) });
    const ok = batch(write('ok', alone));
    const bad = batch(write('bad', alone, new Error('row gone')));
    releaseFirst();
    await first;
    await settle();
    expect(transactions).toEqual([['ok', 'bad']]);
    answers[0]!.reject(new Error('batch refused'));
    await expect(ok).resolves.toBeUndefined();
    await expect(bad).rejects.toThrow('row gone');
    expect(alone.sort()).toEqual(['bad', 'ok']);
  });

  it('sends the writes one caller hands over together in one transaction, even when nothing is in flight', async () => {
    const { table, transactions, answers } = fakeTable();
    const batch = createPartitionBatcher(table);
    const alone: string[] = [];
    const together = batch([write('a', alone), write('b', alone), write('c', alone)]);
    await settle();
    expect(transactions).toEqual([['a', 'b', 'c']]);
    answers[0]!.resolve();
    await together;
    expect(alone).toEqual([]);
  });

  it('rejects a caller of several writes when one of its writes fails on its own', async () => {
    const { table, answers } = fakeTable();
    const batch = createPartitionBatcher(table);
    const alone: string[] = [];
    const together = batch([write('a', alone), write('gone', alone, new Error('row gone'))]);
    await settle();
    answers[0]!.reject(new Error('batch refused'));
    await expect(together).rejects.toThrow('row gone');
    expect(alone.sort()).toEqual(['a', 'gone']);
  });
});

describe('createPartitionBatchers', () => {
  it('groups concurrent writers of one partition, keeps partitions apart, and starts afresh once idle', async () => {
    const { table, transactions, answers } = fakeTable();
    const batchersFor = createPartitionBatchers(table);
    const alone: string[] = [];
    // Two projections at once into partition p: the second waits for the first's transaction, then
    // goes together with a third; partition q has its own batcher.
    const first = batchersFor('p')([write('a1', alone), write('a2', alone)]);
    const second = batchersFor('p')([write('b1', alone), write('b2', alone)]);
    const third = batchersFor('p')(write('c1', alone));
    const other = batchersFor('q')([write('q1', alone), write('q2', alone)]);
    await settle();
    expect(transactions).toEqual([
      ['a1', 'a2'],
      ['q1', 'q2'],
    ]);
    answers[0]!.resolve();
    answers[1]!.resolve();
    await Promise.all([first, other]);
    await settle();
    expect(transactions[2]).toEqual(['b1', 'b2', 'c1']);
    answers[2]!.resolve();
    await Promise.all([second, third]);
    // Idle now: a lone write goes on its own, with no transaction.
    await batchersFor('p')(write('d1', alone));
    expect(alone).toEqual(['d1']);
    expect(transactions).toHaveLength(3);
  });
});
