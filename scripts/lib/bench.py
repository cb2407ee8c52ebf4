#!/usr/bin/env python3
"""The measurements of scripts/bench: each figure is a ratio against a peer
measured in the same run (medians of several interleaved runs), written to
BENCHMARKS.md with the machine and the date.

    bench.py MAAS_BINARY OUTPUT.md
"""
import datetime
import glob
import json
import os
import platform
import re
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
import provision_sandbox  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "5"))
STARTUP_RUNS = max(RUNS, 20)
# A 20,000-token stream takes 20-50 ms, so its medians take more runs on a shared machine.
STREAM_RUNS = max(RUNS, 15)
TTFB_RUNS = max(4 * RUNS, 40)
STREAM_TOKENS = 20000
PROMPT = "San Francisco is a"
CHAT_TURNS = 500
BENCH_LEVELS = [1, 2, 4, 8, 16, 32]
BENCH_SECONDS = 3
TICKS = os.sysconf("SC_CLK_TCK")


class Sample:
    """One process run: wall seconds, CPU seconds (user + system) and peak RSS in KiB,
    from wait4's rusage (ru_maxrss is the kernel's hiwater RSS, VmHWM)."""

    def __init__(self, argv, env=None, stdout=subprocess.DEVNULL, stdin=None):
        start = time.perf_counter()
        process = subprocess.Popen(argv, env=env, stdout=stdout, stderr=subprocess.PIPE, stdin=stdin)
        # stderr is small (errors only): read it before waiting so the child never blocks on it.
        self.err = process.stderr.read().decode(errors="replace")
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        self.wall = time.perf_counter() - start
        self.cpu = usage.ru_utime + usage.ru_stime
        self.rss_kib = usage.ru_maxrss
        self.status = process.returncode
        if self.status != 0:
            sys.exit(f"bench: {' '.join(argv[:3])}… exited {self.status}: {self.err.strip()[:500]}")


ONBOARDING_RUNS = 3
ADMIN_LATENCY_MS = 50
PEER_REQUESTS = 1000
PEER_CONCURRENCY = 4
PEER_TOKENS = 16
VLLM_PYTHON = os.path.join(os.path.dirname(__file__), "..", "..", ".build", "vllm-venv", "bin", "python")


def median(values):
    return statistics.median(values)


def interleaved(runs, **commands):
    """Runs each command once per round, in turn, after one warm-up round."""
    results = {name: [] for name in commands}
    for round_ in range(runs + 1):
        for name, run in commands.items():
            sample = run()
            if round_ > 0:
                results[name].append(sample)
    return results


