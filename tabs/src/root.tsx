import { FluentProvider, makeStyles } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { bootOnce, initialLocale } from './boot';
import type { BootResult } from './boot';
import type { TeamsHost } from './host/teams-host';
import { createTranslator, I18nProvider } from './i18n';
import type { Locale } from './i18n';
import { fluentTheme } from './shared/theme/theme-name';
import { useThemeName } from './theme/use-theme-name';
import { AppShell } from './ui/app-shell';
import { ConfigErrorPage } from './ui/config-error-page';
import { AuthFailedPage, ConfigurePage, LoadingPage, SignInPage } from './ui/status-page';

const useStyles = makeStyles({
  provider: { minHeight: '100vh' },
});

/** Runs start-up once and renders the page for its outcome, themed and translated. */
export function Root() {
  const [result, setResult] = useState<BootResult | null>(null);

  useEffect(() => {
    let active = true;
    void bootOnce().then((outcome) => {
      if (active) setResult(outcome);
    });
    return () => {
      active = false;
    };
  }, []);

  const locale: Locale = result && 'locale' in result ? result.locale : initialLocale();
  const teams: TeamsHost | null = result && 'teams' in result ? result.teams : null;

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = createTranslator(locale)('app.name');
  }, [locale]);

  return (
    <Themed teams={teams}>
      <I18nProvider locale={locale}>
        <Page result={result} locale={locale} />
      </I18nProvider>
    </Themed>
  );
}

function Themed({ teams, children }: { teams: TeamsHost | null; children: ReactNode }) {
  const styles = useStyles();
  const themeName = useThemeName(teams);
  return (
    <FluentProvider theme={fluentTheme(themeName)} className={styles.provider} data-theme={themeName}>
      {children}
    </FluentProvider>
  );
}

function Page({ result, locale }: { result: BootResult | null; locale: Locale }) {
  const t = createTranslator(locale);
  if (!result) return <LoadingPage label={t('app.loading')} />;
  switch (result.kind) {
    case 'config-error':
      return <ConfigErrorPage message={result.message} problems={result.problems} />;
    case 'redirecting':
      return <LoadingPage label={t('auth.redirecting')} />;
    case 'configure':
      return <ConfigurePage inTeams={result.teams !== null} />;
    case 'needs-sign-in':
      return <SignInPage reason={result.reason} onSignIn={result.signIn} />;
    case 'auth-error':
      return <AuthFailedPage message={result.message} onRetry={() => window.location.reload()} />;
    case 'ready':
      return <AppShell config={result.config} session={result.session} />;
  }
}
