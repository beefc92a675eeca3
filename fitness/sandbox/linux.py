"""Thin ctypes wrappers over the Linux primitives the sandbox needs and Python 3.11 lacks.

Namespaces (``unshare``), ``mount``, ``prctl``, capabilities and Landlock. Every function raises
``OSError`` with the errno on failure, so a caller can probe a mechanism and fall back.
Imported by the sandbox worker before any untrusted code runs; imports only the standard library.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import platform
import struct

_libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
_libc.syscall.restype = ctypes.c_long

CLONE_NEWNS = 0x00020000
CLONE_NEWUSER = 0x10000000
CLONE_NEWPID = 0x20000000
CLONE_NEWNET = 0x40000000

MS_REC = 0x4000
MS_PRIVATE = 1 << 18
MS_NOSUID = 0x2
MS_NODEV = 0x4

PR_SET_PDEATHSIG = 1
PR_CAPBSET_DROP = 24
PR_SET_SECUREBITS = 28
PR_SET_NO_NEW_PRIVS = 38
PR_SET_CHILD_SUBREAPER = 36
# SECBIT_NOROOT, NO_SETUID_FIXUP, KEEP_CAPS, NO_CAP_AMBIENT_RAISE, each with its _LOCKED bit.
SECURE_ALL_BITS = 0x01 | 0x02 | 0x04 | 0x08 | 0x10 | 0x20 | 0x40 | 0x80 | 0x100 | 0x200
SECURE_KEEP_CAPS_OFF = SECURE_ALL_BITS & ~0x10  # keep-caps off, but locked

# Landlock syscall numbers are the same on every architecture (generic table).
_SYS_LANDLOCK_CREATE_RULESET = 444
_SYS_LANDLOCK_ADD_RULE = 445
_SYS_LANDLOCK_RESTRICT_SELF = 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1

FS_EXECUTE = 1 << 0
FS_WRITE_FILE = 1 << 1
FS_READ_FILE = 1 << 2
FS_READ_DIR = 1 << 3
FS_REMOVE_DIR = 1 << 4
FS_REMOVE_FILE = 1 << 5
FS_MAKE_CHAR = 1 << 6
FS_MAKE_DIR = 1 << 7
FS_MAKE_REG = 1 << 8
FS_MAKE_SOCK = 1 << 9
FS_MAKE_FIFO = 1 << 10
FS_MAKE_BLOCK = 1 << 11
FS_MAKE_SYM = 1 << 12
FS_REFER = 1 << 13
FS_TRUNCATE = 1 << 14
FS_IOCTL_DEV = 1 << 15
NET_BIND_TCP = 1 << 0
NET_CONNECT_TCP = 1 << 1
SCOPE_ABSTRACT_UNIX = 1 << 0
SCOPE_SIGNAL = 1 << 1

FS_READ = FS_EXECUTE | FS_READ_FILE | FS_READ_DIR
_FILE_RIGHTS = FS_EXECUTE | FS_WRITE_FILE | FS_READ_FILE | FS_TRUNCATE | FS_IOCTL_DEV


def _check(result: int) -> int:
    if result < 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err))
    return result


def unshare(flags: int) -> None:
    """``unshare(2)``."""
    _check(_libc.unshare(ctypes.c_int(flags)))


def mount(source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    """``mount(2)``."""
    _check(
        _libc.mount(
            source.encode(),
            target.encode(),
            fstype.encode() if fstype else None,
            ctypes.c_ulong(flags),
            data.encode() if data else None,
        )
    )


def prctl(option: int, arg: int = 0) -> None:
    """``prctl(2)`` with one argument."""
    _check(
        _libc.prctl(
            ctypes.c_int(option), ctypes.c_ulong(arg), ctypes.c_ulong(0), ctypes.c_ulong(0), ctypes.c_ulong(0)
        )
    )


def drop_all_capabilities() -> None:
    """Lock root out of its privileges for good: securebits, bounding set, then every capability set.

    After this a process running as uid 0 can no longer raise rlimits, regain capabilities by ``execve``
    of a set-uid program, mount, load modules or bypass file permissions beyond what its uid owns.
    """
    # Without the privilege to set securebits there are no capabilities to drop either.
    with contextlib.suppress(OSError):
        prctl(PR_SET_SECUREBITS, SECURE_KEEP_CAPS_OFF)
    for cap in range(64):
        try:
            prctl(PR_CAPBSET_DROP, cap)
        except OSError:
            break  # EINVAL past the last capability, EPERM without CAP_SETPCAP
    header = struct.pack("=Ii", 0x20080522, 0)  # _LINUX_CAPABILITY_VERSION_3, this thread
    data = bytes(24)  # two __user_cap_data_struct of zeros
    hbuf = ctypes.create_string_buffer(header, len(header))
    dbuf = ctypes.create_string_buffer(data, len(data))
    _check(_libc.capset(hbuf, dbuf))


def landlock_abi() -> int:
    """The kernel's Landlock ABI version, 0 when Landlock is unavailable."""
    try:
        return _check(
            _libc.syscall(
                _SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), _LANDLOCK_CREATE_RULESET_VERSION
            )
        )
    except OSError:
        return 0


