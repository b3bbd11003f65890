// Server fields as the account forms edit them (strings, as typed) and the rules that fill their
// defaults: standard ports per security, host names guessed from the address. The wizard
// (renderer/wizard/) builds on these.
import type { AccountSettings, Security } from '../../shared/domain';

export interface ServerFields {
  host: string;
  port: string;
  security: Security;
}

export interface AccountFormValues {
  name: string;
  email: string;
  password: string;
  username: string;
  imap: ServerFields;
  smtp: ServerFields;
}

export const DEFAULT_PORTS: Record<'imap' | 'pop3' | 'smtp', Record<Security, number>> = {
  imap: { tls: 993, starttls: 143, plain: 143 },
  pop3: { tls: 995, starttls: 110, plain: 110 },
  smtp: { tls: 465, starttls: 587, plain: 25 },
};

export function emptyAccountForm(): AccountFormValues {
  return {
    name: '',
    email: '',
    password: '',
    username: '',
    imap: { host: '', port: String(DEFAULT_PORTS.imap.tls), security: 'tls' },
    smtp: { host: '', port: String(DEFAULT_PORTS.smtp.tls), security: 'tls' },
  };
}

export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at >= 0
    ? email
        .slice(at + 1)
        .trim()
        .toLowerCase()
    : '';
}

/** The host guessed from the address until the user types one: imap.example.com. */
export function suggestedHost(kind: 'imap' | 'smtp', email: string): string {
  const domain = emailDomain(email);
  return domain ? `${kind}.${domain}` : '';
}

/** Switching security switches the port too, unless the user typed a non-standard one. */
export function withSecurity(kind: 'imap' | 'pop3' | 'smtp', server: ServerFields, security: Security): ServerFields {
  const standard = Object.values(DEFAULT_PORTS[kind]).map(String);
  const port =
    server.port === '' || standard.includes(server.port) ? String(DEFAULT_PORTS[kind][security]) : server.port;
  return { ...server, security, port };
}

export type AccountFormProblem = 'email' | 'password' | 'imapHost' | 'imapPort' | 'smtpHost' | 'smtpPort';

function validPort(port: string): boolean {
  const value = Number(port);
  return Number.isInteger(value) && value >= 1 && value <= 65535;
}

/** What is missing or malformed, in the order of the fields. */
export function accountFormProblems(values: AccountFormValues): AccountFormProblem[] {
  const problems: AccountFormProblem[] = [];
  if (!/^[^\s@]+@[^\s@]+$/.test(values.email.trim())) problems.push('email');
  if (!values.password) problems.push('password');
  if (!(values.imap.host.trim() || suggestedHost('imap', values.email))) problems.push('imapHost');
  if (!validPort(values.imap.port)) problems.push('imapPort');
  if (!(values.smtp.host.trim() || suggestedHost('smtp', values.email))) problems.push('smtpHost');
  if (!validPort(values.smtp.port)) problems.push('smtpPort');
  return problems;
}

export function toAccountSettings(values: AccountFormValues): AccountSettings {
  const email = values.email.trim();
  const name = values.name.trim();
  return {
    name: name || email,
    email,
    displayName: name,
    username: values.username.trim() || email,
    imap: {
      host: values.imap.host.trim() || suggestedHost('imap', email),
      port: Number(values.imap.port),
      security: values.imap.security,
    },
    smtp: {
      host: values.smtp.host.trim() || suggestedHost('smtp', email),
      port: Number(values.smtp.port),
      security: values.smtp.security,
    },
  };
}
