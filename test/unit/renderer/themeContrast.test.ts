/**
 * WCAG AA for both themes, from the palette itself: text pairs at least 4.5:1, control
 * borders and focus rings at least 3:1 against the surfaces they sit on.
 */
import { describe, expect, it } from 'vitest';
import { PALETTES, type ColorToken, type Palette } from '../../../renderer/styles/palette';

function luminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r as number) + 0.7152 * (g as number) + 0.0722 * (b as number);
}

function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((high as number) + 0.05) / ((low as number) + 0.05);
}

const TEXT_PAIRS: [ColorToken, ColorToken][] = [
  ['color-fg', 'color-bg'],
  ['color-fg', 'color-surface'],
  ['color-fg', 'color-surface-raised'],
  ['color-fg', 'color-selected-bg'],
  ['color-fg', 'color-hover-bg'],
  ['color-fg-muted', 'color-bg'],
  ['color-fg-muted', 'color-surface'],
  ['color-fg-muted', 'color-surface-raised'],
  ['color-accent', 'color-bg'],
  ['color-accent-fg', 'color-accent'],
  ['color-accent-fg', 'color-accent-hover'],
  ['color-mark-fg', 'color-mark-bg'],
  ['color-danger-fg', 'color-danger-bg'],
  ['color-danger-fg', 'color-bg'],
  ['color-success-fg', 'color-success-bg'],
  ['color-warning-fg', 'color-warning-bg'],
  ['color-info-fg', 'color-info-bg'],
];

const NON_TEXT_PAIRS: [ColorToken, ColorToken][] = [
  ['color-border-strong', 'color-bg'],
  ['color-border-strong', 'color-surface'],
  ['color-focus', 'color-bg'],
  ['color-focus', 'color-selected-bg'],
  ['color-danger-border', 'color-bg'],
  ['color-warning-border', 'color-warning-bg'],
];

describe.each(Object.entries(PALETTES))('%s theme contrast', (_name, colours: Palette) => {
  const colour = (token: ColorToken): string => {
    const value = colours[token];
    if (!/^#[0-9a-f]{6}$/i.test(value)) throw new Error(`${token} is not a 6-digit hex colour`);
    return value;
  };

  it.each(TEXT_PAIRS)('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(4.5);
  });

  it.each(NON_TEXT_PAIRS)('%s against %s is at least 3:1', (fg, bg) => {
    expect(contrast(colour(fg), colour(bg))).toBeGreaterThanOrEqual(3);
  });
});
