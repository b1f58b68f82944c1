import type { OfficeLike, OfficeReadyInfo } from './office-types';

/** Where the task pane is running: inside Outlook (with a mailbox) or in a plain browser. */
export interface OfficeHostInfo {
  /** `Outlook` inside Outlook; null in a plain browser or when Office.js could not be loaded. */
  host: string | null;
  platform: string | null;
  /** The Office UI language (e.g. `nl-NL`) when known. */
  displayLanguage: string | null;
  office: OfficeLike | null;
}

const notInOffice: Omit<OfficeHostInfo, 'office'> = { host: null, platform: null, displayLanguage: null };

function isOfficeLike(value: unknown): value is OfficeLike {
  return typeof value === 'object' && value !== null && typeof (value as { onReady?: unknown }).onReady === 'function';
}

/**
 * Waits for Office.js. Production loads it from Microsoft's CDN; when that script is missing (offline
 * development in a plain browser) there is no `Office` global and the pane simply runs outside Office.
 * `Office.onReady()` resolves with `host: null` outside Office; the timeout guards against a host that
 * never answers, so the pane can still offer sign-in.
 */
export async function detectOfficeHost(officeGlobal: unknown, timeoutMs = 10_000): Promise<OfficeHostInfo> {
  if (!isOfficeLike(officeGlobal)) return { ...notInOffice, office: null };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<OfficeReadyInfo>((resolve) => {
    timer = setTimeout(() => resolve({ host: null, platform: null }), timeoutMs);
  });
  try {
    const info = await Promise.race([officeGlobal.onReady(), timeout]);
    return {
      host: info.host ?? null,
      platform: info.platform ?? null,
      displayLanguage: officeGlobal.context?.displayLanguage ?? null,
      office: officeGlobal,
    };
  } finally {
    if (timer !== undefined) clearTimeout(timer);
  }
}

/** Office.js reports the host as `Outlook` (Office.HostType.Outlook). */
export const isOutlook = (info: Pick<OfficeHostInfo, 'host'>): boolean => info.host === 'Outlook';
