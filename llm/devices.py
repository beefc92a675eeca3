"""Which device a slot's model runs on.

A slot is a CPU slot (``n_threads`` cores) or a GPU slot (one device index). :func:`plan_device` is pure:
given the slot and what the machine offers (:class:`DeviceProbe`), it returns the llama.cpp settings. A GPU
slot on a machine without a CUDA-built llama.cpp or without a visible GPU degrades to CPU and says why.
:func:`probe_devices` does the probing (pynvml, llama.cpp's offload support) and never raises.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from enum import Enum


class SlotKind(Enum):
    """What a slot is made of."""

    CPU = "cpu"
    GPU = "gpu"


@dataclass(frozen=True, slots=True)
class Slot:
    """One place a model runs.

    Attributes:
        kind: CPU or GPU.
        n_threads: CPU threads llama.cpp uses (also for a GPU slot's host work); ≥ 1.
        gpu_index: the device index for a GPU slot (None for CPU).
    """

    kind: SlotKind
    n_threads: int
    gpu_index: int | None = None

    @classmethod
    def cpu(cls, n_threads: int | None = None) -> Slot:
        """A CPU slot; default: every core of the machine."""
        return cls(SlotKind.CPU, max(1, n_threads or os.cpu_count() or 1))

    @classmethod
    def gpu(cls, index: int = 0, n_threads: int = 1) -> Slot:
        """A GPU slot on device ``index``."""
        return cls(SlotKind.GPU, max(1, n_threads), index)


@dataclass(frozen=True, slots=True)
class DeviceProbe:
    """What the machine offers: a CUDA-capable llama.cpp build and how many GPUs pynvml sees."""

    gpu_offload: bool
    gpu_count: int


@dataclass(frozen=True, slots=True)
class DevicePlan:
    """llama.cpp settings for one slot.

    Attributes:
        n_gpu_layers: ``-1`` offloads every layer, ``0`` runs on CPU.
        n_threads: CPU threads.
        env: environment for the model process (``CUDA_VISIBLE_DEVICES`` pins a GPU slot to its device).
        device: ``"cpu"`` or ``"cuda:<index>"``.
        note: why a GPU slot fell back to CPU ("" otherwise).
    """

    n_gpu_layers: int
    n_threads: int
    env: tuple[tuple[str, str], ...]
    device: str
    note: str = ""


def plan_device(slot: Slot, probe: DeviceProbe) -> DevicePlan:
    """The settings for ``slot`` on a machine described by ``probe``. Pure; never raises."""
    if slot.kind is SlotKind.CPU:
        # Hide GPUs from a CPU slot so a CUDA build does not grab one behind our back.
        return DevicePlan(0, slot.n_threads, (("CUDA_VISIBLE_DEVICES", ""),), "cpu")
    index = slot.gpu_index or 0
    if not probe.gpu_offload:
        note = f"GPU slot {index} runs on CPU: this llama-cpp-python has no GPU offload (rebuild with CUDA)"
    elif index >= probe.gpu_count:
        note = f"GPU slot {index} runs on CPU: pynvml sees {probe.gpu_count} GPU(s)"
    else:
        return DevicePlan(-1, slot.n_threads, (("CUDA_VISIBLE_DEVICES", str(index)),), f"cuda:{index}")
    return DevicePlan(0, slot.n_threads, (("CUDA_VISIBLE_DEVICES", ""),), "cpu", note)


def count_gpus() -> int:
    """GPUs pynvml sees; 0 when pynvml or the driver is missing. Never raises."""
    try:
        import pynvml

        pynvml.nvmlInit()
    except Exception:  # no driver, no library: no GPU, for our purpose
        return 0
    try:
        return int(pynvml.nvmlDeviceGetCount())
    except Exception:
        return 0
    finally:
        with contextlib.suppress(Exception):  # a failed shutdown changes nothing we report
            pynvml.nvmlShutdown()


def gpu_offload_supported() -> bool:
    """Whether the installed llama.cpp can offload layers to a GPU. Never raises.

    Asked in a child process so that ``llama_cpp`` (and its global state) stays out of the broker's process.
    """
    code = "import llama_cpp; print(int(bool(llama_cpp.llama_supports_gpu_offload())))"
    try:
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    except (OSError, subprocess.SubprocessError):
        return False
    return out.returncode == 0 and out.stdout.strip() == "1"


def probe_devices() -> DeviceProbe:
    """Probe this machine (about half a second: a child process imports ``llama_cpp``)."""
    return DeviceProbe(gpu_offload_supported(), count_gpus())
