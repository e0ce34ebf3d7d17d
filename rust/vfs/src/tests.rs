use super::flags::*;
use super::*;

fn clock() -> f64 {
    1_700_000_000.0
}

fn fs() -> Vfs {
    Vfs::with_standard_layout(clock)
}

#[test]
fn standard_layout_has_home_tmp_and_dev_null() {
    let fs = fs();
    assert_eq!(fs.getcwd(), "/home/user");
    assert!(fs.stat("/tmp").unwrap().is_dir());
    assert!(fs.stat("/home/user").unwrap().is_dir());
    assert_eq!(fs.stat("/dev/null").unwrap().mode & S_IFMT, S_IFCHR);
}

#[test]
fn normalize_resolves_dots_and_slashes() {
    assert_eq!(normalize("/a/./b//c/../d/"), "/a/b/d");
    assert_eq!(normalize("/../.."), "/");
    assert_eq!(normalize("/"), "/");
}

#[test]
fn relative_paths_start_at_cwd() {
    let mut fs = fs();
    fs.write_file("notes.txt", b"hi").unwrap();
    assert_eq!(fs.read_file("/home/user/notes.txt").unwrap(), b"hi");
    fs.chdir("/tmp").unwrap();
    assert_eq!(fs.read_file("../home/user/notes.txt").unwrap(), b"hi");
}

#[test]
fn write_read_seek_append() {
    let mut fs = fs();
    let fd = fs.open("/tmp/f", O_RDWR | O_CREAT, 0o644).unwrap();
    assert_eq!(fd, 3);
    assert_eq!(fs.write(fd, b"hello world").unwrap(), 11);
    assert_eq!(fs.lseek(fd, 0, 0).unwrap(), 0);
    assert_eq!(fs.read(fd, 5).unwrap(), b"hello");
    assert_eq!(fs.lseek(fd, -5, 2).unwrap(), 6);
    assert_eq!(fs.read(fd, 100).unwrap(), b"world");
    assert_eq!(fs.read(fd, 100).unwrap(), b"");
    fs.close(fd).unwrap();

    let fd = fs.open("/tmp/f", O_WRONLY | O_APPEND, 0).unwrap();
    fs.write(fd, b"!").unwrap();
    fs.close(fd).unwrap();
    assert_eq!(fs.read_file("/tmp/f").unwrap(), b"hello world!");
}

#[test]
fn writing_past_the_end_fills_with_zeros() {
    let mut fs = fs();
    let fd = fs.open("/tmp/g", O_WRONLY | O_CREAT, 0o644).unwrap();
    fs.lseek(fd, 3, 0).unwrap();
    fs.write(fd, b"x").unwrap();
    fs.close(fd).unwrap();
    assert_eq!(fs.read_file("/tmp/g").unwrap(), b"\0\0\0x");
}

#[test]
fn truncate_on_open_and_ftruncate() {
    let mut fs = fs();
    fs.write_file("/tmp/t", b"abcdef").unwrap();
    let fd = fs.open("/tmp/t", O_RDWR, 0).unwrap();
    fs.ftruncate(fd, 2).unwrap();
    assert_eq!(fs.fstat(fd).unwrap().size, 2);
    fs.close(fd).unwrap();
    let fd = fs.open("/tmp/t", O_WRONLY | O_TRUNC, 0).unwrap();
    assert_eq!(fs.fstat(fd).unwrap().size, 0);
    fs.close(fd).unwrap();
}

#[test]
fn open_errors_carry_posix_codes() {
    let mut fs = fs();
    assert_eq!(fs.open("/nope", O_RDONLY, 0), Err(FsError(errno::ENOENT)));
    assert_eq!(fs.open("/nope/x", O_WRONLY | O_CREAT, 0o644), Err(FsError(errno::ENOENT)));
    assert_eq!(fs.open("/tmp", O_WRONLY, 0), Err(FsError(errno::EISDIR)));
    fs.write_file("/tmp/a", b"").unwrap();
    assert_eq!(fs.open("/tmp/a", O_WRONLY | O_CREAT | O_EXCL, 0o644), Err(FsError(errno::EEXIST)));
    assert_eq!(fs.open("/tmp/a/b", O_RDONLY, 0), Err(FsError(errno::ENOTDIR)));
    assert_eq!(fs.open("/tmp/a/", O_RDONLY, 0), Err(FsError(errno::ENOTDIR)));
    assert_eq!(fs.open("", O_RDONLY, 0), Err(FsError(errno::ENOENT)));
    assert_eq!(fs.open(&"x".repeat(300), O_RDONLY, 0), Err(FsError(errno::ENAMETOOLONG)));
}

