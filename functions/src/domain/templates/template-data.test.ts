import { aCaseState } from '../../test-support/a-case-state';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import { dutchDate, dutchDuration, dutchList, dutchMoney, dutchNumber } from './dutch-format';
import { templateData, type TemplateData } from './template-data';

const omgevingsvergunning = shippedCaseType('omgevingsvergunning');
const at = (data: TemplateData, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | null)?.[key], data);

describe('Dutch formatting for templates', () => {
  it('writes dates with the Dutch month name and the year', () => {
    expect(dutchDate('2026-11-28')).toBe('28 november 2026');
    expect(dutchDate('2027-01-01')).toBe('1 januari 2027');
  });

  it('writes amounts as € with thousands points and a decimal comma, rounded to cents', () => {
    expect(dutchMoney(12000)).toBe('€ 12.000,00');
    expect(dutchMoney(1234567.891)).toBe('€ 1.234.567,89');
    expect(dutchMoney(0.5)).toBe('€ 0,50');
    expect(dutchMoney(-12.5)).toBe('€ -12,50');
    expect(dutchMoney(999.999)).toBe('€ 1.000,00');
  });

  it('writes numbers, lists and durations the Dutch way', () => {
    expect(dutchNumber(1234.5)).toBe('1.234,5');
    expect(dutchNumber(-42)).toBe('-42');
    expect(dutchList(['Bouwen'])).toBe('Bouwen');
    expect(dutchList(['Bouwen', 'Slopen', 'Kappen'])).toBe('Bouwen, Slopen en Kappen');
    expect(dutchDuration('P2W')).toBe('2 weken');
    expect(dutchDuration('P1M1D')).toBe('1 maand en 1 dag');
    expect(dutchDuration('PT4H')).toBeNull();
  });
});

describe('templateData: a case as the data its templates read', () => {
  const state = aCaseState({
    title: 'Dakkapel Dorpsstraat 1',
    parties: [
      { role: 'gemachtigde', name: 'Bureau Bouwhulp', email: null },
      { role: 'aanvrager', name: 'Anna de Boer', email: 'anna@example.nl' },
    ],
    fields: {
      projectomschrijving: 'Dakkapel op het achterdakvlak',
      bouwkosten: 12000,
      activiteiten: ['bouwen', 'kappen'],
      advies: 'voorwaarden',
      besluitdatum: '2026-11-28',
    },
  });

  it('fills the case, its applicant, parties, handler, fields and dates in Dutch', () => {
    const data = templateData(state, omgevingsvergunning, '2026-03-10');
    expect(data.zaak).toMatchObject({
      nummer: 'ZAAK-2026-000001',
      titel: 'Dakkapel Dorpsstraat 1',
      zaaktype: 'Omgevingsvergunning',
      fase: 'Intake',
      status: 'in behandeling',
      ontvangstdatum: '2 maart 2026',
      uitersteDatum: '27 april 2026',
      streefdatum: '13 april 2026',
    });
    expect(data.aanvrager).toEqual({ rol: 'Aanvrager', naam: 'Anna de Boer', email: 'anna@example.nl' });
    expect(data.partijen).toEqual([
      { rol: 'Gemachtigde', naam: 'Bureau Bouwhulp', email: null },
      { rol: 'Aanvrager', naam: 'Anna de Boer', email: 'anna@example.nl' },
    ]);
    expect(data.behandelaar).toEqual({ naam: 'Bea Behandelaar' });
    expect(data.velden).toMatchObject({
      projectomschrijving: 'Dakkapel op het achterdakvlak',
      bouwkosten: '€ 12.000,00',
      activiteiten: 'Bouwen en Kappen',
      advies: 'Positief met voorwaarden',
      besluitdatum: '28 november 2026',
    });
    expect(data.vandaag).toBe('10 maart 2026');
  });

  it('has every field of the type as a key, null where the case has no value (missing, not unknown)', () => {
    const data = templateData(aCaseState(), omgevingsvergunning, '2026-03-10');
    const fields = omgevingsvergunning.fields.flatMap((f) => ('type' in f ? [f.key] : []));
    expect(Object.keys(data.velden as object).sort()).toEqual([...fields].sort());
    expect(at(data, 'velden.locatie')).toBeNull();
    expect(data.aanvrager).toEqual({ rol: null, naam: null, email: null });
    expect(at(data, 'zaak.resultaat')).toBeNull();
    expect(at(data, 'zaak.omschrijving')).toBeNull();
    expect(at(data, 'opschorting.reden')).toBeNull();
  });

  it('reads the deadline as of today: unknown while suspended; the suspension gives reason, term and respond-by date', () => {
    const suspended = aCaseState({
      status: 'suspended',
      deadline: { final: '2026-04-27', planned: '2026-04-13', suspendedDays: 0, closedSuspendedDays: 0 },
      suspensions: [{ from: '2026-03-05', until: null, reason: 'Bouwtekeningen ontbreken', term: 'P2W' }],
    });
    const data = templateData(suspended, omgevingsvergunning, '2026-03-10');
    expect(at(data, 'zaak.uitersteDatum')).toBeNull();
    expect(at(data, 'zaak.status')).toBe('opgeschort');
    expect(data.opschorting).toEqual({
      reden: 'Bouwtekeningen ontbreken',
      vanaf: '5 maart 2026',
      termijn: '2 weken',
      uiterlijk: '19 maart 2026',
    });
  });

  it('names the outcome and closing date of a closed case, and yes/no for booleans', () => {
    const closed = aCaseState({
      status: 'closed',
      outcome: { key: 'verleend', name: 'Verleend' },
      closedOn: '2026-04-20',
      assignee: null,
    });
    const data = templateData(closed, omgevingsvergunning, '2026-04-21');
    expect(at(data, 'zaak.resultaat')).toBe('Verleend');
    expect(at(data, 'zaak.afgeslotenOp')).toBe('20 april 2026');
    expect(at(data, 'behandelaar.naam')).toBeNull();
    const subsidie = shippedCaseType('subsidieaanvraag');
    const withBoolean = templateData(aCaseState({ fields: { eerderOntvangen: false, bedrag: 2500.5 } }), subsidie, '2026-04-21');
    expect(withBoolean.velden).toMatchObject({ eerderOntvangen: 'nee', bedrag: '€ 2.500,50' });
  });
});
