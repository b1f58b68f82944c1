import { RestError, type TableClient } from '@azure/data-tables';

/** The HTTP status of a storage error (a failed sub-request of a batch carries its own), else undefined. */
export const storageStatus = (error: unknown): number | undefined => (error instanceof RestError ? error.statusCode : undefined);

/** A failed batch may carry the service's error code only inside its message (the SDK does not always parse it). */
export const isTableNotFound = (error: unknown): boolean =>
  error instanceof RestError &&
  error.statusCode === 404 &&
  (error.code === 'TableNotFound' || (error.code === undefined && error.message.includes('"TableNotFound"')));

export const isNotFound = (error: unknown): boolean => storageStatus(error) === 404;

/**
 * Runs `operation`; when the table does not exist yet, creates it and runs it once more. Tables are
 * created on first use so a fresh storage account (or Azurite) needs no set-up step.
 */
export async function withTable<T>(table: TableClient, operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (!isTableNotFound(error)) throw error;
    await table.createTable();
    return operation();
  }
}
