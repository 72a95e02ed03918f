#!/usr/bin/env bash
# The one test command (see README): installs what the suite needs on Debian/Ubuntu when it is missing
# (RabbitMQ and PostgreSQL server binaries; the tests start private instances of them), then runs every test project.
# ORDEREATS_RABBITMQ / ORDEREATS_POSTGRES / ORDEREATS_SQLSERVER point the tests at existing servers instead.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

need_packages=()
if [ -z "${ORDEREATS_RABBITMQ:-}" ] && ! command -v rabbitmq-server >/dev/null 2>&1 && [ ! -x /usr/lib/rabbitmq/bin/rabbitmq-server ]; then
  need_packages+=(rabbitmq-server)
fi
if [ -z "${ORDEREATS_POSTGRES:-}" ] && ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  need_packages+=(postgresql)
fi
if [ -z "${ORDEREATS_CHROMIUM:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  need_packages+=(chromium)         # the console's browser test drives the system Chromium
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  need_packages+=(nodejs npm)       # the foreign-client tests run the documented Node.js example (npm ci installs amqplib)
fi
if ! command -v docker-compose >/dev/null 2>&1; then
  need_packages+=(docker-compose)   # validates docker-compose.yml (no engine needed)
fi
if [ ${#need_packages[@]} -gt 0 ]; then
  echo "Installing ${need_packages[*]} (the tests start private instances; the packaged services are not started)"
  # Keep the packages' own services from starting: the tests never use them.
  policy=/usr/sbin/policy-rc.d
  created_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    created_policy=1
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_packages[@]}" >/dev/null
  if [ "$created_policy" -eq 1 ]; then as_root rm -f "$policy"; fi
fi

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
dotnet test OrderEats.sln -c Release 2>&1 | tee "$log" || status=$?

# The short chaos run: every service as its own process on a private 3-node RabbitMQ cluster and a durable PostgreSQL (fsync and
# synchronous_commit on), kill -9s of services, kill -9 of one broker node and a database crash (kill -9 of the postmaster), then the
# DESIGN §2 invariants from the services' own databases (exits non-zero when one breaks).
chaos=0
dotnet run -c Release --project Tests/OrderEats.Chaos -- \
  --orders 300 --rate 20 --instances 1 --kills 3 --broker-cluster 3 --broker-node-kills 1 --db-crashes 1 \
  --broker-restarts 0 --db-restarts 0 --settle-timeout 180 || chaos=$?
if [ "$chaos" -ne 0 ]; then echo "Chaos run failed (exit $chaos)"; status=$chaos; fi

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed:/ {
       for (i = 1; i <= NF; i++) {
         if ($i == "Failed:")  { gsub(",", "", $(i+1)); failed  += $(i+1) }
         if ($i == "Passed:")  { gsub(",", "", $(i+1)); passed  += $(i+1) }
         if ($i == "Skipped:") { gsub(",", "", $(i+1)); skipped += $(i+1) }
       }
     }
     END { printf "Tests: %d passed, %d failed, %d skipped\n", passed, failed, skipped }' "$log"
exit "$status"
