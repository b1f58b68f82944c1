import { guardFor } from '../../test-support/access-guard';
import { parseLocalDate } from '../../domain/calendar';
import { aCaseState } from '../../test-support/a-case-state';
import { aDirectoryUser, aPrincipal, inMemoryCases, silentLog } from '../../test-support/in-memory-cases';
import { shippedCaseType } from '../../test-support/shipped-case-type';
import { cancelTask } from './answer-task';
import { completeTask } from './complete-task';
import { createTask } from './create-task';

const subsidie = shippedCaseType('subsidieaanvraag');
const klacht = shippedCaseType('klacht');
const bea = aPrincipal('oid-bea', 'Bea Behandelaar');
const joost = aPrincipal('oid-joost', 'Joost Mulder');
const fatima = aPrincipal('oid-fatima', 'Fatima El Amrani', ['coordinator']);
const aSubsidy = () =>
  aCaseState({
    id: '6f1c1d7e-0000-4000-8000-000000000001',
    caseType: { key: 'subsidieaanvraag', version: 1, name: 'Subsidieaanvraag' },
    phase: { key: 'ontvangst', name: 'Ontvangst' },
    receivedOn: '2026-03-02',
    fields: { bedrag: 15000, regeling: 'cultuur' },
  });
const setUp = (state = aSubsidy(), caseTypes = [subsidie]) =>
  inMemoryCases({ cases: [state], caseTypes, users: [aDirectoryUser('oid-joost', 'Joost Mulder')] });
const target = { caseId: '6f1c1d7e-0000-4000-8000-000000000001', ifMatch: 'W/"1"' };

describe('createTask', () => {
  it('makes a consultation for a user of the tenant, named as the directory knows them', async () => {
    const { deps } = setUp();
    const created = await createTask(
      deps,
      bea,
      { ...target, kind: 'consultation', title: 'Advies', assigneeId: 'oid-joost' },
      silentLog,
    );
    expect(created.task).toMatchObject({ id: `${target.caseId}.1`, assignee: { id: 'oid-joost', name: 'Joost Mulder' } });
    expect(created.etag).toBe('W/"2"');
  });

  it('is refused through the access guard: not found for someone who has no part in the case', async () => {
    const { deps, commits } = setUp();
    const request = { ...target, kind: 'todo' as const, title: 'x', authorize: guardFor(joost, 'task.create') };
    await expect(createTask(deps, joost, request, silentLog)).rejects.toMatchObject({
      kind: 'not-found',
      code: 'case.not-found',
    });
    expect(commits).toHaveLength(0);
  });

  it('lists every problem of the request in one 422', async () => {
    const { deps } = setUp();
    const refused = createTask(
      deps,
      bea,
      {
        ...target,
        kind: 'todo',
        title: 'x',
        assigneeId: 'oid-nobody',
        requiredBy: 'drempel-coordinator',
        suspendCase: true,
        dueOn: '2026-03-20',
        remindOn: '2026-03-25',
      },
      silentLog,
    );
    await expect(refused).rejects.toMatchObject({ code: 'task.invalid' });
    const error = (await refused.catch((e: unknown) => e)) as { options: { errors: { code: string }[] } };
    expect(error.options.errors.map((problem) => problem.code)).toEqual([
      'task.required-by-not-approval',
      'task.suspend-not-information-request',
      'task.term-required',
      'task.remind-after-due',
      'task.assignee-unknown',
    ]);
  });

  it("carries the rule's role on an approval required by it, and refuses an unknown rule", async () => {
    const { deps } = setUp();
    const made = await createTask(
      deps,
      bea,
      { ...target, kind: 'approval', title: 'Accorderen', requiredBy: 'drempel-coordinator' },
      silentLog,
    );
    expect(made.task).toMatchObject({ requiredBy: 'drempel-coordinator', requiredRole: 'coordinator' });
    await expect(
      createTask(
        deps,
        bea,
        { ...target, ifMatch: made.etag, kind: 'approval', title: 'x', requiredBy: 'voorstel-toekenning' },
        silentLog,
      ),
    ).rejects.toMatchObject({ code: 'task.invalid' });
  });

  it('suspends the case with a suspending information request and resumes it when answered', async () => {
    const { deps, get } = setUp();
    const made = await createTask(
      deps,
      bea,
      { ...target, kind: 'informationRequest', title: 'Begroting ontbreekt', suspendCase: true, term: 'P2W' },
      silentLog,
    );
    // today 10 March 2026 + P2W = 24 March
    expect(made.task).toMatchObject({ suspendsCase: true, dueOn: '2026-03-24' });
    expect(get(target.caseId).state).toMatchObject({
      status: 'suspended',
      suspensions: [{ from: '2026-03-10', term: 'P2W', until: null }],
    });

    const answered = await completeTask(
      deps,
      bea,
      { taskId: made.task.id, ifMatch: made.etag, response: 'ontvangen', on: parseLocalDate('2026-03-10') },
      silentLog,
    );
    expect(answered.state).toMatchObject({ status: 'open', suspensions: [{ until: '2026-03-10' }] });
    expect(answered.task.status).toBe('completed');
  });

  it('refuses a suspending request on a type without suspension (409) and writes nothing', async () => {
    const { deps, commits } = setUp(aCaseState({ id: target.caseId, caseType: { key: 'klacht', version: 1, name: 'Klacht' } }), [
      klacht,
    ]);
    await expect(
      createTask(deps, bea, { ...target, kind: 'informationRequest', title: 'x', suspendCase: true, term: 'P1W' }, silentLog),
    ).rejects.toMatchObject({ code: 'case.suspension-not-allowed' });
    expect(commits).toHaveLength(0);
  });
});

