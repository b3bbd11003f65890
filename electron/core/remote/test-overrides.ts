// TEST ONLY. The end-to-end tests serve their "remote" images from a local HTTP server, which
// the address policy refuses (loopback). MAIL_TEST_ALLOW_LOOPBACK_IMAGES=1 lets 127.0.0.0/8
// and ::1 through, nothing else (private, link-local, ... stay refused). It is honoured only
// by the browser shell under plain Node (what the e2e tests run), never inside Electron, so
// the desktop app cannot be talked into probing the user's own machine by its environment.
export function loopbackAllowedForTests(): boolean {
  return process.env.MAIL_TEST_ALLOW_LOOPBACK_IMAGES === '1' && !process.versions.electron;
}
