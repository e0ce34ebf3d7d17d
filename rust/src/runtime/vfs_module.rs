//! `_vfs`: the runtime's in-memory file system as primitive Python functions. The frozen
//! `posix` module (rust/python/posix.py) builds the `os` interface on top of these.

pub(crate) use _vfs::module_def;

#[pymodule]
mod _vfs {
    use crate::state::runtime;
    use rustpython_vm::{
        AsObject, PyObjectRef, PyResult, VirtualMachine,
        builtins::{PyBaseExceptionRef, PyStrRef, PyTypeRef},
        function::ArgBytesLike,
    };
    use vfs::{FsError, Stat, errno};

    fn os_error_type(code: i32, vm: &VirtualMachine) -> PyTypeRef {
        let e = &vm.ctx.exceptions;
        match code {
            errno::ENOENT => e.file_not_found_error,
            errno::EEXIST => e.file_exists_error,
            errno::EISDIR => e.is_a_directory_error,
            errno::ENOTDIR => e.not_a_directory_error,
            errno::EACCES | errno::EPERM => e.permission_error,
            errno::EAGAIN | errno::EALREADY | errno::EINPROGRESS => e.blocking_io_error,
            errno::EINTR => e.interrupted_error,
            errno::ETIMEDOUT => e.timeout_error,
            errno::EPIPE | errno::ESHUTDOWN => e.broken_pipe_error,
            errno::ECHILD => e.child_process_error,
            errno::ESRCH => e.process_lookup_error,
            errno::ECONNREFUSED => e.connection_refused_error,
            errno::ECONNRESET => e.connection_reset_error,
            errno::ECONNABORTED => e.connection_aborted_error,
            _ => e.os_error,
        }
        .to_owned()
    }

    /// `OSError(errno, strerror, filename[, None, filename2])` of the subclass CPython picks.
    pub(crate) fn os_error(err: FsError, paths: &[&str], vm: &VirtualMachine) -> PyBaseExceptionRef {
        let cls = os_error_type(err.0, vm);
        let mut args: Vec<PyObjectRef> = vec![vm.ctx.new_int(err.0).into(), vm.ctx.new_str(err.message()).into()];
        match paths {
            [] => {}
            [one] => args.push(vm.ctx.new_str(*one).into()),
            [one, two, ..] => {
                args.push(vm.ctx.new_str(*one).into());
                args.push(vm.ctx.none());
                args.push(vm.ctx.new_str(*two).into());
            }
        }
        match cls.as_object().call(args, vm) {
            Ok(obj) => obj.downcast().unwrap_or_else(|_| vm.new_os_error(err.message().to_owned())),
            Err(e) => e,
        }
    }

    fn text(path: &PyStrRef, vm: &VirtualMachine) -> PyResult<String> {
        path.to_str()
            .map(str::to_owned)
            .ok_or_else(|| vm.new_value_error("file names with lone surrogates are not supported"))
    }

    fn stat_tuple(st: Stat, vm: &VirtualMachine) -> PyObjectRef {
        let ints = [st.mode as u64, st.ino, 0, st.nlink as u64, 0, 0, st.size];
        let mut items: Vec<PyObjectRef> = ints.iter().map(|&v| vm.ctx.new_int(v).into()).collect();
        items.extend([st.atime, st.mtime, st.ctime].iter().map(|&t| vm.ctx.new_float(t).into()));
        vm.ctx.new_tuple(items).into()
    }

    macro_rules! fs {
        ($vm:expr, |$fs:ident| $body:expr) => {{
            let rt = runtime($vm)?;
            #[allow(unused_mut)]
            let mut $fs = rt.vfs.borrow_mut();
            $body
        }};
    }

