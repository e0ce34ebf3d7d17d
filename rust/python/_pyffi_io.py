"""`open()` and the standard streams for this runtime.

RustPython's `_io.open` needs a native FileIO that wasm32 lacks; this FileIO is a raw stream
over `posix` descriptors, and `open` wraps it in `_io`'s native buffered and text layers.
"""

import _io
import _pyffi
import posix
import sys

_SEEK_SET, _SEEK_CUR, _SEEK_END = 0, 1, 2


class FileIO(_io._RawIOBase):
    """A raw binary stream over a file descriptor of the virtual file system."""

    _fd = -1
    _closefd = True

    def __init__(self, file, mode="r", closefd=True, opener=None):
        if self._fd >= 0:
            if self._closefd:
                self.close()
        if isinstance(file, float):
            raise TypeError("integer argument expected, got float")
        if not isinstance(mode, str):
            raise TypeError(f"invalid mode: {mode}")
        modes = set(mode)
        if not modes <= set("xrwab+") or len(mode) != len(modes):
            raise ValueError(f"invalid mode: {mode}")
        if sum(c in "rwax" for c in mode) != 1 or mode.count("+") > 1:
            raise ValueError("Must have exactly one of create/read/write/append mode and at most one plus")
        self._readable = "r" in mode or "+" in mode
        self._writable = "r" not in mode or "+" in mode
        self._appending = "a" in mode
        self._created = "x" in mode
        flags = posix.O_RDWR if self._readable and self._writable else (
            posix.O_RDONLY if self._readable else posix.O_WRONLY)
        if "x" in mode:
            flags |= posix.O_EXCL | posix.O_CREAT
        elif "w" in mode:
            flags |= posix.O_CREAT | posix.O_TRUNC
        elif "a" in mode:
            flags |= posix.O_APPEND | posix.O_CREAT
        flags |= posix.O_CLOEXEC

        if isinstance(file, int):
            if file < 0:
                raise ValueError("negative file descriptor")
            fd = file
            posix.fstat(fd)
        else:
            if not closefd:
                raise ValueError("Cannot use closefd=False with file name")
            if opener is None:
                fd = posix.open(file, flags, 0o666)
            else:
                fd = opener(file, flags)
                if not isinstance(fd, int):
                    raise TypeError("expected integer from opener")
                if fd < 0:
                    raise OSError(f"Negative file descriptor {fd}")
        try:
            st = posix.fstat(fd)
            if (st.st_mode & 0o170000) == 0o040000:
                import errno
                raise IsADirectoryError(errno.EISDIR, posix.strerror(errno.EISDIR), file)
            self._blksize = 8192
            self._fd = fd
            self._closefd = closefd
            self.name = file
            self.mode = self._mode_string()
            if self._appending:
                posix.lseek(fd, 0, _SEEK_END)
        except BaseException:
            if not isinstance(file, int):
                posix.close(fd)
            raise

    def _mode_string(self):
        if self._created:
            return "xb+" if self._readable else "xb"
        if self._appending:
            return "ab+" if self._readable else "ab"
        if self._readable:
            return "rb+" if self._writable else "rb"
        return "wb"

    def _check_open(self):
        if self._fd < 0:
            raise ValueError("I/O operation on closed file")

    def _check_readable(self):
        if not self._readable:
            raise _io.UnsupportedOperation("File not open for reading")

    def _check_writable(self):
        if not self._writable:
            raise _io.UnsupportedOperation("File not open for writing")

    @property
    def closed(self):
        return self._fd < 0

    @property
    def closefd(self):
        return self._closefd

    def fileno(self):
        self._check_open()
        return self._fd

    def readable(self):
        self._check_open()
        return self._readable

    def writable(self):
        self._check_open()
        return self._writable

    def seekable(self):
        self._check_open()
        return True

    def isatty(self):
        self._check_open()
        return False

    def read(self, size=-1):
        self._check_open()
        self._check_readable()
        if size is None or size < 0:
            return self.readall()
        return posix.read(self._fd, size)

    def readall(self):
        self._check_open()
        self._check_readable()
        chunks = []
        while True:
            chunk = posix.read(self._fd, 1 << 20)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def readinto(self, buffer):
        self._check_open()
        self._check_readable()
        return posix.readinto(self._fd, buffer)

    def write(self, data):
        self._check_open()
        self._check_writable()
        return posix.write(self._fd, data)

    def seek(self, pos, whence=_SEEK_SET):
        if isinstance(pos, float):
            raise TypeError("an integer is required")
        self._check_open()
        return posix.lseek(self._fd, pos, whence)

    def tell(self):
        self._check_open()
        return posix.lseek(self._fd, 0, _SEEK_CUR)

    def truncate(self, size=None):
        self._check_open()
        self._check_writable()
        if size is None:
            size = self.tell()
        posix.ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            try:
                super().close()
            finally:
                if self._closefd:
                    posix.close(self._fd)
                self._fd = -1

    def __repr__(self):
        if self._fd < 0:
            return "<_io.FileIO [closed]>"
        return f"<_io.FileIO name={self.name!r} mode={self.mode!r} closefd={self._closefd!r}>"

    def __getstate__(self):
        raise TypeError(f"cannot pickle {type(self).__name__!r} object")


FileIO.__module__ = "_io"
FileIO.__qualname__ = FileIO.__name__ = "FileIO"


