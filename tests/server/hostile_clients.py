#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""dateline-server over real sockets, against the clients of issue #20 item 5.

Usage: hostile_clients.py SERVER_BINARY CLI_BINARY SOURCE_DIR

Starts dateline-server on a free loopback port with a small store, then checks:
 - 64 slow ("slowloris") connections do not stop /api/health answering within 1 s;
 - a 1 GB chunked POST is cut off with a 413 and the server's peak RSS stays under 400 MB;
 - a declared 1 GB body is refused before it is read; 100 connections at once are all served;
 - the Host header, the extract Content-Type rule, NUL in paths, nosniff, JSON error bodies
   (valid UTF-8, no SQL, no file paths) for the API's errors and the HTTP library's;
 - a second server on the same port, or on a port another program holds, fails (exit 3).
Every check prints ok/FAIL; the exit status is 1 when any failed.
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import threading
import time

FAILS = []


def check(name, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else ": " + str(detail)))
    if not ok:
        FAILS.append(name)


def request(port, raw, timeout=10.0):
    """Sends raw bytes, returns (status, headers dict, body bytes, seconds)."""
    start = time.monotonic()
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except (ConnectionResetError, socket.timeout):
                break
            if not chunk:
                break
            data += chunk
            head, sep, body = data.partition(b"\r\n\r\n")
            if sep:
                m = re.search(rb"(?i)content-length: *(\d+)", head)
                if m and len(body) >= int(m.group(1)):
                    break
    elapsed = time.monotonic() - start
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1]) if lines and len(lines[0].split()) > 1 else 0
    headers = {}
    for line in lines[1:]:
        k, _, v = line.partition(":")
        headers[k.strip().lower()] = v.strip()
    return status, headers, body, elapsed


def get(port, path, host="127.0.0.1", extra=""):
    return request(port, f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{extra}Connection: close\r\n\r\n"
                   .encode("latin-1"))


def is_json_error(body):
    try:
        j = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return False
    return isinstance(j, dict) and "code" in j.get("error", {}) and "message" in j["error"]


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0


