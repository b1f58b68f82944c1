import { demoTenant } from '../m365/demo-tenant';

type DemoLogin = 'behandelaar' | 'behandelaar2' | 'coordinator';

/**
 * A demo case as it is registered through the API: dates are offsets in days from the day of seeding,
 * so the work queues always show something at risk, overdue, suspended and unassigned.
 */
export interface DemoCase {
  /** Stable key: the seed's Idempotency-Key and how a rerun recognises the case. */
  key: string;
  caseType: string;
  title: string;
  receivedDaysAgo: number;
  parties: { role: string; name: string; email: string | null }[];
  fields: Record<string, unknown>;
  /** Who works on it; null leaves it in the team's pool. */
  assignee: DemoLogin | null;
  /** How many phases to move on from the first (required checklist items are ticked on the way). */
  phasesOn?: number;
  /** Suspended `daysAgo` awaiting information from the applicant, with a term of their own. */
  suspended?: { daysAgo: number; reason: string; term: string };
}

const aanvrager = (name: string, email: string) => ({ role: 'aanvrager', name, email });
const klager = (name: string, email: string) => ({ role: 'klager', name, email });

/** The example case types of PRODUCT.md, a few cases each, spread over deadlines. */
export const demoCases: DemoCase[] = [
  {
    key: 'demo-dakkapel-dorpsstraat',
    caseType: 'omgevingsvergunning',
    title: 'Dakkapel Dorpsstraat 1',
    receivedDaysAgo: 52, // P8W: the final date is days away, so at risk
    parties: [aanvrager('J. Jansen', 'j.jansen@example.nl')],
    fields: { projectomschrijving: 'Dakkapel op het achterdakvlak', locatie: 'Dorpsstraat 1, Voorbeeld', bouwkosten: 12000 },
    assignee: 'behandelaar',
    phasesOn: 1,
  },
  {
    key: 'demo-klacht-parkeervergunning',
    caseType: 'klacht',
    title: 'Klacht over afhandeling parkeervergunning',
    receivedDaysAgo: 47, // P6W: overdue
    parties: [klager('M. de Boer', 'm.deboer@example.nl')],
    fields: {
      omschrijving: 'Mijn aanvraag voor een parkeervergunning bleef acht weken onbeantwoord.',
      betrokkenMedewerker: 'Team Parkeren',
    },
    assignee: 'behandelaar',
    phasesOn: 1,
  },
  {
    key: 'demo-subsidie-buurthuis',
    caseType: 'subsidieaanvraag',
    title: 'Subsidie buurthuis De Linde',
    receivedDaysAgo: 10,
    parties: [aanvrager('Stichting De Linde', 'bestuur@delinde.example.nl')],
    fields: { regeling: 'cultuur', bedrag: 8500 },
    assignee: 'behandelaar',
  },
  {
    key: 'demo-uitbouw-kerkweg',
    caseType: 'omgevingsvergunning',
    title: 'Uitbouw achtergevel Kerkweg 12',
    receivedDaysAgo: 20,
    parties: [aanvrager('A. Yılmaz', 'a.yilmaz@example.nl')],
    fields: {
      projectomschrijving: 'Uitbouw van 3 meter aan de achtergevel',
      locatie: 'Kerkweg 12, Voorbeeld',
      bouwkosten: 45000,
    },
    assignee: 'behandelaar',
    suspended: { daysAgo: 6, reason: 'Constructieberekening ontbreekt', term: 'P2W' },
  },
  {
    key: 'demo-kabelstoring-molenstraat',
    caseType: 'storingsonderhoud-netwerk',
    title: 'Kabelstoring Molenstraat',
    receivedDaysAgo: 1,
    parties: [],
    fields: { storingslocatie: 'Molenstraat 20, Voorbeeld', prioriteit: 'p2' },
    assignee: 'behandelaar2',
  },
  {
    key: 'demo-klacht-geluidsoverlast',
    caseType: 'klacht',
    title: 'Klacht geluidsoverlast evenement',
    receivedDaysAgo: 5,
    parties: [klager('P. Smits', 'p.smits@example.nl')],
    fields: { omschrijving: 'Geluidsoverlast tot na middernacht tijdens het zomerfestival.' },
    assignee: 'behandelaar2',
  },
  {
    key: 'demo-subsidie-sportvereniging',
    caseType: 'subsidieaanvraag',
    title: 'Subsidie energiebesparing sportvereniging',
    receivedDaysAgo: 30,
    parties: [aanvrager('VV Voorwaarts', 'secretaris@voorwaarts.example.nl')],
    fields: { regeling: 'duurzaamheid', bedrag: 24000 },
    assignee: 'coordinator',
    phasesOn: 1,
  },
  {
    key: 'demo-schuur-esdoornlaan',
    caseType: 'omgevingsvergunning',
    title: 'Nieuwbouw schuur Esdoornlaan 3',
    receivedDaysAgo: 3,
    parties: [aanvrager('R. Visser', 'r.visser@example.nl')],
    fields: { projectomschrijving: 'Vrijstaande schuur van 20 m²', locatie: 'Esdoornlaan 3, Voorbeeld', bouwkosten: 9000 },
    assignee: null,
  },
];

export const personaByLogin = (login: string) => {
  const persona = demoTenant.personas.find((p) => p.login === login);
  if (!persona) throw new Error(`unknown demo persona ${login}`);
  return persona;
};