def _fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= FS_REFER
    if abi >= 3:
        rights |= FS_TRUNCATE
    if abi >= 5:
        rights |= FS_IOCTL_DEV
    return rights


def landlock_restrict(
    read_paths: list[str], write_paths: list[str], abi: int, list_paths: list[str] | None = None
) -> None:
    """Confine this thread (and its future children) with Landlock; irreversible.

    Only ``read_paths`` may be read (and executed), only ``write_paths`` read and written, ``list_paths``
    only listed (directory entries beneath them, never file contents: the import system lists the
    standard library's directory, whose files are allowed one by one); every TCP
    bind and connect is refused (ABI 4+); signals to and abstract unix sockets of processes outside the
    domain are refused (ABI 6+). Paths that do not exist are skipped. Sets ``no_new_privs``.

    Raises:
        OSError: Landlock is unavailable or refused the ruleset.
    """
    handled_fs = _fs_rights(abi)
    handled_net = NET_BIND_TCP | NET_CONNECT_TCP if abi >= 4 else 0
    scoped = SCOPE_ABSTRACT_UNIX | SCOPE_SIGNAL if abi >= 6 else 0
    if abi >= 6:
        attr = struct.pack("=QQQ", handled_fs, handled_net, scoped)
    elif abi >= 4:
        attr = struct.pack("=QQ", handled_fs, handled_net)
    else:
        attr = struct.pack("=Q", handled_fs)
    abuf = ctypes.create_string_buffer(attr, len(attr))
    ruleset = _check(_libc.syscall(_SYS_LANDLOCK_CREATE_RULESET, abuf, ctypes.c_size_t(len(attr)), 0))
    try:
        rules = ((list_paths or [], FS_READ_DIR), (read_paths, FS_READ), (write_paths, handled_fs))
        for paths, rights in rules:
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue
                try:
                    allowed = rights if os.path.isdir(path) else rights & _FILE_RIGHTS
                    rule = struct.pack("=Qi", allowed & handled_fs, fd)
                    rbuf = ctypes.create_string_buffer(rule, len(rule))
                    _check(
                        _libc.syscall(_SYS_LANDLOCK_ADD_RULE, ruleset, _LANDLOCK_RULE_PATH_BENEATH, rbuf, 0)
                    )
                finally:
                    os.close(fd)
        prctl(PR_SET_NO_NEW_PRIVS, 1)
        _check(_libc.syscall(_SYS_LANDLOCK_RESTRICT_SELF, ruleset, 0))
    finally:
        os.close(ruleset)


def machine() -> str:
    """The CPU architecture, for reports."""
    return platform.machine()


_SECCOMP_SET_MODE_FILTER = 1
_PR_SET_SECCOMP = 22
_AUDIT_ARCH = {"x86_64": (0xC000003E, 41, 0x40000000), "aarch64": (0xC00000B7, 198, 0)}


def _bpf(code: int, jt: int, jf: int, k: int) -> bytes:
    return struct.pack("=HBBI", code, jt, jf, k)


