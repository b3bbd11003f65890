#!/usr/bin/env bash
# Installs the Debian packages the mail-server test bed and the browser tests
# need. Idempotent: does nothing when every package is already installed and
# Courier-IMAP is unpacked. Must run as root (CI and the dev machines run as root).
#
# Courier-IMAP (the second server of the integration matrix) cannot be
# installed: Debian's courier-imap conflicts with dovecot-imapd (both provide
# "imap-server"). Its dependencies are installed; the package itself is
# downloaded and unpacked (dpkg -x) into $COURIER_ROOT, from where
# courier.ts runs it.
#
# The system daemons must never start: the tests run their own Dovecot and
# Postfix instances out of a temporary directory, and a system instance would
# hold ports 25/143/... and confuse `pgrep dovecot` leak checks. A
# policy-rc.d that exits 101 tells invoke-rc.d "not allowed".
set -euo pipefail

packages=(dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix chromium openssl fonts-liberation
  courier-base courier-authdaemon courier-authlib-userdb gamin libgamin0 libcourier-unicode4 libgdbm6 libidn12)
# Must match courier.ts's COURIER_ROOT default.
courier_root="${COURIER_ROOT:-/opt/mail-test/courier}"

# courier-imap depends on exactly the installed courier-base's version; the
# unpacked copy records which one it was made for.
unpack_courier() {
  local base
  base="$(dpkg-query -W -f='${Version}' courier-base)"
  if [ "$(cat "$courier_root/.courier-base-version" 2>/dev/null)" = "$base" ] && [ -x "$courier_root/usr/bin/imapd" ]; then
    return 0
  fi
  echo "mailserver/install.sh: unpacking courier-imap (for courier-base $base) into $courier_root"
  local work deb
  work="$(mktemp -d)"
  # The _apt sandbox user cannot write into a root-owned mktemp directory: download as root.
  (cd "$work" && apt-get -o APT::Sandbox::User=root download -qq courier-imap)
  deb="$(ls "$work"/courier-imap_*.deb)"
  if ! dpkg-deb -f "$deb" Depends | grep -qF "courier-base (= $base)"; then
    echo "mailserver/install.sh: $(basename "$deb") does not fit courier-base $base (apt-get update?)" >&2
    exit 1
  fi
  rm -rf "$courier_root.new"
  mkdir -p "$courier_root.new"
  dpkg -x "$deb" "$courier_root.new"
  echo "$base" >"$courier_root.new/.courier-base-version"
  rm -rf "$courier_root"
  mv "$courier_root.new" "$courier_root"
  rm -rf "$work"
}

missing=()
for p in "${packages[@]}"; do
  # dpkg -s succeeds for removed-but-configured packages too, so check Status.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
  if [ "$(id -u)" -eq 0 ]; then unpack_courier; fi
  echo "mailserver/install.sh: all packages already installed"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  echo "mailserver/install.sh: must run as root to install: ${missing[*]}" >&2
  exit 1
fi

if [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\n# Installed by test/mailserver/install.sh: never start daemons on install.\nexit 101\n' >/usr/sbin/policy-rc.d
  chmod 0755 /usr/sbin/policy-rc.d
fi

export DEBIAN_FRONTEND=noninteractive
# Without this, postfix's postinst asks which kind of mail server to set up.
debconf-set-selections <<'DEBCONF'
postfix postfix/main_mailer_type select No configuration
postfix postfix/mailname string mail.example.test
DEBCONF

echo "mailserver/install.sh: installing ${missing[*]}"
apt-get -o DPkg::Lock::Timeout=600 update -qq
# --no-install-recommends keeps out avahi, cups and friends; fonts-liberation
# (a chromium Recommends) is listed explicitly so screenshots have real fonts.
apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold "${missing[@]}"
unpack_courier
echo "mailserver/install.sh: done"
