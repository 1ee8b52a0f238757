/** A screen's title. Focus moves here on navigation (tabindex -1: focusable, not a tab stop). */
import type { ReactNode } from 'react';

export function ScreenHeading({ children }: { children: ReactNode }): React.JSX.Element {
  return (
    <h1 tabIndex={-1} className="screen-heading">
      {children}
    </h1>
  );
}
