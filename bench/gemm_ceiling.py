"""Upper bound on int8 embedding throughput: the encoder's matrix products alone.

A BERT-style encoder spends most of its time in six weight products per layer (query,
key, value and output projections, FFN up- and down-projection). This script times
exactly those products, at the model's shapes and for a passage of ``--tokens`` tokens,
on one core, as ONNX Runtime runs them in the int8 backend (dynamic uint8 x int8,
per-channel, reduced range) and in float32. Nothing else of the model (attention
scores, softmax, GELU, LayerNorm) is included, so ``cores / time per passage`` is a
ceiling the whole model cannot reach: it shows how much of a throughput target is left
for everything else.

Usage::

    python bench/gemm_ceiling.py --models-dir var/models --tokens 154 --out bench/out/gemm_ceiling.json
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from index.embed.e5_convert import MODEL_DIRNAME
from index.embed.onnx_export import quantize_int8
from index.embed.onnx_model import read_layout
from index.embed.onnx_runtime import default_threads, make_session
from partyqa.config import Config


@dataclass(frozen=True)
class Shapes:
    """The weight products of one encoder layer.

    Attributes:
        layers: Encoder layers.
        hidden: Hidden size.
        intermediate: FFN inner size.
    """

    layers: int
    hidden: int
    intermediate: int

    def products(self) -> list[tuple[int, int]]:
        """``(in, out)`` of each weight product of one layer: Q, K, V, output, up, down."""
        h, i = self.hidden, self.intermediate
        return [(h, h)] * 4 + [(h, i), (i, h)]

    def ops_per_token(self) -> int:
        """Multiply-adds x 2 per token, all layers."""
        return 2 * self.layers * sum(k * n for k, n in self.products())


def model_shapes(models_dir: Path) -> Shapes:
    """The shapes of the converted default model in ``models_dir``."""
    layout = read_layout(models_dir / MODEL_DIRNAME)
    config = json.loads((layout.transformer_dir / "config.json").read_text(encoding="utf-8"))
    return Shapes(int(config["num_hidden_layers"]), int(config["hidden_size"]), int(config["intermediate_size"]))


def _matmul_model(k: int, n: int, folder: Path, seed: int) -> Path:
    """An fp32 ONNX model ``y = x @ W`` with a random constant ``W`` of shape ``(k, n)``."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    weight = (np.random.default_rng(seed).standard_normal((k, n)) * 0.05).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["y"], name="product")], "product",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, k])],
        [helper.make_tensor_value_info("y", TensorProto.FLOAT, [None, n])],
        [numpy_helper.from_array(weight, "w")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)])
    model.ir_version = 8
    path = folder / f"fp32_{k}x{n}.onnx"
    onnx.save(model, str(path))
    return path


def _median_seconds(session, x: np.ndarray, repeats: int) -> float:
    """Median wall time of one ``run`` over ``repeats`` (after two warm-up runs)."""
    for _ in range(2):
        session.run(None, {"x": x})
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        session.run(None, {"x": x})
        times.append(time.perf_counter() - start)
    return statistics.median(times)


@dataclass
class Ceiling:
    """Result for one precision.

    Attributes:
        precision: ``int8`` or ``fp32``.
        ms_per_passage: One core's time for all weight products of one passage.
        gops_per_core: Achieved rate of those products.
        ceiling_per_s: ``cores / ms_per_passage``: passages/s if nothing else took time.
    """

    precision: str
    ms_per_passage: float
    gops_per_core: float
    ceiling_per_s: float


def measure(shapes: Shapes, tokens: int, cores: int, repeats: int = 30) -> list[Ceiling]:
    """Time the weight products of one ``tokens``-token passage on one core.

    Args:
        shapes: The encoder's shapes.
        tokens: Tokens per passage (the product's row count).
        cores: Cores the ceiling assumes (one passage per core at a time, as the backend runs).
        repeats: Timed runs per product (median).

    Returns:
        One :class:`Ceiling` for int8 and one for fp32.
    """
    rng = np.random.default_rng(0)
    results = []
    with tempfile.TemporaryDirectory(prefix="gemm-ceiling-") as tmp:
        folder = Path(tmp)
        seconds = {"int8": 0.0, "fp32": 0.0}
        for seed, (k, n) in enumerate(sorted(set(shapes.products()))):
            fp32 = _matmul_model(k, n, folder, seed)
            int8 = folder / f"int8_{k}x{n}.onnx"
            quantize_int8(fp32, int8, stamp="gemm-ceiling")
            x = rng.standard_normal((tokens, k)).astype(np.float32)
            count = shapes.products().count((k, n)) * shapes.layers
            seconds["int8"] += count * _median_seconds(make_session(int8), x, repeats)
            seconds["fp32"] += count * _median_seconds(make_session(fp32), x, repeats)
    ops = shapes.ops_per_token() * tokens
    for precision, total in seconds.items():
        results.append(Ceiling(precision, total * 1000, ops / total / 1e9, cores / total))
    return results


def main(argv: list[str] | None = None) -> dict:
    """Run the measurement and print it; returns the report."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--models-dir", type=Path, default=Config.from_env().models_dir)
    parser.add_argument("--tokens", type=int, default=154, help="tokens per passage (154 = ~213 characters)")
    parser.add_argument("--cores", type=int, default=0, help="0 = cores available")
    parser.add_argument("--repeats", type=int, default=30)
    parser.add_argument("--out", type=Path, default=None, help="JSON report")
    args = parser.parse_args(argv)
    shapes = model_shapes(args.models_dir)
    cores = args.cores or default_threads()
    results = measure(shapes, args.tokens, cores, args.repeats)
    report = {"shapes": asdict(shapes), "tokens": args.tokens, "cores": cores, "load": os.getloadavg()[0],
              "results": [asdict(r) for r in results]}
    for r in results:
        print(f"{r.precision}: {r.ms_per_passage:.1f} ms of weight products per passage per core, "
              f"{r.gops_per_core:.0f} GOPS/core -> ceiling {r.ceiling_per_s:.1f} passages/s on {cores} cores")
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(report, indent=2), encoding="utf-8")
    return report


if __name__ == "__main__":
    main()
