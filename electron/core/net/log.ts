// The engine's one logging hook: the shell passes a function (to the console, a file, or
// nothing) and every connection, IMAP or SMTP, reports through it. Secrets never reach it:
// whoever logs a protocol's words redacts them first (see imap/client-factory.ts).
export type CoreLog = (
  level: 'debug' | 'info' | 'warn' | 'error',
  message: string,
  data?: Record<string, unknown>,
) => void;
