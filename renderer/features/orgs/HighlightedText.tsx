/** Untrusted text with the first case-insensitive occurrence of `query` marked. */
import { SafeText } from '../../ui/SafeText';

export function HighlightedText({
  value,
  query,
  className,
}: {
  value: string;
  query: string;
  className?: string;
}): React.JSX.Element {
  const at = query ? value.toLocaleLowerCase().indexOf(query.toLocaleLowerCase()) : -1;
  // Lower-casing can change the length of some characters; then the offsets do not line up.
  if (at < 0 || value.toLocaleLowerCase().length !== value.length) {
    return <SafeText value={value} className={className} />;
  }
  return (
    <span className={className}>
      <SafeText value={value.slice(0, at)} />
      <mark>
        <SafeText value={value.slice(at, at + query.length)} />
      </mark>
      <SafeText value={value.slice(at + query.length)} />
    </span>
  );
}
