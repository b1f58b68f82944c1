import { makeStyles, Spinner, Text, Title2, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../api';
import { todayInAmsterdam } from '../format/dates';
import { useI18n } from '../i18n';
import { CaseTable } from './case-table';
import { ProblemMessage } from './problem-message';
import { useApiResource } from './use-api-resource';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalL },
  status: { minHeight: '1.5em' },
});

/** "Mijn werk": the cases assigned to the signed-in user (GET /cases?queue=mine). */
export function MyWorkPage({ api }: { api: ApiClient }) {
  const { t } = useI18n();
  const styles = useStyles();
  const loadCases = useCallback((signal: AbortSignal) => api.listCases({ queue: 'mine' }, signal), [api]);
  const { state, reload } = useApiResource(loadCases);
  const count = state.status === 'ready' ? state.data.items.length : null;

  return (
    <section className={styles.page} aria-labelledby="my-work-title">
      <Title2 as="h1" id="my-work-title">
        {t('myWork.title')}
      </Title2>
      {/* One polite live region announces loading and the result, so screen readers hear both. */}
      <div role="status" aria-live="polite" className={styles.status}>
        {state.status === 'loading' ? <Spinner size="small" label={t('myWork.loading')} labelPosition="after" /> : null}
        {count !== null && count > 0 ? <Text>{count === 1 ? t('myWork.countOne') : t('myWork.count', { count })}</Text> : null}
        {count === 0 ? <Text>{t('myWork.empty')}</Text> : null}
      </div>
      {state.status === 'error' ? <ProblemMessage summary={t('myWork.error')} error={state.error} onRetry={reload} /> : null}
      {state.status === 'ready' && state.data.items.length > 0 ? (
        <CaseTable items={state.data.items} today={todayInAmsterdam()} />
      ) : null}
    </section>
  );
}
