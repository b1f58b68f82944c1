import type { HttpFunctionOptions, StorageQueueFunctionOptions, TimerFunctionOptions } from '@azure/functions';
import type { FunctionsApp } from '@zaakwerk/functions/hosting';

export type Registration =
  | { kind: 'http'; name: string; options: HttpFunctionOptions }
  | { kind: 'timer'; name: string; options: TimerFunctionOptions }
  | { kind: 'storageQueue'; name: string; options: StorageQueueFunctionOptions };

/**
 * Stands in for `app` from @azure/functions: records what `register(app)` declares, exactly the
 * calls the Functions runtime would receive in Azure. Function names must be unique, as in Azure.
 */
export function createRecorder(): { app: FunctionsApp; registrations: Registration[] } {
  const registrations: Registration[] = [];
  const add = (registration: Registration) => {
    if (registrations.some((r) => r.name.toLowerCase() === registration.name.toLowerCase())) {
      throw new Error(`a function named "${registration.name}" is already registered`);
    }
    registrations.push(registration);
  };
  return {
    registrations,
    app: {
      http: (name, options) => add({ kind: 'http', name, options }),
      timer: (name, options) => add({ kind: 'timer', name, options }),
      storageQueue: (name, options) => add({ kind: 'storageQueue', name, options }),
    },
  };
}
