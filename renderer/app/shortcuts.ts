/**
 * App-wide keyboard shortcuts: one table for both the key handler and the help dialog, so the
 * help can never list a shortcut that does not work.
 */
import { SCREENS, type ScreenId } from '../store/uiSlice';

export type ShortcutAction =
  { type: 'focusSearch' } | { type: 'navigate'; screen: ScreenId } | { type: 'showShortcuts' };

export interface ShortcutHelp {
  keys: string;
  description: string;
}

export interface KeyLike {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** Typing in these must not trigger single-character shortcuts like `/` and `?`. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  if (!(target instanceof HTMLInputElement)) return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color'].includes(
    target.type,
  );
}

export function shortcutFor(event: KeyLike, typing: boolean): ShortcutAction | null {
  const command = event.ctrlKey || event.metaKey;
  if (command && !event.altKey && event.key.toLowerCase() === 'k') return { type: 'focusSearch' };

  // Alt+digit by physical key: on macOS, Option+1 types "¡", so `key` is useless here.
  const digit = /^Digit([1-9])$/.exec(event.code)?.[1];
  if (event.altKey && !command && digit) {
    const screen = SCREENS[Number(digit) - 1];
    return screen ? { type: 'navigate', screen } : null;
  }

  if (typing || command || event.altKey) return null;
  if (event.key === '/') return { type: 'focusSearch' };
  if (event.key === '?') return { type: 'showShortcuts' };
  return null;
}

export const SHORTCUT_HELP: readonly ShortcutHelp[] = [
  { keys: 'Ctrl+K or ⌘K, or /', description: 'Search organizations' },
  {
    keys: 'Alt+1 … Alt+5',
    description: 'Go to Organizations, Share editor, Activity, Token workbench, Profiles',
  },
  { keys: '?', description: 'Show these shortcuts' },
  { keys: 'Escape', description: 'Close a dialog, or clear the search' },
  { keys: 'Up, Down', description: 'Tree: previous or next organization' },
  {
    keys: 'Right, Left',
    description: 'Tree: expand or go to first child; collapse or go to parent',
  },
  { keys: 'Home, End', description: 'Tree: first or last visible organization' },
  { keys: 'Enter or Space', description: 'Tree: select the organization, or retry a failed load' },
  { keys: '*', description: 'Tree: expand all siblings' },
  { keys: 'Letters', description: 'Tree: jump to the next organization starting with them' },
];
