/**
 * A polite live region for screen readers. It is always in the page, because regions that
 * appear together with their text are often not read; each message is keyed by its id so
 * the same words said twice are read twice.
 */

export interface LiveRegionProps {
  message: { id: number; text: string } | null;
}

export function LiveRegion({ message }: LiveRegionProps): React.JSX.Element {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden">
      {message ? <span key={message.id}>{message.text}</span> : null}
    </div>
  );
}
