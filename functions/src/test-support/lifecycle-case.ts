import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CaseType } from '../contract/case-type';
import { importDefinition, publish } from '../domain/case-types';
import { initialCaseState, type CaseState, type ChangeStamp } from '../domain/cases';
import { parseLocalDate } from '../domain/calendar';

/** The shipped omgevingsvergunning, published as version 1 (the type the lifecycle tests work with). */
export const shippedOmgevingsvergunning = (): CaseType => shippedCaseType('omgevingsvergunning');

/** A shipped case type (functions/case-types/<key>.yaml), published as version 1. */
export function shippedCaseType(key: string): CaseType {
  const text = readFileSync(join(__dirname, `../../case-types/${key}.yaml`), 'utf8');
  const validation = importDefinition(text, 'yaml');
  if (!validation.valid) throw new Error('the shipped file should validate');
  return publish(validation.definition, [], { publishedAt: '2026-01-01T00:00:00.000Z' });
}

/** A freshly registered omgevingsvergunning case, with overrides. */
export function aCase(overrides: Partial<CaseState> = {}): CaseState {
  return {
    ...initialCaseState({
      id: 'case-1',
      number: 'ZAAK-2026-000001',
      caseType: shippedOmgevingsvergunning(),
      title: 'Dakkapel',
      description: null,
      receivedOn: parseLocalDate('2026-03-02'),
      channel: 'api',
      parties: [],
      fields: { projectomschrijving: 'Dakkapel', locatie: 'Dorpsstraat 1' },
      createdBy: { id: 'u-1', name: 'Sanne de Vries' },
      at: '2026-03-02T09:00:00.000Z',
    }),
    ...overrides,
  };
}

export const sanne = { id: 'u-1', name: 'Sanne de Vries' };

export const aStamp = (overrides: Partial<ChangeStamp> = {}): ChangeStamp => ({
  occurredAt: '2026-03-03T10:00:00.000Z',
  actor: { ...sanne, kind: 'user' },
  channel: 'tab',
  ...overrides,
});
