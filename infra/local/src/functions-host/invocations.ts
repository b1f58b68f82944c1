import { randomUUID } from 'node:crypto';
import { inspect } from 'node:util';
import { InvocationContext, type InvocationContextInit } from '@azure/functions';

/** Tracks running invocations so close() can wait for them. */
export class InvocationTracker {
  private readonly running = new Set<Promise<unknown>>();

  track<T>(invocation: Promise<T>): Promise<T> {
    this.running.add(invocation);
    const forget = () => this.running.delete(invocation);
    invocation.then(forget, forget);
    return invocation;
  }

  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running]);
  }
}

export type HostLog = (line: string) => void;

const formatArgs = (args: unknown[]) =>
  args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 4, breakLength: Infinity }))).join(' ');

/** A real InvocationContext whose context.log / warn / error lines go to the host's log. */
export function invocationContext(
  functionName: string,
  log: HostLog,
  init: Omit<InvocationContextInit, 'functionName' | 'logHandler'> = {},
): InvocationContext {
  return new InvocationContext({
    invocationId: randomUUID(),
    functionName,
    logHandler: (level, ...args) => log(`[${functionName}]${level === 'information' ? '' : ` ${level}:`} ${formatArgs(args)}`),
    ...init,
  });
}
