/** Stands in for a screen that is not built yet, saying what it will do. */
import { EmptyState } from '../ui/EmptyState';
import { ScreenHeading } from './ScreenHeading';

export interface PlaceholderScreenProps {
  title: string;
  summary: string;
  details: readonly string[];
}

export function PlaceholderScreen({
  title,
  summary,
  details,
}: PlaceholderScreenProps): React.JSX.Element {
  return (
    <div className="placeholder-screen">
      <ScreenHeading>{title}</ScreenHeading>
      <EmptyState title="Coming soon">
        <p>{summary}</p>
        <ul className="placeholder-list">
          {details.map((detail) => (
            <li key={detail}>{detail}</li>
          ))}
        </ul>
      </EmptyState>
    </div>
  );
}
