// The view state lives in the address bar: read once on mount, written back (replaceState, so
// the Back button is not flooded by every pan) whenever it changes.
import { useCallback, useEffect, useRef, useState } from 'react';
import { parseView, serializeView, type ViewState } from './view-state';

export type ViewUpdate = Partial<ViewState> | ((view: ViewState) => Partial<ViewState>);

function writeUrl(view: ViewState): void {
  const params = new URLSearchParams(serializeView(view));
  // Keep flags that are not part of the view (such as `?test` for browser tests).
  const current = new URLSearchParams(window.location.search);
  if (current.has('test')) params.set('test', '');
  const search = params
    .toString()
    .replaceAll('%2C', ',')
    .replace(/(^|&)test=(?=&|$)/, '$1test');
  const url = `${window.location.pathname}${search ? `?${search}` : ''}${window.location.hash}`;
  if (url !== `${window.location.pathname}${window.location.search}${window.location.hash}`) {
    window.history.replaceState(window.history.state, '', url);
  }
}

export function useViewState(): [ViewState, (update: ViewUpdate) => void] {
  const [view, setView] = useState<ViewState>(() => parseView(window.location.search));
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    writeUrl(view);
  }, [view]);

  // Back/forward to another shared view reads it again.
  useEffect(() => {
    const onPop = () => {
      setView(parseView(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);

  const update = useCallback((change: ViewUpdate) => {
    setView((current) => ({
      ...current,
      ...(typeof change === 'function' ? change(current) : change),
    }));
  }, []);

  return [view, update];
}