def open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None,
         closefd=True, opener=None):
    """Python's built-in `open`, over the runtime's file system."""
    if not isinstance(file, int):
        file = posix.fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError(f"invalid file: {file!r}")
    if not isinstance(mode, str):
        raise TypeError(f"invalid mode: {mode!r}")
    modes = set(mode)
    if not modes <= set("axrwb+t") or len(mode) > len(modes):
        raise ValueError(f"invalid mode: '{mode}'")
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if sum(c in "rwax" for c in mode) != 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    raw_mode = "".join(c for c in mode if c in "rwax+")
    raw = FileIO(file, raw_mode, closefd, opener=opener)
    result = raw
    try:
        line_buffering = buffering == 1
        if buffering < 0 or buffering == 1:
            buffering = _io.DEFAULT_BUFFER_SIZE
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if "+" in mode:
            buffer = _io.BufferedRandom(raw, buffering)
        elif "w" in mode or "a" in mode or "x" in mode:
            buffer = _io.BufferedWriter(raw, buffering)
        else:
            buffer = _io.BufferedReader(raw, buffering)
        result = buffer
        if binary:
            return result
        if encoding is None:
            encoding = "utf-8"
        wrapper = _io.TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = wrapper
        wrapper.mode = mode
        return result
    except BaseException:
        result.close()
        raise


def open_code(path):
    if not isinstance(path, str):
        raise TypeError(f"open_code() argument 'path' must be str, not {type(path).__name__}")
    return open(path, "rb")


class OutputStream(_io._TextIOBase):
    """sys.stdout / sys.stderr: complete lines go to the JS callback, like Pyodide's batched mode."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None

    def __init__(self, fd, name):
        self._fd = fd
        self._pending = ""
        self.name = name
        self.mode = "w"

    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        if "\n" not in s:
            self._pending += s
            return len(s)
        text = self._pending + s
        *lines, self._pending = text.split("\n")
        for line in lines:
            _pyffi.write_output(self._fd, line)
        return len(s)

    def flush(self):
        if self._pending:
            line, self._pending = self._pending, ""
            _pyffi.write_output(self._fd, line)

    def writable(self):
        return True

    def readable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        return False

    def fileno(self):
        return self._fd

    @property
    def closed(self):
        return False

    def close(self):
        self.flush()

    @property
    def buffer(self):
        return _BinaryOutput(self)


class _BinaryOutput:
    """`sys.stdout.buffer`: bytes written are decoded as UTF-8 and passed on."""

    def __init__(self, text_stream):
        self._text = text_stream

    def write(self, b):
        self._text.write(bytes(b).decode("utf-8", "replace"))
        return len(b)

    def flush(self):
        self._text.flush()


class InputStream(_io._TextIOBase):
    """sys.stdin: text from the runtime's stdin handler (loadPython's `stdin`, `py.setStdin`),
    asked for a chunk (a line, usually) only when what is buffered does not answer the read."""

    encoding = "utf-8"
    errors = "strict"
    newlines = None
    name = "<stdin>"
    mode = "r"

    def __init__(self):
        self._buffered = ""
        self._closed = False

    def _check_open(self):
        # Closing is for good, as in CPython (`exit()` closes sys.stdin before SystemExit).
        if self._closed:
            raise ValueError("I/O operation on closed file.")

    def _fill(self):
        """Appends the handler's next chunk; False at end of file (which is not sticky: a later
        read asks the handler again, as in Pyodide)."""
        chunk = _pyffi.read_input()
        if chunk is None:
            return False
        self._buffered += chunk
        return True

    def _take(self, n):
        out, self._buffered = self._buffered[:n], self._buffered[n:]
        return out

    def read(self, size=-1):
        self._check_open()
        if size is None or size < 0:
            while self._fill():
                pass
            return self._take(len(self._buffered))
        while len(self._buffered) < size and self._fill():
            pass
        return self._take(size)

    def readline(self, size=-1):
        self._check_open()
        limited = size is not None and size >= 0
        while "\n" not in self._buffered and not (limited and len(self._buffered) >= size) and self._fill():
            pass
        end = self._buffered.find("\n") + 1 or len(self._buffered)
        return self._take(min(end, size) if limited else end)

    def readable(self):
        return True

    def writable(self):
        return False

    def seekable(self):
        return False

    def isatty(self):
        self._check_open()
        return _pyffi.input_isatty()

    def fileno(self):
        return 0

    @property
    def closed(self):
        return self._closed

    def close(self):
        self._closed = True
        self._buffered = ""

    @property
    def buffer(self):
        return _BinaryInput(self)


class _BinaryInput:
    """`sys.stdin.buffer`: the text read, encoded as UTF-8."""

    def __init__(self, text_stream):
        self._text = text_stream

    def read(self, size=-1):
        return self._text.read(size).encode("utf-8")

    def readline(self, size=-1):
        return self._text.readline(size).encode("utf-8")


def install():
    import builtins
    _io.FileIO = FileIO
    native_open = _pyffi.native_builtin("open", open)
    _io.open = native_open
    _io.open_code = open_code
    builtins.open = native_open
    sys.stdout = sys.__stdout__ = OutputStream(1, "<stdout>")
    sys.stderr = sys.__stderr__ = OutputStream(2, "<stderr>")
    sys.stdin = sys.__stdin__ = InputStream()
