import type { CaseState } from '../cases/case-state';
import type { ChangeStamp } from '../cases/case-transitions';
import { renderTimelineEntry } from '../cases/timeline';
import type { CaseDocument } from './case-document';
import { checkInDocument, checkOutDocument } from './document-checkout';

const sanne = { id: 'u-1', name: 'Sanne de Vries' };
const pieter = { id: 'u-2', name: 'Pieter Bakker' };
const stamp: ChangeStamp = { occurredAt: '2026-03-03T10:00:00.000Z', actor: { ...sanne, kind: 'user' }, channel: 'tab' };
const document = { id: 'd-1', title: 'Besluit', currentVersion: '1.0' } as CaseDocument;
const aCase = (doc: CaseDocument): CaseState => ({ id: 'c-1', documents: [doc] }) as unknown as CaseState;

describe('checking documents out and in', () => {
  it('records who checked the document out and since when, with a timeline line', () => {
    const { state, events } = checkOutDocument(aCase(document), 'd-1', sanne, stamp);
    expect(state.documents?.[0]?.checkedOut).toEqual({ by: sanne, at: stamp.occurredAt });
    const entry = renderTimelineEntry({ ...events[0]!, caseId: 'c-1', sequence: 3, previousHash: '0', hash: '1' });
    expect(entry.summary).toEqual({
      nl: 'Sanne de Vries heeft document "Besluit" uitgecheckt',
      en: 'Sanne de Vries checked out document "Besluit"',
    });
  });

  it("refuses someone else's check-out and check-in (document.locked)", () => {
    const locked = aCase({ ...document, checkedOut: { by: pieter, at: '2026-03-02T10:00:00.000Z' } });
    expect(() => checkOutDocument(locked, 'd-1', sanne, stamp)).toThrow(expect.objectContaining({ code: 'document.locked' }));
    expect(() => checkInDocument(locked, 'd-1', sanne, stamp)).toThrow(expect.objectContaining({ code: 'document.locked' }));
  });

  it('checks in what the holder checked out, and refuses a check-in of a document nobody has', () => {
    const mine = aCase({ ...document, checkedOut: { by: sanne, at: '2026-03-02T10:00:00.000Z' } });
    expect(checkInDocument(mine, 'd-1', sanne, stamp).state.documents?.[0]?.checkedOut).toBeNull();
    expect(() => checkInDocument(aCase(document), 'd-1', sanne, stamp)).toThrow(
      expect.objectContaining({ code: 'document.not-checked-out' }),
    );
  });
});
