import type { Timer, TimerFunctionOptions } from '@azure/functions';
import { Cron } from 'croner';
import { invocationContext, type HostLog, type InvocationTracker } from './invocations';

export interface ScheduledTimer {
  name: string;
  /** Runs the function now (as a test or an operator would); rejects when it fails. */
  run(): Promise<void>;
  nextRun(): Date | null;
  stop(): void;
}

/**
 * Resolves `%Setting%` references like the Functions host and checks the NCRONTAB form Azure requires:
 * six fields, seconds first (`0 *\/15 * * * *`). Croner reads six-field patterns the same way.
 */
export function parseSchedule(name: string, schedule: string, settings: Record<string, string | undefined>): string {
  const resolved = schedule.replace(/%([^%]+)%/g, (_, setting: string) => {
    const value = settings[setting];
    if (value === undefined) throw new Error(`timer ${name}: schedule setting "${setting}" is not set`);
    return value;
  });
  const fields = resolved.trim().split(/\s+/);
  if (fields.length !== 6) {
    throw new Error(
      `timer ${name}: schedule "${resolved}" is not NCRONTAB with six fields ({second} {minute} {hour} {day} {month} {day-of-week})`,
    );
  }
  try {
    new Cron(resolved, { paused: true, timezone: 'Etc/UTC' }).stop();
  } catch (error) {
    throw new Error(`timer ${name}: schedule "${resolved}" is invalid: ${(error as Error).message}`);
  }
  return resolved;
}

/** Schedules a timer function in UTC (the Functions default), never overlapping itself. */
export function scheduleTimer(
  name: string,
  options: TimerFunctionOptions,
  deps: { settings: Record<string, string | undefined>; log: HostLog; tracker: InvocationTracker },
): ScheduledTimer {
  const schedule = parseSchedule(name, options.schedule, deps.settings);
  let last: Date | null = null;
  const cron = new Cron(schedule, { timezone: 'Etc/UTC', protect: true, paused: true });

  const invoke = async (isPastDue: boolean): Promise<void> => {
    const now = new Date();
    const timer: Timer = {
      isPastDue,
      schedule: { adjustForDST: true },
      scheduleStatus: {
        last: (last ?? new Date(0)).toISOString(),
        next: (cron.nextRun() ?? now).toISOString(),
        lastUpdated: now.toISOString(),
      },
    };
    last = now;
    const context = invocationContext(name, deps.log, {
      options: {
        trigger: { type: 'timerTrigger', name: 'timer', schedule, ...(options.runOnStartup ? { runOnStartup: true } : {}) },
      },
    });
    await options.handler(timer, context);
  };
  const scheduled = () =>
    deps.tracker.track(
      invoke(false).catch((error: unknown) =>
        deps.log(`[${name}] error: timer run failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
      ),
    );

  cron.schedule(async () => {
    await scheduled();
  });
  cron.resume();
  if (options.runOnStartup) void scheduled();

  return {
    name,
    run: () => deps.tracker.track(invoke(false)),
    nextRun: () => cron.nextRun(),
    stop: () => cron.stop(),
  };
}