    #[pyfunction]
    fn stat(path: PyStrRef, vm: &VirtualMachine) -> PyResult {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.stat(&p).map(|st| stat_tuple(st, vm)).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn fstat(fd: i32, vm: &VirtualMachine) -> PyResult {
        fs!(vm, |fs| fs.fstat(fd).map(|st| stat_tuple(st, vm)).map_err(|e| os_error(e, &[], vm)))
    }

    #[pyfunction]
    fn open(path: PyStrRef, flags: i32, mode: u32, vm: &VirtualMachine) -> PyResult<i32> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.open(&p, flags, mode).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn read(fd: i32, n: isize, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        if n < 0 {
            return Err(vm.new_value_error("negative read length"));
        }
        let data = fs!(vm, |fs| fs.read(fd, n as usize).map_err(|e| os_error(e, &[], vm)))?;
        Ok(vm.ctx.new_bytes(data).into())
    }

    #[pyfunction]
    fn write(fd: i32, data: ArgBytesLike, vm: &VirtualMachine) -> PyResult<usize> {
        let bytes = data.borrow_buf().to_vec();
        fs!(vm, |fs| fs.write(fd, &bytes).map_err(|e| os_error(e, &[], vm)))
    }

    #[pyfunction]
    fn lseek(fd: i32, offset: i64, whence: i32, vm: &VirtualMachine) -> PyResult<u64> {
        fs!(vm, |fs| fs.lseek(fd, offset, whence).map_err(|e| os_error(e, &[], vm)))
    }

    #[pyfunction]
    fn close(fd: i32, vm: &VirtualMachine) -> PyResult<()> {
        fs!(vm, |fs| fs.close(fd).map_err(|e| os_error(e, &[], vm)))
    }

    #[pyfunction]
    fn is_open(fd: i32, vm: &VirtualMachine) -> PyResult<bool> {
        fs!(vm, |fs| Ok(fs.is_open(fd)))
    }

    #[pyfunction]
    fn ftruncate(fd: i32, length: u64, vm: &VirtualMachine) -> PyResult<()> {
        fs!(vm, |fs| fs.ftruncate(fd, length).map_err(|e| os_error(e, &[], vm)))
    }

    #[pyfunction]
    fn truncate(path: PyStrRef, length: u64, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.truncate(&p, length).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn mkdir(path: PyStrRef, mode: u32, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.mkdir(&p, mode).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn rmdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.rmdir(&p).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn unlink(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.unlink(&p).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn rename(src: PyStrRef, dst: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let (a, b) = (text(&src, vm)?, text(&dst, vm)?);
        fs!(vm, |fs| fs.rename(&a, &b).map_err(|e| os_error(e, &[&a, &b], vm)))
    }

    #[pyfunction]
    fn listdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        let p = text(&path, vm)?;
        let names = fs!(vm, |fs| fs.readdir(&p).map_err(|e| os_error(e, &[&p], vm)))?;
        Ok(vm.ctx.new_list(names.into_iter().map(|n| vm.ctx.new_str(n).into()).collect()).into())
    }

    #[pyfunction]
    fn getcwd(vm: &VirtualMachine) -> PyResult<String> {
        fs!(vm, |fs| Ok(fs.getcwd().to_owned()))
    }

    #[pyfunction]
    fn chdir(path: PyStrRef, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.chdir(&p).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn chmod(path: PyStrRef, mode: u32, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        fs!(vm, |fs| fs.chmod(&p, mode).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn utime(path: PyStrRef, atime: f64, mtime: f64, now: bool, vm: &VirtualMachine) -> PyResult<()> {
        let p = text(&path, vm)?;
        let times = if now { None } else { Some((atime, mtime)) };
        fs!(vm, |fs| fs.utime(&p, times).map_err(|e| os_error(e, &[&p], vm)))
    }

    #[pyfunction]
    fn umask(mask: u32, vm: &VirtualMachine) -> PyResult<u32> {
        fs!(vm, |fs| Ok(fs.umask(mask)))
    }

    /// Raises the OSError subclass for `code`, as a failed call on `path` would.
    #[pyfunction]
    fn raise_errno(code: i32, path: Option<PyStrRef>, vm: &VirtualMachine) -> PyResult<()> {
        let p = path.map(|p| p.as_wtf8().to_string_lossy().into_owned());
        let paths: Vec<&str> = p.iter().map(String::as_str).collect();
        Err(os_error(FsError(code), &paths, vm))
    }

    /// Where the standard library is mounted (it goes on `sys.path`).
    #[pyfunction]
    fn stdlib_dir() -> &'static str {
        crate::runtime::stdlib::STDLIB_DIR
    }

    /// Keeps the compiled code of a standard-library module for runtimes created later.
    #[pyfunction]
    fn share_bytecode(path: PyStrRef, data: ArgBytesLike) {
        if let Some(path) = path.to_str() {
            data.with_ref(|bytes| crate::runtime::stdlib::share_bytecode(path, bytes));
        }
    }

    #[pyfunction]
    fn strerror(code: i32) -> &'static str {
        errno::message(code)
    }

    #[pyfunction]
    fn errno_codes(vm: &VirtualMachine) -> PyObjectRef {
        let pairs = errno::ALL.iter().map(|&(name, code)| vm.new_tuple((name, code)).into()).collect();
        vm.ctx.new_list(pairs).into()
    }

    /// Bytes from the platform's crypto source (crypto.getRandomValues).
    #[pyfunction]
    fn urandom(n: isize, vm: &VirtualMachine) -> PyResult<PyObjectRef> {
        if n < 0 {
            return Err(vm.new_value_error("negative argument not allowed"));
        }
        let mut buf = vec![0u8; n as usize];
        getrandom::fill(&mut buf).map_err(|e| vm.new_os_error(format!("no randomness available: {e}")))?;
        Ok(vm.ctx.new_bytes(buf).into())
    }
}
