// What a command line (this start's, or a second start's) asks Mail to open.
import { describe, expect, it } from 'vitest';
import { readLaunchArgs } from '../../electron/shell/launch-args';

describe('readLaunchArgs', () => {
  it('finds a mailto: link after the executable, skipping Chromium switches', () => {
    const argv = ['/opt/Mail/mail', '--no-sandbox', 'mailto:a@x.se?subject=Hi', '--original-process-start-time=1'];
    expect(readLaunchArgs(argv, '/home/a', 'linux')).toEqual({ mailto: ['mailto:a@x.se?subject=Hi'], eml: [] });
  });

  it('ignores the app folder of an unpackaged run', () => {
    expect(readLaunchArgs(['/usr/bin/electron', '.', 'MAILTO:b@y.se'], '/src/mail', 'linux').mailto).toEqual([
      'MAILTO:b@y.se',
    ]);
  });

  it('resolves .eml files against the folder the second instance started in', () => {
    const args = readLaunchArgs(['C:\\Mail\\Mail.exe', 'Saved\\note.EML', 'D:\\x.eml'], 'C:\\Users\\a', 'win32');
    expect(args.eml).toEqual(['C:\\Users\\a\\Saved\\note.EML', 'D:\\x.eml']);
  });

  it('takes a file named like a switch after "--"', () => {
    expect(readLaunchArgs(['/bin/mail', '--', '-odd.eml'], '/tmp', 'linux').eml).toEqual(['/tmp/-odd.eml']);
  });

  it('finds nothing in a plain start', () => {
    expect(readLaunchArgs(['/opt/Mail/mail'], '/', 'linux')).toEqual({ mailto: [], eml: [] });
  });
});
