// The few words the main process shows itself (the tray's menu and tooltip, the taskbar
// overlay's description), in English and Swedish like the UI (renderer/i18n). The main process
// has no i18next; it follows the system's language, which the UI also does by default.
export interface ShellStrings {
  open: string;
  compose: string;
  checkMail: string;
  quit: string;
  /** The File menu's items. */
  newMessage: string;
  openEml: string;
  emlFiles: string;
  noUnread: string;
  unread: (count: number) => string;
}

const english: ShellStrings = {
  open: 'Open Mail',
  compose: 'New Message',
  checkMail: 'Check Mail',
  quit: 'Quit Mail',
  newMessage: 'New Message',
  openEml: 'Open .eml File…',
  emlFiles: 'Email messages',
  noUnread: 'No unread mail',
  unread: (count) => (count === 1 ? '1 unread message' : `${count} unread messages`),
};

const swedish: ShellStrings = {
  open: 'Öppna Mail',
  compose: 'Nytt meddelande',
  checkMail: 'Hämta e-post',
  quit: 'Avsluta Mail',
  newMessage: 'Nytt meddelande',
  openEml: 'Öppna .eml-fil…',
  emlFiles: 'E-postmeddelanden',
  noUnread: 'Ingen oläst e-post',
  unread: (count) => (count === 1 ? '1 oläst meddelande' : `${count} olästa meddelanden`),
};

/** The strings for the first of the system's preferred languages that Mail speaks; else English. */
export function shellStrings(preferred: readonly string[]): ShellStrings {
  for (const tag of preferred) {
    const language = tag.toLowerCase().split(/[-_]/)[0];
    if (language === 'sv') return swedish;
    if (language === 'en') return english;
  }
  return english;
}
