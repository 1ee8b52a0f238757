/**
 * Two ways to tell the user something. `announce` is for screen readers only: a polite live
 * region reads it (e.g. "Loading organizations under Acme…", which sighted users see as a
 * "Loading…" row). `notify` also shows a toast; errors stay until dismissed.
 */
import type { DepsSliceCreator } from './types';

export type ToastTone = 'info' | 'success' | 'error';

export interface Toast {
  readonly id: number;
  readonly text: string;
  readonly tone: ToastTone;
  readonly at: number;
}

export interface LiveMessage {
  readonly id: number;
  readonly text: string;
}

export interface AnnounceSlice {
  liveMessage: LiveMessage | null;
  toasts: readonly Toast[];
  announce: (text: string) => void;
  notify: (text: string, tone?: ToastTone) => void;
  dismissToast: (id: number) => void;
}

/** Older toasts drop off so a burst of messages cannot cover the screen. */
export const MAX_TOASTS = 4;

export const createAnnounceSlice: DepsSliceCreator<AnnounceSlice> = (deps) => (set) => {
  let nextId = 1;
  return {
    liveMessage: null,
    toasts: [],
    announce: (text) => set({ liveMessage: { id: nextId++, text } }),
    notify: (text, tone = 'info') => {
      const toast = { id: nextId++, text, tone, at: deps.now() };
      set((state) => ({
        toasts: [...state.toasts, toast].slice(-MAX_TOASTS),
        liveMessage: { id: nextId++, text },
      }));
    },
    dismissToast: (id) => set((state) => ({ toasts: state.toasts.filter((t) => t.id !== id) })),
  };
};
