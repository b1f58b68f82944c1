import { createJsonLogger, type LogSink } from './json-logger';

function recordingSink() {
  const lines: { level: string; line: string }[] = [];
  const sink: LogSink = {
    debug: (line) => lines.push({ level: 'debug', line: String(line) }),
    info: (line) => lines.push({ level: 'info', line: String(line) }),
    warn: (line) => lines.push({ level: 'warn', line: String(line) }),
    error: (line) => lines.push({ level: 'error', line: String(line) }),
  };
  return { sink, lines, parsed: () => lines.map((l) => JSON.parse(l.line) as Record<string, unknown>) };
}

const fixedNow = () => new Date('2026-03-02T10:00:00.000Z');

describe('the JSON logger', () => {
  it('writes one JSON line with level, message, base and call fields to the matching sink method', () => {
    const { sink, lines, parsed } = recordingSink();
    createJsonLogger(sink, 'info', { correlationId: 'c-1' }, fixedNow).child({ endpoint: 'me' }).warn('slow', { durationMs: 12 });
    expect(lines[0]?.level).toBe('warn');
    expect(parsed()[0]).toEqual({
      time: '2026-03-02T10:00:00.000Z',
      level: 'warn',
      msg: 'slow',
      correlationId: 'c-1',
      endpoint: 'me',
      durationMs: 12,
    });
  });

  it('drops lines below the configured level', () => {
    const { sink, lines } = recordingSink();
    const log = createJsonLogger(sink, 'warn');
    log.debug('a');
    log.info('b');
    log.error('c');
    expect(lines.map((l) => l.level)).toEqual(['error']);
  });

  it('redacts values under secret-looking keys, also nested', () => {
    const { sink, parsed } = recordingSink();
    createJsonLogger(sink, 'debug').info('call', {
      authorization: 'Bearer eyJ...',
      request: { headers: { cookie: 'x', accept: 'json' } },
      clientSecret: 's',
    });
    expect(parsed()[0]).toMatchObject({
      authorization: '[redacted]',
      request: { headers: { cookie: '[redacted]', accept: 'json' } },
      clientSecret: '[redacted]',
    });
  });

  it('serialises errors with name, message and stack', () => {
    const { sink, parsed } = recordingSink();
    createJsonLogger(sink, 'debug').error('failed', { error: new TypeError('boom') });
    expect(parsed()[0]?.error).toMatchObject({ name: 'TypeError', message: 'boom', stack: expect.stringContaining('boom') });
  });
});
