#!/usr/bin/env bash
# Make sure Debian's chromium and chromium-driver are installed (the dashboard's browser tests drive them).
# Idempotent and instant when both are there; installs them with apt-get otherwise (needs root or sudo).
set -euo pipefail
if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "browser.sh: chromium and chromium-driver are missing and this is not root; install them:" >&2
    echo "  apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "browser.sh: no apt-get here; install chromium and its chromedriver yourself (the browser tests need them)" >&2
  exit 1
fi
echo "browser.sh: installing chromium and chromium-driver for the dashboard's browser tests" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium chromium-driver >/dev/null
