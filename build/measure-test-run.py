#!/usr/bin/env python3
"""Times a test run of 500 saved prompts through a running service (docs/benchmarks.md, "A test run of 500 prompts").

Fills an existing project's test prompts up to the 500 a project keeps: five off-topic questions that must be refused,
then the reference questions of a questions file (like ../shared/datasets/northwind/questions-dev.jsonl, each expecting
the first file and page its answer cites) asked again with different openings until 500. Then starts one test run of
every saved prompt and polls it until it ends; prints how long saving and running took, the pass and fail counts, and
the prompts' chat latency.

Usage: build/measure-test-run.py <api url> <owner email> <password> <project id> [questions.jsonl]
(for instance the project that `tools/Eval --questions … --keep-project` leaves, with the owner it prints)
"""
import json
import re
import sys
import time
import urllib.request

DEFAULT_QUESTIONS = "../shared/datasets/northwind/questions-dev.jsonl"
OFF_TOPIC = ["What is the capital of France?", "How do I bake sourdough bread?", "Who won the last football world cup?",
             "How tall is Mount Everest?", "Can you recommend a good science fiction novel?"]
OPENINGS = ["", "Please tell me: ", "Quick question: ", "I would like to know: ", "Can you help? ", "Hello! ",
            "One more thing: ", "For my records: ", "My manager asks: ", "Sorry to bother you: ", "As an employee: ",
            "Urgent: ", "Just checking: ", "A colleague wonders: ", "Before I book: ", "In short: ", "Out of curiosity: "]
MAX_PROMPTS = 500


def main(api, email, password, project, questions_path=DEFAULT_QUESTIONS):
    def call(method, path, body=None, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + token
        request = urllib.request.Request(api + path, method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request) as response:
            text = response.read()
            return json.loads(text) if text else None

    token = call("POST", "/v1/auth/login", {"email": email, "password": password})["accessToken"]
    saved = call("GET", f"/v1/projects/{project}/test-prompts", token=token)
    saved_count = len(saved if isinstance(saved, list) else saved.get("items", []))

    references = []
    with open(questions_path, encoding="utf-8") as lines:
        for line in filter(str.strip, lines):
            question = json.loads(line)
            file, page = re.findall(r"\[([^\]#]+)#page=(\d+)\]", question["truth"])[0]
            references.append((question["question"], file, int(page)))
    prompts = [{"question": q, "mustRefuse": True} for q in OFF_TOPIC]
    prompts += [{"question": opening + q, "expectedDocument": file, "expectedPage": page}
                for opening in OPENINGS for q, file, page in references]
    prompts = prompts[:MAX_PROMPTS - saved_count]

    started = time.monotonic()
    for prompt in prompts:
        call("POST", f"/v1/projects/{project}/test-prompts", prompt, token)
    print(f"saved {len(prompts)} prompts ({saved_count} saved before) in {time.monotonic() - started:.1f} s")

    run = call("POST", f"/v1/projects/{project}/test-runs", {}, token)
    started = time.monotonic()
    while True:
        run = call("GET", f"/v1/projects/{project}/test-runs/{run['id']}", token=token)
        if run["status"] in ("completed", "failed"):
            break
        time.sleep(2)
    seconds = time.monotonic() - started
    latencies = sorted(result["latencyMs"] for result in run["results"])
    print(f"run {run['status']}: {run['promptCount']} prompts, {run['passed']} passed, {run['failed']} failed in {seconds:.1f} s "
          f"({run['promptCount'] / seconds:.1f} prompts/s); chat latency p50 {latencies[len(latencies) // 2]} ms, "
          f"p95 {latencies[int(len(latencies) * 0.95)]} ms")


if __name__ == "__main__":
    if len(sys.argv) not in (5, 6):
        sys.exit(__doc__)
    main(*sys.argv[1:])
