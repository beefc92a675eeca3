"""Slot → device selection, including the GPU path on machines without one."""

from __future__ import annotations

import shutil
import subprocess

from llm.devices import DeviceProbe, Slot, SlotKind, plan_device, probe_devices


def test_cpu_slot_uses_threads_and_hides_gpus() -> None:
    plan = plan_device(Slot.cpu(3), DeviceProbe(gpu_offload=True, gpu_count=2))
    assert (plan.n_gpu_layers, plan.n_threads, plan.device) == (0, 3, "cpu")
    assert dict(plan.env)["CUDA_VISIBLE_DEVICES"] == ""


def test_gpu_slot_offloads_everything_to_its_device() -> None:
    plan = plan_device(Slot.gpu(1), DeviceProbe(gpu_offload=True, gpu_count=2))
    assert (plan.n_gpu_layers, plan.device, plan.note) == (-1, "cuda:1", "")
    assert dict(plan.env)["CUDA_VISIBLE_DEVICES"] == "1"


def test_gpu_slot_without_cuda_build_degrades_to_cpu() -> None:
    plan = plan_device(Slot.gpu(0), DeviceProbe(gpu_offload=False, gpu_count=1))
    assert (plan.n_gpu_layers, plan.device) == (0, "cpu")
    assert "no GPU offload" in plan.note


def test_gpu_slot_beyond_visible_gpus_degrades_to_cpu() -> None:
    plan = plan_device(Slot.gpu(2), DeviceProbe(gpu_offload=True, gpu_count=1))
    assert plan.n_gpu_layers == 0
    assert "sees 1 GPU" in plan.note


def test_probe_counts_what_nvidia_smi_lists_and_cpu_slot_default_has_threads() -> None:
    probe = probe_devices()
    # An independent count: nvidia-smi's device list (absent or failing on a machine without a driver: 0).
    smi = shutil.which("nvidia-smi")
    listed = subprocess.run([smi, "-L"], capture_output=True, text=True).stdout if smi else ""
    assert probe.gpu_count == sum(line.startswith("GPU ") for line in listed.splitlines())
    slot = Slot.cpu()
    assert slot.kind is SlotKind.CPU and slot.n_threads >= 1
