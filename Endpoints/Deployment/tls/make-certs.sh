#!/bin/sh
# Makes a private CA and one certificate per server of the compose stack (rabbitmq, postgres, sqlserver), each naming the server's host
# name, into ${ORDEREATS_TLS_DIR:-.tls} (git-ignored). The services trust the CA (ca.crt) and nothing else:
#   RabbitMQ:  amqps://…@rabbitmq:5671/ with ORDEREATS_RABBITMQ_CA=/run/ordereats-tls/ca.crt
#   PostgreSQL: SSL Mode=VerifyFull;Root Certificate=/run/ordereats-tls/ca.crt
#   SQL Server: Encrypt=Strict;HostNameInCertificate=sqlserver;ServerCertificate=/run/ordereats-tls/sqlserver.crt
# Run from the repository root: sh Endpoints/Deployment/tls/make-certs.sh. Existing files are kept (delete the folder to start over).
set -eu
dir=${ORDEREATS_TLS_DIR:-.tls}
days=${ORDEREATS_TLS_DAYS:-825}
mkdir -p "$dir"
cd "$dir"

if [ ! -f ca.key ]; then
    openssl req -x509 -newkey rsa:3072 -sha256 -nodes -days 3650 -subj "/CN=OrderEats private CA" \
        -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" \
        -keyout ca.key -out ca.crt
    chmod 600 ca.key
fi

for host in rabbitmq postgres sqlserver; do
    if [ -f "$host.crt" ]; then
        continue
    fi

    openssl req -newkey rsa:2048 -sha256 -nodes -subj "/CN=$host" -keyout "$host.key" -out "$host.csr"
    printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\nsubjectAltName=DNS:%s\n' "$host" > "$host.ext"
    openssl x509 -req -in "$host.csr" -CA ca.crt -CAkey ca.key -CAcreateserial -days "$days" -sha256 -extfile "$host.ext" -out "$host.crt"
    rm -f "$host.csr" "$host.ext"
    # Readable by the server's own user inside its container; each server copies its key to a private file at start.
    chmod 644 "$host.key"
    echo "make-certs.sh: $dir/$host.crt (DNS:$host)"
done
