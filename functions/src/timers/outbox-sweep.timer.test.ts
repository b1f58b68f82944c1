import { InvocationContext, type TimerFunctionOptions } from '@azure/functions';
import type { FunctionsApp } from '../hosting/functions-app';
import type { Logger } from '../ports/logger';
import { outboxSweepSchedule, registerOutboxSweep } from './outbox-sweep.timer';

function timerApp() {
  const timers = new Map<string, TimerFunctionOptions>();
  const app: FunctionsApp = {
    http: () => undefined,
    storageQueue: () => undefined,
    timer: (name, options) => void timers.set(name, options),
  };
  return { app, timers };
}

const quietLogger = (lines: string[]): Logger => {
  const logger: Logger = {
    debug: () => undefined,
    info: (message) => void lines.push(message),
    warn: (message) => void lines.push(message),
    error: (message) => void lines.push(message),
    child: () => logger,
  };
  return logger;
};

describe('the outbox sweep timer', () => {
  it('is registered every five minutes as a six-field NCRONTAB schedule', () => {
    const { app, timers } = timerApp();
    registerOutboxSweep(app, {
      outbox: { dispatchOutbox: async () => 0, sweepOutbox: async () => ({ cases: 0, messages: 0 }) },
      loggerFor: () => quietLogger([]),
    });
    expect(timers.get('outboxSweep')?.schedule).toBe(outboxSweepSchedule);
    expect(outboxSweepSchedule.split(' ')).toHaveLength(6);
  });

  it('sweeps once per run and logs what it sent', async () => {
    const { app, timers } = timerApp();
    let sweeps = 0;
    const lines: string[] = [];
    registerOutboxSweep(app, {
      outbox: { dispatchOutbox: async () => 0, sweepOutbox: async () => (sweeps++, { cases: 1, messages: 3 }) },
      loggerFor: () => quietLogger(lines),
    });
    const timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
    await timers.get('outboxSweep')?.handler(timer, new InvocationContext({ functionName: 'outboxSweep' }));
    expect(sweeps).toBe(1);
    expect(lines).toEqual(['outbox sweep sent pending messages']);
  });
});
