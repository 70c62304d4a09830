#!/usr/bin/env bash
# Installs what the third-party conformance clients need (tests/Conformance/clients):
#   Debian: python3-grpcio python3-protobuf python3-grpc-tools (grpcio interop client),
#           grpc-proto (canonical health/reflection protos), nghttp2-client (h2load, nghttp)
#   npm:    @grpc/grpc-js, @grpc/proto-loader, @bufbuild/buf (pinned in package-lock.json)
# and what the store tests need (tests/Store.Tests):
#   Debian: postgresql (server binaries: the tests initdb a throwaway cluster, run as the postgres user)
# Idempotent and non-interactive; run as root (CI does). On a warm machine it only checks
# dpkg and runs `npm ci`.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NODE_DIR="$ROOT/tests/Conformance/clients/node"
APT_PACKAGES=(python3-grpcio python3-protobuf python3-grpc-tools grpc-proto nghttp2-client postgresql)

log() { echo "setup: $*"; }

is_installed() {
  [[ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null || true)" == "install ok installed" ]]
}

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo -n "$@"
  else
    log "need root to run: $*" >&2
    return 1
  fi
}

apt_updated=0
apt_update_once() {
  if [[ $apt_updated -eq 0 ]]; then
    log "apt-get update"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    apt_updated=1
  fi
}

# True when some package has no install candidate in the current lists (empty or stale).
lists_lack_candidate() {
  local p
  for p in "$@"; do
    if ! apt-cache policy "$p" 2>/dev/null | grep -q 'Candidate: [^(]'; then
      return 0
    fi
  done
  return 1
}

apt_install() {
  if lists_lack_candidate "$@"; then
    apt_update_once
  fi
  log "apt-get install -y $*"
  if ! as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"; then
    if [[ $apt_updated -eq 1 ]]; then
      return 1
    fi
    # Stale lists can point at removed .debs: refresh once and retry.
    apt_update_once
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
  fi
}

# ---- Debian packages
missing=()
for p in "${APT_PACKAGES[@]}"; do
  is_installed "$p" || missing+=("$p")
done
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  missing+=(nodejs npm)
fi
if [[ ${#missing[@]} -eq 0 ]]; then
  log "Debian packages present: ${APT_PACKAGES[*]}"
else
  log "missing Debian packages: ${missing[*]}"
  apt_install "${missing[@]}"
fi

# ---- npm packages for the grpc-js client and buf curl
log "node $(node --version), npm $(npm --version 2>/dev/null)"
log "npm ci --no-audit --no-fund (in ${NODE_DIR#"$ROOT"/})"
(cd "$NODE_DIR" && npm ci --no-audit --no-fund)

# ---- quick self-check, so a broken install fails here and not in the tests
/usr/bin/python3 -c 'import grpc, grpc_tools.protoc, google.protobuf' \
  || { log "python3-grpcio / python3-grpc-tools not importable by /usr/bin/python3" >&2; exit 1; }
"$NODE_DIR/node_modules/.bin/buf" --version >/dev/null \
  || { log "buf not runnable at $NODE_DIR/node_modules/.bin/buf" >&2; exit 1; }
initdb=$(ls /usr/lib/postgresql/*/bin/initdb 2>/dev/null | sort -V | tail -n 1)
[[ -n "$initdb" ]] || { log "postgresql installed but no /usr/lib/postgresql/*/bin/initdb" >&2; exit 1; }
id postgres >/dev/null 2>&1 || { log "no 'postgres' OS user (created by Debian's postgresql-common)" >&2; exit 1; }
log "PostgreSQL $("$initdb" --version | awk '{print $3}') for the store tests"
log "grpcio $(/usr/bin/python3 -c 'import grpc; print(grpc.__version__)'), buf $("$NODE_DIR/node_modules/.bin/buf" --version)"
log "done"
