import { maxFileNameLength, sanitiseFileName } from './file-names';

describe('sanitising an uploaded file name', () => {
  it.each([
    ['Aanvraag dakkapel.pdf', 'Aanvraag dakkapel.pdf'],
    ['../../etc/passwd', 'etc_passwd'],
    ['..\\..\\windows\\system32\\cmd.exe', 'windows_system32_cmd.exe'],
    ['C:\\Users\\sanne\\brief.docx', 'C__Users_sanne_brief.docx'],
    ['con.docx', '_con.docx'],
    ['LPT1.txt', '_LPT1.txt'],
    ['aux', '_aux'],
    ['desktop.ini', '_desktop.ini'],
    ['~$brief.docx', 'brief.docx'],
    ['a_vti_b.pdf', 'avtib.pdf'],
    ['brief\u0000\u0007\u009f.pdf', 'brief___.pdf'],
    ['wat? "dit" <is> *raar*|.pdf', 'wat_ _dit_ _is_ _raar__.pdf'],
    ['  .verborgen.pdf  ', 'verborgen.pdf'],
    ['eindigt op punt...', 'eindigt op punt'],
    ['...', 'document'],
    ['', 'document'],
    ['e\u0301e\u0301n.pdf', '\u00e9\u00e9n.pdf'],
  ])('%j becomes %j', (original, expected) => {
    expect(sanitiseFileName(original)).toBe(expected);
  });

  it('caps a 300-character name at the maximum and keeps its extension', () => {
    const name = sanitiseFileName(`${'x'.repeat(300)}.docx`);
    expect(name).toHaveLength(maxFileNameLength);
    expect(name.endsWith('.docx')).toBe(true);
  });

  it('never cuts a surrogate pair when capping', () => {
    const name = sanitiseFileName(`${'😀'.repeat(200)}.pdf`);
    expect(name.length).toBeLessThanOrEqual(maxFileNameLength);
    expect(name.endsWith('😀.pdf')).toBe(true);
    expect(() => encodeURIComponent(name)).not.toThrow();
  });
});
