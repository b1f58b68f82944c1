import { phaseGates } from './phase-gates';
import { publishedRules } from './published-type';
import { aCase, shippedOmgevingsvergunning } from '../../test-support/lifecycle-case';

const rules = publishedRules(shippedOmgevingsvergunning());
const intakeDone = { intake: { 'ontvangst-bevestigd': true, volledig: true } };

describe('phase gates of the omgevingsvergunning', () => {
  it.each([
    {
      name: 'every open required checklist item of the phase being left is listed',
      state: aCase(),
      target: 'beoordeling',
      unmet: [
        ['checklist.item-open', 'checklist.intake.ontvangst-bevestigd'],
        ['checklist.item-open', 'checklist.intake.volledig'],
      ],
    },
    {
      name: 'open checklist items and missing required fields of the target are listed together',
      state: aCase({ checklist: { intake: { volledig: true } } }),
      target: 'besluitvorming',
      unmet: [
        ['checklist.item-open', 'checklist.intake.ontvangst-bevestigd'],
        ['field.required-missing', 'fields.advies'],
      ],
    },
    {
      name: 'an optional checklist item does not block',
      state: aCase({ checklist: intakeDone }),
      target: 'beoordeling',
      unmet: [],
    },
    {
      name: 'a filled required field lets the case move',
      state: aCase({ checklist: intakeDone, fields: { projectomschrijving: 'x', locatie: 'y', advies: 'positief' } }),
      target: 'besluitvorming',
      unmet: [],
    },
    {
      name: 'the required fields of the phase being left are listed, each once (also the target asks for them)',
      state: aCase({ checklist: intakeDone, fields: {} }),
      target: 'beoordeling',
      unmet: [
        ['field.required-missing', 'fields.projectomschrijving'],
        ['field.required-missing', 'fields.locatie'],
      ],
    },
    {
      name: 'moving back to an earlier phase does not ask the phase being left to be complete',
      state: aCase({ phase: { key: 'besluitvorming', name: 'Besluitvorming' }, checklist: intakeDone }),
      target: 'beoordeling',
      unmet: [],
    },
    { name: 'an unknown phase is refused on its own', state: aCase(), target: 'nergens', unmet: [['phase.unknown', 'phase']] },
    { name: 'the current phase is not a move', state: aCase(), target: 'intake', unmet: [['phase.same', 'phase']] },
    {
      name: 'the final phase is reached by closing, not by a move',
      state: aCase({ checklist: intakeDone }),
      target: 'afgehandeld',
      unmet: [['phase.final', 'phase']],
    },
  ])('$name', ({ state, target, unmet }) => {
    expect(phaseGates(state, rules, target).map((gate) => [gate.code, gate.path])).toEqual(unmet);
  });

  it('says why a field is required: before leaving its phase', () => {
    const [gate] = phaseGates(aCase({ checklist: intakeDone, fields: { locatie: 'y' } }), rules, 'beoordeling');
    expect(gate).toEqual({
      code: 'field.required-missing',
      path: 'fields.projectomschrijving',
      message: 'Required before leaving intake: projectomschrijving',
    });
  });

  it('checks the FEEL entry rule of the target phase', () => {
    const withRule = {
      ...rules,
      phases: rules.phases.map((phase) => (phase.key === 'beoordeling' ? { ...phase, entryRule: 'bouwkosten > 100' } : phase)),
    };
    const state = aCase({ checklist: intakeDone, fields: { projectomschrijving: 'x', locatie: 'y', bouwkosten: 50 } });
    expect(phaseGates(state, withRule, 'beoordeling').map((gate) => gate.code)).toEqual(['phase.entry-rule-failed']);
    expect(phaseGates({ ...state, fields: { ...state.fields, bouwkosten: 500 } }, withRule, 'beoordeling')).toEqual([]);
  });
});
