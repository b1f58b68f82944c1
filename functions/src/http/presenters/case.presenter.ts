import type { Case } from '../../contract/case';
import { amsterdamToday, caseAbilities, deadlineView, type CaseState } from '../../domain/cases';
import { presentTask } from './task.presenter';
import { seesLinked, type Actor } from '../../domain/access';

/** A stored case as the contract's Case, with what this user may do with it. */
export function presentCase(state: CaseState, etag: string, actor: Actor): Case {
  const user = { oid: actor.id, roles: [...actor.roles], groups: [...actor.groups] };
  return {
    id: state.id,
    number: state.number,
    caseType: state.caseType,
    title: state.title,
    description: state.description,
    confidentiality: state.confidentiality,
    status: state.status,
    phase: state.phase,
    receivedOn: state.receivedOn,
    deadline: deadlineView(state, amsterdamToday(new Date(actor.at))),
    suspensions: state.suspensions,
    extensions: state.extensions,
    assignee: state.assignee,
    parties: state.parties,
    fields: state.fields,
    checklist: state.checklist,
    outcome: state.outcome,
    closedOn: state.closedOn,
    archive: state.archive,
    tasks: state.tasks.map((task) => presentTask(task, state, user)),
    links: state.links.filter((link) => seesLinked(actor, link)),
    etag,
    createdAt: state.createdAt,
    updatedAt: state.updatedAt,
    abilities: caseAbilities(actor, state),
  };
}
