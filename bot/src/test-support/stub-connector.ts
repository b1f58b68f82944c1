import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedReply {
  conversationId: string;
  /** The activity the bot sent, as JSON. */
  activity: Record<string, unknown>;
  authorization: string | undefined;
}

export interface StubConnector {
  /** Put this in the activity's `serviceUrl`: the SDK sends replies there. */
  serviceUrl: string;
  replies: RecordedReply[];
  close(): Promise<void>;
}

/**
 * A tiny stand-in for the Bot Connector service: records every activity the bot posts to
 * `/v3/conversations/{id}/activities[/{replyToId}]` and answers like the connector (201 + id).
 */
export async function startStubConnector(): Promise<StubConnector> {
  const replies: RecordedReply[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
      if (req.method !== 'POST' || !match?.[1]) {
        res.writeHead(404).end();
        return;
      }
      replies.push({
        conversationId: decodeURIComponent(match[1]),
        activity: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
        authorization: req.headers.authorization,
      });
      res.writeHead(201, { 'content-type': 'application/json' }).end(JSON.stringify({ id: `reply-${replies.length}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}`,
    replies,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
