// Byte sizes for attachments and quotas, with Intl unit formatting for the active locale
// ("2.4 MB" in English, "2,4 MB" in Swedish). Decimal (SI) units, as the unit names say.

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;
const formatterCache = new Map<string, Intl.NumberFormat>();

function unitFormatter(locale: string, unit: (typeof UNITS)[number], fractionDigits: number): Intl.NumberFormat {
  const key = `${locale}|${unit}|${fractionDigits}`;
  let cached = formatterCache.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat(locale, {
      style: 'unit',
      unit,
      // "0 byte" reads wrong in English; the long form of the smallest unit is "0 bytes" / "1 byte".
      unitDisplay: unit === 'byte' ? 'long' : 'short',
      maximumFractionDigits: fractionDigits,
    });
    formatterCache.set(key, cached);
  }
  return cached;
}

export function formatSize(bytes: number, locale: string): string {
  const safe = Number.isFinite(bytes) && bytes > 0 ? bytes : 0;
  let value = safe;
  let unitIndex = 0;
  while (value >= 1000 && unitIndex < UNITS.length - 1) {
    value /= 1000;
    unitIndex += 1;
  }
  // Keep the displayed number below 1000 after rounding ("1,000 kB" should read "1 MB").
  if (unitIndex < UNITS.length - 1 && Math.round(value * 10) / 10 >= 1000) {
    value /= 1000;
    unitIndex += 1;
  }
  const fractionDigits = unitIndex === 0 || value >= 10 ? 0 : 1;
  return unitFormatter(locale, UNITS[unitIndex] ?? 'byte', fractionDigits).format(value);
}

const countFormatters = new Map<string, Intl.NumberFormat>();

/**
 * A plain count ("12,345" / "12 345"). The formatter is kept per locale: creating one costs far
 * more than formatting with it, and the sidebar and the status bar format counts on every render
 * (the first screen made a formatter per folder).
 */
export function formatCount(value: number, locale: string): string {
  let formatter = countFormatters.get(locale);
  if (!formatter) {
    formatter = new Intl.NumberFormat(locale);
    countFormatters.set(locale, formatter);
  }
  return formatter.format(value);
}
