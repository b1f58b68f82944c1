/**
 * The small part of the Office.js API the task pane uses, typed here instead of pulling in
 * `@types/office-js` (1.2 MB of declarations for a handful of properties). Names and shapes follow
 * Office.js exactly, so the real `Office` global satisfies these interfaces.
 */

/** `Office.EmailAddressDetails` (read mode). */
export interface EmailAddressDetailsLike {
  displayName: string;
  emailAddress: string;
}

/** `Office.MessageRead`, the item the task pane sees on a selected message in read mode. */
export interface MessageReadLike {
  itemType?: string;
  itemId?: string;
  internetMessageId?: string;
  conversationId?: string;
  subject?: unknown;
  /** An object with getAsync in compose mode; `EmailAddressDetails` in read mode. */
  from?: unknown;
  dateTimeCreated?: Date;
}

export interface MailboxLike {
  item?: MessageReadLike | null;
}

export interface OfficeContextLike {
  mailbox?: MailboxLike;
  /** e.g. `nl-NL`: the language of the Office user interface. */
  displayLanguage?: string;
}

/** `Office.onReady()` resolves with the host (`Outlook`, ...) or null outside any Office host. */
export interface OfficeReadyInfo {
  host: string | null;
  platform: string | null;
}

export interface OfficeLike {
  onReady(): Promise<OfficeReadyInfo>;
  context?: OfficeContextLike;
}
