import { Button, makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';

const useStyles = makeStyles({
  main: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    rowGap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXL}`,
  },
});

/** Full-page states before the app proper: loading, redirecting to sign in, signed out, failed. */
export function StatusPage({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const { t } = useI18n();
  return (
    <main className={styles.main}>
      <Title2 as="h1">{t('app.name')}</Title2>
      {children}
    </main>
  );
}

export function LoadingPage({ label }: { label: string }) {
  return (
    <StatusPage>
      <div role="status" aria-live="polite">
        <Spinner label={label} labelPosition="after" />
      </div>
    </StatusPage>
  );
}

/** Sign-in on a click: after signing out, or in a frame where only a (click-initiated) popup works. */
export function SignInPage({ reason, onSignIn }: { reason: 'signed-out' | 'framed'; onSignIn: () => Promise<void> }) {
  const { t } = useI18n();
  const [failure, setFailure] = useState<string | null>(null);
  const signIn = (): void => {
    setFailure(null);
    onSignIn().catch((error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  };
  return (
    <StatusPage>
      <Text role="status">{reason === 'signed-out' ? t('auth.signedOut') : t('auth.signInPrompt')}</Text>
      <Button appearance="primary" onClick={signIn}>
        {t('auth.signIn')}
      </Button>
      {failure ? (
        <div role="alert">
          <Text block weight="semibold">
            {t('auth.failed')}
          </Text>
          <Text block>{failure}</Text>
        </div>
      ) : null}
    </StatusPage>
  );
}

export function AuthFailedPage({ message, onRetry }: { message: string; onRetry: () => void }) {
  const { t } = useI18n();
  return (
    <StatusPage>
      <div role="alert">
        <Text block weight="semibold">
          {t('auth.failed')}
        </Text>
        <Text block>{message}</Text>
      </div>
      <Button onClick={onRetry}>{t('error.retry')}</Button>
    </StatusPage>
  );
}

/** The configurable tab's set-up page: Teams shows its own Save button; we explain what the tab is. */
export function ConfigurePage({ inTeams }: { inTeams: boolean }) {
  const { t } = useI18n();
  return (
    <StatusPage>
      <Text as="h2" weight="semibold" size={500}>
        {t('configure.title')}
      </Text>
      <Text as="p">{inTeams ? t('configure.body') : t('configure.outsideTeams')}</Text>
    </StatusPage>
  );
}
