import { defaultAccessSettings, resolveActor } from '../access';
import { aCaseState } from '../../test-support/a-case-state';
import { caseAbilities } from './case-abilities';

const handlers = 'g-handlers';
const bea = resolveActor(
  { id: 'oid-bea', name: 'Bea Behandelaar', roles: [], groups: [handlers] },
  [
    {
      key: 'omgevingsvergunning',
      confidentiality: 'zaakvertrouwelijk',
      access: [{ group: handlers, role: 'handler', maxConfidentiality: 'vertrouwelijk' }],
    },
  ],
  defaultAccessSettings,
  '2026-03-10T12:00:00.000Z',
);
const deadline = (flags: { suspensionAllowed?: boolean; extensionAllowed?: boolean }) => ({
  final: '2026-04-27',
  planned: '2026-04-13',
  suspendedDays: 0,
  ...flags,
});

describe('caseAbilities: suspend and extend follow the type', () => {
  it('offers both when the type allows them', () => {
    const abilities = caseAbilities(bea, aCaseState({ deadline: deadline({ suspensionAllowed: true, extensionAllowed: true }) }));
    expect({ suspend: abilities.suspend, extend: abilities.extend }).toEqual({ suspend: true, extend: true });
  });

  it('offers neither when the type allows neither, though the handler may change the case', () => {
    const abilities = caseAbilities(
      bea,
      aCaseState({ deadline: deadline({ suspensionAllowed: false, extensionAllowed: false }) }),
    );
    expect(abilities).toMatchObject({ update: true, suspend: false, extend: false });
  });

  it('offers extension alone when only that is allowed, and no suspension of a suspended case', () => {
    const onlyExtend = deadline({ suspensionAllowed: false, extensionAllowed: true });
    expect(caseAbilities(bea, aCaseState({ deadline: onlyExtend }))).toMatchObject({ suspend: false, extend: true });
    const suspended = aCaseState({
      status: 'suspended',
      deadline: deadline({ suspensionAllowed: true, extensionAllowed: true }),
    });
    expect(caseAbilities(bea, suspended)).toMatchObject({ suspend: false, extend: true });
  });

  it('leaves it to the endpoint for cases stored before the flags (no flag: offered)', () => {
    expect(caseAbilities(bea, aCaseState())).toMatchObject({ suspend: true, extend: true });
  });
});
