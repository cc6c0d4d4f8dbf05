#!/usr/bin/env bash
# Make sure a Docker engine answers on $DOCKER_HOST (or the default socket).
# On a fresh Debian machine (as root) this installs Debian's docker.io and busybox-static and
# starts dockerd in the background, configured for loopback-only testing:
#   --bridge=none / --iptables=false  -> the host's network is left untouched and containers only
#   get `host` or `none` networking (the project's network rule);
#   --default-address-pool 198.18/16  -> any user-defined network stays out of RFC1918 space.
# Idempotent: an engine that already answers is used as is.
set -euo pipefail

log() { printf -- '-----> %s\n' "$*" >&2; }

engine_up() { docker_cli version >/dev/null 2>&1; }
docker_cli() { if [ -x /usr/bin/docker ]; then /usr/bin/docker "$@"; else docker "$@"; fi; }

if command -v docker >/dev/null 2>&1 && engine_up; then
  exit 0
fi

if [ -n "${DOCKER_HOST:-}" ] && [ "${DOCKER_HOST#unix://}" = "$DOCKER_HOST" ]; then
  echo " !     DOCKER_HOST=$DOCKER_HOST does not answer, and it is not a local socket this script can start" >&2
  exit 1
fi

if [ "$(id -u)" != 0 ]; then
  echo " !     No Docker engine answers and this script is not root: start Docker, or run it as root" >&2
  exit 1
fi

if ! command -v dockerd >/dev/null 2>&1 || ! command -v busybox >/dev/null 2>&1; then
  log "Installing docker.io and busybox-static from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends docker.io busybox-static >/dev/null
fi

socket="${DOCKER_HOST:-unix:///var/run/docker.sock}"
log "Starting dockerd on $socket"
nohup dockerd --host "$socket" \
  --bridge=none --iptables=false --ip6tables=false --ip-forward=false --ip-masq=false \
  --userland-proxy=false --default-address-pool base=198.18.0.0/16,size=24 \
  --log-level=warn >/var/log/dockerd-pier.log 2>&1 </dev/null &

for _ in $(seq 300); do
  if engine_up; then log "Docker engine is up"; exit 0; fi
  sleep 0.2
done
echo " !     dockerd did not come up within 60s; see /var/log/dockerd-pier.log" >&2
exit 1
