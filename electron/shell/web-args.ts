// Command line of the browser shell: npm run web -- [--profile DIR] [--port N] [--host ADDR]

export interface WebShellArgs {
  profileDir?: string;
  port: number;
  host: string;
}

export const WEB_USAGE =
  'Usage: npm run web -- [--profile DIR] [--port N] [--host 127.0.0.1|::1|localhost]\n' +
  "  --profile  the profile folder (default: the desktop app's, e.g. ~/.config/Mail)\n" +
  '  --port     the HTTP port (default 0: any free port)\n' +
  '  --host     a loopback address to listen on (default 127.0.0.1)';

/** Parses argv (without node and the script); throws an Error whose message is for the user. */
export function parseWebShellArgs(argv: readonly string[]): WebShellArgs {
  const args: WebShellArgs = { port: 0, host: '127.0.0.1' };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.indexOf('=');
    const name = eq >= 0 ? arg.slice(0, eq) : arg;
    const value = () => {
      const v = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
      if (v === undefined || v === '' || (eq < 0 && v.startsWith('--')))
        throw new Error(`${name} needs a value.\n${WEB_USAGE}`);
      return v;
    };
    switch (name) {
      case '--profile':
        args.profileDir = value();
        break;
      case '--port': {
        const raw = value();
        const port = Number(raw);
        if (!/^\d+$/.test(raw) || port > 65535) throw new Error(`--port must be a number from 0 to 65535, not ${raw}.`);
        args.port = port;
        break;
      }
      case '--host':
        args.host = value();
        break;
      default:
        throw new Error(`Unknown option ${arg}.\n${WEB_USAGE}`);
    }
  }
  return args;
}
