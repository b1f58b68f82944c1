/**
 * Who Graph acts for: the signed-in user through on-behalf-of (their token is the assertion), or the
 * API itself (app-only) when no user token exists, e.g. when the bot acts for a user.
 */
export type GraphActor = { kind: 'user'; assertion: string } | { kind: 'app' };

/** A file in the document library after a write: its id, name there, address and current version. */
export interface StoredFile {
  itemId: string;
  name: string;
  webUrl: string;
  versionId: string;
  size: number;
}

export interface FileUpload {
  /** The case folder, named after the case number; created on first use. */
  folder: string;
  /** A safe name; when taken, the library picks a free one (`brief 1.pdf`) rather than overwrite. */
  fileName: string;
  size: number;
  content: AsyncIterable<Uint8Array>;
  /** Metadata columns of the file's list item (case number, case type, document type, confidentiality). */
  fields: Record<string, string>;
}

export interface FileContent {
  body: AsyncIterable<Uint8Array>;
  size: number | null;
}

export interface LibraryVersion {
  id: string;
  size: number;
  modifiedAt: string;
  /** Who made the version (a user, or an app for app-only writes); null when SharePoint does not say. */
  modifiedBy: { id: string; name: string } | null;
}

/**
 * Case documents in one SharePoint document library (one per deployment), one folder per case.
 * Failures are AppError/DomainError with stable codes (404, 409 locked, 503 unavailable).
 */
export interface DocumentStore {
  /** Stores a new file; leaves nothing behind when it fails. */
  upload(actor: GraphActor, file: FileUpload): Promise<StoredFile>;
  /** New content for an existing file (a new version); leaves the file as it was when it fails. */
  uploadVersion(actor: GraphActor, itemId: string, file: Pick<FileUpload, 'size' | 'content'>): Promise<StoredFile>;
  /** The library's versions of a file, newest first. */
  versions(actor: GraphActor, itemId: string): Promise<LibraryVersion[]>;
  /** The bytes of the current version (versionId null) or of one version. */
  download(actor: GraphActor, itemId: string, versionId: string | null): Promise<FileContent>;
  /** Makes an old version current again (a new version); returns the file as it is now. */
  restoreVersion(actor: GraphActor, itemId: string, versionId: string): Promise<StoredFile>;
  delete(actor: GraphActor, itemId: string): Promise<void>;
  /** Checks the file out to the actor (SharePoint refuses others' writes until check-in). */
  checkout(actor: GraphActor, itemId: string): Promise<void>;
  checkin(actor: GraphActor, itemId: string, comment: string): Promise<void>;
  /** Invites a named person (read or write) until `expiresAt`; returns the permission id. */
  share(actor: GraphActor, itemId: string, grant: { email: string; role: 'read' | 'write'; expiresAt: string }): Promise<string>;
  /** Removes a permission; an already removed one counts as removed. */
  revokeShare(actor: GraphActor, itemId: string, permissionId: string): Promise<void>;
}
