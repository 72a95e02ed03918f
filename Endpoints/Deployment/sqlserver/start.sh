#!/bin/bash
# The SQL Server container's command (profile "sqlserver"): TLS with the certificate from make-certs.sh (forced encryption), SQL Server as
# the image runs it, then the per-service logins (logins.sql) once it answers, and a ready mark for the health check.
set -eu
tls=/run/ordereats-tls
if [ ! -f "$tls/sqlserver.crt" ] || [ ! -f "$tls/sqlserver.key" ]; then
    echo "start.sh: $tls/sqlserver.crt and .key are missing; run Endpoints/Deployment/tls/make-certs.sh (see docs/production.md, TLS)" >&2
    exit 1
fi
mkdir -p /var/opt/mssql/tls
cp "$tls/sqlserver.crt" /var/opt/mssql/tls/sqlserver.crt
cp "$tls/sqlserver.key" /var/opt/mssql/tls/sqlserver.key
chmod 600 /var/opt/mssql/tls/sqlserver.key
printf '[network]\ntlscert = /var/opt/mssql/tls/sqlserver.crt\ntlskey = /var/opt/mssql/tls/sqlserver.key\ntlsprotocols = 1.2\nforceencryption = 1\n' > /var/opt/mssql/mssql.conf

rm -f /tmp/ordereats-accounts-ready
/opt/mssql/bin/sqlservr &
server=$!
trap 'kill -TERM "$server"; wait "$server"; exit 0' TERM INT
sql() { /opt/mssql-tools18/bin/sqlcmd -S localhost -U sa -P "$MSSQL_SA_PASSWORD" -C -b "$@"; }
until sql -Q 'SELECT 1' -o /dev/null 2>/dev/null; do
    if ! kill -0 "$server" 2>/dev/null; then wait "$server"; exit 1; fi
    sleep 2
done
for service in ORDERS PAYMENTS KITCHEN NOTIFICATIONS CONSOLE; do
    variable="${service}_SQLSERVER_PASSWORD"
    if [ -z "${!variable:-}" ]; then
        echo "start.sh: $variable is empty; set it in .env (see .env.example)" >&2
        exit 1
    fi
done
sql -i /opt/ordereats/logins.sql
touch /tmp/ordereats-accounts-ready
wait "$server"
