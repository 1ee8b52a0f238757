/**
 * jsdom setup shared by renderer tests: cleanup after each test, a layout for the tree's
 * scroll container (jsdom has none, and the virtualizer would see a 0-pixel viewport), and a
 * controllable `prefers-color-scheme` media query.
 */
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

/** Height the tree's scroll container reports, as a 600-pixel window would. */
export const VIEWPORT_HEIGHT = 600;

const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientHeight');
Object.defineProperty(HTMLElement.prototype, 'clientHeight', {
  configurable: true,
  get(this: HTMLElement): number {
    if (this.classList.contains('org-tree-scroll')) return VIEWPORT_HEIGHT;
    return (original?.get?.call(this) as number | undefined) ?? 0;
  },
});

// jsdom does not scroll: make scrollTo move scrollTop and fire the scroll event the
// virtualizer listens to, so scrolling to a far row renders the window around it.
HTMLElement.prototype.scrollTo = function scrollTo(
  this: HTMLElement,
  options?: ScrollToOptions | number,
): void {
  const top = typeof options === 'number' ? options : options?.top;
  if (top === undefined) return;
  this.scrollTop = top;
  this.dispatchEvent(new Event('scroll'));
};

afterEach(() => {
  cleanup();
  document.documentElement.removeAttribute('data-theme');
  document.documentElement.removeAttribute('style');
});

export interface FakeColorScheme {
  setDark(dark: boolean): void;
}

/** Installs `window.matchMedia`, answering `(prefers-color-scheme: dark)` with the OS setting. */
export function installColorScheme(initiallyDark: boolean): FakeColorScheme {
  let dark = initiallyDark;
  const listeners = new Set<(event: MediaQueryListEvent) => void>();
  window.matchMedia = (media: string) => {
    const matches = (): boolean => (media.includes('dark') ? dark : !dark);
    return {
      media,
      get matches() {
        return matches();
      },
      onchange: null,
      addEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.add(listener),
      removeEventListener: (_type: string, listener: (event: MediaQueryListEvent) => void) =>
        listeners.delete(listener),
      addListener: () => undefined,
      removeListener: () => undefined,
      dispatchEvent: () => true,
    } as unknown as MediaQueryList;
  };
  return {
    setDark(next) {
      dark = next;
      for (const listener of listeners) listener({ matches: dark } as MediaQueryListEvent);
    },
  };
}
