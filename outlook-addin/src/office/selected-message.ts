import type { EmailAddressDetailsLike, MailboxLike } from './office-types';

/**
 * The selected e-mail as the task pane shows it, and the seam for "file this e-mail to a case":
 * the ids are what a later filing command sends to the API (which then fetches the message through
 * Graph on behalf of the user), so the pane never uploads mail content itself.
 */
export interface SelectedMessage {
  subject: string;
  from: { name: string; email: string } | null;
  /** Exchange item id (EWS format in Outlook; convert with `convertToRestId` before calling Graph). */
  itemId: string | null;
  internetMessageId: string | null;
  conversationId: string | null;
}

function isEmailAddressDetails(value: unknown): value is EmailAddressDetailsLike {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v['emailAddress'] === 'string' && typeof v['displayName'] === 'string';
}

const textOrNull = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/**
 * Reads the selected message from `Office.context.mailbox`. Returns null when there is no item or the
 * item is not a message in read mode (the add-in's ribbon button only appears there, but a pinned or
 * no-item-context pane can still be open without one).
 */
export function readSelectedMessage(mailbox: MailboxLike | undefined): SelectedMessage | null {
  const item = mailbox?.item;
  if (!item) return null;
  if (item.itemType !== undefined && item.itemType !== 'message') return null;
  // In compose mode `subject` is an object with getAsync: that is not a read-mode message.
  if (typeof item.subject !== 'string') return null;
  const from = isEmailAddressDetails(item.from)
    ? { name: item.from.displayName.trim() || item.from.emailAddress, email: item.from.emailAddress }
    : null;
  return {
    subject: item.subject,
    from,
    itemId: textOrNull(item.itemId),
    internetMessageId: textOrNull(item.internetMessageId),
    conversationId: textOrNull(item.conversationId),
  };
}
