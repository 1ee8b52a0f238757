/**
 * The colour tokens of both themes. They live here rather than in tokens.css so that a unit
 * test can check every pair for WCAG AA contrast (test/unit/renderer/themeContrast.test.ts);
 * applyPalette writes them to <html> as CSS custom properties through the CSSOM, which the
 * strict CSP allows (it forbids inline style attributes in markup, not style set from script).
 */
import type { Theme } from '../store/themeSlice';

export type ColorToken =
  | 'color-bg'
  | 'color-surface'
  | 'color-surface-raised'
  | 'color-fg'
  | 'color-fg-muted'
  | 'color-border'
  | 'color-border-strong'
  | 'color-accent'
  | 'color-accent-hover'
  | 'color-accent-fg'
  | 'color-focus'
  | 'color-selected-bg'
  | 'color-hover-bg'
  | 'color-mark-bg'
  | 'color-mark-fg'
  | 'color-danger-fg'
  | 'color-danger-bg'
  | 'color-danger-border'
  | 'color-success-fg'
  | 'color-success-bg'
  | 'color-warning-fg'
  | 'color-warning-bg'
  | 'color-warning-border'
  | 'color-info-fg'
  | 'color-info-bg'
  | 'color-backdrop'
  | 'shadow-raised';

export type Palette = Readonly<Record<ColorToken, string>>;

export const PALETTES: Readonly<Record<Theme, Palette>> = {
  light: {
    'color-bg': '#ffffff',
    'color-surface': '#f5f6f8',
    'color-surface-raised': '#ffffff',
    'color-fg': '#1b1f24',
    'color-fg-muted': '#4f5965',
    'color-border': '#d5d9df',
    'color-border-strong': '#6b7480',
    'color-accent': '#0b57d0',
    'color-accent-hover': '#0842a0',
    'color-accent-fg': '#ffffff',
    'color-focus': '#0b57d0',
    'color-selected-bg': '#dbe6fb',
    'color-hover-bg': '#eef1f5',
    'color-mark-bg': '#fff0a0',
    'color-mark-fg': '#1b1f24',
    'color-danger-fg': '#b3261e',
    'color-danger-bg': '#fdecea',
    'color-danger-border': '#b3261e',
    'color-success-fg': '#146c2e',
    'color-success-bg': '#e6f4ea',
    'color-warning-fg': '#6e4400',
    'color-warning-bg': '#fff4e0',
    'color-warning-border': '#a36a00',
    'color-info-fg': '#0b57d0',
    'color-info-bg': '#e8f0fe',
    'color-backdrop': 'rgb(0 0 0 / 45%)',
    'shadow-raised': '0 6px 24px rgb(0 0 0 / 18%)',
  },
  dark: {
    'color-bg': '#14171b',
    'color-surface': '#1b1f25',
    'color-surface-raised': '#232830',
    'color-fg': '#e6e9ed',
    'color-fg-muted': '#a9b1bb',
    'color-border': '#353c46',
    'color-border-strong': '#8a939e',
    'color-accent': '#8ab4f8',
    'color-accent-hover': '#aecbfa',
    'color-accent-fg': '#0b1a33',
    'color-focus': '#8ab4f8',
    'color-selected-bg': '#223a63',
    'color-hover-bg': '#262c35',
    'color-mark-bg': '#5c4a00',
    'color-mark-fg': '#fff4c2',
    'color-danger-fg': '#f2b8b5',
    'color-danger-bg': '#3b1a18',
    'color-danger-border': '#f2b8b5',
    'color-success-fg': '#8fd6a3',
    'color-success-bg': '#10301b',
    'color-warning-fg': '#f5c86b',
    'color-warning-bg': '#3a2a05',
    'color-warning-border': '#f5c86b',
    'color-info-fg': '#a8c7fa',
    'color-info-bg': '#0f2a4d',
    'color-backdrop': 'rgb(0 0 0 / 60%)',
    'shadow-raised': '0 6px 24px rgb(0 0 0 / 50%)',
  },
};

/** Sets the theme's tokens on `root`, plus data-theme and color-scheme for native controls. */
export function applyPalette(root: HTMLElement, theme: Theme): void {
  for (const [token, value] of Object.entries(PALETTES[theme])) {
    root.style.setProperty(`--${token}`, value);
  }
  root.style.colorScheme = theme;
  root.dataset.theme = theme;
}
