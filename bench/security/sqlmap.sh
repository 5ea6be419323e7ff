#!/usr/bin/env bash
# SQL injection, tried from outside: Debian's sqlmap against a `kams serve` on loopback, beside
# the store's bound parameters. It builds nothing: it takes a kams binary, loads the demo
# company into a temporary database, signs in as the demo administrator (session cookie and
# CSRF token) and runs sqlmap in batch mode against the query parameters and JSON bodies of a
# representative set of endpoints (below). Base values are read from the demo data so that
# the requests sqlmap starts from find rows. Nothing leaves 127.0.0.1.
#
#   bench/security/sqlmap.sh [--kams-bin PATH] [--level 1-5] [--risk 1-3] [--target-timeout S]
#
# Prints one line per target: whether sqlmap found an injection and how many requests it
# sent, then the totals. Exits 1 if any injection was found or a target did not finish,
# 2 on bad usage. Defaults: build/server/kams, --level 3, --risk 2 (risk 3 adds OR-based
# payloads, which may change many rows), 900 s per target. Slow: not part of the test command.
# Needs sqlmap (apt-get install sqlmap), curl and python3.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
bin=$root/build/server/kams
level=3
risk=2
target_timeout=900
usage() {
  echo "usage: $0 [--kams-bin PATH] [--level 1-5] [--risk 1-3] [--target-timeout SECONDS]" >&2
  exit 2
}
while [ $# -gt 0 ]; do
  case "$1" in
    --kams-bin) [ $# -ge 2 ] || usage; bin=$(realpath "$2"); shift 2 ;;
    --level) [ $# -ge 2 ] || usage; level=$2; shift 2 ;;
    --risk) [ $# -ge 2 ] || usage; risk=$2; shift 2 ;;
    --target-timeout) [ $# -ge 2 ] || usage; target_timeout=$2; shift 2 ;;
    *) usage ;;
  esac
done
[[ $level =~ ^[1-5]$ && $risk =~ ^[1-3]$ && $target_timeout =~ ^[0-9]+$ ]] || usage
[ -x "$bin" ] || { echo "sqlmap.sh: no kams binary at $bin (build first)" >&2; exit 2; }
for tool in sqlmap curl python3; do
  command -v "$tool" >/dev/null || { echo "sqlmap.sh: needs $tool" >&2; exit 2; }
done

tmp=$(mktemp -d)
server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid"
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

started=$(date +%s)
"$bin" demo --db "$tmp/kams.db" >"$tmp/demo.log"
"$bin" serve --db "$tmp/kams.db" --listen 127.0.0.1:0 --port-file "$tmp/port" \
  >"$tmp/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 300); do [ -s "$tmp/port" ] && break; sleep 0.1; done
[ -s "$tmp/port" ] || { cat "$tmp/serve.log" >&2; echo "sqlmap.sh: the server did not start" >&2; exit 1; }
base=http://127.0.0.1:$(tr -d '[:space:]' <"$tmp/port")

# Signs in as the demo administrator: the session cookie and the CSRF token for writes.
curl -sf -D "$tmp/login.headers" -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"kams-demo"}' "$base/api/v1/auth/login" >"$tmp/login.json"
# json EXPR < body: a value of the answer, read with Python (d is the parsed document).
json() { python3 -c "import json,sys,urllib.parse as u; d=json.load(sys.stdin); print($1)"; }
csrf=$(json 'd["csrf_token"]' <"$tmp/login.json")
session=$(sed -n 's/^set-cookie: *\([^;]*\).*/\1/Ip' "$tmp/login.headers" | tr -d '\r' | head -n1)
[ -n "$session" ] || { echo "sqlmap.sh: no session cookie from the sign-in" >&2; exit 1; }
get() { curl -sf -H "Cookie: $session" "$base/api/v1$1"; }

# Base values that find rows: a customer with a tier, a contact record, an audit row (of a
# customer the administrator creates now).
curl -sf -H "Cookie: $session" -H "X-CSRF-Token: $csrf" -H 'Content-Type: application/json' \
  -d '{"name":"sqlmap 审计基准有限公司"}' "$base/api/v1/customers" >"$tmp/created.json"
a_customer=$(json 'd["id"]' <"$tmp/created.json")
customer=$(get '/customers?tier=key&limit=1&sort=-id' | json 'json.dumps(d["items"][0])')
c_field() { json "u.quote(str(d['$1']))" <<<"$customer"; }
c_q=$(json 'u.quote(d["name"][:2])' <<<"$customer")
c_region=$(c_field region)
c_industry=$(c_field industry)
c_stage=$(c_field stage)
c_owner=$(c_field owner_id)
c_unit=$(c_field org_unit_id)
record=$(get '/interactions?limit=1' | json 'json.dumps(d["items"][0])')
r_field() { json "u.quote(str(d['$1']))" <<<"$record"; }
r_customer=$(r_field customer_id)
r_by=$(r_field recorded_by)
r_channel=$(r_field channel)
filters="q=$c_q&stage=$c_stage&tier=key&region=$c_region&industry=$c_industry&owner_id=$c_owner&org_unit_id=$c_unit"

