import type { HttpFunctionOptions, StorageQueueFunctionOptions, TimerFunctionOptions } from '@azure/functions';

/**
 * The part of `app` from `@azure/functions` that our registration code uses. In Azure the real `app`
 * is passed; locally `infra/local` passes a recorder and serves the same registrations, because
 * `@azure/functions` ignores `app.http(...)` outside the Functions runtime.
 */
export interface FunctionsApp {
  http(name: string, options: HttpFunctionOptions): void;
  timer(name: string, options: TimerFunctionOptions): void;
  storageQueue(name: string, options: StorageQueueFunctionOptions): void;
}
