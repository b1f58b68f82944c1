/** A file or folder the document library reports as changed (Graph `root/delta`). */
export interface LibraryChange {
  itemId: string;
  deleted: boolean;
  isFile: boolean;
}

/** One page of changes; exactly one of the links is set (nextLink: more to come; deltaLink: up to date). */
export interface LibraryChangePage {
  changes: LibraryChange[];
  nextLink: string | null;
  deltaLink: string | null;
}

/**
 * What changed in the deployment's document library since a link from before (null: from the start, a
 * full enumeration), read app-only. `resync`: the library can no longer serve that link (Graph 410);
 * start again from null.
 */
export interface DocumentChangeFeed {
  page(link: string | null): Promise<LibraryChangePage | 'resync'>;
  /** The file's list-item columns (Zaaknummer, …); null when the file is gone. */
  fieldsOf(itemId: string): Promise<Record<string, unknown> | null>;
}

/** Where the library sync stands: the last nextLink/deltaLink it finished, kept in one table row. */
export interface DocumentSyncCursor {
  load(): Promise<string | null>;
  save(link: string | null): Promise<void>;
}

/** A Graph subscription on the library (change notifications), as kept between timer runs. */
export interface LibrarySubscription {
  id: string;
  expiresAt: string;
  /** Where Graph posts lifecycle notifications for it; absent for one made before lifecycle handling (ADR 0017). */
  lifecycleUrl?: string;
}

/** Creates and renews the library's Graph subscription (app-only). */
export interface LibrarySubscriptions {
  create(request: {
    notificationUrl: string;
    clientState: string;
    expiresAt: string;
    lifecycleNotificationUrl?: string;
  }): Promise<LibrarySubscription>;
  /** A new expiry for an existing subscription; null when Graph no longer knows it (create a new one). */
  renew(id: string, expiresAt: string): Promise<LibrarySubscription | null>;
}

/** The subscription row next to the cursor. */
export interface LibrarySubscriptionStore {
  loadSubscription(): Promise<LibrarySubscription | null>;
  saveSubscription(subscription: LibrarySubscription): Promise<void>;
}
