#!/usr/bin/env python3
"""Helpers of the PostgreSQL failover drill (bench/failover/drill.sh); stdlib only.

  drill.py token  --url URL --user U --password P
      signs in and prints a new API token (bearer; writers then need no CSRF token)
  drill.py write  --urls URL[,URL] --token T --writers N --duration S --prefix P --out FILE
      N threads POST customers with unique external_refs for S seconds; every attempt is
      one JSON line in FILE: {"w", "ref", "t0", "t1", "status"} (status: the HTTP code, or
      "conn" when no answer came: refused, reset, timed out)
  drill.py report --events FILE --committed FILE --kill-at T --promote-at T [...]
      compares the acknowledged refs with the refs found on the promoted server, prints
      the figures (stderr) and a Markdown snippet (stdout); exit 1 when a write is lost
"""
import argparse
import collections
import http.client
import json
import re
import sys
import threading
import time
import urllib.parse


FAILED_LINE = re.compile(r"^\d{4}-\d\d-\d\dT\S+ \w+ request \S+ \S+ \S+ failed: ")


def split_url(url):
    u = urllib.parse.urlsplit(url)
    return u.hostname, u.port


def request(conn, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    h = {"Content-Type": "application/json", "Accept": "application/json"}
    h.update(headers or {})
    conn.request(method, path, body=data, headers=h)
    r = conn.getresponse()
    payload = r.read()
    return r.status, r.getheaders(), payload


def cmd_token(a):
    host, port = split_url(a.url)
    c = http.client.HTTPConnection(host, port, timeout=30)
    st, headers, body = request(c, "POST", "/api/v1/auth/login",
                                {"username": a.user, "password": a.password})
    if st != 200:
        sys.exit(f"login: HTTP {st}: {body[:200]!r}")
    csrf = json.loads(body)["csrf_token"]
    cookie = None
    for k, v in headers:
        if k.lower() == "set-cookie" and v.startswith("kams_session="):
            cookie = v.split(";", 1)[0]
    if not cookie:
        sys.exit("login: no kams_session cookie")
    st, _, body = request(c, "POST", "/api/v1/tokens", {"name": "failover drill"},
                          {"Cookie": cookie, "X-CSRF-Token": csrf})
    if st != 201:
        sys.exit(f"token: HTTP {st}: {body[:200]!r}")
    print(json.loads(body)["token"])


def cmd_write(a):
    urls = [u for u in a.urls.split(",") if u]
    deadline = time.time() + a.duration
    lock = threading.Lock()
    out = open(a.out, "w", buffering=1)
    auth = {"Authorization": "Bearer " + a.token}

    def writer(i):
        host, port = split_url(urls[i % len(urls)])
        conn = None
        seq = 0
        while time.time() < deadline:
            seq += 1
            ref = f"{a.prefix}-{i}-{seq}"
            body = {"name": f"故障切换演练 {i}-{seq}", "external_ref": ref,
                    "region": "drill", "industry": "电力"}
            t0 = time.time()
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=a.timeout)
                st, _, _ = request(conn, "POST", "/api/v1/customers", body, auth)
            except (OSError, http.client.HTTPException):
                st = "conn"
                try:
                    conn.close()
                except Exception:
                    pass
                conn = None
            t1 = time.time()
            with lock:
                out.write(json.dumps({"w": i, "ref": ref, "t0": t0, "t1": t1, "status": st}) + "\n")
            if st != 201:
                time.sleep(a.error_pause)  # a client backs off a little after an error

    threads = [threading.Thread(target=writer, args=(i,), daemon=True) for i in range(a.writers)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out.close()


def cmd_report(a):
    events = [json.loads(line) for line in open(a.events) if line.strip()]
    committed = {line.strip() for line in open(a.committed) if line.strip()}
    kill, promote = a.kill_at, a.promote_at
    ok = [e for e in events if e["status"] in (200, 201)]
    acked = {e["ref"] for e in ok}
    lost = sorted(acked - committed)
    failed = [e for e in events if e["status"] not in (200, 201)]
    # Failed attempts whose row exists anyway: the answer was lost (e.g. the connection broke
    # while committing), not the write. Not a loss; reported so that clients know to check.
    failed_but_committed = sorted({e["ref"] for e in failed} & committed)
    unknown = sorted(committed - {e["ref"] for e in events})
    errors = collections.Counter(str(e["status"]) for e in failed)
    # Nothing can commit on the standby before the promotion starts: an acknowledgement
    # between the kill and the promotion is a late answer for a commit made (and replicated)
    # on the old primary; the first one after the promotion is the first write the
    # promoted server took.
    late = [e for e in ok if kill < e["t1"] < promote]
    after = sorted(e["t1"] for e in ok if e["t1"] >= promote)
    first_after_kill = after[0] - kill if after else None
    first_after_promote = after[0] - promote if after else None
    times = sorted(e["t1"] for e in ok)
    before = [t for t in times if t <= promote]
    gap = (after[0] - before[-1]) if before and after else None
    t_start = min(e["t0"] for e in events) if events else kill
    t_end = max(e["t1"] for e in events) if events else kill
    pre = [e for e in ok if e["t1"] <= kill]
    post = [e for e in ok if after and e["t1"] >= after[0] + 2]
    rate_pre = len(pre) / max(kill - t_start, 1e-9)
    rate_post = (len(post) / max(t_end - (after[0] + 2), 1e-9)) if post else 0.0
    slowest = max((e["t1"] - e["t0"] for e in ok), default=0.0)
    # The servers' own account of each 5xx, from their logs.
    causes = collections.Counter()
    for path in a.node_log or []:
        for line in open(path, errors="replace"):
            # "<time> error request <id> <method> <path> failed: <message>" (a message may
            # go on over more lines: only the first one counts)
            if not FAILED_LINE.match(line):
                continue
            if "still conflicting" in line or "still deadlocking" in line:
                causes["serialization/deadlock retries exhausted"] += 1
            elif "while committing" in line:
                causes["connection lost while committing (outcome unknown)"] += 1
            elif "cannot connect" in line or "connection lost" in line:
                causes["no writable server within the reconnect budget"] += 1
            else:
                causes["other"] += 1

    def fmt(x):
        return "never" if x is None else f"{x:.2f} s"

    err_text = ", ".join(f"{k}: {v}" for k, v in sorted(errors.items())) or "none"
    cause_text = "; ".join(f"{k}: {v}" for k, v in sorted(causes.items())) or "none logged"
    lines = [
        f"- acknowledged writes (201): {len(acked)}; lost after failover: **{len(lost)}**",
        f"- seconds from kill -9 until the first write acknowledged by the promoted server: "
        f"**{fmt(first_after_kill)}** (`pg_ctl promote` started {promote - kill:.2f} s after "
        f"the kill, so {fmt(first_after_promote)} after the promotion began; "
        f"{len(late)} commits made before the kill were answered in between)",
        f"- longest stretch without an acknowledged write: {fmt(gap)}; slowest acknowledged "
        f"request {slowest:.2f} s",
        f"- client-visible errors: {len(failed)} ({err_text}); of these, committed anyway: "
        f"{len(failed_but_committed)}; causes in the server logs: {cause_text}",
        f"- throughput: {rate_pre:.0f} writes/s before the kill, {rate_post:.0f} writes/s after",
        f"- rows with a drill ref that no attempt sent: {len(unknown)}",
    ]
    for line in lines:
        print("drill: " + line.lstrip("- ").replace("**", ""), file=sys.stderr)
    if lost:
        print("drill: LOST (acknowledged, not on the promoted server): " + ", ".join(lost[:20]),
              file=sys.stderr)
    if a.summary:
        with open(a.summary, "w") as f:
            json.dump({"acked": len(acked), "lost": len(lost), "errors": dict(errors),
                       "failed": len(failed), "failed_but_committed": len(failed_but_committed),
                       "first_write_after_kill_s": first_after_kill,
                       "first_write_after_promote_s": first_after_promote,
                       "gap_s": gap, "unknown": len(unknown), "late_answers": len(late),
                       "causes": dict(causes)}, f)
            f.write("\n")
    print("\n".join(lines))
    sys.exit(1 if lost or unknown else 0)


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("token")
    t.add_argument("--url", required=True)
    t.add_argument("--user", required=True)
    t.add_argument("--password", required=True)
    w = sub.add_parser("write")
    w.add_argument("--urls", required=True)
    w.add_argument("--token", required=True)
    w.add_argument("--writers", type=int, default=8)
    w.add_argument("--duration", type=float, default=30)
    w.add_argument("--prefix", required=True)
    w.add_argument("--out", required=True)
    w.add_argument("--timeout", type=float, default=60)
    w.add_argument("--error-pause", type=float, default=0.1)
    r = sub.add_parser("report")
    r.add_argument("--events", required=True)
    r.add_argument("--committed", required=True)
    r.add_argument("--kill-at", type=float, required=True)
    r.add_argument("--promote-at", type=float, required=True)
    r.add_argument("--summary")
    r.add_argument("--node-log", action="append", help="a kams serve log (repeatable)")
    a = p.parse_args()
    {"token": cmd_token, "write": cmd_write, "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
