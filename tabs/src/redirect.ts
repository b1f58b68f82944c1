/**
 * The MSAL v5 redirect bridge (redirect.html is the app's redirectUri). After a redirect sign-in it
 * hands the response back to the page that started it; for popups and silent iframes it posts the
 * response to the opener over a BroadcastChannel. It must not run the app itself.
 */
import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

broadcastResponseToMainFrame().catch((error: unknown) => {
  console.error('Zaakwerk: could not process the sign-in response', error);
  const message = document.getElementById('message');
  if (message) {
    message.textContent =
      'Aanmelden is mislukt. Sluit dit venster en probeer het opnieuw. / Signing in failed. Close this window and try again.';
  }
});
