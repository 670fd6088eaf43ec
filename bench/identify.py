#!/usr/bin/env python3
"""Measures how long identifying a visitor takes against how many page views it has.

Identification links the visitor to a contact instead of rewriting its page views, so the form
submission that identifies a visitor should take the same time at 10 page views as at 10,000.

Start Cairn first (bin/run), then: bench/identify.py [--base URL] [--runs N]
It sends traffic only to the --base address, which defaults to http://localhost:8080.
"""

import argparse
import json
import secrets
import statistics
import time
import urllib.parse
import urllib.request

USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(opener, url, body, headers):
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with opener.open(request) as response:
            return response.status
    except urllib.error.HTTPError as error:
        return error.code


def add_page_views(opener, base, visitor, count):
    for start in range(0, count, 100):
        events = [
            {"site": "demo", "visitorId": visitor, "type": "pageview",
             "url": f"{base}/demo/?n={start + i}", "title": "Benchmark"}
            for i in range(min(100, count - start))
        ]
        status = post(opener, base + "/api/v1/collect", json.dumps({"events": events}).encode(),
                      {"Content-Type": "application/json", "Origin": base, "User-Agent": USER_AGENT})
        if status != 202:
            raise SystemExit(f"collector returned HTTP {status}; check that the demo site allows the origin {base}")


def identify(opener, base, visitor):
    fields = {"visitorId": visitor, "email": f"bench-{visitor[:12]}@example.com",
              "firstName": "Bench", "lastName": "Mark", "company": "Load"}
    started = time.perf_counter()
    status = post(opener, base + "/f/contact", urllib.parse.urlencode(fields).encode(),
                  {"Content-Type": "application/x-www-form-urlencoded", "User-Agent": USER_AGENT})
    elapsed = (time.perf_counter() - started) * 1000
    if status != 303:
        raise SystemExit(f"form post returned HTTP {status}, expected 303")
    return elapsed


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--runs", type=int, default=10, help="visitors identified per size")
    args = parser.parse_args()
    opener = urllib.request.build_opener(NoRedirect)

    # Warm-up: the first requests pay for class loading and JIT compilation.
    for _ in range(20):
        visitor = secrets.token_hex(16)
        add_page_views(opener, args.base, visitor, 10)
        identify(opener, args.base, visitor)

    print("| page views per visitor | visitors | median ms | p90 ms |")
    print("| ---: | ---: | ---: | ---: |")
    for size in (10, 1000, 10000):
        timings = []
        for _ in range(args.runs):
            visitor = secrets.token_hex(16)
            add_page_views(opener, args.base, visitor, size)
            timings.append(identify(opener, args.base, visitor))
        timings.sort()
        p90 = timings[max(0, int(len(timings) * 0.9) - 1)]
        print(f"| {size} | {len(timings)} | {statistics.median(timings):.1f} | {p90:.1f} |")


if __name__ == "__main__":
    main()
