#!/usr/bin/env python3
"""Measures what the local embedding model costs the API process (docs/benchmarks.md, "Re-embedding and the API's memory").

1. Starts the API with build/run.sh (the default configuration: the local model), uploads a file through the dashboard
   API (ingested on the bus) and prints the API process's peak RSS (VmHWM) once it is indexed.
2. Restarts it with the hashing embedder and indexes the same file into a second project.
3. Restarts it with the default (local) again: the second project is re-embedded in the background; prints the
   re-embedding's chunks per second (from the project's history) and the process's peak RSS after it.

Usage: build/measure-embedding.py [file]   (default: ../shared/datasets/northwind/Northwind_Health_Plus_Benefits_Details.pdf)
Runs on this checkout's own services, database and data directory (as build/run.sh does), on port 15080 + the checkout's
port offset; every run adds a company with two projects.
"""
import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
import uuid
from datetime import datetime

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
FILE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    ROOT, "..", "shared", "datasets", "northwind", "Northwind_Health_Plus_Benefits_Details.pdf")
PORT = 15080 + int(subprocess.check_output(["bash", "-c", f"printf '%s' '{ROOT}' | cksum | cut -d' ' -f1"]).decode()) % 500
URL = f"http://127.0.0.1:{PORT}"
LOG = os.path.join("/tmp", f"cleanrag-measure-embedding-{uuid.uuid4().hex[:8]}.log")


def call(method, path, token=None, body=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(URL + path, data=data, method=method)
    if data is not None:
        request.add_header("Content-Type", content_type)
    if token:
        request.add_header("Authorization", f"Bearer {token}")
    with urllib.request.urlopen(request, timeout=120) as response:
        text = response.read()
        return json.loads(text) if text else None


def start_api(provider=None):
    env = dict(os.environ, CLEANRAG_HTTP_URL=URL, Serilog__MinimumLevel__Default="Warning")
    if provider:
        env["AI__Embeddings__Provider"] = provider
    log = open(LOG, "a")
    runner = subprocess.Popen([os.path.join(ROOT, "build", "run.sh")], env=env, stdout=log, stderr=log, start_new_session=True)
    deadline = time.time() + 600
    while time.time() < deadline:
        try:
            urllib.request.urlopen(URL + "/health", timeout=5)
            return runner, api_pid()
        except Exception:
            time.sleep(2)
    raise SystemExit("the API did not start; see " + LOG)


def api_pid():
    """The process listening on the port: the API itself, not dotnet run's parent."""
    out = subprocess.check_output(["ss", "-ltnpH", f"sport = :{PORT}"]).decode()
    return int(out.split("pid=")[1].split(",")[0])


def stop_api(runner):
    os.killpg(runner.pid, signal.SIGTERM)  # the group this script started (run.sh → dotnet run → API)
    runner.wait(timeout=120)


def peak_rss_mb(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024


def owner():
    email = f"measure-{uuid.uuid4().hex[:8]}@example.com"
    token = call("POST", "/v1/auth/signup", body={"email": email, "password": "correct horse battery staple", "name": "M"})["accessToken"]
    call("POST", "/v1/companies", token, {"name": "Measure"})
    return token


def project_with_file(token, name):
    project = call("POST", "/v1/projects", token, {"name": name})["id"]
    boundary = uuid.uuid4().hex
    with open(FILE, "rb") as f:
        content = f.read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{os.path.basename(FILE)}\"\r\n"
            f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    call("POST", f"/v1/projects/{project}/documents", token, raw=body, content_type=f"multipart/form-data; boundary={boundary}")
    started = time.time()
    call("POST", f"/v1/projects/{project}/documents/sync", token)
    while True:
        documents = call("GET", f"/v1/projects/{project}/documents", token)
        if all(d["status"] in ("indexed", "failed") for d in documents):
            return project, documents[0], time.time() - started
        time.sleep(1)


def main():
    print(f"file {FILE}\nlog {LOG}\nload {os.getloadavg()}")

    runner, pid = start_api()
    token = owner()
    _, document, seconds = project_with_file(token, "local")
    print(f"[local] ingested: status {document['status']}, {document.get('chunkCount')} chunks, {seconds:.1f} s "
          f"(upload to indexed, model load included); API peak RSS {peak_rss_mb(pid):.0f} MB")
    stop_api(runner)

    runner, pid = start_api("hashing")
    token = owner()
    project, document, seconds = project_with_file(token, "hashing")
    print(f"[hashing] ingested: {document.get('chunkCount')} chunks, {seconds:.1f} s; API peak RSS {peak_rss_mb(pid):.0f} MB")
    stop_api(runner)

    runner, pid = start_api()
    while (embedding := call("GET", f"/v1/projects/{project}/embedding", token))["status"] != "current":
        time.sleep(1)
    events = {e["type"]: e for e in call("GET", f"/v1/projects/{project}/events", token)["events"]}
    began = datetime.fromisoformat(events["project_reembedding_started"]["timestamp"])
    ended = datetime.fromisoformat(events["project_reembedding_completed"]["timestamp"])
    elapsed = (ended - began).total_seconds()
    print(f"[re-embedding hashing -> {embedding['model']}] {embedding['total']} chunks in {elapsed:.1f} s "
          f"(model load included): {embedding['total'] / elapsed:.1f} chunks/s; API peak RSS {peak_rss_mb(pid):.0f} MB")
    stop_api(runner)
    print(f"load {os.getloadavg()}")


if __name__ == "__main__":
    main()
