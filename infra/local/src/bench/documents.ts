import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { demoTenant } from '../m365/demo-tenant';
import { summarize, throughputMbPerSecond, type LatencySummary } from './stats';

/** Issue 7 item 10: document transfers through the API against the same transfers straight to the local Graph. */
export interface TransferFigures {
  sizeMb: number;
  samples: number;
  api: { upload: LatencySummary; download: LatencySummary; uploadMbPerS: number; downloadMbPerS: number };
  graph: { upload: LatencySummary; download: LatencySummary; uploadMbPerS: number; downloadMbPerS: number };
  /** API p50 / Graph p50, and API p50 − Graph p50 in ms. */
  overhead: { uploadRatio: number; uploadMs: number; downloadRatio: number; downloadMs: number };
  errors: string[];
}

export interface DocumentBenchTarget {
  /** `http://host:port/api/v1` */
  api: string;
  apiToken: string;
  graphBaseUrl: string;
  /** A delegated Graph token of the same user (Files.ReadWrite.All). */
  graphToken: string;
  /** A case the user may add documents to (omgevingsvergunning: document type `aanvraag`). */
  caseId: string;
}

const mib = 1024 * 1024;
/** The fragment size the product's Graph adapter sends (320 KiB × 10), so the direct path does the same work. */
const fragmentBytes = 10 * 320 * 1024;
/** Above this the product uses an upload session; so does the direct path. */
const simpleUploadMaxBytes = 4 * mib;

/**
 * Uploads and downloads files of each size `samples` times through the API (POST /cases/{id}/documents,
 * GET …/documents/{id}/content) and the same bytes directly to the local Microsoft 365's drive (simple PUT
 * up to 4 MB, an upload session in 3.2 MB fragments above, as the product does; GET …/items/{id}/content).
 */
