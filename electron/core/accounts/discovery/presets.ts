// Settings of the big providers, bundled with the app: the answer for most people, found
// without a single network request. `mxDomains` also recognises custom domains hosted there
// (Google Workspace, Microsoft 365, iCloud+, Fastmail…) from where their mail is delivered.
import { isLoopbackHost, type ProviderInfo, type ProviderNote } from '../../../../shared/discovery';
import type { Security } from '../../../../shared/domain';
import { fillPlaceholders, type Address } from './autoconfig';
import type { Finding } from './types';

interface PresetServer {
  host: string;
  port: number;
  security: Security;
}

export interface Preset {
  id: string;
  name: string;
  domains: readonly string[];
  /** Registrable domains of MX hosts that mean "hosted here". */
  mxDomains: readonly string[];
  imap: PresetServer;
  smtp: PresetServer;
  /** %EMAILADDRESS% unless said otherwise. */
  username?: string;
  /** Wants an app password instead of the account password (always, or once 2FA is on). */
  appPassword: boolean;
  note?: ProviderNote;
  /** Files sent mail into Sent itself: appending a copy would show it twice. */
  serverSavesSent?: boolean;
}

const tls = (host: string, port: number): PresetServer => ({ host, port, security: 'tls' });
const starttls = (host: string, port: number): PresetServer => ({ host, port, security: 'starttls' });

