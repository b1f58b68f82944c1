import { makeStyles, Text, tokens } from '@fluentui/react-components';
// Per-icon entry points: importing the package root makes Vite's dev pre-bundle carry every icon (17 MB).
import { ErrorCircle16Filled } from '@fluentui/react-icons/svg/error-circle';
import { PauseCircle16Regular } from '@fluentui/react-icons/svg/pause-circle';
import { Warning16Filled } from '@fluentui/react-icons/svg/warning';
import type { CaseSummary } from '../api';
import { deadlineState, formatCalendarDate } from '../format/dates';
import { intlLocale, useI18n } from '../i18n';

const useStyles = makeStyles({
  cell: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS },
  signal: { display: 'inline-flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  // Only the icons are coloured: status colours on text miss 4.5:1 contrast in the dark theme.
  overdueIcon: { color: tokens.colorStatusDangerForeground1, flexShrink: 0 },
  dueSoonIcon: { color: tokens.colorStatusWarningForeground1, flexShrink: 0 },
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
        <Text size={200} weight="semibold" className={styles.signal}>
          <ErrorCircle16Filled aria-hidden="true" className={styles.overdueIcon} />
          {t('deadline.overdue')}
        </Text>
      ) : null}
      {state === 'due-soon' ? (
        <Text size={200} weight="semibold" className={styles.signal}>
          <Warning16Filled aria-hidden="true" className={styles.dueSoonIcon} />
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
