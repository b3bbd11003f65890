import { describe, expect, it } from 'vitest';
import { DEFAULT_APPEARANCE, parseAppearance, resolvedScheme } from '../../renderer/appearance/appearance-prefs';

describe('parseAppearance', () => {
  it('reads what was stored', () => {
    expect(parseAppearance('{"theme":"dark","density":"compact","bodyColours":"original"}')).toEqual({
      theme: 'dark',
      density: 'compact',
      bodyColours: 'original',
    });
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{theme:'],
    ['not an object', '"dark"'],
    ['unknown values', '{"theme":"sepia","density":7,"bodyColours":null}'],
  ])('falls back to the defaults for %s', (_case, stored) => {
    expect(parseAppearance(stored)).toEqual(DEFAULT_APPEARANCE);
  });

  it('keeps the values it knows when others are broken', () => {
    expect(parseAppearance('{"theme":"light","density":"tiny"}')).toEqual({ ...DEFAULT_APPEARANCE, theme: 'light' });
  });
});

describe('resolvedScheme', () => {
  it.each([
    ['system', false, 'light'],
    ['system', true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ] as const)('%s with a dark system %s is %s', (theme, systemDark, scheme) => {
    expect(resolvedScheme(theme, systemDark)).toBe(scheme);
  });
});
