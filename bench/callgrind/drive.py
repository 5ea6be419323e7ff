"""Sends N keep-alive GETs to a kams node (as admin, after one sign-in kept in a file)."""
import http.client
import json
import os
import random
import sys

port, n, cookie_file = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
path = sys.argv[4] if len(sys.argv) > 4 else ""
max_id = int(os.environ.get("MAX_ID", "20000"))
conn = http.client.HTTPConnection("127.0.0.1", port)
if os.path.exists(cookie_file):
    cookie = open(cookie_file).read()
else:
    conn.request("POST", "/api/v1/auth/login",
                 body=json.dumps({"username": "admin", "password": "kams-demo"}),
                 headers={"Content-Type": "application/json"})
    r = conn.getresponse()
    r.read()
    cookie = r.getheader("Set-Cookie").split(";")[0]
    open(cookie_file, "w").write(cookie)
random.seed(1)
for _ in range(n):
    target = path or "/api/v1/customers/%d" % random.randint(1, max_id)
    conn.request("GET", target, headers={"Cookie": cookie})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit("GET %s: %d %s" % (target, r.status, body[:200]))
