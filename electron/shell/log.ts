// The shells' logger for the core's `log` option: one line per entry on stderr (stdout is
// reserved for the browser shell's ready line). The core never passes a secret in `data`.
import type { MailServiceOptions } from '../core/service-api';

type Log = NonNullable<MailServiceOptions['log']>;
const LEVELS = ['debug', 'info', 'warn', 'error'] as const;

export function createStderrLog(debug: boolean, write: (line: string) => void = (l) => process.stderr.write(l)): Log {
  const min = debug ? 0 : 1;
  return (level, message, data) => {
    if (LEVELS.indexOf(level) < min) return;
    write(`[${level}] ${message}${data ? ` ${JSON.stringify(data)}` : ''}\n`);
  };
}
