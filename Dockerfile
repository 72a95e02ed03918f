# One Dockerfile for every OrderEats process; the build argument ENDPOINT picks which one, so each service gets its own small image:
#   docker build --build-arg ENDPOINT=OrderEats.Payments -t ordereats/payments .
# ENDPOINT is one of OrderEats.Orders, OrderEats.Payments, OrderEats.Kitchen, OrderEats.Notifications, OrderEats.Console.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ARG ENDPOINT
WORKDIR /src
# Only what the endpoints build from (bin/obj, tests and tools stay out: see .dockerignore).
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY Engine/ Engine/
COPY Messages/ Messages/
COPY Sagas/ Sagas/
COPY Endpoints/ Endpoints/
RUN test -n "$ENDPOINT" || { echo "Set --build-arg ENDPOINT=OrderEats.<Orders|Payments|Kitchen|Notifications|Console>" >&2; exit 1; }
# ReadyToRun for linux-x64 (Endpoints/Directory.Build.props): a restarted container serves at full speed in seconds, not after the JIT warms up.
RUN dotnet publish "Endpoints/$ENDPOINT/$ENDPOINT.csproj" -c Release -o /app -r linux-x64 --self-contained false -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ARG ENDPOINT
# curl answers the container health check (GET /health/ready); nothing else is added to the runtime image.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app ./
ENV ENDPOINT_DLL=${ENDPOINT}.dll \
    ASPNETCORE_HTTP_PORTS=8080 \
    ORDEREATS_DATA=/tmp/ordereats
# The non-root user the .NET images define (uid 1654).
USER $APP_UID
EXPOSE 8080
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=6 CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
# exec: dotnet becomes PID 1 and receives SIGTERM itself, so the endpoint drains in-flight messages before exiting.
ENTRYPOINT ["/bin/sh", "-c", "exec dotnet \"/app/$ENDPOINT_DLL\" \"$@\"", "--"]
