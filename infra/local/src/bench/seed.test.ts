import { projectedTables, tablesToSave } from './seed';

describe('bench saved seed', () => {
  it('saves the tables the seed created, without the work-queue read model it projects again on restore', () => {
    expect(projectedTables).toEqual(['WorkQueue', 'WorkQueueViews', 'WorkQueueIndex']);
    const after = ['CaseTypes', 'Cases', 'CaseNumbers', 'CaseNumberIndex', 'OutboxPending', ...projectedTables];
    expect(tablesToSave(after, new Set(['CaseTypes']))).toEqual(['Cases', 'CaseNumbers', 'CaseNumberIndex', 'OutboxPending']);
  });
});
