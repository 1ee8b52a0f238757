/**
 * Focus handling for a modal: on open, focus moves in and everything else becomes inert; Tab
 * and Shift+Tab wrap inside; on close, focus returns to the element that opened it.
 */
import { useLayoutEffect, type RefObject } from 'react';
import { tabbableWithin } from './focusable';

function makeOthersInert(keep: HTMLElement): () => void {
  const changed: HTMLElement[] = [];
  for (const element of document.body.children) {
    // The attribute rather than the `inert` property: the same in every engine, and visible
    // to CSS and tests.
    if (element instanceof HTMLElement && element !== keep && !element.hasAttribute('inert')) {
      element.setAttribute('inert', '');
      changed.push(element);
    }
  }
  return () => {
    for (const element of changed) element.removeAttribute('inert');
  };
}

export function useModalFocus(
  open: boolean,
  layerRef: RefObject<HTMLElement | null>,
  panelRef: RefObject<HTMLElement | null>,
  initialFocusRef?: RefObject<HTMLElement | null>,
): void {
  useLayoutEffect(() => {
    const layer = layerRef.current;
    const panel = panelRef.current;
    if (!open || !layer || !panel) return;

    const invoker = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const restoreInert = makeOthersInert(layer);
    const first = initialFocusRef?.current ?? tabbableWithin(panel)[0] ?? panel;
    first.focus();

    const trapTab = (event: KeyboardEvent): void => {
      if (event.key !== 'Tab') return;
      const tabbable = tabbableWithin(panel);
      const firstTabbable = tabbable[0];
      const lastTabbable = tabbable[tabbable.length - 1];
      if (!firstTabbable || !lastTabbable) {
        event.preventDefault();
        return;
      }
      const active = document.activeElement;
      if (event.shiftKey && (active === firstTabbable || !panel.contains(active))) {
        event.preventDefault();
        lastTabbable.focus();
      } else if (!event.shiftKey && (active === lastTabbable || !panel.contains(active))) {
        event.preventDefault();
        firstTabbable.focus();
      }
    };
    panel.addEventListener('keydown', trapTab);

    return () => {
      panel.removeEventListener('keydown', trapTab);
      restoreInert();
      if (invoker?.isConnected) invoker.focus();
    };
  }, [open, layerRef, panelRef, initialFocusRef]);
}
