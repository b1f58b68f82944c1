import { makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { AuthSession } from '../auth/auth-session';
import type { Translate } from '../i18n/i18n';
import type { SelectedMessage } from '../office/selected-message';
import { AccountSection } from './account-section';
import { MessageSection } from './message-section';
import { useAccount } from './use-account';

const useStyles = makeStyles({
  page: {
    display: 'flex',
    flexDirection: 'column',
    rowGap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minHeight: '100vh',
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground2,
  },
  main: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalM },
});

export interface TaskPaneProps {
  t: Translate;
  apiBaseUrl: string;
  session: AuthSession;
  message: SelectedMessage | null;
  insideOutlook: boolean;
}

export function TaskPane({ t, apiBaseUrl, session, message, insideOutlook }: TaskPaneProps) {
  const styles = useStyles();
  const account = useAccount(session, apiBaseUrl);
  return (
    <div className={styles.page}>
      <header>
        <Title3 as="h1">{t('appTitle')}</Title3>
      </header>
      <main className={styles.main}>
        <MessageSection t={t} message={message} insideOutlook={insideOutlook} />
        {/*
          Seam for "file this e-mail to a case" (a later issue): it gets `message` (with itemId and
          internetMessageId), `session.apiToken()` and the API base URL, and sits between these sections.
        */}
        <AccountSection t={t} state={account.state} onSignIn={account.signIn} onRetry={account.retry} />
      </main>
    </div>
  );
}
