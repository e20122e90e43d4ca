#!/usr/bin/env bash
# Publishes the web app once from a clean copy of the repository (no node_modules, no bin, no obj), as
# an operator would from a fresh clone, and starts it in Production (docs/deploying.md):
# - without its settings it refuses to start, naming them;
# - with them it starts, is ready (/health/ready checks the database), serves GOV.UK Frontend and has
#   no development sign-in or outbox.
# Called by ./test.sh; run on its own with `bash tests/publish.sh`.
set -euo pipefail
cd "$(dirname "$0")/.."

work="$(mktemp -d)"
app_pid=""
cleanup() {
  [ -z "$app_pid" ] || kill "$app_pid" 2> /dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The files git would put in a clone, with this working tree's changes: ignored files (node_modules,
# bin, obj, data) stay behind.
mkdir -p "$work/source"
git ls-files -z --cached --others --exclude-standard \
  | while IFS= read -r -d '' file; do [ -e "$file" ] && printf '%s\0' "$file"; done \
  | xargs -0 cp --parents -t "$work/source"

echo "publish.sh: dotnet publish from a clean copy"
dotnet publish "$work/source/src/OpenSend.Web" -c Release -o "$work/out" --nologo -v quiet > "$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; echo "publish.sh: dotnet publish failed" >&2; exit 1; }
[ -f "$work/out/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css" ] \
  || { echo "publish.sh: the published app has no GOV.UK Frontend" >&2; exit 1; }

mkdir -p "$work/run"
cd "$work/run"

echo "publish.sh: starting in Production without its settings (must refuse)"
# An unhandled start-up exception aborts the process (.NET's way): the shell's own "Aborted" report
# is kept off the test output; the app's message is in the log.
if { ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:0" timeout 60 dotnet "$work/out/OpenSend.Web.dll" > "$work/refused.log" 2>&1; } 2> /dev/null; then
  cat "$work/refused.log"; echo "publish.sh: the app started in Production without its settings" >&2; exit 1
fi
grep -q "will not start in Production" "$work/refused.log" \
  || { cat "$work/refused.log"; echo "publish.sh: the refusal does not say why" >&2; exit 1; }

echo "publish.sh: starting in Production with its settings"
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$work/cert.pem" -days 2 -subj "/CN=OpenSEND key ring" 2> /dev/null
openssl pkcs12 -export -out "$work/key-ring.pfx" -inkey "$work/key.pem" -in "$work/cert.pem" -passout pass:publish-test
env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="http://127.0.0.1:0" \
  ConnectionStrings__OpenSend="Data Source=$work/run/opensend.db" \
  OpenSend__PublicBaseUrl="https://send.example.test" \
  Notifications__Sender=Smtp Notifications__Smtp__Host=127.0.0.1 \
  OpenSend__DataProtection__CertificatePath="$work/key-ring.pfx" OpenSend__DataProtection__CertificatePassword=publish-test \
  OpenSend__Audit__Key="$(openssl rand -base64 32)" \
  dotnet "$work/out/OpenSend.Web.dll" > "$work/app.log" 2>&1 &
app_pid=$!

base=""
for _ in $(seq 1 120); do
  base="$(grep -o 'Now listening on: http://127.0.0.1:[0-9]*' "$work/app.log" | head -n 1 | sed 's/Now listening on: //')" || true
  [ -n "$base" ] && break
  kill -0 "$app_pid" 2> /dev/null || break
  sleep 1
done
[ -n "$base" ] || { cat "$work/app.log"; echo "publish.sh: the published app did not start" >&2; exit 1; }

status() { curl -s -o /dev/null -w '%{http_code}' "$base$1"; }
for _ in $(seq 1 60); do [ "$(status /health/ready)" = 200 ] && break; sleep 1; done
failures=0
check() {
  local path="$1" expected="$2" actual
  actual="$(status "$path")"
  if [ "$actual" = "$expected" ]; then echo "publish.sh: $path $actual"; else echo "publish.sh: $path answered $actual, expected $expected" >&2; failures=$((failures + 1)); fi
}
check /health 200
check /health/ready 200
check / 200
check /govuk/govuk-frontend.min.css 200
check /assets/images/favicon.ico 200
check /development/sign-in 404
check /development/outbox 404
if [ "$failures" -gt 0 ]; then cat "$work/app.log"; exit 1; fi
echo "publish.sh: the published app runs in Production"
