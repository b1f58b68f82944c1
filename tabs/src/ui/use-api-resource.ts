import { useCallback, useEffect, useState } from 'react';
import { ApiProblemError, networkProblem } from '../api';

export type ResourceState<T> = { status: 'loading' } | { status: 'ready'; data: T } | { status: 'error'; error: ApiProblemError };

/** Loads one API resource, cancels it on unmount, and offers `reload` for a retry button. */
export function useApiResource<T>(load: (signal: AbortSignal) => Promise<T>): { state: ResourceState<T>; reload: () => void } {
  const [state, setState] = useState<ResourceState<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'error',
          error: error instanceof ApiProblemError ? error : new ApiProblemError(networkProblem(error)),
        });
      },
    );
    return () => controller.abort();
  }, [load, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