describe('answering through /tasks/{id}', () => {
  it('answers 404 task.not-found for an unknown task or case, and 403 for someone who may not answer', async () => {
    const { deps } = setUp();
    const made = await createTask(
      deps,
      bea,
      { ...target, kind: 'consultation', title: 'Advies', assigneeId: 'oid-joost' },
      silentLog,
    );
    await expect(
      completeTask(deps, joost, { taskId: `${target.caseId}.9`, ifMatch: made.etag, response: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'task.not-found',
    });
    await expect(
      completeTask(
        deps,
        joost,
        { taskId: '6f1c1d7e-0000-4000-8000-00000000ffff.1', ifMatch: made.etag, response: 'x' },
        silentLog,
      ),
    ).rejects.toMatchObject({ code: 'task.not-found', kind: 'not-found' });
    await expect(
      completeTask(deps, fatima, { taskId: made.task.id, ifMatch: made.etag, response: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'task.not-allowed',
      kind: 'forbidden',
    });
  });

  it('needs the case ETag (412 on a stale one, 428 without)', async () => {
    const { deps } = setUp();
    const made = await createTask(
      deps,
      bea,
      { ...target, kind: 'consultation', title: 'Advies', assigneeId: 'oid-joost' },
      silentLog,
    );
    await expect(
      completeTask(deps, joost, { taskId: made.task.id, ifMatch: 'W/"1"', response: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'case.etag-mismatch',
    });
    await expect(
      completeTask(deps, joost, { taskId: made.task.id, ifMatch: undefined, response: 'x' }, silentLog),
    ).rejects.toMatchObject({
      code: 'request.if-match-required',
    });
  });

  it('resumes the case when a suspending request is withdrawn', async () => {
    const { deps } = setUp();
    const made = await createTask(
      deps,
      bea,
      { ...target, kind: 'informationRequest', title: 'x', suspendCase: true, term: 'P2W' },
      silentLog,
    );
    const cancelled = await cancelTask(
      deps,
      bea,
      { taskId: made.task.id, ifMatch: made.etag, reason: 'toch niet nodig' },
      silentLog,
    );
    expect(cancelled.state.status).toBe('open');
    expect(cancelled.task).toMatchObject({ status: 'cancelled', response: 'toch niet nodig' });
  });
});
