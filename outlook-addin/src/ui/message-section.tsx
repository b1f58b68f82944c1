import { Body1, Caption1, Card, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { Translate } from '../i18n/i18n';
import type { SelectedMessage } from '../office/selected-message';

const useStyles = makeStyles({
  list: { margin: 0, display: 'grid', rowGap: tokens.spacingVerticalS },
  term: { margin: 0 },
  value: { margin: 0, overflowWrap: 'anywhere' },
});

export interface MessageSectionProps {
  t: Translate;
  message: SelectedMessage | null;
  insideOutlook: boolean;
}

/** Subject and sender of the selected e-mail, or why there is none. */
export function MessageSection({ t, message, insideOutlook }: MessageSectionProps) {
  const styles = useStyles();
  return (
    <Card aria-labelledby="message-heading" role="region">
      <Subtitle2 as="h2" id="message-heading">
        {t('messageHeading')}
      </Subtitle2>
      {message ? (
        <dl className={styles.list}>
          <div>
            <dt className={styles.term}>
              <Caption1>{t('subjectLabel')}</Caption1>
            </dt>
            <dd className={styles.value} data-testid="message-subject">
              <Body1>{message.subject || t('noSubject')}</Body1>
            </dd>
          </div>
          <div>
            <dt className={styles.term}>
              <Caption1>{t('fromLabel')}</Caption1>
            </dt>
            <dd className={styles.value} data-testid="message-from">
              <Body1>{message.from ? `${message.from.name} <${message.from.email}>` : t('unknownSender')}</Body1>
            </dd>
          </div>
        </dl>
      ) : (
        <Body1 as="p">{insideOutlook ? t('noMessageSelected') : t('outsideOutlook')}</Body1>
      )}
    </Card>
  );
}