export async function benchDocuments(
  target: DocumentBenchTarget,
  sizesMb: readonly number[],
  samples: number,
  say: (line: string) => void,
): Promise<TransferFigures[]> {
  const drive = `${target.graphBaseUrl}/v1.0/drives/${demoTenant.sharePoint.driveId}`;
  const graphAuth = { authorization: `Bearer ${target.graphToken}` };
  const apiAuth = { authorization: `Bearer ${target.apiToken}` };
  const folder = `bench-direct-${Date.now()}`;
  const created = await fetch(`${drive}/root/children`, {
    method: 'POST',
    headers: { ...graphAuth, 'content-type': 'application/json' },
    body: JSON.stringify({ name: folder, folder: {}, '@microsoft.graph.conflictBehavior': 'rename' }),
  });
  if (!created.ok) throw new Error(`local Graph: creating ${folder} answered ${created.status} ${await created.text()}`);
  const folderName = ((await created.json()) as { name: string }).name;

  const timed = async <T>(fn: () => Promise<T>, into: number[]): Promise<T> => {
    const t0 = performance.now();
    const result = await fn();
    into.push(performance.now() - t0);
    return result;
  };
  const expectOk = async (response: Response, what: string): Promise<Response> => {
    if (!response.ok) throw new Error(`${what}: ${response.status} ${(await response.text()).slice(0, 200)}`);
    return response;
  };

  const apiUpload = async (bytes: Buffer, name: string): Promise<string> => {
    const query = new URLSearchParams({ fileName: name, documentType: 'aanvraag' });
    const response = await fetch(`${target.api}/cases/${target.caseId}/documents?${query.toString()}`, {
      method: 'POST',
      headers: { ...apiAuth, 'content-type': 'application/pdf' },
      body: new Uint8Array(bytes),
    });
    return String(((await (await expectOk(response, 'API upload')).json()) as { id: string }).id);
  };
  const apiDownload = async (documentId: string): Promise<number> => {
    const response = await fetch(`${target.api}/cases/${target.caseId}/documents/${documentId}/content`, { headers: apiAuth });
    return (await (await expectOk(response, 'API download')).arrayBuffer()).byteLength;
  };
  const graphUpload = async (bytes: Buffer, name: string): Promise<string> => {
    const path = `${drive}/root:/${encodeURIComponent(folderName)}/${encodeURIComponent(name)}:`;
    if (bytes.length <= simpleUploadMaxBytes) {
      const response = await fetch(`${path}/content`, {
        method: 'PUT',
        headers: { ...graphAuth, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bytes),
      });
      return ((await (await expectOk(response, 'Graph upload')).json()) as { id: string }).id;
    }
    const session = await fetch(`${path}/createUploadSession`, {
      method: 'POST',
      headers: { ...graphAuth, 'content-type': 'application/json' },
      body: JSON.stringify({ item: { '@microsoft.graph.conflictBehavior': 'rename' } }),
    });
    const { uploadUrl } = (await (await expectOk(session, 'Graph upload session')).json()) as { uploadUrl: string };
    let item: { id: string } | undefined;
    for (let from = 0; from < bytes.length; from += fragmentBytes) {
      const fragment = bytes.subarray(from, Math.min(from + fragmentBytes, bytes.length));
      const end = from + fragment.length - 1;
      // An upload URL carries its own authorization: no bearer token, as Graph documents it.
      const response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'content-range': `bytes ${from}-${end}/${bytes.length}` },
        body: new Uint8Array(fragment),
      });
      await expectOk(response, 'Graph fragment');
      if (response.status === 200 || response.status === 201) item = (await response.json()) as { id: string };
      else await response.arrayBuffer();
    }
    if (!item) throw new Error('Graph upload session ended without an item');
    return item.id;
  };
  const graphDownload = async (itemId: string): Promise<number> => {
    const response = await fetch(`${drive}/items/${encodeURIComponent(itemId)}/content`, { headers: graphAuth });
    return (await (await expectOk(response, 'Graph download')).arrayBuffer()).byteLength;
  };

  const figures: TransferFigures[] = [];
  for (const sizeMb of sizesMb) {
    const bytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(sizeMb * mib - 9)]);
    const t = { apiUp: [] as number[], apiDown: [] as number[], graphUp: [] as number[], graphDown: [] as number[] };
    const errors: string[] = [];
    // Alternate API and Graph per sample, so a burst of load on the machine hits both alike.
    for (let i = 0; i < samples; i++) {
      try {
        const documentId = await timed(() => apiUpload(bytes, `bench-${sizeMb}mb-${i}.pdf`), t.apiUp);
        const down = await timed(() => apiDownload(documentId), t.apiDown);
        if (down !== bytes.length) errors.push(`API download returned ${down} bytes, not ${bytes.length}`);
      } catch (error) {
        errors.push((error as Error).message);
      }
      try {
        const itemId = await timed(() => graphUpload(bytes, `direct-${sizeMb}mb-${i}.pdf`), t.graphUp);
        const down = await timed(() => graphDownload(itemId), t.graphDown);
        if (down !== bytes.length) errors.push(`Graph download returned ${down} bytes, not ${bytes.length}`);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    const side = (up: number[], down: number[]) => {
      const upload = summarize(up);
      const download = summarize(down);
      return {
        upload,
        download,
        uploadMbPerS: throughputMbPerSecond(sizeMb, upload.p50),
        downloadMbPerS: throughputMbPerSecond(sizeMb, download.p50),
      };
    };
    const api = side(t.apiUp, t.apiDown);
    const graph = side(t.graphUp, t.graphDown);
    const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
    const result: TransferFigures = {
      sizeMb,
      samples,
      api,
      graph,
      overhead: {
        uploadRatio: ratio(api.upload.p50, graph.upload.p50),
        uploadMs: Math.round(api.upload.p50 - graph.upload.p50),
        downloadRatio: ratio(api.download.p50, graph.download.p50),
        downloadMs: Math.round(api.download.p50 - graph.download.p50),
      },
      errors: [...new Set(errors)],
    };
    figures.push(result);
    say(
      `documents ${String(sizeMb).padStart(2)} MB  upload API ${api.uploadMbPerS} MB/s (p50 ${api.upload.p50} ms) vs Graph ${graph.uploadMbPerS} MB/s (p50 ${graph.upload.p50} ms): ` +
        `×${result.overhead.uploadRatio}, +${result.overhead.uploadMs} ms`,
    );
    say(
      `              download API ${api.downloadMbPerS} MB/s (p50 ${api.download.p50} ms) vs Graph ${graph.downloadMbPerS} MB/s (p50 ${graph.download.p50} ms): ` +
        `×${result.overhead.downloadRatio}, +${result.overhead.downloadMs} ms${errors.length ? `  (${errors.length} errors: ${result.errors.join('; ')})` : ''}`,
    );
  }
  return figures;
}
