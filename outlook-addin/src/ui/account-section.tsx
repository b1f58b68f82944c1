import {
  Body1,
  Button,
  Card,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Spinner,
  Subtitle2,
} from '@fluentui/react-components';
import type { Translate } from '../i18n/i18n';
import type { AccountState } from './use-account';

export interface AccountSectionProps {
  t: Translate;
  state: AccountState;
  onSignIn: () => void;
  onRetry: () => void;
}

/** Sign-in button, progress, "Aangemeld als …", or what went wrong with a way to try again. */
export function AccountSection({ t, state, onSignIn, onRetry }: AccountSectionProps) {
  return (
    <Card aria-labelledby="account-heading" role="region">
      <Subtitle2 as="h2" id="account-heading">
        {t('accountHeading')}
      </Subtitle2>
      {renderState(t, state, onSignIn, onRetry)}
    </Card>
  );
}

function renderState(t: Translate, state: AccountState, onSignIn: () => void, onRetry: () => void) {
  switch (state.status) {
    case 'checking':
      return <Spinner size="tiny" label={t('loading')} />;
    case 'signing-in':
      return <Spinner size="tiny" label={t('signingIn')} />;
    case 'signed-out':
      return (
        <>
          <Body1 as="p">{t('signInPrompt')}</Body1>
          <Button appearance="primary" onClick={onSignIn}>
            {t('signInButton')}
          </Button>
        </>
      );
    case 'signed-in':
      return (
        <Body1 as="p" role="status" data-testid="signed-in-as">
          {t('signedInAs', { name: state.me.name })}
        </Body1>
      );
    case 'failed':
      return (
        <MessageBar intent="error">
          <MessageBarBody>{t(state.stage === 'me' ? 'meFailed' : 'signInFailed', { detail: state.detail })}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={state.stage === 'me' ? onRetry : onSignIn}>{t('retry')}</Button>
          </MessageBarActions>
        </MessageBar>
      );
  }
}
