import { InvocationContext, type TimerFunctionOptions } from '@azure/functions';
import { loadApiConfig } from '../config';
import type { FunctionsApp } from '../hosting/functions-app';
import type { CaseStore } from '../ports/case-store';
import type { Logger } from '../ports/logger';
import type { SignalCandidateReader } from '../ports/signals';
import { inMemoryCaseTypes } from '../test-support/in-memory-case-types';
import { shippedOmgevingsvergunning } from '../test-support/lifecycle-case';
import { registerSignalTimer, signalTimerSchedule } from './signals.timer';

function timerApp() {
  const timers = new Map<string, TimerFunctionOptions>();
  const app: FunctionsApp = {
    http: () => undefined,
    storageQueue: () => undefined,
    timer: (name, options) => void timers.set(name, options),
  };
  return { app, timers };
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

describe('the signal timer function', () => {
  it('is registered every 15 minutes as a six-field NCRONTAB schedule and reads the read model on each run', async () => {
    const { app, timers } = timerApp();
    const asked: string[] = [];
    const nothing = async function* () {};
    const candidates: SignalCandidateReader = {
      deadlineRows: (key, before) => (asked.push(`deadline ${key} < ${before}`), nothing()),
      agendaCaseIds: (today) => (asked.push(`agenda <= ${today}`), nothing()),
    };
    registerSignalTimer(app, {
      caseStore: {} as CaseStore,
      outbox: { dispatchOutbox: async () => 0, sweepOutbox: async () => ({ cases: 0, messages: 0 }) },
      clock: { now: () => new Date('2026-03-16T06:00:00.000Z') },
      caseTypes: inMemoryCaseTypes([shippedOmgevingsvergunning()]),
      loggerFor: () => silent,
      config: loadApiConfig({}),
      candidates,
    });
    expect(signalTimerSchedule).toBe('0 */15 * * * *');
    expect(timers.get('signalTimer')?.schedule).toBe(signalTimerSchedule);
    const timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
    await timers.get('signalTimer')?.handler(timer, new InvocationContext({ functionName: 'signalTimer' }));
    // Monday 16 March 2026 with 10 working days: the 10th is Friday 27 March.
    expect(asked).toEqual(['deadline omgevingsvergunning < 2026-03-27', 'agenda <= 2026-03-16']);
  });
});
