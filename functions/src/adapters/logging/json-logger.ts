import type { LogLevel } from '../../config';
import type { LogFields, Logger } from '../../ports/logger';

/**
 * Where log lines go: the InvocationContext in a Function (so Application Insights gets them in Azure,
 * the local host's log locally). Structurally a subset of InvocationContext.
 */
export interface LogSink {
  debug(...args: unknown[]): void;
  info(...args: unknown[]): void;
  warn(...args: unknown[]): void;
  error(...args: unknown[]): void;
}

const order: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const secretKey = /authorization|token|secret|password|cookie|assertion|apikey|connectionstring/i;

/** A logger writing one JSON object per line; values under secret-looking keys are redacted. */
export function createJsonLogger(
  sink: LogSink,
  level: LogLevel,
  base: LogFields = {},
  now: () => Date = () => new Date(),
): Logger {
  const write = (lineLevel: LogLevel, message: string, fields?: LogFields) => {
    if (order[lineLevel] < order[level]) return;
    const line = JSON.stringify({
      time: now().toISOString(),
      level: lineLevel,
      msg: message,
      ...redact(base),
      ...redact(fields ?? {}),
    });
    sink[lineLevel](line);
  };
  return {
    debug: (message, fields) => write('debug', message, fields),
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
    child: (fields) => createJsonLogger(sink, level, { ...base, ...fields }, now),
  };
}

function redact(fields: LogFields): LogFields {
  const out: LogFields = {};
  for (const [key, value] of Object.entries(fields)) {
    out[key] = secretKey.test(key) ? '[redacted]' : serialise(value);
  }
  return out;
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) {
    const code = (value as NodeJS.ErrnoException).code;
    return {
      name: value.name,
      message: value.message,
      ...(code ? { code } : {}),
      stack: value.stack,
      cause: value.cause ? serialise(value.cause) : undefined,
    };
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) return redact(value as LogFields);
  return value;
}
