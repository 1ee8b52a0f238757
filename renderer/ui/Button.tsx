/** A text button; pass `icon` to show a decorative icon before the label. */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import './controls.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost';

export interface ButtonProps extends ComponentPropsWithRef<'button'> {
  variant?: ButtonVariant;
  icon?: ReactNode;
}

export function Button({
  variant = 'secondary',
  icon,
  className,
  children,
  type = 'button',
  ...rest
}: ButtonProps): React.JSX.Element {
  return (
    <button
      {...rest}
      type={type}
      className={['button', `button-${variant}`, className].filter(Boolean).join(' ')}
    >
      {icon}
      {children}
    </button>
  );
}
