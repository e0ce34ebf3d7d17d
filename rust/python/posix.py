"""The operating-system interface `os` is built on, over the runtime's in-memory file system.

RustPython has no `posix` module on wasm32-unknown-unknown; this one gives `os`, `open()`,
`pathlib`, `shutil`, `tempfile` and the import system a POSIX view of `_vfs`.
"""

import _vfs
import sys

error = OSError

F_OK, X_OK, W_OK, R_OK = 0, 1, 2, 4
SEEK_SET, SEEK_CUR, SEEK_END = 0, 1, 2
O_RDONLY, O_WRONLY, O_RDWR, O_ACCMODE = 0, 1, 2, 3
O_CREAT, O_EXCL, O_NOCTTY, O_TRUNC = 0o100, 0o200, 0o400, 0o1000
O_APPEND, O_NONBLOCK, O_NDELAY, O_SYNC, O_DSYNC = 0o2000, 0o4000, 0o4000, 0o4010000, 0o10000
O_DIRECTORY, O_NOFOLLOW, O_CLOEXEC = 0o200000, 0o400000, 0o2000000
EX_OK = 0
WNOHANG = 1


def WIFSTOPPED(status):
    return False


def WIFEXITED(status):
    return True


def WEXITSTATUS(status):
    return status >> 8


def WIFSIGNALED(status):
    return False


def WTERMSIG(status):
    return 0


def WSTOPSIG(status):
    return 0


def WIFCONTINUED(status):
    return False


def WCOREDUMP(status):
    return False

_SUPPORTED_FLAGS = (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | O_NONBLOCK
                    | O_SYNC | O_DSYNC | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)


def _path(path, *, allow_fd=False):
    """A str path from str, bytes or os.PathLike (and an int descriptor where allowed)."""
    if allow_fd and isinstance(path, int):
        return path
    if isinstance(path, (str, bytes)):
        p = path
    elif hasattr(type(path), "__fspath__"):
        p = type(path).__fspath__(path)
        if not isinstance(p, (str, bytes)):
            raise TypeError(f"expected {type(path).__name__}.__fspath__() to return str or bytes, "
                            f"not {type(p).__name__}")
    else:
        kind = "string, bytes, os.PathLike or integer" if allow_fd else "string, bytes or os.PathLike"
        raise TypeError(f"expected {kind}, not {type(path).__name__}")
    if isinstance(p, bytes):
        p = p.decode("utf-8", "surrogateescape")
    if "\0" in p:
        raise ValueError("embedded null byte")
    return p


def fspath(path):
    if isinstance(path, (str, bytes)):
        return path
    fspath_method = getattr(type(path), "__fspath__", None)
    if fspath_method is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    result = fspath_method(path)
    if isinstance(result, (str, bytes)):
        return result
    raise TypeError(f"expected {type(path).__name__}.__fspath__() to return str or bytes, "
                    f"not {type(result).__name__}")


