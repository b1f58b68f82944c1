import { describeReport, parseAuditVerifyArgs } from './audit-verify';

describe('the audit:verify command line', () => {
  it.each<[string[], ReturnType<typeof parseAuditVerifyArgs>]>([
    [['--all'], { kind: 'all' }],
    [['--case', 'a'], { kind: 'cases', caseIds: ['a'] }],
    [['--case', 'a', '--case', 'b'], { kind: 'cases', caseIds: ['a', 'b'] }],
    [[], null],
    [['--case'], null],
    [['--case', '--all'], null],
    [['--all', '--case', 'a'], null],
    [['a'], null],
  ])('reads %j as %j', (argv, expected) => {
    expect(parseAuditVerifyArgs(argv)).toEqual(expected);
  });

  it('names the first broken link and its reason', () => {
    expect(describeReport({ caseId: 'x', ok: false, brokenAt: 4, reason: 'previous-hash-mismatch' })).toBe(
      'BROKEN  x: first broken link at sequence 4 (previous-hash-mismatch)',
    );
    expect(describeReport({ caseId: 'x', ok: true, count: 2 })).toBe('OK      x (2 events)');
  });
});
