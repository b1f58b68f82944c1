import { DomainError } from '../../domain/errors';
import { AppError, forbidden } from '../errors';

/** 403: the user may see the case but may not do this with the task (taskAbilities says who may). */
export const taskActionNotAllowed = (id: string, action: string) =>
  forbidden('task.not-allowed', `You may not ${action} task ${id}`);

/** 422 with every problem of a new task listed. */
export const taskRulesViolated = (errors: { path: string; code: string; message: string }[]) =>
  new AppError('rule-violation', 'task.invalid', `The task breaks ${errors.length} rule(s); see errors.`, { errors });

export const taskNotFoundError = (id: string) => new DomainError('not-found', 'task.not-found', `There is no task ${id}`);