class stat_result(tuple):
    """Like CPython's structseq: ten positional fields plus float and nanosecond times."""

    n_sequence_fields = 10
    n_fields = 16
    n_unnamed_fields = 3
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size")

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 10:
            raise TypeError(f"os.stat_result() takes an at least 10-sequence ({len(seq)}-sequence given)")
        head = tuple(int(v) for v in seq[:7]) + tuple(int(v) for v in seq[7:10])
        self = super().__new__(cls, head)
        times = seq[7:10]
        extra = dict or {}
        for i, name in enumerate(("st_atime", "st_mtime", "st_ctime")):
            t = extra.get(name, times[i])
            object.__setattr__(self, "_" + name, float(t))
            object.__setattr__(self, "_" + name + "_ns", int(round(float(t) * 1e9)))
        object.__setattr__(self, "_st_blksize", 4096)
        object.__setattr__(self, "_st_blocks", (head[6] + 511) // 512)
        return self

    def __setattr__(self, name, value):
        raise AttributeError("readonly attribute")

    def __reduce__(self):
        return (stat_result, (tuple(self),))

    def __repr__(self):
        fields = ", ".join(f"{n}={v}" for n, v in zip(self._names, self))
        return (f"os.stat_result({fields}, st_atime={self[7]}, st_mtime={self[8]}, st_ctime={self[9]})")

    st_mode = property(lambda s: s[0])
    st_ino = property(lambda s: s[1])
    st_dev = property(lambda s: s[2])
    st_nlink = property(lambda s: s[3])
    st_uid = property(lambda s: s[4])
    st_gid = property(lambda s: s[5])
    st_size = property(lambda s: s[6])
    st_atime = property(lambda s: s._st_atime)
    st_mtime = property(lambda s: s._st_mtime)
    st_ctime = property(lambda s: s._st_ctime)
    st_atime_ns = property(lambda s: s._st_atime_ns)
    st_mtime_ns = property(lambda s: s._st_mtime_ns)
    st_ctime_ns = property(lambda s: s._st_ctime_ns)
    st_blksize = property(lambda s: s._st_blksize)
    st_blocks = property(lambda s: s._st_blocks)


stat_result.__module__ = "os"


def _stat(raw):
    return stat_result(raw)


def stat(path, *, dir_fd=None, follow_symlinks=True):
    p = _path(path, allow_fd=True)
    return _stat(_vfs.fstat(p) if isinstance(p, int) else _vfs.stat(p))


def lstat(path, *, dir_fd=None):
    # The file system has no symbolic links, so lstat and stat agree.
    return stat(path, dir_fd=dir_fd)


def fstat(fd):
    return _stat(_vfs.fstat(fd))


def open(path, flags, mode=0o777, *, dir_fd=None):
    if flags & ~_SUPPORTED_FLAGS:
        raise ValueError(f"unsupported open flags: {flags & ~_SUPPORTED_FLAGS:#o}")
    return _vfs.open(_path(path), flags, mode)


def read(fd, n):
    return _vfs.read(fd, n)


def readinto(fd, buffer):
    data = _vfs.read(fd, len(buffer))
    memoryview(buffer).cast("B")[: len(data)] = data
    return len(data)


def write(fd, data):
    if fd in (1, 2) and not _vfs.is_open(fd):
        stream = sys.stdout if fd == 1 else sys.stderr
        text = bytes(data).decode("utf-8", "replace")
        stream.write(text)
        stream.flush()
        return len(data)
    return _vfs.write(fd, data)


def close(fd):
    _vfs.close(fd)


def closerange(fd_low, fd_high):
    for fd in range(fd_low, fd_high):
        if _vfs.is_open(fd):
            _vfs.close(fd)


def lseek(fd, position, whence):
    return _vfs.lseek(fd, position, whence)


def ftruncate(fd, length):
    _vfs.ftruncate(fd, length)


def truncate(path, length):
    p = _path(path, allow_fd=True)
    if isinstance(p, int):
        _vfs.ftruncate(p, length)
    else:
        _vfs.truncate(p, length)


def fsync(fd):
    _vfs.fstat(fd)


fdatasync = fsync


def isatty(fd):
    return False


def device_encoding(fd):
    return None


def get_inheritable(fd):
    _vfs.fstat(fd)
    return False


def set_inheritable(fd, inheritable):
    _vfs.fstat(fd)


def get_blocking(fd):
    _vfs.fstat(fd)
    return True


def set_blocking(fd, blocking):
    _vfs.fstat(fd)


def mkdir(path, mode=0o777, *, dir_fd=None):
    _vfs.mkdir(_path(path), mode)


def rmdir(path, *, dir_fd=None):
    _vfs.rmdir(_path(path))


def unlink(path, *, dir_fd=None):
    _vfs.unlink(_path(path))


remove = unlink


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _vfs.rename(_path(src), _path(dst))


replace = rename


def listdir(path=None):
    if path is None:
        return _vfs.listdir(".")
    if isinstance(path, int):
        raise OSError(9, "listdir on a file descriptor is not supported")
    names = _vfs.listdir(_path(path))
    if isinstance(path, bytes):
        return [n.encode("utf-8", "surrogateescape") for n in names]
    return names


def getcwd():
    return _vfs.getcwd()


def getcwdb():
    return _vfs.getcwd().encode("utf-8", "surrogateescape")


def chdir(path):
    _vfs.chdir(_path(path))


def chmod(path, mode, *, dir_fd=None, follow_symlinks=True):
    _vfs.chmod(_path(path), mode)


def lchmod(path, mode):
    chmod(path, mode)


def chown(path, uid, gid, *, dir_fd=None, follow_symlinks=True):
    _vfs.stat(_path(path))


def utime(path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True):
    if times is not None and ns is not None:
        raise ValueError("utime: you may specify either 'times' or 'ns' but not both")
    if ns is not None:
        times = (ns[0] / 1e9, ns[1] / 1e9)
    if times is None:
        _vfs.utime(_path(path), 0.0, 0.0, True)
    else:
        _vfs.utime(_path(path), float(times[0]), float(times[1]), False)


def umask(mask):
    return _vfs.umask(mask)


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    try:
        _vfs.stat(_path(path))
    except OSError:
        return False
    return True


def readlink(path, *, dir_fd=None):
    # No symbolic links exist: every existing path is "not a link" (EINVAL), as on Linux.
    _vfs.stat(_path(path))
    _vfs.raise_errno(22, _path(path))


def symlink(src, dst, target_is_directory=False, *, dir_fd=None):
    _vfs.raise_errno(1, _path(dst))


def link(src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True):
    _vfs.raise_errno(1, _path(dst))


def urandom(size):
    return _vfs.urandom(size)


def strerror(code):
    return _vfs.strerror(code)


def getpid():
    return 42


def getppid():
    return 1


def getuid():
    return 1000


geteuid = getuid


def getgid():
    return 1000


getegid = getgid


def getpgrp():
    return 42


def getlogin():
    return environ.get(b"USER", b"user").decode()


def getgroups():
    return [1000]


def cpu_count():
    return 1


def kill(pid, sig):
    _vfs.raise_errno(1, None)


def _exit(code):
    raise SystemExit(code)


def waitpid(pid, options):
    _vfs.raise_errno(10, None)  # ECHILD: no child process can exist


def waitstatus_to_exitcode(status):
    return status >> 8


class terminal_size(tuple):
    def __new__(cls, seq):
        return super().__new__(cls, tuple(seq))

    columns = property(lambda s: s[0])
    lines = property(lambda s: s[1])


def get_terminal_size(fd=1):
    _vfs.raise_errno(25, None)


class times_result(tuple):
    user = property(lambda s: s[0])
    system = property(lambda s: s[1])
    children_user = property(lambda s: s[2])
    children_system = property(lambda s: s[3])
    elapsed = property(lambda s: s[4])


def times():
    import time
    t = time.process_time()
    return times_result((t, 0.0, 0.0, 0.0, time.monotonic()))


class uname_result(tuple):
    sysname = property(lambda s: s[0])
    nodename = property(lambda s: s[1])
    release = property(lambda s: s[2])
    version = property(lambda s: s[3])
    machine = property(lambda s: s[4])


def uname():
    return uname_result(("wasm", "localhost", "0.6.0", "RustPython", "wasm32"))


class DirEntry:
    """An entry of `scandir`: the stat is taken once, on first need."""

    __slots__ = ("name", "path", "_stat")

    def __init__(self, directory, name, as_bytes):
        full = name if directory in ("", ".") and not as_bytes else (
            directory.rstrip("/") + "/" + name if directory != "/" else "/" + name)
        if as_bytes:
            self.name = name.encode("utf-8", "surrogateescape")
            self.path = full.encode("utf-8", "surrogateescape")
        else:
            self.name = name
            self.path = full
        self._stat = None

    def __fspath__(self):
        return self.path

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def stat(self, *, follow_symlinks=True):
        if self._stat is None:
            self._stat = stat(self.path)
        return self._stat

    def inode(self):
        return self.stat().st_ino

    def is_dir(self, *, follow_symlinks=True):
        try:
            return (self.stat().st_mode & 0o170000) == 0o040000
        except FileNotFoundError:
            return False

    def is_file(self, *, follow_symlinks=True):
        try:
            return (self.stat().st_mode & 0o170000) == 0o100000
        except FileNotFoundError:
            return False

    def is_symlink(self):
        return False

    def is_junction(self):
        return False

    @classmethod
    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class _ScandirIterator:
    def __init__(self, path):
        as_bytes = isinstance(path, bytes)
        directory = "." if path is None else _path(path)
        self._entries = iter([DirEntry(directory, n, as_bytes) for n in _vfs.listdir(directory)])

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._entries)

    def close(self):
        self._entries = iter(())

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def scandir(path=None):
    return _ScandirIterator(path)


# os.environ (bytes to bytes on POSIX); `_pyffi_boot` fills it from the `env` option.
environ = {}


def putenv(key, value):
    environ[key if isinstance(key, bytes) else key.encode()] = (
        value if isinstance(value, bytes) else value.encode())


def unsetenv(key):
    environ.pop(key if isinstance(key, bytes) else key.encode(), None)


_have_functions = []
