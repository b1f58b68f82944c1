import type { CaseTypeDefinitionInput, Fragment } from '../../contract/case-type';

/*
 * Test data for case-type tests (used by *.test.ts only). A small but complete permit-like case type
 * that validates clean; tests change one thing at a time.
 */

export const demoGroups = {
  handlers: 'a1b2c3d4-0001-4000-8000-000000000001',
  readers: 'a1b2c3d4-0006-4000-8000-000000000006',
  coordinators: 'a1b2c3d4-0002-4000-8000-000000000002',
} as const;

export function aDefinition(): CaseTypeDefinitionInput {
  return {
    key: 'kapvergunning',
    name: 'Kapvergunning',
    description: 'Vergunning voor het kappen van een boom',
    validFrom: '2026-01-01',
    confidentiality: 'intern',
    legalTerm: 'P8W',
    serviceNorm: 'P6W',
    suspension: { allowed: true },
    extension: { allowed: true, max: 'P6W' },
    signals: { atRiskWorkingDays: 5 },
    phases: [
      {
        key: 'intake',
        name: 'Intake',
        checklist: [{ key: 'ontvankelijk', label: 'Aanvraag is ontvankelijk', required: true }],
      },
      {
        key: 'behandeling',
        name: 'Behandeling',
        requiredFields: ['aantalBomen'],
        entryRule: 'aantalBomen > 0',
        tasks: [{ key: 'advies-groen', kind: 'consultation', title: 'Advies team Groen', duePeriod: 'P2W' }],
      },
      { key: 'besluit', name: 'Besluit', final: true, requiredFields: ['besluitdatum'] },
    ],
    fields: [
      { key: 'aantalBomen', label: 'Aantal bomen', type: 'number', required: true, rule: 'aantalBomen >= 1', phase: 'intake' },
      { key: 'kosten', label: 'Kosten herplant', type: 'money', rule: 'kosten >= 0' },
      {
        key: 'soortBoom',
        label: 'Soort boom',
        type: 'choice',
        options: [
          { key: 'eik', label: 'Eik' },
          { key: 'beuk', label: 'Beuk' },
        ],
      },
      { key: 'besluitdatum', label: 'Besluitdatum', type: 'date', phase: 'besluit' },
      { key: 'geldigTot', label: 'Vergunning geldig tot', type: 'date' },
    ],
    roles: [
      { key: 'aanvrager', kind: 'applicant', name: 'Aanvrager' },
      { key: 'behandelaar', kind: 'handler', name: 'Behandelaar' },
      { key: 'coordinator', kind: 'coordinator', name: 'Coördinator' },
    ],
    outcomes: [
      { key: 'verleend', name: 'Verleend', archive: { action: 'destroy', period: 'P10Y', trigger: 'field', field: 'geldigTot' } },
      {
        key: 'geweigerd',
        name: 'Geweigerd',
        archive: { action: 'destroy', period: 'P5Y', trigger: 'closed' },
        selectionList: '11.2',
      },
    ],
    documentTypes: [{ key: 'besluit', name: 'Besluit', confidentiality: 'intern', template: 'besluit.docx' }],
    rules: [
      { key: 'veel-bomen', when: 'aantalBomen > 10', then: { requireApproval: 'coordinator' } },
      { key: 'herplant', when: 'aantalBomen > 3', then: { require: 'kosten' } },
    ],
    access: [
      { group: demoGroups.handlers, role: 'handler', maxConfidentiality: 'vertrouwelijk' },
      { group: demoGroups.readers, role: 'reader', maxConfidentiality: 'intern' },
    ],
  };
}

export function anAddressFragment(version = 1): Fragment {
  return {
    key: 'locatie',
    version,
    name: 'Locatie',
    kind: 'fields',
    items: [
      { key: 'adres', label: 'Adres', type: 'address', required: version > 1 },
      ...(version > 1 ? [{ key: 'kadastraal', label: 'Kadastrale aanduiding', type: 'text' as const, required: false }] : []),
    ],
  };
}