def deny_socket_creation() -> bool:
    """Install a seccomp filter making ``socket(2)`` fail with EACCES; False on an unknown architecture.

    Inherited descriptors (the LLM channel) keep working; what this stops is a new socket of any family,
    notably ``AF_UNIX`` connections to pathname sockets (Redis, a model server), which network namespaces
    and Landlock do not cover. Requires ``no_new_privs``.
    """
    arch = _AUDIT_ARCH.get(platform.machine())
    if arch is None:
        return False
    audit, nr_socket, x32 = arch
    ld_w_abs, jeq, jge, ret = 0x20, 0x15, 0x35, 0x06
    allow, kill, eacces = 0x7FFF0000, 0x80000000, 0x00050000 | 13
    prog = [
        _bpf(ld_w_abs, 0, 0, 4),  # seccomp_data.arch
        _bpf(jeq, 1, 0, audit),
        _bpf(ret, 0, 0, kill),
        _bpf(ld_w_abs, 0, 0, 0),  # seccomp_data.nr
    ]
    if x32:
        prog.append(_bpf(jge, 0, 1, x32))
        prog.append(_bpf(ret, 0, 0, eacces))
    prog += [_bpf(jeq, 0, 1, nr_socket), _bpf(ret, 0, 0, eacces), _bpf(ret, 0, 0, allow)]
    filt = b"".join(prog)
    fbuf = ctypes.create_string_buffer(filt, len(filt))
    fprog = struct.pack("=HxxxxxxQ", len(prog), ctypes.addressof(fbuf))
    pbuf = ctypes.create_string_buffer(fprog, len(fprog))
    _check(_libc.prctl(ctypes.c_int(_PR_SET_SECCOMP), ctypes.c_ulong(_SECCOMP_SET_MODE_FILTER), pbuf, 0, 0))
    return True


MS_RDONLY = 0x1
MS_REMOUNT = 0x20
MS_BIND = 0x1000
MNT_DETACH = 2
_SYS_PIVOT_ROOT = {"x86_64": 155, "aarch64": 41}


def pivot_root(new_root: str, put_old: str) -> None:
    """``pivot_root(2)`` (glibc has no wrapper)."""
    nr = _SYS_PIVOT_ROOT.get(platform.machine())
    if nr is None:
        raise OSError(38, f"pivot_root: unknown syscall number on {platform.machine()}")
    _check(_libc.syscall(nr, new_root.encode(), put_old.encode()))


def umount_detach(target: str) -> None:
    """``umount2(target, MNT_DETACH)``."""
    _check(_libc.umount2(target.encode(), ctypes.c_int(MNT_DETACH)))


def build_root(new_root: str, read_only: list[str], read_write: list[str]) -> None:
    """Turn the (already mounted, private) directory ``new_root`` into this process's ``/``.

    Only the listed paths exist in it, at their usual places: ``read_only`` bind-mounted read-only,
    ``read_write`` bind-mounted as they are (``/proc``, device files). Symlinks are recreated as
    symlinks. Everything else on the host (the repository, task data, run directories and their unix
    sockets) is gone from this mount namespace. Must run in a private mount namespace.

    Raises:
        OSError: a mount or the pivot failed; the caller keeps the old root.
    """
    bound: list[str] = []
    for path, writable in sorted([(p, False) for p in read_only] + [(p, True) for p in read_write]):
        if not os.path.lexists(path) or any(path == b or path.startswith(b.rstrip("/") + "/") for b in bound):
            continue
        target = new_root + path
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        if os.path.islink(path):
            if not os.path.lexists(target):
                os.symlink(os.readlink(path), target)
            continue
        if os.path.isdir(path):
            os.makedirs(target, mode=0o755, exist_ok=True)
        else:
            with open(target, "a"):
                pass
        mount(path, target, None, MS_BIND | MS_REC, None)
        if not writable:
            mount("none", target, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID, None)
        bound.append(path)
    old = os.path.join(new_root, ".oldroot")
    os.makedirs(old, exist_ok=True)
    pivot_root(new_root, old)
    os.chdir("/")
    umount_detach("/.oldroot")
    os.rmdir("/.oldroot")
