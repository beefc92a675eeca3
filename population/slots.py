"""Slots: where models run. ``auto`` asks the machine (psutil for cores, pynvml for GPUs); ``cpu:N,gpu:I``
names them. One model instance (one broker) per slot; ``loops_per_slot`` worker loops share it.
"""

from __future__ import annotations

import psutil  # type: ignore[import-untyped]  # no stubs in the venv (types-psutil)

from llm.devices import Slot, SlotKind, count_gpus
from population.errors import ConfigError


def detect(model: str) -> list[Slot]:
    """``auto``: one GPU slot per visible GPU (1 host thread each), else one CPU slot with every core.

    Without a model (``model = "none"``) there is nothing to place: one CPU slot.
    """
    cores = psutil.cpu_count(logical=True) or 1
    gpus = count_gpus() if model != "none" else 0
    if gpus:
        return [Slot.gpu(i, n_threads=max(1, cores // gpus)) for i in range(gpus)]
    return [Slot.cpu(cores)]


def parse_slots(text: str, model: str) -> list[Slot]:
    """Slots from ``auto`` or ``cpu:N,gpu:I,…`` (``cpu`` alone = every core).

    Raises:
        ConfigError: anything else, with the accepted forms.
    """
    if text.strip() == "auto":
        return detect(model)
    slots: list[Slot] = []
    for part in (p.strip() for p in text.split(",")):
        kind, _, arg = part.partition(":")
        try:
            if kind == "cpu":
                slots.append(Slot.cpu(int(arg) if arg else None))
                continue
            if kind == "gpu":
                slots.append(Slot.gpu(int(arg) if arg else 0))
                continue
        except ValueError:
            pass
        raise ConfigError(
            f"slot {part!r} is not understood; use 'auto' or e.g. 'cpu:2' or 'cpu:4,gpu:0,gpu:1'"
        )
    if not slots:
        raise ConfigError("slots = '' names no slot; use 'auto' or e.g. 'cpu:2'")
    return slots


def slot_text(slot: Slot) -> str:
    """The ``--slots`` spelling of one slot (``cpu:2``, ``gpu:0``)."""
    return f"cpu:{slot.n_threads}" if slot.kind is SlotKind.CPU else f"gpu:{slot.gpu_index}"
