#!/bin/sh
# One PostgreSQL role per OrderEats service, owning only its own database ordereats_<service> (docs/production.md, "PostgreSQL roles").
# The postgres image runs it once, as the superuser, when it initialises an empty data volume (/docker-entrypoint-initdb.d); run it by hand
# (same environment) to add a service or change a password. Needs ORDERS_, PAYMENTS_, KITCHEN_, NOTIFICATIONS_ and CONSOLE_DB_PASSWORD.
# The roles cannot create databases or roles, and no other role (PUBLIC) may connect to a service's database.
set -eu

for service in orders payments kitchen notifications console; do
    variable=$(printf '%s_DB_PASSWORD' "$service" | tr '[:lower:]' '[:upper:]')
    eval "password=\${$variable:-}"
    if [ -z "$password" ]; then
        echo "roles.sh: $variable is empty; set it (see .env.example)" >&2
        exit 1
    fi

    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" --dbname postgres \
        -v role="$service" -v password="$password" -v database="ordereats_$service" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', :'role', :'password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'database', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'database') \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', :'database', :'role') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'database') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'database', :'role') \gexec
SQL
    # Before PostgreSQL 15 every role could create tables in the public schema; here only the owner may.
    psql -v ON_ERROR_STOP=1 --no-psqlrc --quiet --username "${POSTGRES_USER:-postgres}" --dbname "ordereats_$service" \
        -v role="$service" <<'SQL'
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
SELECT format('GRANT ALL ON SCHEMA public TO %I', :'role') \gexec
SQL
    echo "roles.sh: role $service owns database ordereats_$service"
done
