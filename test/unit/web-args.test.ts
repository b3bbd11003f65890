import { describe, expect, it } from 'vitest';
import { parseWebShellArgs } from '../../electron/shell/web-args';

describe('npm run web -- arguments', () => {
  it('defaults to a random port on 127.0.0.1 and the default profile', () => {
    expect(parseWebShellArgs([])).toEqual({ port: 0, host: '127.0.0.1' });
  });

  it('reads --profile, --port and --host, with a space or =', () => {
    expect(parseWebShellArgs(['--profile', '/tmp/p', '--port', '8080', '--host', '::1'])).toEqual({
      profileDir: '/tmp/p',
      port: 8080,
      host: '::1',
    });
    expect(parseWebShellArgs(['--profile=/tmp/q', '--port=0'])).toEqual({
      profileDir: '/tmp/q',
      port: 0,
      host: '127.0.0.1',
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a number/],
    [['--port', '70000'], /--port must be a number/],
    [['--port', '-1'], /--port must be a number/],
    [['--port'], /--port needs a value/],
    [['--profile', '--port', '1'], /--profile needs a value/],
    [['--profile='], /--profile needs a value/],
    [['--verbose'], /Unknown option --verbose/],
    [['stray'], /Unknown option stray/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseWebShellArgs(argv)).toThrow(message);
  });
});