export const PRESETS: readonly Preset[] = [
  {
    id: 'gmail',
    name: 'Gmail',
    domains: ['gmail.com', 'googlemail.com'],
    mxDomains: ['google.com', 'googlemail.com'],
    imap: tls('imap.gmail.com', 993),
    smtp: tls('smtp.gmail.com', 465),
    appPassword: true,
    serverSavesSent: true,
  },
  {
    id: 'outlook',
    name: 'Outlook.com',
    domains: [
      'outlook.com',
      'hotmail.com',
      'live.com',
      'msn.com',
      'passport.com',
      'outlook.de',
      'outlook.fr',
      'outlook.es',
      'outlook.it',
      'outlook.jp',
      'outlook.co.uk',
      'hotmail.co.uk',
      'hotmail.de',
      'hotmail.fr',
      'hotmail.it',
      'hotmail.es',
      'hotmail.se',
      'live.co.uk',
      'live.de',
      'live.fr',
      'live.it',
      'live.se',
      'live.nl',
    ],
    mxDomains: [],
    imap: tls('outlook.office365.com', 993),
    smtp: starttls('smtp-mail.outlook.com', 587),
    appPassword: true,
    // Microsoft turned off password sign-in (basic authentication) for Outlook.com in 2024.
    note: 'oauth-only',
  },
  {
    id: 'microsoft365',
    name: 'Microsoft 365',
    domains: ['office365.com', 'onmicrosoft.com'],
    mxDomains: ['outlook.com'],
    imap: tls('outlook.office365.com', 993),
    smtp: starttls('smtp.office365.com', 587),
    appPassword: true,
    note: 'oauth-only',
  },
  {
    id: 'yahoo',
    name: 'Yahoo Mail',
    domains: [
      'yahoo.com',
      'ymail.com',
      'rocketmail.com',
      'yahoo.co.uk',
      'yahoo.ca',
      'yahoo.com.au',
      'yahoo.de',
      'yahoo.fr',
      'yahoo.es',
      'yahoo.it',
      'yahoo.in',
      'yahoo.se',
    ],
    mxDomains: ['yahoodns.net'],
    imap: tls('imap.mail.yahoo.com', 993),
    smtp: tls('smtp.mail.yahoo.com', 465),
    appPassword: true,
  },
  {
    id: 'aol',
    name: 'AOL Mail',
    domains: ['aol.com', 'aim.com', 'aol.co.uk', 'aol.de', 'aol.fr', 'verizon.net'],
    mxDomains: [],
    imap: tls('imap.aol.com', 993),
    smtp: tls('smtp.aol.com', 465),
    appPassword: true,
  },
  {
    id: 'icloud',
    name: 'iCloud Mail',
    domains: ['icloud.com', 'me.com', 'mac.com'],
    mxDomains: ['icloud.com'],
    imap: tls('imap.mail.me.com', 993),
    smtp: starttls('smtp.mail.me.com', 587),
    appPassword: true,
  },
  {
    id: 'fastmail',
    name: 'Fastmail',
    domains: [
      'fastmail.com',
      'fastmail.fm',
      'fastmail.net',
      'fastmail.org',
      'fastmail.us',
      'fastmail.to',
      'fastmail.in',
      'fastmail.se',
      'messagingengine.com',
      'sent.com',
    ],
    mxDomains: ['messagingengine.com'],
    imap: tls('imap.fastmail.com', 993),
    smtp: tls('smtp.fastmail.com', 465),
    appPassword: true,
  },
  {
    id: 'gmx-de',
    name: 'GMX',
    domains: ['gmx.de', 'gmx.net', 'gmx.at', 'gmx.ch'],
    mxDomains: ['gmx.net'],
    imap: tls('imap.gmx.net', 993),
    smtp: tls('mail.gmx.net', 465),
    appPassword: false,
  },
  {
    id: 'gmx-com',
    name: 'GMX',
    domains: ['gmx.com', 'gmx.co.uk', 'gmx.fr', 'gmx.us', 'gmx.es'],
    mxDomains: ['gmx.com'],
    imap: tls('imap.gmx.com', 993),
    smtp: tls('mail.gmx.com', 465),
    appPassword: false,
  },
  {
    id: 'webde',
    name: 'WEB.DE',
    domains: ['web.de'],
    mxDomains: ['web.de'],
    imap: tls('imap.web.de', 993),
    smtp: starttls('smtp.web.de', 587),
    appPassword: false,
  },
  {
    id: 'mailbox-org',
    name: 'mailbox.org',
    domains: ['mailbox.org'],
    mxDomains: ['mailbox.org'],
    imap: tls('imap.mailbox.org', 993),
    smtp: tls('smtp.mailbox.org', 465),
    appPassword: false,
  },
  {
    id: 'posteo',
    name: 'Posteo',
    domains: ['posteo.de', 'posteo.net', 'posteo.at', 'posteo.ch', 'posteo.eu', 'posteo.org', 'posteo.be'],
    mxDomains: ['posteo.de'],
    imap: tls('posteo.de', 993),
    smtp: starttls('posteo.de', 587),
    appPassword: false,
  },
  {
    id: 'zoho',
    name: 'Zoho Mail',
    domains: ['zoho.com', 'zohomail.com'],
    mxDomains: ['zoho.com'],
    imap: tls('imap.zoho.com', 993),
    smtp: tls('smtp.zoho.com', 465),
    appPassword: true,
  },
  {
    id: 'zoho-eu',
    name: 'Zoho Mail',
    domains: ['zoho.eu', 'zohomail.eu'],
    mxDomains: ['zoho.eu'],
    imap: tls('imap.zoho.eu', 993),
    smtp: tls('smtp.zoho.eu', 465),
    appPassword: true,
  },
  {
    id: 'proton',
    name: 'Proton Mail',
    domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
    mxDomains: ['protonmail.ch'],
    // Proton speaks IMAP only through Proton Mail Bridge on this computer (its default ports).
    imap: starttls('127.0.0.1', 1143),
    smtp: starttls('127.0.0.1', 1025),
    appPassword: false,
    note: 'proton-bridge',
  },
  {
    id: 'yandex',
    name: 'Yandex Mail',
    domains: ['yandex.com', 'yandex.ru', 'ya.ru', 'yandex.ua', 'yandex.by', 'yandex.kz', 'narod.ru'],
    mxDomains: ['yandex.net', 'yandex.ru'],
    imap: tls('imap.yandex.com', 993),
    smtp: tls('smtp.yandex.com', 465),
    appPassword: true,
  },
  {
    id: 'mailru',
    name: 'Mail.ru',
    domains: ['mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'internet.ru'],
    mxDomains: ['mail.ru'],
    imap: tls('imap.mail.ru', 993),
    smtp: tls('smtp.mail.ru', 465),
    appPassword: true,
  },
  {
    id: 't-online',
    name: 'Telekom Mail',
    domains: ['t-online.de', 'magenta.de'],
    mxDomains: ['t-online.de'],
    imap: tls('secureimap.t-online.de', 993),
    smtp: tls('securesmtp.t-online.de', 465),
    appPassword: true,
  },
];

export function presetForDomain(domain: string, presets: readonly Preset[] = PRESETS): Preset | null {
  const wanted = domain.trim().toLowerCase();
  return presets.find((preset) => preset.domains.includes(wanted)) ?? null;
}

/** The provider that hosts a domain whose MX is in `mxDomain` (a registrable domain). */
export function presetForMxDomain(mxDomain: string, presets: readonly Preset[] = PRESETS): Preset | null {
  const wanted = mxDomain.trim().toLowerCase();
  return presets.find((preset) => preset.mxDomains.includes(wanted)) ?? null;
}

/** The provider behind a server name, e.g. to say "Gmail wants an app password". */
export function providerForHost(host: string, presets: readonly Preset[] = PRESETS): ProviderInfo | null {
  const wanted = host.trim().toLowerCase().replace(/\.$/, '');
  // Loopback is anyone's local server or bridge, not a provider.
  if (isLoopbackHost(wanted)) return null;
  const preset = presets.find((p) => p.imap.host === wanted || p.smtp.host === wanted);
  return preset ? providerInfo(preset) : null;
}

export function providerInfo(preset: Preset): ProviderInfo {
  return {
    id: preset.id,
    name: preset.name,
    appPassword: preset.appPassword,
    ...(preset.note ? { note: preset.note } : {}),
  };
}

export function findingFromPreset(preset: Preset, address: Address, detail: string): Finding {
  return {
    imap: { ...preset.imap, auth: ['password-cleartext'] },
    smtp: { ...preset.smtp, auth: ['password-cleartext'] },
    username: fillPlaceholders(preset.username ?? '%EMAILADDRESS%', address),
    provider: providerInfo(preset),
    ...(preset.serverSavesSent ? { serverSavesSent: true } : {}),
    detail,
  };
}
