// TEST ONLY. The end-to-end tests answer discovery's DNS questions (SRV records pointing outside
// the address's domain) from a small DNS server of their own on 127.0.0.1:
// MAIL_TEST_DNS_SERVER=127.0.0.1:<port> makes discovery ask it instead of the system's
// resolvers. Honoured only by the browser shell under plain Node (what the e2e tests run),
// never inside Electron, so the desktop app's discovery cannot be redirected by its environment.
export function dnsServerForTests(): string | null {
  const server = process.env.MAIL_TEST_DNS_SERVER;
  return server && !process.versions.electron ? server : null;
}
