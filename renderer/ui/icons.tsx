/**
 * Small inline SVG icons. They are decoration only (aria-hidden): every control that shows
 * one also has a text label or an accessible name.
 */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }): React.JSX.Element {
  return (
    <svg
      className="icon"
      width="16"
      height="16"
      viewBox="0 0 16 16"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const ChevronRightIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M6 3.5 10.5 8 6 12.5" />
  </Icon>
);
export const ChevronDownIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M3.5 6 8 10.5 12.5 6" />
  </Icon>
);
export const SearchIcon = (): React.JSX.Element => (
  <Icon>
    <circle cx="7" cy="7" r="4.5" />
    <path d="m10.5 10.5 3.5 3.5" />
  </Icon>
);
export const SyncIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M13 8a5 5 0 0 1-8.5 3.5M3 8a5 5 0 0 1 8.5-3.5" />
    <path d="M11.5 1.5v3h-3M4.5 14.5v-3h3" />
  </Icon>
);
export const CloseIcon = (): React.JSX.Element => (
  <Icon>
    <path d="m4 4 8 8M12 4l-8 8" />
  </Icon>
);
export const CheckIcon = (): React.JSX.Element => (
  <Icon>
    <path d="m3 8.5 3 3 7-7" />
  </Icon>
);
export const AlertIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M8 1.8 15 14H1z" />
    <path d="M8 6v4M8 12v.01" />
  </Icon>
);
export const InfoIcon = (): React.JSX.Element => (
  <Icon>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M8 7v4.5M8 4.5v.01" />
  </Icon>
);
export const LinkIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M6.5 9.5 9.5 6.5" />
    <path d="M7 4.5 8.5 3a2.5 2.5 0 0 1 3.5 3.5L10.5 8M9 11.5 7.5 13A2.5 2.5 0 0 1 4 9.5L5.5 8" />
  </Icon>
);
export const InheritIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M4 2v7a3 3 0 0 0 3 3h6" />
    <path d="m10.5 9.5 2.5 2.5-2.5 2.5" />
  </Icon>
);
export const GlobeIcon = (): React.JSX.Element => (
  <Icon>
    <circle cx="8" cy="8" r="6.5" />
    <path d="M1.5 8h13M8 1.5c2 2 2.5 4 2.5 6.5S10 12.5 8 14.5C6 12.5 5.5 10.5 5.5 8S6 3.5 8 1.5" />
  </Icon>
);
export const BlockedIcon = (): React.JSX.Element => (
  <Icon>
    <circle cx="8" cy="8" r="6.5" />
    <path d="m3.5 3.5 9 9" />
  </Icon>
);
export const OfflineIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M4.5 12.5h7a3 3 0 0 0 .5-6 4.5 4.5 0 0 0-8.4-1A3.5 3.5 0 0 0 4.5 12.5" />
    <path d="m2 2 12 12" />
  </Icon>
);
export const OnlineIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M4.5 12.5h7a3 3 0 0 0 .5-6 4.5 4.5 0 0 0-8.4-1A3.5 3.5 0 0 0 4.5 12.5" />
  </Icon>
);
export const SunIcon = (): React.JSX.Element => (
  <Icon>
    <circle cx="8" cy="8" r="3" />
    <path d="M8 1v1.5M8 13.5V15M1 8h1.5M13.5 8H15M3 3l1 1M12 12l1 1M3 13l1-1M12 4l1-1" />
  </Icon>
);
export const MoonIcon = (): React.JSX.Element => (
  <Icon>
    <path d="M13.5 9.5A6 6 0 0 1 6.5 2.5a6 6 0 1 0 7 7" />
  </Icon>
);
export const KeyboardIcon = (): React.JSX.Element => (
  <Icon>
    <rect x="1.5" y="4" width="13" height="8" rx="1.5" />
    <path d="M4 7h.01M6.5 7h.01M9 7h.01M11.5 7h.01M5 9.5h6" />
  </Icon>
);