# name|method|url|body|parameters sqlmap tries (comma-separated)|more sqlmap options.
# Sign-in comes last: after 5 failed sign-ins the server locks the address out (429) for a
# while, so most of sqlmap's requests there meet the throttle, not the query (the session
# above stays valid). Its 401s and 429s are answers, not reasons to stop.
targets=(
  "customer list|GET|/customers?$filters&sort=name&limit=5||q,sort,stage,tier,region,industry,owner_id,org_unit_id,limit"
  "customer export|GET|/customers/export?format=csv&$filters&sort=-id||format,q,sort,stage,tier,region,industry,owner_id,org_unit_id"
  "user list|GET|/users?q=%E7%8E%8B&role=kam&org_unit_id=6&active=true&limit=5||q,role,org_unit_id,active,limit"
  "audit list|GET|/audit?entity=customer&action=customer.create&customer_id=$a_customer&actor_id=1&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=5||entity,action,customer_id,actor_id,from,to,limit"
  "contact records|GET|/interactions?customer_id=$r_customer&recorded_by=$r_by&channel=$r_channel&from=2000-01-01T00:00:00Z&to=2100-01-01T00:00:00Z&limit=5||customer_id,recorded_by,channel,from,to,limit"
  "create customer (JSON)|POST|/customers|{\"name\":\"sqlmap 测试有限公司\",\"region\":\"上海\",\"industry\":\"制造业\",\"address\":\"上海市浦东新区\",\"website\":\"https://example.com\"}|name,region,industry,address,website"
  "sign in (JSON)|POST|/auth/login|{\"username\":\"admin\",\"password\":\"kams-demo\"}|username,password|--ignore-code=401,429"
)

printf '%-24s %-10s %9s %8s  %s\n' target result requests seconds 'answers (status×count)'
total_requests=0
findings=0
failures=0
for target in "${targets[@]}"; do
  IFS='|' read -r name method path body params options <<<"$target"
  out=$tmp/sqlmap/$(tr -c '[:lower:]' '_' <<<"$name")
  mkdir -p "$out"
  args=(-u "$base/api/v1$path" -p "$params" --batch --disable-coloring --skip-waf
    --level "$level" --risk "$risk" --time-sec 2 --timeout 10 --retries 1
    --cookie "$session" --drop-set-cookie -H "X-CSRF-Token: $csrf"
    --output-dir "$out" --tmp-dir "$out" -t "$out/traffic.txt")
  read -r -a more <<<"$options"
  args+=("${more[@]}")
  if [ "$method" = POST ]; then
    args+=(--method POST --data "$body" -H 'Content-Type: application/json')
  fi
  t0=$(date +%s)
  rc=0
  timeout "$target_timeout" sqlmap "${args[@]}" >"$out/log.txt" 2>&1 || rc=$?
  seconds=$(($(date +%s) - t0))
  requests=$(grep -c '^HTTP request \[#' "$out/traffic.txt" 2>/dev/null || true)
  total_requests=$((total_requests + requests))
  if grep -q 'identified the following injection point' "$out/log.txt"; then
    result=INJECTION
    findings=$((findings + 1))
  elif [ "$rc" = 0 ] && grep -q 'do not appear to be injectable' "$out/log.txt"; then
    result=none
  else
    result="error($rc)"
    failures=$((failures + 1))
  fi
  answers=$(sed -n 's/^HTTP response \[#[0-9]*\] (\([0-9]*\).*/\1/p' "$out/traffic.txt" 2>/dev/null |
    sort | uniq -c | awk '{ printf "%s%s×%s", (NR > 1 ? " " : ""), $2, $1 }')
  printf '%-24s %-10s %9d %8d  %s\n' "$name" "$result" "$requests" "$seconds" "$answers"
  if [ "$result" != none ]; then
    grep -E 'CRITICAL|ERROR|Parameter:|Type:|Payload:' "$out/log.txt" | head -n 20 | sed 's/^/    /'
  fi
done
echo "${#targets[@]} targets, level $level, risk $risk: $total_requests requests," \
  "$findings with an injection, $failures not finished; $(($(date +%s) - started)) s"
[ "$findings" = 0 ] && [ "$failures" = 0 ]
