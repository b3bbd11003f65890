// The app's icons: inline SVG (no icon font, no network), drawn on a 24-unit grid with a
// 1.75 stroke so they match at 16 px and 20 px. Decorative: the control carries the name.
import type { ReactElement } from 'react';

const paths = {
  inbox: (
    <>
      <path d="M3 13h5l1.5 2.5h5L16 13h5" />
      <path d="M5.6 5h12.8L21 13v5a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-5z" />
    </>
  ),
  drafts: (
    <>
      <path d="M14 3H6.5A2.5 2.5 0 0 0 4 5.5v13A2.5 2.5 0 0 0 6.5 21h11a2.5 2.5 0 0 0 2.5-2.5V9z" />
      <path d="M14 3v6h6M8 13h8M8 17h5" />
    </>
  ),
  sent: (
    <>
      <path d="M21 3 10.5 13.5" />
      <path d="M21 3 14.5 21l-4-7.5L3 9.5z" />
    </>
  ),
  archive: (
    <>
      <rect x="3" y="4" width="18" height="4.5" rx="1" />
      <path d="M5 8.5V18a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8.5M10 12.5h4" />
    </>
  ),
  junk: (
    <>
      <path d="M8.2 2.5h7.6l5.7 5.7v7.6l-5.7 5.7H8.2l-5.7-5.7V8.2z" />
      <path d="M12 7.5v5.5M12 16.5v.01" />
    </>
  ),
  trash: (
    <>
      <path d="M3.5 6h17M9 6V4h6v2" />
      <path d="m5.5 6 1 13.2A2 2 0 0 0 8.5 21h7a2 2 0 0 0 2-1.8l1-13.2M10 10.5v6M14 10.5v6" />
    </>
  ),
  folder: (
    <path d="M3 6.5A2.5 2.5 0 0 1 5.5 4h3.7l2.3 2.5h7A2.5 2.5 0 0 1 21 9v8.5a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 3 17.5z" />
  ),
  account: (
    <>
      <circle cx="12" cy="8" r="4" />
      <path d="M4 20.5a8 8 0 0 1 16 0" />
    </>
  ),
  star: <path d="m12 2.8 2.8 5.8 6.4.9-4.6 4.5 1.1 6.3L12 17.3l-5.7 3 1.1-6.3-4.6-4.5 6.4-.9z" />,
  paperclip: (
    <path d="m20.5 11.2-8.3 8.3a5 5 0 0 1-7.1-7.1l8.3-8.3a3.3 3.3 0 0 1 4.7 4.7l-8.3 8.3a1.7 1.7 0 0 1-2.4-2.4l7.6-7.6" />
  ),
  reply: (
    <>
      <path d="M9 14.5 4 9.5l5-5" />
      <path d="M4 9.5h10a6 6 0 0 1 6 6V19" />
    </>
  ),
  replyAll: (
    <>
      <path d="M7.5 14.5l-5-5 5-5M12 14.5l-5-5 5-5" />
      <path d="M7 9.5h8a6 6 0 0 1 6 6V19" />
    </>
  ),
  forward: (
    <>
      <path d="m15 14.5 5-5-5-5" />
      <path d="M20 9.5H10a6 6 0 0 0-6 6V19" />
    </>
  ),
  move: (
    <>
      <path d="M3 6.5A2.5 2.5 0 0 1 5.5 4h3.7l2.3 2.5h7A2.5 2.5 0 0 1 21 9v8.5a2.5 2.5 0 0 1-2.5 2.5h-13A2.5 2.5 0 0 1 3 17.5z" />
      <path d="M9 13.5h6M12.5 11l2.5 2.5-2.5 2.5" />
    </>
  ),
  mail: (
    <>
      <rect x="3" y="5" width="18" height="14" rx="2" />
      <path d="m3.5 6.5 8.5 6.5 8.5-6.5" />
    </>
  ),
  mailOpen: (
    <>
      <path d="M3 10.2 12 4l9 6.2V19a1.5 1.5 0 0 1-1.5 1.5h-15A1.5 1.5 0 0 1 3 19z" />
      <path d="m3.5 10.5 8.5 6 8.5-6" />
    </>
  ),
  chevronRight: <path d="m9.5 6 6 6-6 6" />,
  chevronDown: <path d="m6 9.5 6 6 6-6" />,
  settings: (
    <>
      <path d="M4 6.5h9M19 6.5h1M4 12h3M11 12h9M4 17.5h11M19 17.5h1" />
      <circle cx="16" cy="6.5" r="2.2" />
      <circle cx="9" cy="12" r="2.2" />
      <circle cx="17" cy="17.5" r="2.2" />
    </>
  ),
  compose: (
    <>
      <path d="M12 4H6.5A2.5 2.5 0 0 0 4 6.5v11A2.5 2.5 0 0 0 6.5 20h11a2.5 2.5 0 0 0 2.5-2.5V12" />
      <path d="M17.8 3.7a2.1 2.1 0 0 1 3 3L12.5 15l-4 1 1-4z" />
    </>
  ),
  plus: <path d="M12 5v14M5 12h14" />,
  refresh: (
    <>
      <path d="M20 12a8 8 0 1 1-2.4-5.7" />
      <path d="M20 4v5h-5" />
    </>
  ),
  alert: (
    <>
      <path d="M10.3 4 2.6 17.5A2 2 0 0 0 4.3 20.5h15.4a2 2 0 0 0 1.7-3L13.7 4a2 2 0 0 0-3.4 0z" />
      <path d="M12 9.5v4.5M12 17v.01" />
    </>
  ),
  offline: (
    <>
      <path d="m3 3 18 18M8.5 16.3a5 5 0 0 1 6.4-.6M5 12.7a10 10 0 0 1 3.6-2.3M2 9a15 15 0 0 1 4-2.6M11 5.1A15 15 0 0 1 22 9M16.8 10.7a10 10 0 0 1 2.2 2M12 19.5v.01" />
    </>
  ),
  lock: (
    <>
      <rect x="4.5" y="10.5" width="15" height="10" rx="2" />
      <path d="M8 10.5V7.5a4 4 0 0 1 8 0v3" />
    </>
  ),
  close: <path d="m6 6 12 12M18 6 6 18" />,
  download: <path d="M12 4v11M7 10.5l5 5 5-5M5 20h14" />,
  open: (
    <>
      <path d="M14 4h6v6M20 4l-8.5 8.5" />
      <path d="M18 14v4.5a1.5 1.5 0 0 1-1.5 1.5h-11A1.5 1.5 0 0 1 4 18.5v-11A1.5 1.5 0 0 1 5.5 6H10" />
    </>
  ),
  check: <path d="m5 12.5 4.5 4.5L19 7.5" />,
  image: (
    <>
      <rect x="3" y="4" width="18" height="16" rx="2" />
      <circle cx="9" cy="9.5" r="1.8" />
      <path d="m21 15.5-5-5L5 20" />
    </>
  ),
} satisfies Record<string, ReactElement>;

export type IconName = keyof typeof paths;

export function Icon({
  name,
  size = 16,
  filled = false,
  className,
}: {
  name: IconName;
  size?: number;
  filled?: boolean;
  className?: string;
}) {
  return (
    <svg
      className={className ? `icon ${className}` : 'icon'}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      strokeWidth={1.75}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {paths[name]}
    </svg>
  );
}
