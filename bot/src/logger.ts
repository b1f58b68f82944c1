import type { ILogger, LogLevel as SdkLogLevel } from '@microsoft/teams.common';
import type { LogLevel } from './config';

export type LogWrite = (level: LogLevel, line: string) => void;

const rank: Record<SdkLogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3, trace: 4 };

const consoleWrite: LogWrite = (level, line) => {
  // The Functions host (and Application Insights) pick the severity from the console method.
  if (level === 'error') console.error(line);
  else if (level === 'warn') console.warn(line);
  else console.log(line);
};

/**
 * A JSON-lines logger in the shape of the Teams SDK's ILogger, so the SDK's own messages and ours end
 * up in one format. The SDK's `trace` level is never written: it logs whole activities.
 */
export function createLogger(name: string, level: LogLevel, write: LogWrite = consoleWrite): ILogger {
  const log = (at: SdkLogLevel, ...msg: unknown[]): void => {
    if (at === 'trace' || rank[at] > rank[level]) return;
    const [first, ...rest] = msg;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: at,
      logger: name,
      msg: typeof first === 'string' ? first : describe(first),
    };
    if (rest.length > 0) entry.details = rest.map(describe);
    write(at, JSON.stringify(entry));
  };
  return {
    loggerOptions: { level },
    error: (...msg: unknown[]) => log('error', ...msg),
    warn: (...msg: unknown[]) => log('warn', ...msg),
    info: (...msg: unknown[]) => log('info', ...msg),
    debug: (...msg: unknown[]) => log('debug', ...msg),
    trace: (...msg: unknown[]) => log('trace', ...msg),
    log: (at: SdkLogLevel, ...msg: unknown[]) => log(at, ...msg),
    child: (childName: string) => createLogger(`${name}/${childName}`, level, write),
  };
}

function describe(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value;
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return String(value);
  }
}
