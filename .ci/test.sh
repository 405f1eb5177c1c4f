#!/usr/bin/env bash
# Runs the whole test suite on a fresh Debian machine: installs what the tests need
# (PostgreSQL server binaries, Chromium and ChromeDriver), builds with warnings as errors,
# runs the domain, integration (real PostgreSQL) and browser (real Chromium) tests, and
# ends with one line: "N passed, N failed, N skipped".
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
apt_install() {
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required (https://learn.microsoft.com/dotnet/core/install/linux-debian)." >&2; exit 1; }
command -v npm >/dev/null || { echo "Installing Node.js and npm (front-end assets)…"; apt_install nodejs npm; }
command -v curl >/dev/null || { echo "Installing curl (the partner guide's examples are run)…"; apt_install curl; }
if [ -z "${PTCE_TEST_POSTGRES:-}" ] && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "Installing the PostgreSQL server binaries…"; apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  echo "Installing Chromium and ChromeDriver…"; apt_install chromium chromium-driver
fi

results="$(pwd)/.artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"

dotnet build PtceFunding.sln --nologo -clp:ErrorsOnly
status=0
# Test projects only: tests/PtceFunding.Benchmarks is a console program run on demand (README, Benchmarks).
projects=(tests/*Tests/*.csproj)
for project in "${projects[@]}"; do
  name=$(basename "$project" .csproj)
  dotnet test "$project" --no-build --nologo --logger "trx;LogFileName=${name}.trx" --logger "console;verbosity=normal" \
    --results-directory "$results" || status=$?
done

passed=0; failed=0; skipped=0; files=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  value() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(value passed)))
  failed=$((failed + $(value failed) + $(value error) + $(value timeout) + $(value aborted)))
  skipped=$((skipped + $(value notExecuted)))
done

echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$files" -ne "${#projects[@]}" ]; then echo "Expected results from ${#projects[@]} test projects, found ${files}." >&2; exit 1; fi
if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ] || [ "$status" -ne 0 ]; then exit 1; fi
