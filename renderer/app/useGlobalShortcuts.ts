/** Listens for the app-wide shortcuts on the window, except while a modal dialog is open. */
import { useEffect } from 'react';
import { useAppStoreApi } from '../store/StoreProvider';
import { isTypingTarget, shortcutFor } from './shortcuts';

export function useGlobalShortcuts(): void {
  const store = useAppStoreApi();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || document.querySelector('[aria-modal="true"]')) return;
      const action = shortcutFor(event, isTypingTarget(event.target));
      if (!action) return;
      event.preventDefault();
      const state = store.getState();
      switch (action.type) {
        case 'focusSearch':
          return state.requestSearchFocus();
        case 'navigate':
          return state.navigate(action.screen);
        case 'showShortcuts':
          return state.setShortcutsOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
