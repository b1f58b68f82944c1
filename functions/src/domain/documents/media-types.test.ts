import { checkMediaType } from './media-types';

const pdf = 'application/pdf';

describe('checking an upload against the allowed media types', () => {
  it('accepts an allowed type with its own extension', () => {
    expect(checkMediaType(pdf, 'brief.pdf', undefined)).toEqual({ ok: true, fileName: 'brief.pdf' });
    expect(checkMediaType('image/jpeg', 'foto.JPEG', undefined)).toEqual({ ok: true, fileName: 'foto.JPEG' });
  });

  it('adds the extension when the name has none (or an unknown one)', () => {
    expect(checkMediaType('text/plain', 'etc_passwd', undefined)).toEqual({ ok: true, fileName: 'etc_passwd.txt' });
    expect(checkMediaType(pdf, 'offerte.v2', undefined)).toEqual({ ok: true, fileName: 'offerte.v2.pdf' });
  });

  it.each([
    ['application/x-msdownload', 'setup.exe', 'document.media-type-not-allowed'],
    ['text/html', 'pagina.html', 'document.media-type-not-allowed'],
    ['', 'leeg.pdf', 'document.media-type-not-allowed'],
    [pdf, 'virus.exe', 'document.extension-mismatch'],
    [pdf, 'tekening.docx', 'document.extension-mismatch'],
  ])('refuses %s named %s (%s)', (mediaType, fileName, code) => {
    expect(checkMediaType(mediaType, fileName, undefined)).toMatchObject({ ok: false, code });
  });

  it("uses the document type's own list instead of the default one", () => {
    expect(checkMediaType('image/png', 'foto.png', ['image/png'])).toMatchObject({ ok: true });
    expect(checkMediaType(pdf, 'brief.pdf', ['image/png'])).toMatchObject({ ok: false, code: 'document.media-type-not-allowed' });
  });
});
