#!/bin/sh
# One RabbitMQ account per OrderEats service, each allowed only the queues and exchanges that service uses (docs/production.md, "RabbitMQ
# accounts"). Idempotent: run it again to change a password. Needs ORDERS_, PAYMENTS_, KITCHEN_, NOTIFICATIONS_ and CONSOLE_RABBITMQ_PASSWORD.
#
# Why these regular expressions (RabbitMQ checks configure on declare/delete, write on publish and on the destination of a binding, read on
# consume and on the source of a binding; a queue and its exchange share a name):
#   - each endpoint declares its own queue and exchange and binds them (configure, write, read on its name), binds its queue to the delay
#     delivery exchange and the error queue to the unroutable-delay exchange (read on ordereats.delay.delivery / .unroutable: exchanges only);
#   - sends go to the destination queue's exchange, never the default exchange (write on the default exchange would reach every queue);
#   - delayed sends and retries publish into the delay levels (write on ordereats.delay.level-NN);
#   - the console owns the shared queues (error, console, console.audit) and the delay cascade: only it may declare, delete or consume them;
#   - Orders publishes the order events (configure/write/read on their exchanges), Notifications subscribes to the three it handles.
set -eu

ctl=${RABBITMQCTL:-rabbitmqctl}
vhost=${RABBITMQ_VHOST:-/}
delay_levels='ordereats\.delay\.level-[0-9][0-9]'
delay_exchanges='ordereats\.delay\.(delivery|unroutable)'
events='OrderEats\.Messages\.Events\.[A-Za-z0-9_.]+'
notified='OrderEats\.Messages\.Events\.(OrderConfirmed|OrderReady|OrderCancelled)'

password_of() {
    variable=$(printf '%s_RABBITMQ_PASSWORD' "$1" | tr '[:lower:]' '[:upper:]')
    eval "value=\${$variable:-}"
    if [ -z "$value" ]; then
        echo "accounts.sh: $variable is empty; set it (see .env.example)" >&2
        exit 1
    fi
    printf '%s' "$value"
}

account() {
    name=$1 configure=$2 write=$3 read=$4
    password=$(password_of "$name")
    if $ctl -q list_users | cut -f1 | grep -qx "$name"; then
        $ctl -q change_password "$name" "$password"
    else
        $ctl -q add_user "$name" "$password"
    fi
    # No tags: service accounts cannot log in to the management UI or its HTTP API.
    $ctl -q set_user_tags "$name"
    $ctl -q set_permissions -p "$vhost" "$name" "$configure" "$write" "$read"
    echo "accounts.sh: $name ready"
}

account orders \
    "^(orders|$events)\$" \
    "^(orders|payments|kitchen|error|console|console\\.audit|$delay_levels|$events)\$" \
    "^(orders|$delay_exchanges|$events)\$"
account payments \
    '^payments$' \
    "^(payments|orders|error|console|$delay_levels)\$" \
    "^(payments|$delay_exchanges)\$"
account kitchen \
    '^kitchen$' \
    "^(kitchen|orders|error|console|$delay_levels)\$" \
    "^(kitchen|$delay_exchanges)\$"
account notifications \
    "^(notifications|$notified)\$" \
    "^(notifications|error|console|$delay_levels)\$" \
    "^(notifications|$delay_exchanges|$notified)\$"
account console \
    '^(console|console\.audit|error|ordereats\.delay\..+)$' \
    '^(console|console\.audit|error|orders|payments|kitchen|notifications|ordereats\.delay\..+)$' \
    '^(console|console\.audit|error|ordereats\.delay\..+)$'

# The broker's default guest account must not exist next to these.
if $ctl -q list_users | cut -f1 | grep -qx guest; then
    $ctl -q delete_user guest
fi
