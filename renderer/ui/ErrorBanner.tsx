/** An error the user should see now: announced (role=alert), with Retry and Dismiss when given. */
import { Button } from './Button';
import { IconButton } from './IconButton';
import { AlertIcon, CloseIcon } from './icons';
import { SafeText } from './SafeText';
import './feedback.css';

export interface ErrorBannerProps {
  title: string;
  /** Often the server's words, so rendered as untrusted text. */
  message?: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}

export function ErrorBanner({
  title,
  message,
  onRetry,
  onDismiss,
}: ErrorBannerProps): React.JSX.Element {
  return (
    <div role="alert" className="error-banner">
      <AlertIcon />
      <div className="error-banner-text">
        <p className="error-banner-title">{title}</p>
        {message ? <SafeText value={message} className="error-banner-message" /> : null}
      </div>
      {onRetry ? <Button onClick={onRetry}>Retry</Button> : null}
      {onDismiss ? (
        <IconButton label="Dismiss error" icon={<CloseIcon />} onClick={onDismiss} />
      ) : null}
    </div>
  );
}
