import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, PauseCircle16Regular, Warning16Filled } from '@fluentui/react-icons';
import type { CaseSummary } from '../api';
import { deadlineState, formatCalendarDate } from '../format/dates';
import { intlLocale, useI18n } from '../i18n';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  signal: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  overdue: { color: tokens.colorStatusDangerForeground1 },
  dueSoon: { color: tokens.colorStatusWarningForeground1 },
});

/** The final date plus a text-and-icon signal, so the state never depends on colour alone. */
export function DeadlineCell({ item, today }: { item: CaseSummary; today: string }) {
  const { t, locale } = useI18n();
  const styles = useStyles();
  const final = item.deadline?.final ?? null;
  const state = deadlineState(final, item.status, today);
  return (
    <span className={styles.cell}>
      <Text>{final ? formatCalendarDate(final, intlLocale(locale)) : t('deadline.none')}</Text>
      {state === 'overdue' ? (
        <Text size={200} weight="semibold" className={`${styles.signal} ${styles.overdue}`}>
          <ErrorCircle16Filled aria-hidden="true" />
          {t('deadline.overdue')}
        </Text>
      ) : null}
      {state === 'due-soon' ? (
        <Text size={200} weight="semibold" className={`${styles.signal} ${styles.dueSoon}`}>
          <Warning16Filled aria-hidden="true" />
          {t('deadline.dueSoon')}
        </Text>
      ) : null}
      {item.status === 'suspended' ? (
        <Text size={200} className={styles.signal}>
          <PauseCircle16Regular aria-hidden="true" />
          {t('status.suspended')}
        </Text>
      ) : null}
    </span>
  );
}
