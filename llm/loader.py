"""Load a GGUF into ``llama_cpp.Llama`` with the settings this project relies on.

Why not plain ``Llama(...)``: on CPUs with AMX/AVX-512 inside some VMs (our Firecracker development and CI
machines among them), llama.cpp's "extra buffer types" — weight repacking into AMX/AVX-512 layouts — segfault
on the first batch of more than one token. ``Llama`` exposes no argument for ``use_extra_bufts``, so the
model parameters are patched for the duration of the constructor. ``extra_buffers=True`` (or
``SEEDPOP_LLAMA_EXTRA_BUFFERS=1``) turns repacking back on where it works.

Imports ``llama_cpp`` inside the function only: this module is trusted-side code (model process, bench).
"""

from __future__ import annotations

import os
from typing import Any


def extra_buffers_default() -> bool:
    """``SEEDPOP_LLAMA_EXTRA_BUFFERS=1`` enables llama.cpp weight repacking; off by default."""
    return os.environ.get("SEEDPOP_LLAMA_EXTRA_BUFFERS", "") == "1"


def load_llama(
    model_path: str,
    *,
    n_ctx: int,
    n_threads: int,
    n_gpu_layers: int = 0,
    n_batch: int = 512,
    extra_buffers: bool | None = None,
) -> Any:
    """A loaded ``llama_cpp.Llama`` (quiet, seeded 0, ``n_threads`` for prompt and generation, prompts
    evaluated ``n_batch`` tokens at a time).

    Raises whatever ``llama_cpp`` raises for a file it cannot load (``ValueError`` in 0.3.x).
    """
    import llama_cpp
    import llama_cpp.llama_cpp as lowlevel

    use_extra = extra_buffers_default() if extra_buffers is None else extra_buffers
    original = lowlevel.llama_model_default_params

    def params() -> Any:
        p = original()
        p.use_extra_bufts = use_extra
        return p

    lowlevel.llama_model_default_params = params
    try:
        return llama_cpp.Llama(
            model_path=model_path,
            n_ctx=n_ctx,
            n_threads=n_threads,
            n_threads_batch=n_threads,
            n_gpu_layers=n_gpu_layers,
            n_batch=n_batch,
            seed=0,
            verbose=False,
        )
    finally:
        lowlevel.llama_model_default_params = original
