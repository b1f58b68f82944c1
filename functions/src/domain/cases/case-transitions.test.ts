import {
  assignCase,
  movePhase,
  releaseCase,
  takeCase,
  tickChecklistItem,
  updateCaseDetails,
  type Transition,
} from './case-transitions';
import { aCase, aStamp, sanne } from '../../test-support/lifecycle-case';

const piet = { id: 'u-2', name: 'Piet Jansen' };

describe('case transitions', () => {
  const cases: { name: string; run: () => Transition | null; type: string; before: object; after: object }[] = [
    {
      name: 'take makes the caller the assignee',
      run: () => takeCase(aCase(), sanne, aStamp()),
      type: 'case.taken',
      before: { assignee: null },
      after: { assignee: sanne },
    },
    {
      name: 'assign hands the case to a colleague',
      run: () => assignCase(aCase({ assignee: sanne }), piet, aStamp()),
      type: 'case.assigned',
      before: { assignee: sanne },
      after: { assignee: piet },
    },
    {
      name: 'release clears the assignee',
      run: () => releaseCase(aCase({ assignee: piet }), aStamp()),
      type: 'case.released',
      before: { assignee: piet },
      after: { assignee: null },
    },
    {
      name: 'a details update records only what changed',
      run: () =>
        updateCaseDetails(aCase(), { title: 'Dakkapel achter', description: null, fields: { advies: 'positief' } }, aStamp()),
      type: 'case.updated',
      before: { title: 'Dakkapel', 'fields.advies': null },
      after: { title: 'Dakkapel achter', 'fields.advies': 'positief' },
    },
    {
      name: 'ticking a checklist item records its path',
      run: () => tickChecklistItem(aCase(), { phase: 'intake', item: 'volledig', done: true }, aStamp()),
      type: 'case.checklist-ticked',
      before: { 'checklist.intake.volledig': false },
      after: { 'checklist.intake.volledig': true },
    },
    {
      name: 'a phase move records the phase before and after',
      run: () => movePhase(aCase(), { key: 'beoordeling', name: 'Inhoudelijke beoordeling' }, aStamp()),
      type: 'case.phase-changed',
      before: { phase: { key: 'intake', name: 'Intake' } },
      after: { phase: { key: 'beoordeling', name: 'Inhoudelijke beoordeling' } },
    },
  ];

  it.each(cases)('$name, as one event with before → after', ({ run, type, before, after }) => {
    const transition = run();
    expect(transition?.events).toEqual([
      {
        type,
        occurredAt: '2026-03-03T10:00:00.000Z',
        actor: { ...sanne, kind: 'user' },
        channel: 'tab',
        data: { before, after },
      },
    ]);
    expect(transition?.state.updatedAt).toBe('2026-03-03T10:00:00.000Z');
  });

  it('applies the change to the state and leaves the original untouched', () => {
    const original = aCase();
    const taken = takeCase(original, sanne, aStamp());
    expect(taken.state.assignee).toEqual(sanne);
    expect(original.assignee).toBeNull();

    const ticked = tickChecklistItem(original, { phase: 'intake', item: 'volledig', done: true }, aStamp());
    expect(ticked?.state.checklist).toEqual({ intake: { volledig: true } });
    expect(original.checklist).toEqual({});

    const updated = updateCaseDetails(original, { fields: { advies: 'positief' } }, aStamp());
    expect(updated?.state.fields).toEqual({ ...original.fields, advies: 'positief' });
  });

  it('records who the bot acted for', () => {
    const bot = aStamp({ actor: { id: 'bot-app', name: 'Zaakwerk bot', kind: 'app' }, onBehalfOf: sanne, channel: 'bot' });
    expect(takeCase(aCase(), sanne, bot).events[0]).toMatchObject({ actor: { kind: 'app' }, onBehalfOf: sanne, channel: 'bot' });
  });

  it('returns null when an update or a tick changes nothing', () => {
    const state = aCase({ checklist: { intake: { volledig: true } } });
    expect(updateCaseDetails(state, { title: state.title, fields: { locatie: 'Dorpsstraat 1' } }, aStamp())).toBeNull();
    expect(tickChecklistItem(state, { phase: 'intake', item: 'volledig', done: true }, aStamp())).toBeNull();
    expect(tickChecklistItem(state, { phase: 'intake', item: 'leges', done: false }, aStamp())).toBeNull();
  });
});
