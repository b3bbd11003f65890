#!/usr/bin/env bash
# Installs the Debian packages the mail-server test bed and the browser tests
# need. Idempotent: does nothing when every package is already installed.
# Must run as root (CI and the dev machines run as root).
#
# The system daemons must never start: the tests run their own Dovecot and
# Postfix instances out of a temporary directory, and a system instance would
# hold ports 25/143/... and confuse `pgrep dovecot` leak checks. A
# policy-rc.d that exits 101 tells invoke-rc.d "not allowed".
set -euo pipefail

packages=(dovecot-core dovecot-imapd dovecot-pop3d dovecot-lmtpd postfix chromium openssl fonts-liberation)

missing=()
for p in "${packages[@]}"; do
  # dpkg -s succeeds for removed-but-configured packages too, so check Status.
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done

if [ "${#missing[@]}" -eq 0 ]; then
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
echo "mailserver/install.sh: done"