#[test]
fn descriptor_misuse_is_ebadf() {
    let mut fs = fs();
    assert_eq!(fs.read(42, 1), Err(FsError(errno::EBADF)));
    assert_eq!(fs.close(42), Err(FsError(errno::EBADF)));
    fs.write_file("/tmp/r", b"x").unwrap();
    let fd = fs.open("/tmp/r", O_RDONLY, 0).unwrap();
    assert_eq!(fs.write(fd, b"y"), Err(FsError(errno::EBADF)));
    assert_eq!(fs.lseek(fd, -1, 0), Err(FsError(errno::EINVAL)));
    fs.close(fd).unwrap();
    assert_eq!(fs.close(fd), Err(FsError(errno::EBADF)));
}

#[test]
fn descriptors_reuse_the_lowest_free_number() {
    let mut fs = fs();
    fs.write_file("/tmp/a", b"").unwrap();
    let a = fs.open("/tmp/a", O_RDONLY, 0).unwrap();
    let b = fs.open("/tmp/a", O_RDONLY, 0).unwrap();
    fs.close(a).unwrap();
    assert_eq!(fs.open("/tmp/a", O_RDONLY, 0).unwrap(), a);
    assert_eq!(fs.open_count(), 2);
    fs.close(a).unwrap();
    fs.close(b).unwrap();
    assert_eq!(fs.open_count(), 0);
}

#[test]
fn mkdir_rmdir_and_their_errors() {
    let mut fs = fs();
    fs.mkdir("/tmp/d", 0o777).unwrap();
    assert_eq!(fs.mkdir("/tmp/d", 0o777), Err(FsError(errno::EEXIST)));
    assert_eq!(fs.mkdir("/tmp/x/y", 0o777), Err(FsError(errno::ENOENT)));
    fs.write_file("/tmp/d/f", b"1").unwrap();
    assert_eq!(fs.rmdir("/tmp/d"), Err(FsError(errno::ENOTEMPTY)));
    assert_eq!(fs.rmdir("/tmp/d/f"), Err(FsError(errno::ENOTDIR)));
    assert_eq!(fs.unlink("/tmp/d"), Err(FsError(errno::EISDIR)));
    fs.unlink("/tmp/d/f").unwrap();
    fs.rmdir("/tmp/d").unwrap();
    assert!(!fs.exists("/tmp/d"));
    assert_eq!(fs.rmdir("/"), Err(FsError(errno::EBUSY)));
}

#[test]
fn mkdir_applies_the_umask() {
    let mut fs = fs();
    fs.mkdir("/tmp/m", 0o777).unwrap();
    assert_eq!(fs.stat("/tmp/m").unwrap().mode & 0o777, 0o755);
}

#[test]
fn mkdir_all_creates_parents_and_accepts_existing() {
    let mut fs = fs();
    fs.mkdir_all("/a/b/c", 0o755).unwrap();
    fs.mkdir_all("/a/b/c", 0o755).unwrap();
    assert!(fs.stat("/a/b/c").unwrap().is_dir());
    fs.write_file("/a/file", b"").unwrap();
    assert_eq!(fs.mkdir_all("/a/file/x", 0o755), Err(FsError(errno::ENOTDIR)));
}

#[test]
fn readdir_lists_sorted_names() {
    let mut fs = fs();
    fs.mkdir("/tmp/z", 0o755).unwrap();
    fs.write_file("/tmp/b", b"").unwrap();
    fs.write_file("/tmp/a", b"").unwrap();
    assert_eq!(fs.readdir("/tmp").unwrap(), vec!["a", "b", "z"]);
    assert_eq!(fs.readdir("/tmp/a"), Err(FsError(errno::ENOTDIR)));
}

#[test]
fn rename_moves_and_replaces() {
    let mut fs = fs();
    fs.write_file("/tmp/a", b"A").unwrap();
    fs.write_file("/tmp/b", b"B").unwrap();
    fs.rename("/tmp/a", "/tmp/b").unwrap();
    assert_eq!(fs.read_file("/tmp/b").unwrap(), b"A");
    assert!(!fs.exists("/tmp/a"));

    fs.mkdir("/tmp/d1", 0o755).unwrap();
    fs.write_file("/tmp/d1/f", b"F").unwrap();
    fs.rename("/tmp/d1", "/home/user/d2").unwrap();
    assert_eq!(fs.read_file("/home/user/d2/f").unwrap(), b"F");
    assert_eq!(fs.rename("/home/user/d2", "/home/user/d2/inside"), Err(FsError(errno::EINVAL)));
    assert_eq!(fs.rename("/tmp/b", "/home/user/d2"), Err(FsError(errno::EISDIR)));
    assert_eq!(fs.rename("/tmp/missing", "/tmp/x"), Err(FsError(errno::ENOENT)));
}

