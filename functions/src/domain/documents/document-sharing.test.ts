import type { CaseState } from '../cases/case-state';
import type { ChangeStamp } from '../cases/case-transitions';
import type { CaseDocument, DocumentShare } from './case-document';
import { checkShareable, recordShare, recordShareRevoked } from './document-sharing';

const sanne = { id: 'u-1', name: 'Sanne de Vries' };
const stamp: ChangeStamp = { occurredAt: '2026-03-03T10:00:00.000Z', actor: { ...sanne, kind: 'user' }, channel: 'api' };
const aDocument = (confidentiality: CaseDocument['confidentiality']) =>
  ({ id: 'd-1', title: 'Advies', confidentiality }) as CaseDocument;
const aShare: DocumentShare = {
  id: 'p-1',
  email: 'partner@example.nl',
  access: 'view',
  expiresOn: '2026-12-31',
  external: true,
  createdBy: sanne,
  createdAt: stamp.occurredAt,
  revokedBy: null,
  revokedAt: null,
};

describe('sharing documents', () => {
  it.each([
    ['openbaar', undefined, true],
    ['intern', undefined, true],
    ['zaakvertrouwelijk', undefined, false],
    ['zaakvertrouwelijk', 'vertrouwelijk', true],
    ['geheim', 'vertrouwelijk', false],
  ] as const)('a %s document with a limit of %s is shareable: %s', (level, max, allowed) => {
    const check = () => checkShareable(aDocument(level), max);
    if (allowed) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'document.share-too-confidential', kind: 'rule-violation' }));
  });

  it('records a share and its revocation, keeping the revoked share with who revoked it', () => {
    const shared = recordShare({ documents: [aDocument('intern')] } as unknown as CaseState, 'd-1', aShare, stamp);
    expect(shared.events[0]?.type).toBe('document.shared');
    const revoked = recordShareRevoked(shared.state, 'd-1', 'p-1', sanne, stamp);
    expect(revoked.state.documents?.[0]?.shares).toEqual([{ ...aShare, revokedBy: sanne, revokedAt: stamp.occurredAt }]);
    expect(() => recordShareRevoked(revoked.state, 'd-1', 'p-1', sanne, stamp)).toThrow(
      expect.objectContaining({ code: 'document.share-revoked' }),
    );
    expect(() => recordShareRevoked(revoked.state, 'd-1', 'p-9', sanne, stamp)).toThrow(
      expect.objectContaining({ code: 'document.share-not-found' }),
    );
  });
});
