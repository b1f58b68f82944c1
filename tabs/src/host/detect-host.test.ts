import {
  decideHost,
  isMicrosoft365HostOrigin,
  knownHostTimeoutMs,
  readHostSignals,
  suspectedHostTimeoutMs,
  withTimeout,
} from './detect-host';
import type { HostSignals, HostWindow } from './detect-host';

const topLevel: HostSignals = { framed: false, hasNativeInterface: false, hostParam: null, ancestorOrigin: null };

describe('decideHost', () => {
  it('runs as a browser app at once in a top-level window', () => {
    expect(decideHost(topLevel).kind).toBe('browser');
  });

  it('ignores host=teams in a top-level window without a native bridge, where teams-js cannot connect', () => {
    expect(decideHost({ ...topLevel, hostParam: 'teams' }).kind).toBe('browser');
  });

  it('tries Teams with the long timeout when framed with host=teams', () => {
    expect(decideHost({ ...topLevel, framed: true, hostParam: 'teams' })).toMatchObject({
      kind: 'try-teams',
      timeoutMs: knownHostTimeoutMs,
    });
  });

  it('tries Teams with the long timeout when framed by a Microsoft 365 origin', () => {
    expect(decideHost({ ...topLevel, framed: true, ancestorOrigin: 'https://teams.microsoft.com' })).toMatchObject({
      timeoutMs: knownHostTimeoutMs,
    });
  });

  it('tries Teams with the long timeout in the Teams mobile web view', () => {
    expect(decideHost({ ...topLevel, hasNativeInterface: true })).toMatchObject({
      kind: 'try-teams',
      timeoutMs: knownHostTimeoutMs,
    });
  });

  it('gives an unknown framing page only a short chance', () => {
    expect(decideHost({ ...topLevel, framed: true, ancestorOrigin: 'https://intranet.example.nl' })).toMatchObject({
      kind: 'try-teams',
      timeoutMs: suspectedHostTimeoutMs,
    });
  });

  it('runs as a browser app when host=browser is requested, even in a frame', () => {
    expect(decideHost({ ...topLevel, framed: true, hostParam: 'browser' }).kind).toBe('browser');
  });
});

describe('isMicrosoft365HostOrigin', () => {
  it.each([
    ['https://teams.microsoft.com', true],
    ['https://teams.cloud.microsoft', true],
    ['https://outlook.office.com', true],
    ['https://www.microsoft365.com', true],
    ['http://teams.microsoft.com', false],
    ['https://teams.microsoft.com.evil.example', false],
    ['https://notoffice.com', false],
    [null, false],
  ])('%s → %s', (origin, expected) => {
    expect(isMicrosoft365HostOrigin(origin)).toBe(expected);
  });
});

describe('readHostSignals', () => {
  it('reads framing, the host parameter and the first ancestor origin', () => {
    const parent = {};
    const win: HostWindow = {
      self: {},
      top: parent,
      location: { search: '?host=teams&lang=nl', ancestorOrigins: { length: 1, 0: 'https://teams.microsoft.com' } },
    };
    expect(readHostSignals(win)).toEqual({
      framed: true,
      hasNativeInterface: false,
      hostParam: 'teams',
      ancestorOrigin: 'https://teams.microsoft.com',
    });
  });

  it('sees a top-level window as not framed', () => {
    const self = {};
    expect(readHostSignals({ self, top: self, location: { search: '' } })).toEqual(topLevel);
  });

  it('treats a window whose top cannot be read as framed', () => {
    const win = {
      self: {},
      get top(): unknown {
        throw new Error('SecurityError');
      },
      location: { search: '' },
    };
    expect(readHostSignals(win).framed).toBe(true);
  });
});

describe('withTimeout', () => {
  it('passes the value through when the promise is in time', async () => {
    await expect(withTimeout(Promise.resolve(42), 100, 'answer')).resolves.toBe(42);
  });

  it('rejects naming the operation when the promise is too slow', async () => {
    await expect(withTimeout(new Promise(() => undefined), 10, 'teams-js app.initialize()')).rejects.toThrow(
      'teams-js app.initialize() did not answer within 10 ms',
    );
  });
});
