// `npm run bench` options: --only picks the phases after the first sync, which runs unless p is asked for alone.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../bench/runner/args';

describe('bench options', () => {
  it('runs every phase by default, and --no-browser leaves out g, m, r and u', () => {
    expect(parseArgs([])).toMatchObject({ size: 50_000, browser: true, only: false, cpuProf: false, rounds: 5 });
    expect([...parseArgs([]).phases]).toEqual(['c', 'd', 'e', 'g', 'h', 'm', 'p', 'r', 's', 'u']);
    const noBrowser = parseArgs(['--no-browser', '--size=100000', '--cpu-prof']);
    expect(noBrowser).toMatchObject({ size: 100_000, browser: false, cpuProf: true });
    expect([...noBrowser.phases]).toEqual(['c', 'd', 'e', 'h', 'p', 's']);
    expect([...parseArgs(['--only=u,c', '--no-browser']).phases]).toEqual(['c']);
  });

  it('--rounds sets how many alternating rounds figure a takes (a 1M run in minutes, not an hour)', () => {
    expect(parseArgs(['--size', '1000000', '--rounds', '1'])).toMatchObject({ size: 1_000_000, rounds: 1 });
    expect(parseArgs(['--rounds=3']).rounds).toBe(3);
    expect(() => parseArgs(['--rounds', '0'])).toThrow(/--rounds needs a whole number ≥ 1/);
    expect(() => parseArgs(['--rounds', '2.5'])).toThrow(/--rounds/);
  });

  it('--only takes figure letters; a, b and f come with the first sync anyway', () => {
    const only = parseArgs(['--only', 'e, a']);
    expect([...only.phases]).toEqual(['e']);
    expect(only).toMatchObject({ browser: false, only: true });
    expect([...parseArgs(['--only=a,b,f']).phases]).toEqual([]);
    expect(parseArgs(['--only=g,c']).browser).toBe(true);
    expect([...parseArgs(['--only=g,c', '--no-browser']).phases]).toEqual(['c']);
    expect([...parseArgs(['--only=p']).phases]).toEqual(['p']);
    expect([...parseArgs(['--only=c,h,s']).phases]).toEqual(['c', 'h', 's']);
  });

  it('skips the first sync only when --only asks for p alone (the POP3 download fills a mailbox of its own)', () => {
    expect(parseArgs([]).firstSync).toBe(true);
    expect(parseArgs(['--only=p']).firstSync).toBe(false);
    expect(parseArgs(['--only=p,a']).firstSync).toBe(true);
    expect(parseArgs(['--only=p,c']).firstSync).toBe(true);
    expect(parseArgs(['--only=e']).firstSync).toBe(true);
    expect(parseArgs(['--browser-only']).firstSync).toBe(false);
  });

  it('--browser-only measures the app alone, and cannot be combined with what contradicts it', () => {
    const browserOnly = parseArgs(['--browser-only']);
    expect(browserOnly).toMatchObject({ browser: true, browserOnly: true, only: true });
    expect([...browserOnly.phases]).toEqual(['g', 'm', 'r', 'u']);
    expect([...parseArgs(['--browser-only', '--only', 'm']).phases]).toEqual(['m']);
    expect(parseArgs(['--only=m']).browser).toBe(true);
    expect([...parseArgs(['--browser-only', '--only', 'r']).phases]).toEqual(['r']);
    expect([...parseArgs(['--browser-only', '--only', 'u']).phases]).toEqual(['u']);
    expect(parseArgs(['--only=r']).browser).toBe(true);
    expect([...parseArgs(['--only=r', '--no-browser']).phases]).toEqual([]);
    expect(() => parseArgs(['--browser-only', '--no-browser'])).toThrow(/exclude each other/);
    expect(() => parseArgs(['--browser-only', '--only', 'e'])).toThrow(/g, m, r or u alone/);
  });

  it('refuses what it does not know, saying what it takes', () => {
    expect(() => parseArgs(['--only', 'x'])).toThrow(/figure letters from a, b, c, d, e, f, g/);
    expect(() => parseArgs(['--only'])).toThrow(/figure letters/);
    expect(() => parseArgs(['--fast'])).toThrow(/--browser-only, --only c,d,e,g,h/);
    expect(() => parseArgs(['--size', '10'])).toThrow(/≥ 1000/);
  });
});
