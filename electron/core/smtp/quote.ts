// The lines a reply or forward puts above the original: the attribution ("On 3 Mar 2026, at
// 10:00, Anna wrote:" / "Den 3 mars 2026 skrev Anna:") and the forwarded-headers block, in the
// composer's language, with dates formatted by Intl for its locale. Plus the quoting itself.
import type { Address } from '../../../shared/domain';
import { formatAddressList } from '../../../shared/address-parse';
import { escapeHtml, plainToHtml } from './html-text';
import { trimEnd } from './trim-edges';

interface QuoteLanguage {
  attribution(parts: { date: string; time: string; name: string }): string;
  /** Intl options for the date in the attribution line. */
  dateStyle: Intl.DateTimeFormatOptions;
  forwarded: string;
  labels: { subject: string; date: string; from: string; to: string; cc: string };
}

const LANGUAGES: Record<string, QuoteLanguage> = {
  en: {
    attribution: ({ date, time, name }) => `On ${date}, at ${time}, ${name} wrote:`,
    dateStyle: { day: 'numeric', month: 'short', year: 'numeric' },
    forwarded: '-------- Forwarded Message --------',
    labels: { subject: 'Subject', date: 'Date', from: 'From', to: 'To', cc: 'Cc' },
  },
  sv: {
    attribution: ({ date, name }) => `Den ${date} skrev ${name}:`,
    dateStyle: { day: 'numeric', month: 'long', year: 'numeric' },
    forwarded: '-------- Vidarebefordrat meddelande --------',
    labels: { subject: 'Ämne', date: 'Datum', from: 'Från', to: 'Till', cc: 'Kopia' },
  },
  de: {
    attribution: ({ date, time, name }) => `Am ${date} um ${time} schrieb ${name}:`,
    dateStyle: { day: 'numeric', month: 'long', year: 'numeric' },
    forwarded: '-------- Weitergeleitete Nachricht --------',
    labels: { subject: 'Betreff', date: 'Datum', from: 'Von', to: 'An', cc: 'Kopie' },
  },
  fr: {
    attribution: ({ date, time, name }) => `Le ${date} à ${time}, ${name} a écrit :`,
    dateStyle: { day: 'numeric', month: 'long', year: 'numeric' },
    forwarded: '-------- Message transféré --------',
    labels: { subject: 'Sujet', date: 'Date', from: 'De', to: 'À', cc: 'Cc' },
  },
};

export interface QuoteLocale {
  /** BCP 47, e.g. "en-GB", "sv". A language without lines of its own gets English ones. */
  locale?: string;
  /** IANA zone; the system's when absent or unknown. */
  timeZone?: string;
}

function resolve({ locale, timeZone }: QuoteLocale): { language: QuoteLanguage; locale: string; timeZone?: string } {
  const tag = locale?.replace(/_/g, '-') ?? 'en';
  const code = tag.toLowerCase().split('-')[0] ?? 'en';
  const language = LANGUAGES[code];
  // Lines in English need an English date: "On 3.3.2026" would read as a mix of two languages.
  const safeLocale = language ? tag : 'en';
  let zone: string | undefined;
  try {
    zone = timeZone ? new Intl.DateTimeFormat('en', { timeZone }).resolvedOptions().timeZone : undefined;
  } catch {
    zone = undefined; // an unknown zone name: the system's rather than an error
  }
  try {
    Intl.DateTimeFormat.supportedLocalesOf(safeLocale);
    return { language: language ?? LANGUAGES.en!, locale: safeLocale, timeZone: zone };
  } catch {
    return { language: LANGUAGES.en!, locale: 'en', timeZone: zone };
  }
}

function senderName(sender: Address | undefined): string {
  return sender?.name.trim() || sender?.address || '?';
}

/** "On 3 Mar 2026, at 10:00, Anna wrote:" in the composer's language. */
export function attributionLine(sender: Address | undefined, date: number, where: QuoteLocale = {}): string {
  const { language, locale, timeZone } = resolve(where);
  const when = new Date(date);
  return language.attribution({
    date: new Intl.DateTimeFormat(locale, { ...language.dateStyle, timeZone }).format(when),
    time: new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone }).format(when),
    name: senderName(sender),
  });
}

export interface ForwardedHeaders {
  subject: string;
  date: number;
  from: Address[];
  to: Address[];
  cc: Address[];
}

/** The block that introduces a forwarded message: its own From, Date, Subject, To, Cc. */
export function forwardedHeaderLines(original: ForwardedHeaders, where: QuoteLocale = {}): string[] {
  const { language, locale, timeZone } = resolve(where);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    new Date(original.date),
  );
  const { labels } = language;
  return [
    language.forwarded,
    `${labels.subject}: ${original.subject}`,
    `${labels.date}: ${date}`,
    `${labels.from}: ${formatAddressList(original.from)}`,
    `${labels.to}: ${formatAddressList(original.to)}`,
    ...(original.cc.length ? [`${labels.cc}: ${formatAddressList(original.cc)}`] : []),
  ];
}

/** "> " before every line; lines already quoted get one more ">" (RFC 3676 style). */
export function quotePlain(text: string): string {
  return trimEnd(text.replace(/\r\n?/g, '\n'), '\n')
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : line === '' ? '>' : `> ${line}`))
    .join('\n');
}

/** The original as a cited blockquote. Always from its text: its own HTML is never carried over. */
export function quoteHtml(text: string): string {
  return `<blockquote type="cite">${plainToHtml(trimEnd(text, '\n'))}</blockquote>`;
}

export function paragraphHtml(text: string): string {
  return `<p>${escapeHtml(text)}</p>`;
}
