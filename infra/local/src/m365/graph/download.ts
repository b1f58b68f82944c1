import type { Exchange } from '../http/router';
import { sendJson } from '../http/respond';
import type { GraphContext } from './graph-context';

/** GET /_layouts/15/download.aspx?UniqueId=…&tempauth=…: streams a file for a valid, unexpired link. */
export async function handleDownload(ctx: GraphContext, ex: Exchange): Promise<void> {
  ex.res.setHeader('Access-Control-Allow-Origin', '*');
  const target = ctx.downloads.verify(ex.url);
  if (!target) return sendJson(ex.res, 401, { error_description: 'The download link is invalid or has expired.' });
  const item = await ctx.drive.get(target.driveId, target.itemId);
  if (!item || item.kind !== 'file') return sendJson(ex.res, 404, { error_description: 'The file no longer exists.' });
  let body: NodeJS.ReadableStream | Buffer;
  let size = item.size;
  if (target.version === undefined) {
    body = await ctx.drive.readContent(item);
  } else {
    const bytes = await ctx.drive.readVersion(item, target.version);
    if (!bytes) return sendJson(ex.res, 404, { error_description: 'The version no longer exists.' });
    body = bytes;
    size = bytes.length;
  }
  ex.res.writeHead(200, {
    'Content-Type': item.mimeType,
    'Content-Length': size,
    'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(item.name)}`,
    ETag: `"{${item.guid}},${item.version}"`,
    'Cache-Control': 'private, max-age=0',
  });
  if (ex.req.method === 'HEAD') {
    ex.res.end();
    return;
  }
  if (Buffer.isBuffer(body)) {
    ex.res.end(body);
    return;
  }
  const stream = body;
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    ex.res.once('finish', resolve);
    ex.res.once('close', resolve);
    stream.pipe(ex.res);
  });
}
