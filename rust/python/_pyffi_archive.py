"""Unpacks an archive's bytes into the file system: `unpackArchive` of the runtime (Pyodide's
signature) and `FS.unpackArchive`, and the `files` entries of PyScript's configuration whose
destination ends in `*`. The formats are `shutil`'s (zip, tar, gztar, bztar, xztar) plus
"wheel"; a file extension (".zip", "tar.gz", ".tgz", ...) names its format too, as in Pyodide."""

import os
import shutil
import tempfile


def _format(name):
    name = str(name)
    if name in ("wheel", ".whl", "whl"):
        return "zip"
    for format_name, extensions, _ in shutil.get_unpack_formats():
        if name == format_name or name in extensions or "." + name in extensions:
            return format_name
    raise ValueError(f"Unrecognized format {name}")


def format_of(url):
    """The format a URL's file name says (".zip", ".tar.gz", ".tgz", ...), or None."""
    path = str(url).split("?", 1)[0].split("#", 1)[0].lower()
    for format_name, extensions, _ in shutil.get_unpack_formats():
        if any(path.endswith(extension) for extension in extensions):
            return format_name
    if path.endswith(".whl"):
        return "zip"
    return None


def unpack(data, format, extract_dir=None):
    """Writes `data` (bytes-like) to a temporary file and unpacks it into `extract_dir` (default:
    the working directory), creating the folder if needed."""
    format_name = _format(format)
    if hasattr(data, "to_bytes"):
        data = data.to_bytes()  # a JsProxy of a Uint8Array
    target = extract_dir if extract_dir is not None else os.getcwd()
    os.makedirs(target, exist_ok=True)
    handle, path = tempfile.mkstemp()
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        options = {"filter": "data"} if format_name != "zip" else {}
        shutil.unpack_archive(path, target, format_name, **options)
    finally:
        os.unlink(path)
