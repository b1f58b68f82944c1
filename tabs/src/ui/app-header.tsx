import { Avatar, Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { SignOut20Regular } from '@fluentui/react-icons/svg/sign-out';
import type { ApiProblemError, Me } from '../api';
import { useI18n } from '../i18n';
import type { ResourceState } from './use-api-resource';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalXL}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  user: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalS },
});

interface AppHeaderProps {
  me: ResourceState<Me>;
  canSignOut: boolean;
  onSignOut: () => void;
}

/** App name, the signed-in user (name from GET /me), and sign-out outside Teams. */
export function AppHeader({ me, canSignOut, onSignOut }: AppHeaderProps) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <Text size={500} weight="semibold">
        {t('app.name')}
      </Text>
      <div className={styles.user}>
        {me.status === 'loading' ? <Spinner size="extra-tiny" label={t('header.userLoading')} /> : null}
        {me.status === 'ready' ? <UserName name={me.data.name} /> : null}
        {me.status === 'error' ? <UserError error={me.error} /> : null}
        {canSignOut ? (
          <Button appearance="subtle" icon={<SignOut20Regular />} onClick={onSignOut}>
            {t('header.signOut')}
          </Button>
        ) : null}
      </div>
    </header>
  );
}

function UserName({ name }: { name: string }) {
  const { t } = useI18n();
  return (
    <>
      <Avatar name={name} size={28} aria-hidden="true" />
      <Text title={t('header.signedInAs', { name })} data-testid="signed-in-user">
        {name}
      </Text>
    </>
  );
}

function UserError({ error }: { error: ApiProblemError }) {
  const { t } = useI18n();
  return <Text title={error.problem.code ?? error.problem.title}>{t('user.error')}</Text>;
}
