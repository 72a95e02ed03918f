#!/bin/sh
# The broker container's command: starts RabbitMQ as the image does, creates the service accounts (accounts.sh) once it runs, marks itself
# ready for the health check, and passes SIGTERM on so the broker stops cleanly.
set -eu
rm -f /tmp/ordereats-accounts-ready
if [ "${ORDEREATS_BROKER_TLS:-off}" = on ]; then
    # docker-compose.tls.yml: AMQP over TLS only, with the certificate from make-certs.sh (its key readable by the broker's user only).
    mkdir -p /etc/rabbitmq/tls /etc/rabbitmq/conf.d
    cp /run/ordereats-tls/ca.crt /run/ordereats-tls/rabbitmq.crt /run/ordereats-tls/rabbitmq.key /etc/rabbitmq/tls/
    chown -R rabbitmq:rabbitmq /etc/rabbitmq/tls
    chmod 600 /etc/rabbitmq/tls/rabbitmq.key
    cat > /etc/rabbitmq/conf.d/30-ordereats-tls.conf <<'CONF'
listeners.tcp = none
listeners.ssl.default = 5671
ssl_options.cacertfile = /etc/rabbitmq/tls/ca.crt
ssl_options.certfile = /etc/rabbitmq/tls/rabbitmq.crt
ssl_options.keyfile = /etc/rabbitmq/tls/rabbitmq.key
ssl_options.verify = verify_none
ssl_options.fail_if_no_peer_cert = false
CONF
fi
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
