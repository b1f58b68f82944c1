import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Text } from '@fluentui/react-components';
import { ArrowClockwise20Regular } from '@fluentui/react-icons/svg/arrow-clockwise';
import type { ApiProblemError } from '../api';
import { useI18n } from '../i18n';

/** An API failure: what went wrong (the problem's title and detail), its stable code, and a retry. */
export function ProblemMessage({ summary, error, onRetry }: { summary: string; error: ApiProblemError; onRetry?: () => void }) {
  const { t } = useI18n();
  const { problem } = error;
  const detail = problem.code === 'client.network' ? t('error.network') : (problem.detail ?? problem.title);
  return (
    <MessageBar intent="error" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{summary}</MessageBarTitle>
        <Text block>{detail}</Text>
        {problem.code ? (
          <Text block size={200}>
            {t('error.code', { code: problem.code })}
          </Text>
        ) : null}
      </MessageBarBody>
      {onRetry ? (
        <MessageBarActions>
          <Button icon={<ArrowClockwise20Regular />} onClick={onRetry}>
            {t('error.retry')}
          </Button>
        </MessageBarActions>
      ) : null}
    </MessageBar>
  );
}
