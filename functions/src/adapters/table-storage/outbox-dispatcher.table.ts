import { randomUUID } from 'node:crypto';
import type { TableClient } from '@azure/data-tables';
import type { QueueClient } from '@azure/storage-queue';
import type { Clock } from '../../ports/event-log';
import type { OutboxDispatcher, OutboxMessage } from '../../ports/outbox';
import { isNotFound } from './case-store-errors';
import { outboxMessageFromRow } from './case-store.table';
import { casePartitionKey, outboxRowKey, outboxRowKeyRange } from './case-store-rows';
import { deleteOutboxMarker, markersBefore, writeOutboxMarker } from './outbox-markers.table';

export const caseOutboxQueueName = 'case-outbox';

export interface OutboxDispatcherDeps {
  cases: TableClient;
  outboxPending: TableClient;
  queue: QueueClient;
  clock: Clock;
}

/**
 * Moves outbox rows from case partitions to the `case-outbox` queue. Messages are base64-encoded JSON,
 * as the Functions host expects (host.json messageEncoding base64). Send first, delete after: a crash
 * in between sends a message twice, never loses one; consumers dedupe on `messageId`.
 */
export function createOutboxDispatcher(deps: OutboxDispatcherDeps): OutboxDispatcher {
  const { cases, outboxPending, queue, clock } = deps;
  let queueReady: Promise<unknown> | undefined;

  const sendOnly = async (message: OutboxMessage): Promise<void> => {
    queueReady ??= queue.createIfNotExists().catch((error: unknown) => {
      queueReady = undefined; // try again on the next message rather than failing forever
      throw error;
    });
    await queueReady;
    await queue.sendMessage(encodeQueueMessage(message));
  };
  const send = async (partitionKey: string, rowKey: string, message: OutboxMessage): Promise<void> => {
    await sendOnly(message);
    await deleteRow(cases, partitionKey, rowKey);
  };

  const dispatchOutbox = async (caseId: string, marker?: string | null, written?: readonly OutboxMessage[]): Promise<number> => {
    const partitionKey = casePartitionKey(caseId);
    let sent = 0;
    if (written) {
      // The commit's own rows, known from its result: no query for them (decision 0019).
      for (const message of written) {
        await sendOnly(message);
        sent++;
      }
      // Every message sent: its rows and the marker go together, one round trip instead of two.
      const [rows, markerGone] = await Promise.allSettled([
        Promise.all(written.map((message) => deleteRow(cases, partitionKey, outboxRowKey(message.sequence, message.n)))),
        marker ? deleteOutboxMarker(outboxPending, marker) : null,
      ]);
      if (rows.status === 'rejected') {
        // A sent row left behind without its marker would never be swept: mark the case again, so the sweep
        // removes it (sending its message once more, which consumers drop by messageId).
        if (marker && markerGone.status === 'fulfilled') {
          await writeOutboxMarker(outboxPending, clock, caseId, randomUUID()).catch(() => undefined);
        }
        throw rows.reason;
      }
      if (markerGone.status === 'rejected') throw markerGone.reason;
      return sent;
    }
    const filter =
      `PartitionKey eq '${partitionKey.replace(/'/g, "''")}' and ` +
      `RowKey ge '${outboxRowKeyRange.from}' and RowKey lt '${outboxRowKeyRange.toExclusive}'`;
    try {
      for await (const row of cases.listEntities<Record<string, unknown>>({ queryOptions: { filter } })) {
        await send(partitionKey, row.rowKey ?? '', outboxMessageFromRow(row));
        sent++;
      }
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
    if (marker) await deleteOutboxMarker(outboxPending, marker);
    return sent;
  };

  return {
    dispatchOutbox,
    async sweepOutbox({ olderThanMs = 5 * 60_000 } = {}) {
      // Younger markers belong to commits still in flight (marker written, transaction not yet sent) or
      // whose own dispatch is still running; taking them early could drop a marker before its rows exist.
      const before = new Date(clock.now().getTime() - olderThanMs);
      const markersByCase = new Map<string, string[]>();
      for await (const { marker, caseId } of markersBefore(outboxPending, before)) {
        markersByCase.set(caseId, [...(markersByCase.get(caseId) ?? []), marker]);
      }
      let messages = 0;
      for (const [caseId, markers] of markersByCase) {
        messages += await dispatchOutbox(caseId);
        for (const marker of markers) await deleteOutboxMarker(outboxPending, marker);
      }
      return { cases: markersByCase.size, messages };
    },
  };
}

/** The queue text of a message: base64 of its JSON (what a queue trigger with base64 encoding decodes). */
export const encodeQueueMessage = (message: unknown): string => Buffer.from(JSON.stringify(message), 'utf8').toString('base64');

async function deleteRow(table: TableClient, partitionKey: string, rowKey: string): Promise<void> {
  try {
    await table.deleteEntity(partitionKey, rowKey);
  } catch (error) {
    // Another dispatcher sent and deleted it already: that is the at-least-once overlap, not an error.
    if (!isNotFound(error)) throw error;
  }
}
