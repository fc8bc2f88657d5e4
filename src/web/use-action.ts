import { useCallback, useState } from 'react';
import { ApiError } from './api.js';

/**
 * A user's action against the API: `run(call, then)` clears the last error, awaits the call,
 * and on success runs `then` (a reload, a navigation); on failure keeps the error to show.
 */
export function useAction(): {
  error: ApiError | undefined;
  run: (call: () => Promise<unknown>, then?: () => void) => Promise<void>;
} {
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (call: () => Promise<unknown>, then?: () => void) => {
    setError(undefined);
    try {
      await call();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('internal', String(e), 0));
      return;
    }
    then?.();
  }, []);
  return { error, run };
}
