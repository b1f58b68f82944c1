import type { Messages } from './messages';

/** English strings: the task pane's second language; the type keeps the keys in step with Dutch. */
export const en: Messages = {
  appTitle: 'Zaakwerk',
  loading: 'Loading Zaakwerk…',
  configErrorTitle: 'Zaakwerk cannot start',
  configErrorBody: 'The configuration (config.json) is missing or invalid.',
  messageHeading: 'Selected e-mail',
  subjectLabel: 'Subject',
  fromLabel: 'From',
  noSubject: '(no subject)',
  unknownSender: 'Unknown sender',
  noMessageSelected: 'Select an e-mail to file it to a case later.',
  outsideOutlook: 'This pane is running outside Outlook: no e-mail is selected.',
  accountHeading: 'Account',
  signInPrompt: 'Sign in to use Zaakwerk.',
  signInButton: 'Sign in to Zaakwerk',
  signingIn: 'Signing in…',
  signedInAs: 'Signed in as {name}',
  signInFailed: 'Sign-in failed: {detail}',
  meFailed: 'Your details could not be loaded: {detail}',
  retry: 'Try again',
};
