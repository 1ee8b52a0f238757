/** A button showing only an icon; `label` is its accessible name and its tooltip. */
import type { ComponentPropsWithRef, ReactNode } from 'react';
import './controls.css';

export interface IconButtonProps extends Omit<
  ComponentPropsWithRef<'button'>,
  'children' | 'aria-label'
> {
  label: string;
  icon: ReactNode;
}

export function IconButton({
  label,
  icon,
  className,
  type = 'button',
  ...rest
}: IconButtonProps): React.JSX.Element {
  return (
    <button
      {...rest}
      type={type}
      aria-label={label}
      title={label}
      className={['icon-button', className].filter(Boolean).join(' ')}
    >
      {icon}
    </button>
  );
}
