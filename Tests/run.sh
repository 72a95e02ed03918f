#!/usr/bin/env bash
# The one test command (README): installs what the suite needs, then runs every test project.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet test OrderEats.sln -c Release
