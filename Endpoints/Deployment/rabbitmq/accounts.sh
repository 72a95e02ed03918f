#!/bin/sh
# One RabbitMQ account per OrderEats service, each allowed only the queues and exchanges that service uses (docs/production.md, "RabbitMQ
# accounts"). Idempotent: run it again to change a password. Needs ORDERS_, PAYMENTS_, KITCHEN_, NOTIFICATIONS_ and CONSOLE_RABBITMQ_PASSWORD.
#
# Why these regular expressions (RabbitMQ checks configure on declare/delete, write on publish and on the destination of a binding, read on
# consume and on the source of a binding; a queue and its exchange share a name):
#   - each endpoint declares its own queue and exchange and binds them (configure, write, read on its name) and binds its queue to the delay
#     delivery exchange (read on ordereats.delay.delivery, an exchange only);
#   - sends go to the destination queue's exchange, never the default exchange (write on the default exchange would reach every queue);
#   - delayed sends and retries publish into the delay levels (write on ordereats.delay.level-NN);
#   - the console owns the shared queues (error, error.parked, console, console.audit) and the delay cascade: only it may declare, delete or
#     consume them (error dead-letters into error.parked, which needs write on it; the endpoints' queues dead-letter into error);
#   - Orders publishes the order events (configure/write/read on their exchanges), Notifications subscribes to the three it handles;
#   - topic permissions close the delay cascade as a side door: a service may publish into the delay levels only with a routing key that
#     ends in its own queue, and bind only its own queue to the delivery exchange (so it cannot deliver to, or tap, anyone else's queue).
set -eu

ctl=${RABBITMQCTL:-rabbitmqctl}
vhost=${RABBITMQ_VHOST:-/}
delay_levels='ordereats\.delay\.level-[0-9][0-9]'
delay_delivery='ordereats\.delay\.delivery'
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
    "^(orders|$delay_delivery|$events)\$"
account payments \
    '^payments$' \
    "^(payments|orders|error|console|$delay_levels)\$" \
    "^(payments|$delay_delivery)\$"
account kitchen \
    '^kitchen$' \
    "^(kitchen|orders|error|console|$delay_levels)\$" \
    "^(kitchen|$delay_delivery)\$"
account notifications \
    "^(notifications|$notified)\$" \
    "^(notifications|error|console|$delay_levels)\$" \
    "^(notifications|$delay_delivery|$notified)\$"
account console \
    '^(console|console\.audit|error|error\.parked|ordereats\.delay\..+)$' \
    '^(console|console\.audit|error|error\.parked|orders|payments|kitchen|notifications|ordereats\.delay\..+)$' \
    '^(console|console\.audit|error|error\.parked|ordereats\.delay\..+)$'

# Topic permissions on the delay cascade's topic exchanges, imported in one call (one rabbitmqctl call per exchange and account would take
# minutes). Routing keys of delayed messages are 28 binary words then the destination queue; an endpoint's binding key is 28 '*' words
# then its queue.
definitions=$(mktemp)
trap 'rm -f "$definitions"' EXIT
{
    printf '{"topic_permissions":['
    separator=''
    for name in orders payments kitchen notifications; do
        for level in $(seq 0 27); do
            printf '%s{"user":"%s","vhost":"%s","exchange":"ordereats.delay.level-%02d","write":"^([01][.]){28}%s$","read":"^$"}' \
                "$separator" "$name" "$vhost" "$level" "$name"
            separator=','
        done
        printf ',{"user":"%s","vhost":"%s","exchange":"ordereats.delay.delivery","write":"^$","read":"^([*][.]){28}%s$"}' "$name" "$vhost" "$name"
    done
    printf ']}\n'
} > "$definitions"
chmod 644 "$definitions"
$ctl -q import_definitions "$definitions" >/dev/null
echo "accounts.sh: topic permissions on the delay cascade ready"

# The broker's default guest account must not exist next to these.
if $ctl -q list_users | cut -f1 | grep -qx guest; then
    $ctl -q delete_user guest
fi
