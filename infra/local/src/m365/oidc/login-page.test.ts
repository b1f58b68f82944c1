import { escapeHtml, renderLoginPage } from './login-page';

describe('the sign-in page', () => {
  it('escapes everything that comes from the request', () => {
    const html = renderLoginPage({
      action: '/t/login',
      authorizationRequest: 'state="><script>alert(1)</script>',
      login: '"><img src=x onerror=alert(1)>',
    });
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('value="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"');
  });

  it('is Dutch first with labelled fields and an Aanmelden button', () => {
    const html = renderLoginPage({ action: '/t/login', authorizationRequest: '', login: 'behandelaar@zaakwerk.test' });
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain('<h1>Aanmelden bij Zaakwerk (lokaal)</h1>');
    expect(html).toContain('<label for="login">E-mailadres</label>');
    expect(html).toContain('<label for="password">Wachtwoord</label>');
    expect(html).toContain('<button type="submit">Aanmelden</button>');
    expect(html).toContain('lang="en"');
    expect(html).toContain('value="behandelaar@zaakwerk.test"');
  });

  it('announces a failed sign-in without saying which field was wrong', () => {
    const html = renderLoginPage({ action: '/t/login', authorizationRequest: '', failed: true });
    expect(html).toContain('role="alert"');
    expect(html).toContain('Het e-mailadres of het wachtwoord is onjuist');
    expect(html).toContain('aria-invalid="true"');
    expect(html).not.toMatch(/onbekend|unknown user|wrong password/i);
  });

  it('shows no error on first display', () => {
    expect(renderLoginPage({ action: '/t/login', authorizationRequest: '' })).not.toContain('role="alert"');
  });

  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});
