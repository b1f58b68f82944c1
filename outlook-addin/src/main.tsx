import { FluentProvider } from '@fluentui/react-components';
import { fluentTheme, themeFromMatchMedia } from '@zaakwerk/tabs/shared/theme/theme-name';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { createSession } from './auth/create-token-client';
import { redirectUriFor } from './auth/msal-config';
import { ConfigLoadError, loadRuntimeConfig } from '@zaakwerk/tabs/shared/config/runtime-config';
import { pickLanguage, translator } from './i18n/i18n';
import { detectOfficeHost, isOutlook } from './office/office-host';
import { readSelectedMessage } from './office/selected-message';
import { ConfigErrorPage, LoadingPage } from './ui/status-page';
import { TaskPane } from './ui/task-pane';

const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const root = createRoot(container);
const theme = fluentTheme(themeFromMatchMedia((query) => window.matchMedia(query)));

const render = (node: ReactNode) =>
  root.render(
    <StrictMode>
      <FluentProvider theme={theme}>{node}</FluentProvider>
    </StrictMode>,
  );

/**
 * Start-up order: Office first (it decides language, mailbox and how we sign in), then config.json,
 * then MSAL. Office.js comes from Microsoft's CDN via taskpane.html; without it we run as a web page.
 */
async function start(): Promise<void> {
  let t = translator(pickLanguage(navigator.language));
  render(<LoadingPage label={t('loading')} />);

  const host = await detectOfficeHost((globalThis as { Office?: unknown }).Office);
  const language = pickLanguage(host.displayLanguage, navigator.language);
  document.documentElement.lang = language;
  t = translator(language);

  let config;
  try {
    config = await loadRuntimeConfig();
  } catch (error) {
    const problems = error instanceof ConfigLoadError ? error.problems.map((p) => `${p.field}: ${p.message}`) : [];
    const detail = error instanceof Error ? error.message : String(error);
    render(
      <ConfigErrorPage
        title={t('configErrorTitle')}
        body={t('configErrorBody')}
        problems={problems.length ? problems : [detail]}
      />,
    );
    return;
  }

  const insideOutlook = isOutlook(host);
  const session = await createSession(config, insideOutlook, redirectUriFor(window.location));
  const message = insideOutlook ? readSelectedMessage(host.office?.context?.mailbox) : null;
  render(<TaskPane t={t} apiBaseUrl={config.apiBaseUrl} session={session} message={message} insideOutlook={insideOutlook} />);
}

void start();
