#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so keychain tests
# use a real Secret Service without touching the user's own keyring or home folder.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: dbus-run-session or gnome-keyring-daemon missing (apt: dbus-x11 gnome-keyring)" >&2
  exit 1
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export SHAREDESK_KEYRING_TEST=1
HOME="$home" dbus-run-session -- bash -c \
  'echo -n sharedesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null; exec "$@"' \
  with-keyring "$@"
