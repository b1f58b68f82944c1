import { demoTenant } from '../m365/demo-tenant';

/** A demo case as it appears in a work queue; dates are offsets in days from the day of seeding. */
export interface DemoCase {
  id: string;
  number: string;
  title: string;
  caseType: { key: string; name: string };
  phase: { key: string; name: string };
  status: 'open' | 'suspended';
  receivedDaysAgo: number;
  termDays: number;
  assignee: 'behandelaar' | 'behandelaar2' | 'coordinator';
  confidentiality: 'openbaar' | 'intern' | 'vertrouwelijk' | 'zaakvertrouwelijk';
}

const omgevingsvergunning = { key: 'omgevingsvergunning', name: 'Omgevingsvergunning' };
const klacht = { key: 'klacht', name: 'Klacht' };
const subsidie = { key: 'subsidieaanvraag', name: 'Subsidieaanvraag' };
const storing = { key: 'storingsonderhoud-netwerk', name: 'Storingsonderhoud netwerk' };

/** The example case types of PRODUCT.md, a few cases each, spread over deadlines (one overdue, one at risk). */
export const demoCases: DemoCase[] = [
  {
    id: '0c6f6a2e-0001-4d2a-9b1e-5a0000000101',
    number: 'ZAAK-2026-000101',
    title: 'Dakkapel Dorpsstraat 1',
    caseType: omgevingsvergunning,
    phase: { key: 'beoordeling', name: 'Beoordeling' },
    status: 'open',
    receivedDaysAgo: 50,
    termDays: 56,
    assignee: 'behandelaar',
    confidentiality: 'intern',
  },
  {
    id: '0c6f6a2e-0002-4d2a-9b1e-5a0000000102',
    number: 'ZAAK-2026-000102',
    title: 'Klacht over afhandeling parkeervergunning',
    caseType: klacht,
    phase: { key: 'onderzoek', name: 'Onderzoek' },
    status: 'open',
    receivedDaysAgo: 45,
    termDays: 42,
    assignee: 'behandelaar',
    confidentiality: 'vertrouwelijk',
  },
  {
    id: '0c6f6a2e-0003-4d2a-9b1e-5a0000000103',
    number: 'ZAAK-2026-000103',
    title: 'Subsidie buurthuis De Linde',
    caseType: subsidie,
    phase: { key: 'intake', name: 'Intake' },
    status: 'open',
    receivedDaysAgo: 10,
    termDays: 56,
    assignee: 'behandelaar',
    confidentiality: 'intern',
  },
  {
    id: '0c6f6a2e-0004-4d2a-9b1e-5a0000000104',
    number: 'ZAAK-2026-000104',
    title: 'Uitbouw achtergevel Kerkweg 12',
    caseType: omgevingsvergunning,
    phase: { key: 'aanvulling', name: 'Wacht op aanvulling' },
    status: 'suspended',
    receivedDaysAgo: 20,
    termDays: 56,
    assignee: 'behandelaar',
    confidentiality: 'intern',
  },
  {
    id: '0c6f6a2e-0005-4d2a-9b1e-5a0000000105',
    number: 'ZAAK-2026-000105',
    title: 'Kabelstoring Molenstraat',
    caseType: storing,
    phase: { key: 'uitvoering', name: 'Uitvoering' },
    status: 'open',
    receivedDaysAgo: 2,
    termDays: 5,
    assignee: 'behandelaar2',
    confidentiality: 'intern',
  },
  {
    id: '0c6f6a2e-0006-4d2a-9b1e-5a0000000106',
    number: 'ZAAK-2026-000106',
    title: 'Klacht geluidsoverlast evenement',
    caseType: klacht,
    phase: { key: 'intake', name: 'Intake' },
    status: 'open',
    receivedDaysAgo: 5,
    termDays: 42,
    assignee: 'behandelaar2',
    confidentiality: 'intern',
  },
  {
    id: '0c6f6a2e-0007-4d2a-9b1e-5a0000000107',
    number: 'ZAAK-2026-000107',
    title: 'Subsidie energiebesparing sportvereniging',
    caseType: subsidie,
    phase: { key: 'besluitvorming', name: 'Besluitvorming' },
    status: 'open',
    receivedDaysAgo: 30,
    termDays: 56,
    assignee: 'coordinator',
    confidentiality: 'intern',
  },
];

export const personaByLogin = (login: DemoCase['assignee']) => {
  const persona = demoTenant.personas.find((p) => p.login === login);
  if (!persona) throw new Error(`unknown demo persona ${login}`);
  return persona;
};
