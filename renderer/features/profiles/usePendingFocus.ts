/**
 * Focus that must move after the next render: to an input whose error just appeared, or to a
 * stable place when the focused control is about to disappear.
 */
import { useCallback, useEffect, useState } from 'react';

type Finder = () => HTMLElement | null | undefined;

export function usePendingFocus(): (find: Finder) => void {
  // A new object per request, so asking twice for the same place still runs the effect.
  const [request, setRequest] = useState<{ find: Finder } | null>(null);

  useEffect(() => {
    request?.find()?.focus();
  }, [request]);

  return useCallback((find: Finder) => setRequest({ find }), []);
}
