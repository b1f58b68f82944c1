import { readSelectedMessage } from './selected-message';

const readModeItem = {
  itemType: 'message',
  itemId: 'AAMkAD-item',
  internetMessageId: '<abc@example.nl>',
  conversationId: 'conv-1',
  subject: 'Aanvraag omgevingsvergunning Dorpsstraat 1',
  from: { displayName: 'Jan Jansen', emailAddress: 'jan@example.nl' },
};

describe('readSelectedMessage', () => {
  it('reads subject, sender and ids of a message in read mode', () => {
    expect(readSelectedMessage({ item: readModeItem })).toEqual({
      subject: 'Aanvraag omgevingsvergunning Dorpsstraat 1',
      from: { name: 'Jan Jansen', email: 'jan@example.nl' },
      itemId: 'AAMkAD-item',
      internetMessageId: '<abc@example.nl>',
      conversationId: 'conv-1',
    });
  });

  it('uses the address when the sender has no display name', () => {
    const message = readSelectedMessage({
      item: { ...readModeItem, from: { displayName: ' ', emailAddress: 'jan@example.nl' } },
    });
    expect(message?.from).toEqual({ name: 'jan@example.nl', email: 'jan@example.nl' });
  });

  it('returns null without a mailbox or selected item', () => {
    expect(readSelectedMessage(undefined)).toBeNull();
    expect(readSelectedMessage({ item: null })).toBeNull();
  });

  it('returns null for an appointment', () => {
    expect(readSelectedMessage({ item: { ...readModeItem, itemType: 'appointment' } })).toBeNull();
  });

  it('returns null in compose mode, where subject is an object with getAsync', () => {
    expect(readSelectedMessage({ item: { ...readModeItem, subject: { getAsync: () => undefined } } })).toBeNull();
  });

  it('keeps an empty subject and leaves the sender empty when from is not read-mode details', () => {
    const message = readSelectedMessage({ item: { ...readModeItem, subject: '', from: { getAsync: () => undefined } } });
    expect(message?.subject).toBe('');
    expect(message?.from).toBeNull();
  });
});
