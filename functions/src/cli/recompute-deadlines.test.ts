import { atwCalendar } from '../domain/calendar';
import type { CaseStore } from '../ports/case-store';
import type { Logger } from '../ports/logger';
import { inMemoryCaseTypes } from '../test-support/in-memory-case-types';
import { describeRecomputeOutcome } from '../app/deadlines/recompute-open-deadlines';
import { runRecomputeDeadlines } from './recompute-deadlines';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

describe('the deadlines:recompute command line', () => {
  it.each([[['--apply']], [['--dry-run', '--dry-run']], [['x']]])('refuses %j with its usage and exit code 2', async (argv) => {
    const lines: string[] = [];
    const exitCode = await runRecomputeDeadlines(argv, {
      caseStore: {} as CaseStore,
      outbox: { dispatchOutbox: async () => 0 },
      clock: { now: () => new Date() },
      caseTypes: inMemoryCaseTypes(),
      eventLog: { listCaseIds: async () => ({ caseIds: [], nextCursor: null }) },
      calendar: atwCalendar,
      write: (line) => lines.push(line),
      log: silent,
    });
    expect(exitCode).toBe(2);
    expect(lines).toEqual(['usage: npm run deadlines:recompute [-- --dry-run]']);
  });

  it('reports a move as number and old -> new date, with the planned date only when it moved too', () => {
    const moved = { caseId: 'c', number: 'ZAAK-2026-000001', kind: 'moved' as const, from: '2026-06-05', to: '2026-06-08' };
    expect(describeRecomputeOutcome({ ...moved, plannedFrom: '2026-05-22', plannedTo: '2026-05-22' })).toBe(
      'ZAAK-2026-000001: 2026-06-05 -> 2026-06-08',
    );
    expect(describeRecomputeOutcome({ ...moved, plannedFrom: '2026-05-22', plannedTo: '2026-05-26' })).toBe(
      'ZAAK-2026-000001: 2026-06-05 -> 2026-06-08; planned 2026-05-22 -> 2026-05-26',
    );
    expect(describeRecomputeOutcome({ caseId: 'c', number: 'ZAAK-2026-000002', kind: 'failed', error: 'boom' })).toBe(
      'FAILED ZAAK-2026-000002 (c): boom',
    );
  });
});
