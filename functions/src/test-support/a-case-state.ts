import type { CaseState } from '../domain/cases';

/** An open, assigned omgevingsvergunning as stored, for tests of code that reads case state. */
export function aCaseState(overrides: Partial<CaseState> = {}): CaseState {
  return {
    id: 'case-1',
    number: 'ZAAK-2026-000001',
    caseType: { key: 'omgevingsvergunning', version: 1, name: 'Omgevingsvergunning' },
    title: 'Dakkapel',
    description: null,
    confidentiality: 'zaakvertrouwelijk',
    status: 'open',
    phase: { key: 'intake', name: 'Intake' },
    receivedOn: '2026-03-02',
    deadline: { final: '2026-04-27', planned: '2026-04-13', suspendedDays: 0 },
    suspensions: [],
    extensions: [],
    assignee: { id: 'oid-bea', name: 'Bea Behandelaar' },
    parties: [],
    fields: {},
    checklist: {},
    tasks: [],
    links: [],
    shares: [],
    outcome: null,
    closedOn: null,
    archive: { action: null, actionDate: null, status: 'pending' },
    channel: 'tab',
    createdBy: { id: 'oid-bea', name: 'Bea Behandelaar' },
    createdAt: '2026-03-02T08:00:00.000Z',
    updatedAt: '2026-03-02T08:00:00.000Z',
    ...overrides,
  };
}