def start_server(server, args):
    proc = subprocess.Popen([server] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    line = proc.stdout.readline()  # "dateline-server: listening on http://127.0.0.1:PORT/"
    m = re.search(r":(\d+)/", line)
    if not m:
        proc.kill()
        raise SystemExit("server did not start: " + line + proc.stderr.read())
    port = int(m.group(1))
    for _ in range(300):  # until it accepts connections
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            time.sleep(0.1)
    return proc, port


def slowloris(port, n, seconds):
    """n connections that each send a request head one byte at a time and never finish it."""
    socks = []
    for _ in range(n):
        s = socket.create_connection(("127.0.0.1", port))
        s.sendall(b"GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        socks.append(s)
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        for s in socks:
            try:
                s.sendall(b"X")
            except OSError:
                pass
        time.sleep(0.5)
    for s in socks:
        s.close()


def chunked_flood(port, total, result):
    """POSTs `total` bytes in 1 MB chunks; records how far it got and the answer."""
    sent = 0
    chunk = b"a" * (1 << 20)
    frame = b"%x\r\n" % len(chunk) + chunk + b"\r\n"
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
            s.sendall(b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                      b"Content-Type: text/plain\r\nX-Dateline-Request: 1\r\n"
                      b"Transfer-Encoding: chunked\r\n\r\n")
            try:
                while sent < total:
                    s.sendall(frame)
                    sent += len(chunk)
            except OSError:
                pass
            try:
                result["answer"] = s.recv(4096)
            except OSError:
                result["answer"] = b""
    except OSError as e:
        result["error"] = str(e)
    result["sent"] = sent


def main():
    server, cli, source = sys.argv[1], sys.argv[2], sys.argv[3]
    work = tempfile.mkdtemp(prefix="dl_hostile_")
    db = os.path.join(work, "store.db")
    article = os.path.join(work, "bridge.txt")
    with open(article, "w") as f:
        f.write("Bridge to reopen\n\nMayor Lena Park said on Monday that the bridge would "
                "reopen in May.\n")
    subprocess.run([cli, "ingest", article, "--db", db, "--published", "2026-03-02"],
                   check=True, stdout=subprocess.DEVNULL)
    proc, port = start_server(server, ["--port", "0", "--db", db, "--web",
                                       os.path.join(source, "web")])
    try:
        status, headers, body, _ = get(port, "/api/health")
        check("health answers", status == 200, status)
        check("nosniff on every response", headers.get("x-content-type-options") == "nosniff")

        # Slowloris: 64 slow connections, then /api/health must still answer within 1 s.
        t = threading.Thread(target=slowloris, args=(port, 64, 6.0))
        t.start()
        time.sleep(1.0)
        worst = 0.0
        for _ in range(5):
            status, _, _, elapsed = get(port, "/api/health")
            worst = max(worst, elapsed if status == 200 else 99)
            time.sleep(0.5)
        t.join()
        check("64 slow connections: /api/health within 1 s", worst < 1.0, f"{worst:.2f} s")

        # A 1 GB chunked POST: refused after the limit, memory bounded.
        result = {}
        flood = threading.Thread(target=chunked_flood, args=(port, 1 << 30, result))
        flood.start()
        flood.join(120)
        rss = peak_rss_mb(proc.pid)
        answer = result.get("answer", b"")
        check("1 GB chunked POST is cut off", result.get("sent", 1 << 30) < (1 << 30) or
              answer.startswith(b"HTTP/1.1 413"), result.get("sent"))
        check("1 GB chunked POST: peak RSS under 400 MB", rss < 400, f"{rss:.0f} MB")
        print(f"     server peak RSS after the flood: {rss:.0f} MB; client sent "
              f"{result.get('sent', 0) >> 20} MB; answer {answer[:12]!r}")

        # A declared 1 GB body is refused from its headers.
        status, _, body, elapsed = request(
            port, b"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                  b"X-Dateline-Request: 1\r\nContent-Length: 1073741824\r\n\r\nabc")
        check("declared 1 GB body: 413 at once", status == 413 and elapsed < 2 and
              is_json_error(body), (status, elapsed, body[:80]))

        # 100 connections at once (a listen backlog of 5 dropped some at 50).
        # A dropped SYN is sent again after a second: that second is the tail to look for.
        results = []
        barrier = threading.Barrier(100)

        def one():
            barrier.wait()
            try:
                status, _, _, elapsed = get(port, "/api/health")
                results.append((status, elapsed))
            except OSError as e:
                results.append((str(e), 99))
        threads = [threading.Thread(target=one) for _ in range(100)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        served = sum(1 for status, _ in results if status == 200)
        slowest = max(elapsed for _, elapsed in results)
        check("100 connections at once: all served, none waits a second", served == 100 and
              slowest < 0.9, (served, f"slowest {slowest:.2f} s"))

        # Requests a browser page on another site, or a rebound DNS name, could make.
        status, _, body, _ = get(port, "/api/quotes", host="attacker.example")
        check("foreign Host header refused (403)", status == 403 and is_json_error(body), status)
        status, _, _, _ = get(port, "/api/health", host=f"localhost:{port}")
        check("Host localhost accepted", status == 200, status)
        text = b"Mayor Lena Park said on Monday that the bridge would reopen."
        for ctype, extra, want in [("text/plain", "", 403),
                                   ("application/x-www-form-urlencoded", "", 403),
                                   ("text/plain", "X-Dateline-Request: 1\r\n", 200),
                                   ("text/html", "", 200)]:
            raw = (f"POST /api/extract HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {ctype}\r\n"
                   f"{extra}Content-Length: {len(text)}\r\nConnection: close\r\n\r\n").encode()
            status, _, body, _ = request(port, raw + text)
            check(f"extract with {ctype} {extra.strip() or '(no header)'}: {want}",
                  status == want, (status, body[:100]))

        # Paths and parameters with NUL or invalid UTF-8.
        status, headers, body, _ = get(port, "/index.html%00.js")
        check("/index.html%00.js refused", status == 400 and is_json_error(body) and
              "javascript" not in headers.get("content-type", ""), (status, headers))
        status, _, body, _ = get(port, "/api/quotes?about=%00")
        check("about=%00 is a 400 with no SQL", status == 400 and is_json_error(body) and
              b"SELECT" not in body, (status, body[:120]))
        status, _, body, _ = get(port, "/api/quotes?speaker=%FF%FE")
        check("invalid UTF-8 in a parameter: 400, body valid JSON", status == 400 and
              is_json_error(body), (status, body[:120]))
        status, _, body, _ = get(port, "/api/people?name=%25")
        check("name=% is refused (400)", status == 400 and is_json_error(body), (status, body[:120]))

        # Errors raised inside the HTTP library have JSON bodies too.
        status, _, body, _ = get(port, "/" + "a" * 9000)
        check("414 has a JSON body", status == 414 and is_json_error(body), (status, body[:80]))
        status, _, body, _ = request(port, b"BREW /pot HTCPCP/1.0\r\n\r\n")
        check("a malformed request gets a JSON 400", status == 400 and is_json_error(body),
              (status, body[:80]))
        status, _, body, _ = get(port, "/api/articles/no-such-article")
        check("404 names no file path", status == 404 and is_json_error(body) and
              work.encode() not in body and b".db" not in body, body[:200])
        status, _, body, _ = get(port, "/no-such-page.html")
        check("static 404 has a JSON body", status == 404 and is_json_error(body), status)

        # Port in use: a second server, and a port another program holds.
        def refused_port(taken):
            """(exit code, stderr) of a server started on `taken`; None when it kept running."""
            p = subprocess.Popen([server, "--port", str(taken), "--db", db],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            try:
                _, err = p.communicate(timeout=30)
                return p.returncode, err.strip()
            except subprocess.TimeoutExpired:
                p.kill()
                p.communicate()
                return None, "it started and served"

        code, err = refused_port(port)
        check("a second server on the same port fails with exit 3",
              code == 3 and "in use" in err, err)
        holder = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        holder.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        holder.bind(("127.0.0.1", 0))
        holder.listen(1)
        code, err = refused_port(holder.getsockname()[1])
        holder.close()
        check("a port another program listens on fails with exit 3",
              code == 3 and "in use" in err, err)
        check("server still alive", proc.poll() is None)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
    if FAILS:
        print(f"{len(FAILS)} check(s) failed")
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