#[test]
fn an_unlinked_open_file_stays_readable_until_closed() {
    let mut fs = fs();
    fs.write_file("/tmp/u", b"data").unwrap();
    let fd = fs.open("/tmp/u", O_RDONLY, 0).unwrap();
    fs.unlink("/tmp/u").unwrap();
    assert!(!fs.exists("/tmp/u"));
    assert_eq!(fs.read(fd, 10).unwrap(), b"data");
    fs.close(fd).unwrap();
}

#[test]
fn dev_null_swallows_writes() {
    let mut fs = fs();
    let fd = fs.open("/dev/null", O_RDWR, 0).unwrap();
    assert_eq!(fs.write(fd, b"gone").unwrap(), 4);
    assert_eq!(fs.read(fd, 10).unwrap(), b"");
    fs.close(fd).unwrap();
}

#[test]
fn chdir_requires_a_directory() {
    let mut fs = fs();
    fs.write_file("/tmp/f", b"").unwrap();
    assert_eq!(fs.chdir("/tmp/f"), Err(FsError(errno::ENOTDIR)));
    assert_eq!(fs.chdir("/missing"), Err(FsError(errno::ENOENT)));
    fs.chdir("/tmp/../home").unwrap();
    assert_eq!(fs.getcwd(), "/home");
}

#[test]
fn chmod_utime_and_stat_times() {
    let mut fs = fs();
    fs.write_file("/tmp/f", b"abc").unwrap();
    fs.chmod("/tmp/f", 0o600).unwrap();
    fs.utime("/tmp/f", Some((10.0, 20.0))).unwrap();
    let st = fs.stat("/tmp/f").unwrap();
    assert_eq!(st.mode, S_IFREG | 0o600);
    assert_eq!((st.atime, st.mtime, st.size), (10.0, 20.0, 3));
}

#[test]
fn error_texts_match_the_c_library() {
    assert_eq!(FsError(errno::ENOENT).to_string(), "[Errno 2] No such file or directory");
    assert_eq!(FsError(errno::ENOTEMPTY).name(), "ENOTEMPTY");
}

// A stand-in codec for the tests: "packed" bytes are the content reversed.
fn unreverse(packed: &[u8], size: usize) -> Option<Vec<u8>> {
    (packed.len() == size).then(|| packed.iter().rev().copied().collect())
}

fn mounted() -> Vfs {
    let mut fs = fs();
    let archive: Rc<[u8]> = Rc::from(&b"cba!dlrow"[..]);
    let entries = [
        PackedEntry { path: "pkg/a.py", range: 0..3, size: 3 },
        PackedEntry { path: "hello.py", range: 3..9, size: 6 },
        PackedEntry { path: "broken.py", range: 0..3, size: 5 },
    ];
    fs.mount_packed("/lib/py", archive, &entries, unreverse, 1000.0).unwrap();
    fs
}

#[test]
fn packed_files_stat_and_list_before_they_are_unpacked() {
    let fs = mounted();
    let st = fs.stat("/lib/py/pkg/a.py").unwrap();
    assert_eq!((st.mode & S_IFMT, st.size, st.mtime), (S_IFREG, 3, 1000.0));
    assert!(fs.stat("/lib/py/pkg").unwrap().is_dir());
    assert_eq!(fs.readdir("/lib/py").unwrap(), vec!["broken.py", "hello.py", "pkg"]);
    assert_eq!(fs.read_file("/lib/py/hello.py").unwrap(), b"world!");
}

#[test]
fn a_packed_file_opens_as_an_ordinary_file_and_can_be_changed() {
    let mut fs = mounted();
    let fd = fs.open("/lib/py/pkg/a.py", flags::O_RDWR, 0).unwrap();
    assert_eq!(fs.read(fd, 10).unwrap(), b"abc");
    fs.write(fd, b"d").unwrap();
    fs.close(fd).unwrap();
    assert_eq!(fs.read_file("/lib/py/pkg/a.py").unwrap(), b"abcd");
    fs.write_file("/lib/py/hello.py", b"new").unwrap();
    assert_eq!(fs.read_file("/lib/py/hello.py").unwrap(), b"new");
}

#[test]
fn corrupt_packed_bytes_are_an_io_error_and_bad_paths_are_refused() {
    let mut fs = mounted();
    assert_eq!(fs.open("/lib/py/broken.py", flags::O_RDONLY, 0), Err(FsError(errno::EIO)));
    assert_eq!(fs.read_file("/lib/py/broken.py"), Err(FsError(errno::EIO)));
    assert_eq!(fs.open_count(), 0);
    let archive: Rc<[u8]> = Rc::from(&b"x"[..]);
    let escape = [PackedEntry { path: "../etc/passwd", range: 0..1, size: 1 }];
    assert_eq!(fs.mount_packed("/lib/py", archive, &escape, unreverse, 0.0), Err(FsError(errno::EINVAL)));
}
