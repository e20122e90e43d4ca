#!/usr/bin/env bash
# Runs every OpenSEND test: domain, data (SQLite and PostgreSQL), web (SQLite and PostgreSQL),
# CLI and browser (Playwright with Debian's Chromium, axe WCAG 2.2 AA).
#
# On a fresh machine, run as root, it first installs what the tests need and is missing:
# Chromium, PostgreSQL (the tests start their own throwaway cluster) and Node.js/npm (the build
# restores GOV.UK Frontend with npm ci) and the fonts the plan's PDF uses. It never downloads a
# browser of its own.
set -euo pipefail
cd "$(dirname "$0")"

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G "/usr/lib/postgresql/*/bin/initdb" > /dev/null || missing+=(postgresql)
command -v npm > /dev/null || missing+=(nodejs npm)
# The plan's PDF is set in Liberation Sans, with Noto and DejaVu for the scripts it lacks (Data/Plans/PdfFontStack.cs).
[ -f /usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf ] || missing+=(fonts-liberation)
[ -f /usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf ] || missing+=(fonts-noto-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
# The publish test makes a key-ring certificate with openssl and calls the app with curl.
command -v openssl > /dev/null || missing+=(openssl)
command -v curl > /dev/null || missing+=(curl)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "test.sh: missing ${missing[*]}; run as root to install them, or install them yourself." >&2
    exit 1
  fi
  echo "test.sh: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
fi

echo "test.sh: checking formatting (dotnet format)"
dotnet format OpenSend.slnx --verify-no-changes

echo "test.sh: building"
dotnet build OpenSend.slnx --nologo -v quiet

echo "test.sh: testing"
dotnet test --solution OpenSend.slnx --no-build

# One publish from a clean copy must give an app that starts in Production (docs/deploying.md).
echo "test.sh: publishing and starting in Production"
bash tests/publish.sh

# Benchmarks are not tests; one iteration at a tiny scale keeps them compiling and working.
echo "test.sh: benchmark smoke run"
smoke_log="$(mktemp)"
if ! dotnet run --project bench/OpenSend.Benchmarks --no-build -- --smoke > "$smoke_log" 2>&1; then
  cat "$smoke_log"
  echo "test.sh: the benchmark smoke run failed" >&2
  exit 1
fi
sed -n '/^Scenario figures:/,$p' "$smoke_log"
rm -f "$smoke_log"
