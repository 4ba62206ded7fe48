#!/usr/bin/env python3
"""PyTorch reference for the engine's benchmark workloads (`swift run -c release bench`).

Same shapes, data, optimiser and repetition counts as Sources/bench, float32, 2 threads by default,
one JSON object per workload in the engine's format (`--json`):

    {"name": "gemm-1024", "median_ms": 7.512, "gflops": 142.9, "min_ms": ..., "max_ms": ..., "cpu_ms": ..., "runs": 15}

Weights are PyTorch's own default initialisation (the engine's are the same distributions, other
random numbers): timings do not depend on the values. Inputs are the UCI digits for mlp-train-epoch
(data/digits.csv.gz, as the engine) and seeded normal values elsewhere.

Usage: python3 Scripts/bench-pytorch.py [NAME ...] [--json] [--threads N]
Needs CPU PyTorch: pip install torch --index-url https://download.pytorch.org/whl/cpu (or plain pip).
"""
import argparse
import gzip
import json
import os
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(body, warmups, repetitions):
    """Warm-up runs, then timed runs: sorted wall-clock seconds (perf_counter) and the median process
    CPU seconds (all threads, as the engine's cpu_ms)."""
    for _ in range(warmups):
        body()
    samples, cpu = [], []
    for _ in range(repetitions):
        start, cpu_start = time.perf_counter(), time.process_time()
        body()
        samples.append(time.perf_counter() - start)
        cpu.append(time.process_time() - cpu_start)
    return sorted(samples), statistics.median(cpu)


def sgd_step(model, optimizer, inputs, labels):
    optimizer.zero_grad(set_to_none=True)
    loss = F.cross_entropy(model(inputs), labels)
    loss.backward()
    optimizer.step()


# Each workload: (warm-ups, repetitions, floating-point operations or None, prepare() -> body).

def gemm_1024():
    size = 1024
    generator = torch.Generator().manual_seed(1)
    a = torch.randn(size, size, generator=generator)
    b = torch.randn(size, size, generator=generator)
    c = torch.empty(size, size)
    return lambda: torch.mm(a, b, out=c)


def init_forward():
    generator = torch.Generator().manual_seed(2)
    x = torch.randn(1000, 500, generator=generator)
    layers = []
    for _ in range(10):
        layer = nn.Linear(500, 500, bias=False)
        nn.init.xavier_normal_(layer.weight, generator=generator)
        layers.append(layer)

    def body():
        with torch.no_grad():
            h = x
            for layer in layers:
                h = torch.tanh(layer(h))
            assert h.shape == (1000, 500)
    return body


def digits_or_random():
    path = os.path.join(ROOT, "data", "digits.csv.gz")
    if os.path.exists(path):
        rows = [line.split(",") for line in gzip.open(path, "rt").read().split("\n") if line.strip()]
        features = torch.tensor([[float(v) / 16 for v in row[:64]] for row in rows], dtype=torch.float32)
        labels = torch.tensor([int(float(row[64])) for row in rows])
        return features, labels
    print("mlp-train: digits data not found, using seeded random inputs", file=sys.stderr)
    generator = torch.Generator().manual_seed(3)
    return torch.randn(1797, 64, generator=generator), torch.arange(1797) % 10


def mlp_train_epoch():
    features, labels = digits_or_random()
    torch.manual_seed(4)
    model = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(), nn.Linear(256, 10))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    batch, steps = 64, 28
    batches = [(features[i * batch:(i + 1) * batch], labels[i * batch:(i + 1) * batch]) for i in range(steps)]

    def body():
        for x, y in batches:
            sgd_step(model, optimizer, x, y)
    return body


def cnn_step(norm):
    def prepare():
        torch.manual_seed(5)
        make = (lambda c: nn.BatchNorm2d(c)) if norm == "batch" else (lambda c: nn.GroupNorm(8, c))
        model = nn.Sequential(
            nn.Conv2d(1, 16, 3, padding=1), make(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, padding=1), make(32), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(32, 10))
        optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
        x = torch.randn(32, 1, 8, 8)
        y = torch.arange(32) % 10
        return lambda: sgd_step(model, optimizer, x, y)
    return prepare


def cnn_fmnist_model():
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), nn.Linear(64 * 7 * 7, 10))


def cnn_fmnist_step():
    torch.manual_seed(6)
    model = cnn_fmnist_model()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    x = torch.randn(128, 1, 28, 28)
    y = torch.arange(128) % 10
    return lambda: sgd_step(model, optimizer, x, y)


