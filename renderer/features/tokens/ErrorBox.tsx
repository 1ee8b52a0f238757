/** A failed flow or call: what went wrong, then the server's own words, all as text. */
import { AlertIcon } from '../../ui/icons';
import { SafeText } from '../../ui/SafeText';
import type { ShownError } from './flowErrors';

export function ErrorBox({ error }: { error: ShownError }): React.JSX.Element {
  return (
    <div role="alert" className="error-banner tokens-error">
      <AlertIcon />
      <div className="error-banner-text">
        <p className="error-banner-title">{error.title}</p>
        <p className="tokens-error-message">
          <SafeText value={error.message} />
        </p>
        {error.details.length > 0 ? (
          <ul className="tokens-error-details">
            {error.details.map((line, index) => (
              <li key={index}>
                <SafeText value={line} />
              </li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
