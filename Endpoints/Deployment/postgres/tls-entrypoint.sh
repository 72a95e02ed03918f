#!/bin/sh
# PostgreSQL with TLS only (docker-compose.tls.yml): the key from make-certs.sh copied where only the postgres user can read it, and a
# pg_hba that refuses TCP connections without TLS. Then the image's own entrypoint.
set -eu
tls=/run/ordereats-tls
mkdir -p /var/lib/postgresql/tls
cp "$tls/postgres.crt" "$tls/postgres.key" /var/lib/postgresql/tls/
chown -R postgres:postgres /var/lib/postgresql/tls
chmod 600 /var/lib/postgresql/tls/postgres.key
exec docker-entrypoint.sh postgres -c ssl=on -c ssl_min_protocol_version=TLSv1.2 \
    -c ssl_cert_file=/var/lib/postgresql/tls/postgres.crt -c ssl_key_file=/var/lib/postgresql/tls/postgres.key \
    -c hba_file=/opt/ordereats/pg_hba_tls.conf