# Multiply-adds ×2 of the forward pass's convolutions and linear layer, ×3 for a training step
# (forward, input gradient, weight gradient), the first convolution's input gradient excluded.
def cnn_fmnist_flops():
    conv1 = 2 * 128 * 32 * 28 * 28 * 9
    conv2 = 2 * 128 * 64 * 14 * 14 * 32 * 9
    linear = 2 * 128 * 10 * 64 * 7 * 7
    return 3 * (conv1 + conv2 + linear) - conv1


def conv_gemm(batch, o, k, l, product):
    """The per-image im2col products of a convolution (see Sources/bench/ConvGEMMWorkload.swift), as
    one batched torch.matmul: forward W[O,K]·cols[B,K,L], weight cols·gᵀ, input Wᵀ·g."""
    def prepare():
        generator = torch.Generator().manual_seed(7)
        if product == "forward":
            a, b = torch.randn(o, k, generator=generator), torch.randn(batch, k, l, generator=generator)
            out = torch.empty(batch, o, l)
            return lambda: torch.matmul(a, b, out=out)
        if product == "weight":
            a, g = torch.randn(batch, k, l, generator=generator), torch.randn(batch, o, l, generator=generator)
            b = g.transpose(1, 2)
            out = torch.empty(batch, k, o)
            return lambda: torch.matmul(a, b, out=out)
        w, g = torch.randn(o, k, generator=generator), torch.randn(batch, o, l, generator=generator)
        a = w.t()
        out = torch.empty(batch, k, l)
        return lambda: torch.matmul(a, g, out=out)
    return prepare


CONVOLUTIONS = [("im2col-fmnist-conv1", 128, 32, 9, 784), ("im2col-fmnist-conv2", 128, 64, 288, 196),
                ("im2col-bn-conv1", 32, 16, 9, 64), ("im2col-bn-conv2", 32, 32, 144, 64)]

WORKLOADS = {
    "gemm-1024": (3, 15, 2 * 1024 ** 3, gemm_1024),
    "init-forward": (2, 11, None, init_forward),
    "mlp-train-epoch": (3, 15, None, mlp_train_epoch),
    "cnn-bn-step": (20, 101, None, cnn_step("batch")),
    "cnn-gn-step": (20, 101, None, cnn_step("group")),
    "cnn-fmnist-step": (3, 21, cnn_fmnist_flops(), cnn_fmnist_step),
}
for prefix, batch, o, k, l in CONVOLUTIONS:
    for product in (["forward", "weight"] if prefix.endswith("conv1") else ["forward", "weight", "input"]):
        WORKLOADS[f"{prefix}-{product}"] = (5, 31, 2 * batch * o * k * l, conv_gemm(batch, o, k, l, product))


def report(name, samples, cpu, flops, as_json):
    median = statistics.median(samples)
    fields = {"name": name, "median_ms": round(median * 1e3, 3)}
    if flops:
        fields["gflops"] = round(flops / median / 1e9, 1)
    fields.update({"min_ms": round(samples[0] * 1e3, 3), "max_ms": round(samples[-1] * 1e3, 3),
                   "cpu_ms": round(cpu * 1e3, 3), "runs": len(samples)})
    if as_json:
        print(json.dumps(fields), flush=True)
    else:
        line = (f"{name:<28}median {median * 1e3:.3f} ms  (min {samples[0] * 1e3:.3f}, max {samples[-1] * 1e3:.3f}, "
                f"{len(samples)} runs; CPU {cpu * 1e3:.3f} ms)")
        if flops:
            line += f"  {fields['gflops']:.1f} GFLOP/s"
        print(line, flush=True)


def main():
    parser = argparse.ArgumentParser(description="Time the engine's benchmark workloads in PyTorch.")
    parser.add_argument("names", nargs="*", help=f"workloads (default: all): {', '.join(WORKLOADS)}")
    parser.add_argument("--json", action="store_true", help="one JSON object per workload")
    parser.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default 2)")
    parser.add_argument("--list", action="store_true", help="print the workload names and exit")
    args = parser.parse_args()
    if args.list:
        print("\n".join(WORKLOADS))
        return
    unknown = [n for n in args.names if n not in WORKLOADS]
    if unknown:
        parser.error(f"unknown workload(s) {', '.join(unknown)}; known: {', '.join(WORKLOADS)}")
    torch.set_num_threads(args.threads)
    if not args.json:
        print(f"torch {torch.__version__}, threads: {torch.get_num_threads()}")
    for name in args.names or list(WORKLOADS):
        warmups, repetitions, flops, prepare = WORKLOADS[name]
        samples, cpu = timed(prepare(), warmups, repetitions)
        report(name, samples, cpu, flops, args.json)


if __name__ == "__main__":
    main()