class Sandbox:
    """`maas sandbox` in the background; ready when its banner is printed."""

    def __init__(self, maas, env, extra=()):
        self.process = subprocess.Popen(
            [maas, "sandbox", "--tokens-per-second", "0", "--save-profile", "bench", "--reveal", *extra],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        fields = {}
        for line in self.process.stdout:
            match = re.match(r"^(admin portal|access token|model server):\s+(\S+)(?:\s+\(serves (\S+)\))?", line)
            if match:
                fields[match.group(1)] = match.group(2)
                if match.group(3):
                    fields["model"] = match.group(3)
            if line.startswith("Ctrl-C stops the sandbox"):
                break
        if "model server" not in fields:
            self.stop()
            sys.exit("bench: the sandbox did not print its banner")
        self.admin_url, self.token = fields["admin portal"], fields["access token"]
        self.model_url, self.model = fields["model server"], fields["model"]

    def cpu_seconds(self):
        with open(f"/proc/{self.process.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICKS

    def stop(self):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()


def curl_stream(url, model, tokens, key=None):
    body = json.dumps({"model": model, "prompt": PROMPT, "max_tokens": tokens, "temperature": 0, "stream": True,
                       "stream_options": {"include_usage": True}})
    argv = ["curl", "-sSfN", "-H", "Content-Type: application/json", "-d", body, url + "/v1/completions"]
    if key:
        argv[4:4] = ["-H", f"Authorization: Bearer {key}"]
    return argv


def streamed_tokens(argv):
    """Counts the text chunks of one stream, to check that every run got the whole length."""
    output = subprocess.run(argv, check=True, capture_output=True, text=True).stdout
    count = 0
    for line in output.splitlines():
        if line.startswith("data: {"):
            chunk = json.loads(line[6:])
            count += sum(1 for choice in chunk.get("choices") or [] if choice.get("text"))
    return count


def time_to_first_byte(argv):
    out = subprocess.run(argv[:1] + ["-o", "/dev/null", "-w", "%{time_starttransfer}"] + argv[1:],
                         check=True, capture_output=True, text=True).stdout
    return float(out)


def hyperfine(runs, env, scratch, **commands):
    """Median wall seconds of each command by hyperfine (no shell between it and the process, so
    none is counted), one command after the other, each after 3 warm-up runs. A failing exit is
    expected for some (a refused connection) and does not stop it."""
    export = os.path.join(scratch, "hyperfine.json")
    argv = ["hyperfine", "--shell=none", "--ignore-failure", "--warmup", "3", "--runs", str(runs),
            "--style", "none", "--export-json", export]
    for name, command in commands.items():
        argv += ["--command-name", name, shlex.join(command)]
    subprocess.run(argv, env=env, check=True, stdout=subprocess.DEVNULL)
    with open(export) as file:
        return {result["command"]: result["median"] for result in json.load(file)["results"]}


def refused_port():
    """A loopback port nothing listens on: bound once to pick it, then closed."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def verb_startup(maas, env, scratch):
    """One-shot verbs from exec to exit: `whoami` on the saved sandbox profile (reads the profile file)
    against curl printing the same file, and `models` against a refused port against curl's request
    to it (both fail at once, so this is start-up, argument parsing and the attempt)."""
    profile_file = env["MAAS_CONFIG"]
    refused = f"http://127.0.0.1:{refused_port()}"
    offline = dict(env, MAAS_GATEWAY_URL=refused, MAAS_API_KEY="unused")
    check = subprocess.run([maas, "--profile", "bench", "models"], env=offline, capture_output=True, text=True)
    if check.returncode == 0 or "refused" not in check.stderr:
        sys.exit(f"bench: `maas models` on {refused} did not fail as refused: {check.stderr.strip()[:300]}")
    whoami = hyperfine(STARTUP_RUNS, env, scratch, maas=[maas, "--profile", "bench", "whoami"],
                       curl=["curl", "-s", "file://" + profile_file])
    models = hyperfine(STARTUP_RUNS, offline, scratch, maas=[maas, "--profile", "bench", "models"],
                       curl=["curl", "-s", refused + "/v1/models"])
    return {"whoami": whoami, "models": models}


def machine():
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo") if line.startswith("model name")),
                 platform.processor() or "unknown")
    cores = subprocess.run(["nproc"], capture_output=True, text=True).stdout.strip()
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True).stdout.strip()
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return {"cpu": model, "cores": cores, "load": load, "arch": platform.machine(), "kernel": platform.release(),
            "swift": swift[0] if swift else "unknown", "commit": commit or "unknown",
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}


def main(maas, output_path):
    scratch = tempfile.mkdtemp(prefix="maas-bench-")
    env = dict(os.environ, MAAS_CONFIG=os.path.join(scratch, "profiles.yaml"), NO_COLOR="1")
    sandbox = Sandbox(maas, env)
    try:
        results = measure(maas, env, sandbox, scratch)
    finally:
        sandbox.stop()
    with open(output_path, "w") as out:
        out.write(report(machine(), results))
    print(f"bench: wrote {output_path}")


def measure(maas, env, sandbox, scratch):
    results = {}
    direct = dict(env, MAAS_GATEWAY_URL=sandbox.model_url, MAAS_API_KEY="unused-by-vllm", MAAS_MODEL=sandbox.model)

    print("bench: 1/8 start-up", flush=True)
    startup = interleaved(STARTUP_RUNS, maas=lambda: Sample([maas, "--version"], env=env),
                          curl=lambda: Sample(["curl", "--version"]))
    results["startup"] = {name: median(s.wall for s in samples) for name, samples in startup.items()}
    results["verbs"] = verb_startup(maas, env, scratch)

    print("bench: 2/8 stream decoding", flush=True)
    curl_direct = curl_stream(sandbox.model_url, sandbox.model, STREAM_TOKENS)
    maas_complete = [maas, "complete", PROMPT, "--stream", "--max-tokens", str(STREAM_TOKENS), "--temperature", "0", "-q"]
    results["stream_tokens"] = streamed_tokens(curl_direct)
    stream = interleaved(STREAM_RUNS, maas=lambda: Sample(maas_complete, env=direct), curl=lambda: Sample(curl_direct))
    results["stream"] = {name: {"wall": median(s.wall for s in samples), "cpu": median(s.cpu for s in samples)}
                         for name, samples in stream.items()}

    print("bench: 3/8 gateway relay", flush=True)
    gateway_url, key = provision_sandbox.provision(provision_sandbox.Admin(sandbox.admin_url, sandbox.token),
                                                   sandbox.model_url)
    curl_gateway = curl_stream(gateway_url, sandbox.model, STREAM_TOKENS, key)
    results["gateway_tokens"] = streamed_tokens(curl_gateway)
    relay = interleaved(STREAM_RUNS, gateway=lambda: Sample(curl_gateway), direct=lambda: Sample(curl_direct))
    results["relay"] = {name: median(s.wall for s in samples) for name, samples in relay.items()}
    short_direct = curl_stream(sandbox.model_url, sandbox.model, 1)
    short_gateway = curl_stream(gateway_url, sandbox.model, 1, key)
    first_byte = {"gateway": [], "direct": []}
    for round_ in range(TTFB_RUNS + 1):
        gateway_ttfb, direct_ttfb = time_to_first_byte(short_gateway), time_to_first_byte(short_direct)
        if round_ > 0:
            first_byte["gateway"].append(gateway_ttfb)
            first_byte["direct"].append(direct_ttfb)
    results["ttfb"] = {name: median(values) for name, values in first_byte.items()}

    print("bench: 4/8 memory of a 500-turn chat script", flush=True)
    script = os.path.join(scratch, "chat.maas")
    with open(script, "w") as file:
        file.write("chat --max-tokens 20\n")
        file.writelines(f"question number {turn}\n" for turn in range(1, CHAT_TURNS + 1))
        file.write("end\n")
    chat = [Sample([maas, script], env=direct) for _ in range(max(1, RUNS // 2))]
    results["chat"] = {"rss_mib": median(s.rss_kib for s in chat) / 1024, "wall": median(s.wall for s in chat)}

    print("bench: 5/8 onboarding: apply -f examples/llama70b.yaml with 50 ms per admin call", flush=True)
    results["onboarding"] = onboarding(maas, env, scratch)
    print("bench: 5/8 onboarding: product import of the 11 reference OpenAPI documents with 50 ms per admin call",
          flush=True)
    results["product_import"] = product_import(maas, env, scratch)

    print("bench: 6/8 bench's own ceiling", flush=True)
    levels = []
    for concurrency in BENCH_LEVELS:
        server_before = sandbox.cpu_seconds()
        out_path = os.path.join(scratch, f"bench-{concurrency}.json")
        with open(out_path, "w") as out:
            sample = Sample([maas, "bench", "--duration", str(BENCH_SECONDS), "--concurrency", str(concurrency),
                             "--max-tokens", "16", "-o", "json"], env=direct, stdout=out)
        server_cpu = sandbox.cpu_seconds() - server_before
        with open(out_path) as file:
            figures = json.load(file)
        levels.append({
            "concurrency": concurrency, "rps": figures["request_throughput"], "tps": figures["output_throughput"],
            "failed": figures["failed"], "ttft_p50": (figures.get("ttft_ms") or {}).get("p50"),
            "e2el_p50": (figures.get("e2el_ms") or {}).get("p50"),
            "client_cores": sample.cpu / sample.wall, "server_cores": server_cpu / sample.wall})
    results["bench"] = levels

    print("bench: 7/8 maas bench's CPU against vllm bench serve", flush=True)
    results["peer"] = bench_cpu_against_vllm(maas, env, sandbox, scratch)

    print("bench: 8/8 a fresh clone's set-up: scripts/shell, then scripts/test", flush=True)
    results["fresh"] = fresh_build(scratch)
    return results


def against_one_call_at_a_time(maas, env, scratch, label, command):
    """Median wall seconds of an admin command on a fresh sandbox whose admin API answers after 50 ms, as
    maas runs it by default and one call at a time (`--concurrency 1`, the way a sequential client
    such as 3scale toolbox works: its time is the number of calls times 50 ms). `command(sandbox)` gives
    the arguments after `maas --profile bench`."""
    times = {"maas": [], "sequential": []}
    for _ in range(ONBOARDING_RUNS):
        for name, concurrency in (("maas", None), ("sequential", "1")):
            local = dict(env, MAAS_CONFIG=os.path.join(scratch, f"{label}-{name}.yaml"))
            admin = Sandbox(maas, local, extra=("--admin-latency", str(ADMIN_LATENCY_MS)))
            try:
                flags = ["--concurrency", concurrency] if concurrency else []
                sample = Sample([maas, "--profile", "bench", *command(admin), *flags, "-q"],
                                env=dict(local, MODEL_URL=admin.model_url))
                times[name].append(sample.wall)
            finally:
                admin.stop()
    return {name: median(values) for name, values in times.items()}


def onboarding(maas, env, scratch):
    """`apply -f` of the lab's resources."""
    resources = os.path.join(os.path.dirname(__file__), "..", "..", "examples", "llama70b.yaml")
    return against_one_call_at_a_time(maas, env, scratch, "onboarding", lambda admin: ["apply", "-f", resources])


IMPORT_DOCUMENTS = sorted(glob.glob(os.path.join(
    os.path.dirname(__file__), "..", "..", "Tests", "ThreeScaleAdminTests", "Fixtures", "maas", "*", "*.json")))


def product_import(maas, env, scratch):
    """`product import --promote` of the 11 reference OpenAPI documents (`--concurrency 1`: one document,
    one admin call at a time)."""
    return against_one_call_at_a_time(
        maas, env, scratch, "import",
        lambda admin: ["product", "import", "--backend-url", admin.model_url, "--promote", *IMPORT_DOCUMENTS])


def bench_cpu_against_vllm(maas, env, sandbox, scratch):
    """CPU seconds per request of `maas bench` (the whole process, start-up included) against those of
    `vllm bench serve`'s benchmark phase, the same requests (random prompts of 16 tokens, 16 output tokens,
    no early end) at the same concurrency on the same model server. None when vLLM is not installed."""
    if not os.path.exists(VLLM_PYTHON):
        return None
    direct = dict(env, MAAS_GATEWAY_URL=sandbox.model_url, MAAS_API_KEY="unused-by-vllm", MAAS_MODEL=sandbox.model)
    peer_out = os.path.join(scratch, "vllm-peer.json")
    peer = [VLLM_PYTHON, os.path.join(os.path.dirname(__file__), "vllm_bench_peer.py"), peer_out, "--",
            "--backend", "openai", "--base-url", sandbox.model_url, "--endpoint", "/v1/completions",
            "--model", sandbox.model, "--dataset-name", "random", "--random-input-len", str(PEER_TOKENS),
            "--random-output-len", str(PEER_TOKENS), "--num-prompts", str(PEER_REQUESTS),
            "--max-concurrency", str(PEER_CONCURRENCY), "--ignore-eos", "--disable-tqdm"]
    mine = [maas, "bench", "--requests", str(PEER_REQUESTS), "--concurrency", str(PEER_CONCURRENCY),
            "--max-tokens", str(PEER_TOKENS), "--prompt-tokens", str(PEER_TOKENS), "-o", "json"]
    per_request = {"maas": [], "vllm": []}
    for _ in range(max(1, RUNS // 2)):
        sample = Sample(mine, env=direct)
        per_request["maas"].append(sample.cpu / PEER_REQUESTS)
        Sample(peer, env=dict(env, HF_HUB_OFFLINE="1"))
        with open(peer_out) as file:
            figures = json.load(file)
        if figures.get("completed") != PEER_REQUESTS:
            sys.exit(f"bench: vllm bench serve completed {figures.get('completed')} of {PEER_REQUESTS} requests")
        per_request["vllm"].append(figures["cpu"] / PEER_REQUESTS)
    return {name: median(values) for name, values in per_request.items()}


def fresh_build(scratch):
    """The README's two set-up commands, one after the other, on a fresh clone of this commit with no
    build folder: `scripts/shell --version` (builds, then runs one command instead of the session) and
    `scripts/test`. Seconds each, or None when BENCH_FRESH_BUILD=0."""
    if os.environ.get("BENCH_FRESH_BUILD", "1") == "0":
        return None
    root = os.path.join(os.path.dirname(__file__), "..", "..")
    clone = os.path.join(scratch, "fresh-clone")
    subprocess.run(["git", "clone", "-q", root, clone], check=True)
    times = {}
    for name, argv in (("shell", ["scripts/shell", "--version"]), ("test", ["scripts/test"])):
        start = time.perf_counter()
        log = os.path.join(scratch, f"fresh-{name}.log")
        with open(log, "w") as output:
            finished = subprocess.run(argv, cwd=clone, stdin=subprocess.DEVNULL, stdout=output,
                                      stderr=subprocess.STDOUT, env=dict(os.environ, CI="true"))
        if finished.returncode != 0:
            # The other figures still get written; the failure is shown, with what it printed.
            with open(log) as output:
                failures = [line.rstrip() for line in output if "✘" in line or "error:" in line]
            print(f"bench: {' '.join(argv)} failed (exit {finished.returncode}):", *failures[-20:], sep="\n",
                  file=sys.stderr, flush=True)
            times["failed"] = name
            return times
        times[name] = time.perf_counter() - start
    return times


def verdict(met):
    return "**met**" if met else "**missed**"


def peer_row(peer):
    title = (f"| 6 | `maas bench` CPU per request vs `vllm bench serve`'s benchmark phase ({PEER_REQUESTS} requests, "
             f"{PEER_TOKENS}+{PEER_TOKENS} tokens, concurrency {PEER_CONCURRENCY})")
    if peer is None:
        return f"{title} | — | peer skipped: `scripts/install-vllm-peer` not run | — | ≤ 0.3× | — |"
    ratio = peer["maas"] / peer["vllm"]
    return (f"{title} | {peer['maas'] * 1000:.3f} ms | {peer['vllm'] * 1000:.3f} ms | {ratio:.2f}× | ≤ 0.3× | "
            f"{verdict(ratio <= 0.3)} |")


def fresh_row(fresh):
    title = "| 7 | fresh clone: `scripts/shell` then `scripts/test`, each building from nothing"
    if fresh is None:
        return f"{title} | skipped (BENCH_FRESH_BUILD=0) | — | — | ≤ 20 min | — |"
    if "failed" in fresh:
        return f"{title} | `scripts/{fresh['failed']}` failed | — | — | ≤ 20 min | **failed** |"
    total = fresh["shell"] + fresh["test"]
    return (f"{title} | {fresh['shell'] / 60:.1f} + {fresh['test'] / 60:.1f} min | — | {total / 60:.1f} min | "
            f"≤ 20 min | {verdict(total <= 20 * 60)} |")


def report(host, r):
    startup_ratio = r["startup"]["maas"] / r["startup"]["curl"]
    whoami, models = r["verbs"]["whoami"], r["verbs"]["models"]
    whoami_ratio, models_ratio = whoami["maas"] / whoami["curl"], models["maas"] / models["curl"]
    stream_ratio = r["stream"]["maas"]["wall"] / r["stream"]["curl"]["wall"]
    tokens = r["stream_tokens"]
    cpu_per_token = {name: figures["cpu"] / tokens * 1e6 for name, figures in r["stream"].items()}
    relay_ratio = r["relay"]["gateway"] / r["relay"]["direct"]
    ttfb_delta_ms = (r["ttfb"]["gateway"] - r["ttfb"]["direct"]) * 1000
    best = max(r["bench"], key=lambda level: level["rps"])
    lines = [
        "# Benchmarks",
        "",
        "Written by `scripts/bench` (do not edit by hand: run it again). Every figure is the median of "
        f"interleaved runs ({RUNS} per side unless said; start-up {STARTUP_RUNS}, the 20,000-token streams {STREAM_RUNS}) against a peer measured in the "
        "same run, with `maas` built `-c release` and the sandbox model at full speed (`--tokens-per-second 0`) "
        "in its own process.",
        "",
        f"- Machine: {host['cpu']}, {host['cores']} cores (`nproc`), {host['arch']}, Linux {host['kernel']}",
        f"- Load average at the end (1 / 5 / 15 min): {host['load']}; the machine is shared with other builds, "
        "so absolute times vary from run to run more than the ratios do",
        f"- Toolchain: {host['swift']}",
        f"- Date: {host['date']}, commit {host['commit']}",
        "",
        "| # | benchmark | maas | peer | ratio / figure | target | result |",
        "|---|---|---|---|---|---|---|",
        f"| 1 | start-up: `maas --version` vs `curl --version` | {r['startup']['maas'] * 1000:.1f} ms | "
        f"{r['startup']['curl'] * 1000:.1f} ms | {startup_ratio:.2f}× | ≤ 2× | {verdict(startup_ratio <= 2)} |",
        f"| 1 | start-up of a verb: `maas whoami` (saved profile) vs `curl file://` of the profile file | "
        f"{whoami['maas'] * 1000:.1f} ms | {whoami['curl'] * 1000:.1f} ms | {whoami_ratio:.2f}× | ≤ 2.5× | "
        f"{verdict(whoami_ratio <= 2.5)} |",
        f"| 1 | start-up of a network verb: `maas models` vs `curl`, both to a refused port | "
        f"{models['maas'] * 1000:.1f} ms | {models['curl'] * 1000:.1f} ms | {models_ratio:.2f}× | ≤ 2.5× | "
        f"{verdict(models_ratio <= 2.5)} |",
        f"| 2 | stream decoding: {tokens:,}-token stream, `maas complete` vs `curl -sN` | "
        f"{r['stream']['maas']['wall'] * 1000:.0f} ms | {r['stream']['curl']['wall'] * 1000:.0f} ms | "
        f"{stream_ratio:.2f}× wall | ≤ 1.5× | {verdict(stream_ratio <= 1.5)} |",
        f"| 2 | CPU time per token (user + system) | {cpu_per_token['maas']:.1f} µs | {cpu_per_token['curl']:.1f} µs | "
        f"{cpu_per_token['maas']:.1f} µs | ≤ 2 µs | {verdict(cpu_per_token['maas'] <= 2)} |",
        f"| 3 | gateway relay: the same stream by curl, through the gateway vs straight | "
        f"{r['relay']['gateway'] * 1000:.0f} ms | {r['relay']['direct'] * 1000:.0f} ms | {relay_ratio:.2f}× wall | ≤ 1.1× | {verdict(relay_ratio <= 1.1)} |",
        f"| 3 | time to first byte, through the gateway vs straight ({TTFB_RUNS} runs) | "
        f"{r['ttfb']['gateway'] * 1000:.2f} ms | {r['ttfb']['direct'] * 1000:.2f} ms | +{ttfb_delta_ms:.2f} ms | "
        f"≤ +0.5 ms | {verdict(ttfb_delta_ms <= 0.5)} |",
        f"| 4 | onboarding: `apply -f examples/llama70b.yaml`, {ADMIN_LATENCY_MS} ms per admin call, vs one call at a time | "
        f"{r['onboarding']['maas']:.2f} s | {r['onboarding']['sequential']:.2f} s (≈ {r['onboarding']['sequential'] / (ADMIN_LATENCY_MS / 1000):.0f} calls) | "
        f"{r['onboarding']['maas'] / r['onboarding']['sequential']:.2f}× | ≤ 0.4× | "
        f"{verdict(r['onboarding']['maas'] / r['onboarding']['sequential'] <= 0.4)} |",
        f"| 4 | onboarding: `product import --promote` of the {len(IMPORT_DOCUMENTS)} reference OpenAPI documents, "
        f"{ADMIN_LATENCY_MS} ms per admin call, vs one call at a time | {r['product_import']['maas']:.2f} s | "
        f"{r['product_import']['sequential']:.2f} s | "
        f"{r['product_import']['maas'] / r['product_import']['sequential']:.2f}× | ≤ 0.4× | "
        f"{verdict(r['product_import']['maas'] / r['product_import']['sequential'] <= 0.4)} |",
        f"| 5 | peak RSS of a {CHAT_TURNS}-turn scripted chat (`chat --max-tokens 20`) | {r['chat']['rss_mib']:.1f} MiB | — | "
        f"{r['chat']['wall']:.1f} s for the script | ≤ 64 MiB | {verdict(r['chat']['rss_mib'] <= 64)} |",
        f"| 6 | `maas bench` ceiling (requests of 16 tokens) | {best['rps']:.0f} req/s at concurrency "
        f"{best['concurrency']} | — | {best['tps']:.0f} output tok/s | — | — |",
        peer_row(r["peer"]),
        fresh_row(r["fresh"]),
        "",
        "## 1. Start-up",
        "",
        "Wall time of the whole process, exec to exit. `maas --version` loads the Swift runtime, Foundation and "
        "the command tree; curl loads libcurl and its TLS stack. The one-shot verbs are measured by hyperfine "
        f"({STARTUP_RUNS} runs each after 3 warm-ups, no shell): `maas whoami` reads the sandbox's saved profile "
        "and prints it, against curl printing the same file; `maas models` on a gateway URL whose port refuses "
        "connections builds the command catalogue, resolves the profile, starts the HTTP client and fails, "
        "against curl failing on the same URL.",
        "",
        "## 2. Stream decoding",
        "",
        f"One streamed completion of {tokens:,} tokens (counted from curl's copy) from the sandbox model, output to "
        "/dev/null. `maas complete --stream -q` decodes every server-sent event, JSON-decodes each chunk, sanitises "
        "the text and writes it; curl only copies bytes, so the ratio is maas's whole per-token cost over a "
        "byte copy. Both share the machine with the model server, which produces the stream as fast as it can.",
        "",
        "## 3. Gateway relay",
        "",
        f"The same {r['gateway_tokens']:,}-token stream fetched by curl through the product's production gateway "
        "(provisioned by `scripts/lib/provision_sandbox.py` as the lab does it: backend, product, mapping rules, "
        "user key in `Authorization`, remove-bearer, plan, deploy, promote, user1's application) and straight from "
        "the model server. Time to first byte is curl's `time_starttransfer` for a one-token streamed request.",
        "",
        "## 4. Onboarding",
        "",
        f"The lab's four resources applied to a fresh sandbox started with `--admin-latency {ADMIN_LATENCY_MS}` (every "
        "admin API call answers after that delay), the median of "
        f"{ONBOARDING_RUNS} runs each: as maas runs it (by default: `apply` makes up to 8 independent calls at a time, `product import` takes 4 documents at a time with up to 4 calls each), and with "
        "`--concurrency 1`, which makes the same calls one at a time; that peer's time is the number of calls "
        f"times {ADMIN_LATENCY_MS} ms (plus a little processing), what a sequential client such as 3scale toolbox needs.",
        "",
        "## 5. Memory",
        "",
        f"A `.maas` script with `chat --max-tokens 20`, {CHAT_TURNS} user lines and `end`, against the sandbox "
        "model at full speed: the conversation grows to every turn's text. Peak RSS is `ru_maxrss` of the process "
        "from `wait4` (the kernel's VmHWM), the median of "
        f"{max(1, RUNS // 2)} runs.",
        "",
        "## 6. `maas bench` ceiling",
        "",
        f"`maas bench --duration {BENCH_SECONDS} --max-tokens 16 -o json` straight at the model server at each "
        "concurrency. CPU is in cores (CPU seconds over wall seconds) of the maas process and of the sandbox "
        "process that serves the model; the machine has "
        f"{host['cores']} cores shared by both.",
        "",
        "| concurrency | req/s | output tok/s | TTFT p50 ms | E2EL p50 ms | failed | maas cores | server cores |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for level in r["bench"]:
        lines.append(
            f"| {level['concurrency']} | {level['rps']:.0f} | {level['tps']:.0f} | {level['ttft_p50'] or 0:.2f} | "
            f"{level['e2el_p50'] or 0:.2f} | {level['failed']} | {level['client_cores']:.2f} | "
            f"{level['server_cores']:.2f} |")
    lines += ["", f"Highest rate: {best['rps']:.0f} req/s at concurrency {best['concurrency']}, with maas using "
              f"{best['client_cores']:.2f} cores and the model server {best['server_cores']:.2f}.", ""]
    lines += [
        "## 6. `maas bench` against `vllm bench serve`", "",
        f"The same {PEER_REQUESTS} streamed completions ({PEER_TOKENS}-token random prompts, {PEER_TOKENS} output "
        f"tokens, `--ignore-eos`) at concurrency {PEER_CONCURRENCY} straight at the sandbox model: `maas bench "
        "--requests --prompt-tokens -o json` (CPU of the whole process from `wait4`, start-up included) against "
        "vLLM's own `vllm bench serve --backend openai --dataset-name random` run by "
        "`scripts/lib/vllm_bench_peer.py` (the CPU of its `benchmark()` phase only: imports, the dataset and "
        "Python's start-up left out). Both count every streamed chunk that has choices for TTFT and ITL. "
        "The peer is installed once by `scripts/install-vllm-peer`; without it this row says it was skipped.", "",
        "## 7. A fresh clone's set-up", "",
        "This commit cloned into an empty folder, then the README's two commands one after the other, as a new "
        "user runs them: `scripts/shell --version` (everything `scripts/shell` does before the session, then one "
        "command) and `scripts/test` (build the tests and run the whole suite). `scripts/shell` builds the debug "
        "`maas` that the tests then reuse, so the dependency tree is built once. `BENCH_FRESH_BUILD=0` skips "
        "this step.", ""]
    notes = os.path.join(os.path.dirname(__file__), "bench-notes.md")
    if os.path.exists(notes):
        lines += ["## Notes on the targets", "", open(notes).read().strip(), ""]
    return "\n".join(lines)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
