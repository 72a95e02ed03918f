#!/bin/sh
# The broker container's command: starts RabbitMQ as the image does, creates the service accounts (accounts.sh) once it runs, marks itself
# ready for the health check, and passes SIGTERM on so the broker stops cleanly.
set -eu
rm -f /tmp/ordereats-accounts-ready
docker-entrypoint.sh rabbitmq-server &
server=$!
trap 'rabbitmqctl -q stop; wait "$server"; exit 0' TERM INT
until rabbitmqctl -q await_startup >/dev/null 2>&1; do
    if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit 1; fi
    sleep 2
done
sh /opt/ordereats/accounts.sh
touch /tmp/ordereats-accounts-ready
wait "$server"
