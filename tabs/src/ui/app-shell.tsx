import { makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useMemo } from 'react';
import { createApiClient } from '../api';
import type { AuthSession } from '../auth';
import type { RuntimeConfig } from '../shared/config/runtime-config';
import { AppHeader } from './app-header';
import { MyWorkPage } from './my-work-page';
import { useApiResource } from './use-api-resource';

const useStyles = makeStyles({
  main: { padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`, maxWidth: '1200px' },
});

/** The signed-in tab: header with the user, and the "Mijn werk" page. */
export function AppShell({ config, session }: { config: RuntimeConfig; session: AuthSession }) {
  const styles = useStyles();
  const api = useMemo(
    () => createApiClient({ baseUrl: config.apiBaseUrl, getAccessToken: () => session.getAccessToken() }),
    [config, session],
  );
  const loadMe = useCallback((signal: AbortSignal) => api.getMe(signal), [api]);
  const { state: me } = useApiResource(loadMe);
  const signOut = useCallback(() => {
    void session.signOut();
  }, [session]);

  return (
    <>
      <AppHeader me={me} canSignOut={session.canSignOut} onSignOut={signOut} />
      <main className={styles.main}>
        <MyWorkPage api={api} />
      </main>
    </>
  );
}
