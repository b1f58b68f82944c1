import { detectOfficeHost, isOutlook } from './office-host';
import type { OfficeLike } from './office-types';

describe('detectOfficeHost', () => {
  it('runs outside Office when Office.js is not loaded at all', async () => {
    const info = await detectOfficeHost(undefined);
    expect(info.host).toBeNull();
    expect(info.office).toBeNull();
  });

  it('reports Outlook and the UI language once Office is ready', async () => {
    const office: OfficeLike = {
      onReady: async () => ({ host: 'Outlook', platform: 'OfficeOnline' }),
      context: { displayLanguage: 'en-US', mailbox: { item: null } },
    };
    const info = await detectOfficeHost(office);
    expect(isOutlook(info)).toBe(true);
    expect(info.displayLanguage).toBe('en-US');
    expect(info.office).toBe(office);
  });

  it('treats host null from Office.onReady (a plain browser) as outside Outlook', async () => {
    const info = await detectOfficeHost({ onReady: async () => ({ host: null, platform: null }) });
    expect(isOutlook(info)).toBe(false);
  });

  it('gives up waiting when Office never becomes ready', async () => {
    const never: OfficeLike = { onReady: () => new Promise(() => undefined) };
    const info = await detectOfficeHost(never, 10);
    expect(info.host).toBeNull();
  });
});
