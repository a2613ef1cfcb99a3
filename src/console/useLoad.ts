/** Loads a page's data and re-loads when its inputs change: loading, ready or failed with a Chinese message. */
import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../services/errors';

export type Loaded<T> = { state: 'loading' } | { state: 'ready'; data: T } | { state: 'failed'; message: string };

export function useLoad<T>(load: () => Promise<T>, key: string): { loaded: Loaded<T>; reload: () => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const [round, setRound] = useState(0);
  // `key` names the inputs of `load`: a new key (or reload) loads again; answers of stale rounds are dropped.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const run = useCallback(load, [key, round]);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    run()
      .then((data) => current && setLoaded({ state: 'ready', data }))
      .catch((error) => current && setLoaded({ state: 'failed', message: messageOf(error) }));
    return () => {
      current = false;
    };
  }, [run]);
  return { loaded, reload: () => setRound((r) => r + 1) };
}
