"""Times name searches one request at a time and fingerprints their answers.

drive.py PORT USER REQUESTS PAGES QUERY...

For each query: REQUESTS sequential keep-alive GETs of the first page
(/api/v1/customers?q=…&limit=20, the server otherwise idle), then a fingerprint of what
the API answers: PAGES pages followed through next_cursor in id order, and two pages each
sorted by name and by -updated_at. Two builds answer the same exactly when their
fingerprints are equal. Prints one tab-separated line per query:
query, items on page 1, items over the followed pages, median ms, p95 ms, max ms, fingerprint.
"""
import hashlib
import http.client
import json
import statistics
import sys
import time
import urllib.parse

port, user, n, pages = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
queries = sys.argv[5:]
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
conn.request("POST", "/api/v1/auth/login",
             body=json.dumps({"username": user, "password": "kams-demo"}),
             headers={"Content-Type": "application/json"})
r = conn.getresponse()
r.read()
if r.status != 200:
    sys.exit("sign-in as %s: %d" % (user, r.status))
cookie = r.getheader("Set-Cookie").split(";")[0]


def get(path):
    conn.request("GET", path, headers={"Cookie": cookie})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit("GET %s: %d %s" % (path, r.status, body[:200]))
    return body


def walk(q, extra, count, digest):
    cursor, items = None, 0
    for _ in range(count):
        path = "/api/v1/customers?limit=20&q=" + urllib.parse.quote(q) + extra
        if cursor:
            path += "&cursor=" + urllib.parse.quote(cursor)
        body = get(path)
        digest.update(body)
        page = json.loads(body)
        items += len(page["items"])
        cursor = page["next_cursor"]
        if not cursor:
            break
    return items


for q in queries:
    path = "/api/v1/customers?limit=20&q=" + urllib.parse.quote(q)
    first = len(json.loads(get(path))["items"])  # warms the page cache
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        get(path)
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    digest = hashlib.sha256()
    followed = walk(q, "", pages, digest)
    walk(q, "&sort=name", 2, digest)
    walk(q, "&sort=-updated_at", 2, digest)
    p95 = times[min(len(times) - 1, int(round(0.95 * (len(times) - 1))))]
    print("%s\t%d\t%d\t%.1f\t%.1f\t%.1f\t%s" % (q, first, followed, statistics.median(times), p95,
                                                times[-1], digest.hexdigest()[:12]), flush=True)
