#!/usr/bin/env bash
# Benchmark 4 of docs/benchmarks.md: the caseload and case pages under concurrent load, with wrk
# on 127.0.0.1, against the health endpoint of the same app as the baseline.
#
#   bench/load.sh [scale] [duration]      e.g. bench/load.sh 1 30s   (defaults: 1 and 30s)
#   OPENSEND_LOAD_DATABASE="Host=...;Port=...;Username=...;Database=..." bench/load.sh
#       uses a database already holding national data (from `opensend generate` or the benchmarks) instead.
#
# It starts a throwaway PostgreSQL cluster (default durability settings, unlike the tests'),
# generates national data at the scale given with `opensend generate`, adds a caseworker in the LA
# with the most open cases, starts the web app (Release) and signs in through the development
# sign-in (the only sign-in without an authenticator code; the app runs in Development for that,
# with logging at Warning), then runs wrk at 16 and 64 connections. Everything is removed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
scale="${1:-1}"
duration="${2:-30s}"

if ! command -v wrk > /dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "load.sh: wrk is missing; install it (apt-get install wrk)." >&2; exit 1; }
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk > /dev/null
fi

work="$(mktemp -d /tmp/opensend-load.XXXXXX)"
pgbin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
port=$((20000 + RANDOM % 20000))
app_port=$((40000 + RANDOM % 20000))
as_postgres=()
if [ "$(id -u)" -eq 0 ]; then chown postgres "$work"; as_postgres=(runuser -u postgres --); fi
app_pid=""
cleanup() {
  [ -n "$app_pid" ] && kill "$app_pid" 2> /dev/null || true
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -m fast -w stop > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "load.sh: building (Release)"
dotnet build src/OpenSend.Cli -c Release --nologo -v quiet > /dev/null
dotnet build src/OpenSend.Web -c Release --nologo -v quiet > /dev/null
opensend() { dotnet src/OpenSend.Cli/bin/Release/net10.0/opensend.dll "$@"; }
if [ -n "${OPENSEND_LOAD_DATABASE:-}" ]; then
  export ConnectionStrings__OpenSend="$OPENSEND_LOAD_DATABASE"
  eval "$(awk -v RS=';' -F= '{ k = tolower($1); if (k == "host") print "db_host=" $2; if (k == "port") print "db_port=" $2; if (k == "username") print "db_user=" $2; if (k == "database") print "db_name=" $2 }' <<< "$OPENSEND_LOAD_DATABASE")"
  psql() { "$pgbin/psql" -h "$db_host" -p "${db_port:-5432}" -U "$db_user" -d "$db_name" -XAqt "$@"; }
else
  "${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 > /dev/null
  "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" -l "$work/pg/server.log" -w \
    -o "-p $port -k $work/pg -c listen_addresses=127.0.0.1 -c max_connections=200 -c shared_buffers=1GB" start > /dev/null
  psql() { "$pgbin/psql" -h 127.0.0.1 -p "$port" -U postgres -d opensend -XAqt "$@"; }
  "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres opensend
  export ConnectionStrings__OpenSend="Host=127.0.0.1;Port=$port;Username=postgres;Database=opensend;Maximum Pool Size=100"
  echo "load.sh: generating national data at scale $scale"
  opensend generate --scale "$scale" --years 3 | tail -1
  psql -c "VACUUM ANALYZE" > /dev/null
fi
OPEN="'RequestReceived','Assessing','DraftingPlan','DraftServed'"
la="$(psql -c "SELECT la_code FROM ehc_needs_assessments WHERE stage IN ($OPEN) GROUP BY la_code ORDER BY count(*) DESC LIMIT 1")"
la_name="$(psql -c "SELECT name FROM local_authorities WHERE code = '$la'")"
case_id="$(psql -c "SELECT id FROM ehc_needs_assessments WHERE la_code = '$la' AND stage IN ($OPEN) ORDER BY next_deadline_on LIMIT 1")"
open_cases="$(psql -c "SELECT count(*) FROM ehc_needs_assessments WHERE la_code = '$la' AND stage IN ($OPEN)")"
[ "$(psql -c "SELECT count(*) FROM organisations WHERE code = '$la'")" != "0" ] || opensend admin add-organisation --kind LocalAuthority --code "$la" --name "$la_name" --la "$la" > /dev/null
[ "$(psql -c "SELECT count(*) FROM people WHERE email = 'load.caseworker@example.org'")" != "0" ] || opensend admin add-staff --organisation "$la" --kind LocalAuthority --email load.caseworker@example.org --name "Load Caseworker" --role LaCaseworker > /dev/null

echo "load.sh: starting the web app on 127.0.0.1:$app_port"
(cd src/OpenSend.Web && exec env ASPNETCORE_ENVIRONMENT=Development OpenSend__DevelopmentSignIn=true Logging__LogLevel__Default=Warning Logging__LogLevel__Microsoft.AspNetCore=Warning \
  ASPNETCORE_URLS="http://127.0.0.1:$app_port" dotnet bin/Release/net10.0/OpenSend.Web.dll > "$work/app.log" 2>&1) &
app_pid=$!
base="http://127.0.0.1:$app_port"
for _ in $(seq 1 120); do curl -fs "$base/health" > /dev/null && break; sleep 1; done
curl -fs "$base/health" > /dev/null || { echo "load.sh: the web app did not start:" >&2; tail -20 "$work/app.log" >&2; exit 1; }

# Sign in as the caseworker: the form's antiforgery token and the caseworker's membership.
jar="$work/cookies"
page="$(curl -fs -c "$jar" "$base/development/sign-in")"
token="$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' <<< "$page" | sed 's/.*value="//; s/"$//')"
# (the app seeds Demoshire's demo staff in Development, so the membership is looked up, not guessed).
choice="membership:$(psql -c "SELECT m.id FROM memberships m JOIN people p ON p.id = m.person_id WHERE p.email = 'load.caseworker@example.org' AND m.removed_at IS NULL LIMIT 1")"
curl -fs -b "$jar" -c "$jar" -o /dev/null --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Choice=$choice" "$base/development/sign-in"
session="$(awk '$6 == "opensend-session" { print $7 }' "$jar")"
[ -n "$session" ] || { echo "load.sh: sign-in failed" >&2; exit 1; }
cookie="Cookie: opensend-session=$session"
# The page is read whole before searching it: grep -q stops at the first match, and under pipefail
# curl's write to the closed pipe would fail the check.
caseload="$(curl -fs -H "$cookie" "$base/caseload")" || caseload=""
grep -q "$la-20" <<< "$caseload" || { echo "load.sh: the caseload page did not load as a caseworker of $la_name" >&2; exit 1; }
curl -fs -o /dev/null -H "$cookie" "$base/cases/$case_id" || { echo "load.sh: the case page did not load" >&2; exit 1; }

cat > "$work/report.lua" << 'LUA'
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("RESULT %.2f %.2f %.2f %.0f %d %d\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.requests / (summary.duration / 1e6), summary.requests, errors))
end
LUA

echo
echo "LA $la ($la_name): $open_cases open cases; scale $scale; $(nproc) cores; $(date -u '+%Y-%m-%d %H:%M') UTC"
printf '| %-34s | %5s | %8s | %8s | %8s | %8s | %9s | %6s |\n' Page Conns "p50 ms" "p95 ms" "p99 ms" "req/s" "p95 ratio" Errors
printf '|%s|\n' "------------------------------------|-------|----------|----------|----------|----------|-----------|--------"
for connections in 16 64; do
  baseline_p95=""
  for target in "health (baseline)|/health" "caseload, first page|/caseload" "case page (audited read)|/cases/$case_id"; do
    name="${target%%|*}"; path="${target##*|}"
    wrk -t2 -c"$connections" -d10s -H "$cookie" "$base$path" > /dev/null # warm-up
    read -r p50 p95 p99 rps total errors < <(wrk -t2 -c"$connections" -d"$duration" -H "$cookie" -s "$work/report.lua" "$base$path" | awk '/^RESULT/ { print $2, $3, $4, $5, $6, $7 }')
    [ -z "$baseline_p95" ] && baseline_p95="$p95"
    ratio="$(awk -v a="$p95" -v b="$baseline_p95" 'BEGIN { printf "%.1f", (b > 0 ? a / b : 0) }')"
    printf '| %-34s | %5s | %8s | %8s | %8s | %8s | %9s | %6s |\n' "$name" "$connections" "$p50" "$p95" "$p99" "$rps" "${ratio}x" "$errors"
  done
done
rss_kib="$(awk '/VmHWM/ { print $2 }' "/proc/$(pgrep -f 'OpenSend.Web.dll' | head -1)/status" 2> /dev/null || echo 0)"
echo
echo "Web app peak memory: $((rss_kib / 1024)) MiB"
