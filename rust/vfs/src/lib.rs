//! An in-memory POSIX-like file system: inodes, directories, open file descriptors.
//!
//! It knows nothing of Python or JavaScript; the core crate binds it to Python's `posix`
//! module and to the JS `FS` object, so both languages see the same files.

pub mod errno;
mod path;

use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;

pub use path::normalize;

/// A failed operation: a POSIX error number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FsError(pub i32);

impl FsError {
    pub fn message(self) -> &'static str {
        errno::message(self.0)
    }
    pub fn name(self) -> &'static str {
        errno::name(self.0)
    }
}

impl std::fmt::Display for FsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "[Errno {}] {}", self.0, self.message())
    }
}

pub type FsResult<T> = Result<T, FsError>;

pub const S_IFMT: u32 = 0o170000;
pub const S_IFDIR: u32 = 0o040000;
pub const S_IFREG: u32 = 0o100000;
pub const S_IFCHR: u32 = 0o020000;

/// Open flags, with Linux values (what Python's `os.O_*` constants report).
pub mod flags {
    pub const O_RDONLY: i32 = 0;
    pub const O_WRONLY: i32 = 1;
    pub const O_RDWR: i32 = 2;
    pub const O_ACCMODE: i32 = 3;
    pub const O_CREAT: i32 = 0o100;
    pub const O_EXCL: i32 = 0o200;
    pub const O_NOCTTY: i32 = 0o400;
    pub const O_TRUNC: i32 = 0o1000;
    pub const O_APPEND: i32 = 0o2000;
    pub const O_NONBLOCK: i32 = 0o4000;
    pub const O_DIRECTORY: i32 = 0o200000;
    pub const O_NOFOLLOW: i32 = 0o400000;
    pub const O_CLOEXEC: i32 = 0o2000000;
}

pub type Ino = u64;

/// What `stat` reports.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stat {
    pub ino: Ino,
    pub mode: u32,
    pub nlink: u32,
    pub size: u64,
    pub atime: f64,
    pub mtime: f64,
    pub ctime: f64,
}

impl Stat {
    pub fn is_dir(&self) -> bool {
        self.mode & S_IFMT == S_IFDIR
    }
    pub fn is_file(&self) -> bool {
        self.mode & S_IFMT == S_IFREG
    }
}

/// Turns a packed file's bytes back into its content, given its unpacked length; `None` if the
/// bytes are corrupt.
pub type Unpack = fn(&[u8], usize) -> Option<Vec<u8>>;

/// One file of a mounted archive (`Vfs::mount_packed`), by path relative to the mount point.
pub struct PackedEntry<'a> {
    pub path: &'a str,
    /// Where its packed bytes are in the archive.
    pub range: std::ops::Range<usize>,
    pub size: usize,
}

/// A file whose content stays packed inside a shared archive until it is first opened.
struct Packed {
    archive: Rc<[u8]>,
    range: std::ops::Range<usize>,
    size: usize,
    unpack: Unpack,
}

impl Packed {
    fn unpacked(&self) -> FsResult<Vec<u8>> {
        let bytes = self.archive.get(self.range.clone()).ok_or(FsError(errno::EIO))?;
        (self.unpack)(bytes, self.size).filter(|data| data.len() == self.size).ok_or(FsError(errno::EIO))
    }
}

enum Content {
    File(Vec<u8>),
    Packed(Packed),
    Dir(BTreeMap<String, Ino>),
    /// A character device such as /dev/null: reads give nothing, writes vanish.
    Null,
}

struct Inode {
    content: Content,
    perm: u32,
    nlink: u32,
    open_count: u32,
    atime: f64,
    mtime: f64,
    ctime: f64,
}

impl Inode {
    fn kind_bits(&self) -> u32 {
        match self.content {
            Content::File(_) | Content::Packed(_) => S_IFREG,
            Content::Dir(_) => S_IFDIR,
            Content::Null => S_IFCHR,
        }
    }
}

struct OpenFile {
    ino: Ino,
    pos: u64,
    readable: bool,
    writable: bool,
    append: bool,
}

/// The clock the file system stamps times with, in seconds since the epoch.
pub type Clock = fn() -> f64;

pub struct Vfs {
    inodes: HashMap<Ino, Inode>,
    next_ino: Ino,
    fds: BTreeMap<i32, OpenFile>,
    cwd: String,
    umask: u32,
    clock: Clock,
}

const ROOT: Ino = 1;
const FIRST_FD: i32 = 3;
const MAX_FDS: usize = 4096;
const NAME_MAX: usize = 255;

impl Vfs {
    /// An empty tree holding `/` only, with `cwd` "/".
    pub fn new(clock: Clock) -> Self {
        let now = clock();
        let mut inodes = HashMap::new();
        inodes.insert(
            ROOT,
            Inode {
                content: Content::Dir(BTreeMap::new()),
                perm: 0o755,
                nlink: 2,
                open_count: 0,
                atime: now,
                mtime: now,
                ctime: now,
            },
        );
        Vfs { inodes, next_ino: ROOT + 1, fds: BTreeMap::new(), cwd: "/".into(), umask: 0o022, clock }
    }

    /// The layout a Python program expects: /home/user (the working directory), /tmp, /dev/null.
    pub fn with_standard_layout(clock: Clock) -> Self {
        let mut fs = Self::new(clock);
        // These paths are fixed and the tree is empty, so they cannot fail.
        let _ = fs.mkdir_all("/home/user", 0o755);
        let _ = fs.mkdir_all("/tmp", 0o777);
        let _ = fs.mkdir_all("/dev", 0o755);
        let _ = fs.create_node("/dev/null", Content::Null, 0o666);
        let _ = fs.chdir("/home/user");
        fs
    }

    fn now(&self) -> f64 {
        (self.clock)()
    }

    pub fn getcwd(&self) -> &str {
        &self.cwd
    }

    pub fn umask(&mut self, mask: u32) -> u32 {
        std::mem::replace(&mut self.umask, mask & 0o777)
    }

    /// The absolute, normalised form of `p` (relative paths start at the working directory).
    pub fn absolute(&self, p: &str) -> FsResult<String> {
        if p.is_empty() {
            return Err(FsError(errno::ENOENT));
        }
        if p.contains('\0') {
            return Err(FsError(errno::EINVAL));
        }
        Ok(if p.starts_with('/') { normalize(p) } else { normalize(&format!("{}/{}", self.cwd, p)) })
    }

    fn components(abs: &str) -> impl Iterator<Item = &str> {
        abs.split('/').filter(|c| !c.is_empty())
    }

    fn lookup(&self, p: &str) -> FsResult<Ino> {
        let abs = self.absolute(p)?;
        let mut ino = ROOT;
        for name in Self::components(&abs) {
            if name.len() > NAME_MAX {
                return Err(FsError(errno::ENAMETOOLONG));
            }
            match &self.inode(ino)?.content {
                Content::Dir(entries) => {
                    ino = *entries.get(name).ok_or(FsError(errno::ENOENT))?;
                }
                _ => return Err(FsError(errno::ENOTDIR)),
            }
        }
        // "file/" names a directory: a trailing slash on a non-directory is ENOTDIR.
        if p.ends_with('/') && !matches!(self.inode(ino)?.content, Content::Dir(_)) {
            return Err(FsError(errno::ENOTDIR));
        }
        Ok(ino)
    }

    /// The directory that would hold `p`, and the last component's name.
    fn parent_of(&self, p: &str) -> FsResult<(Ino, String)> {
        let abs = self.absolute(p)?;
        let (dir, name) = match abs.rfind('/') {
            Some(0) => ("/", &abs[1..]),
            Some(i) => (&abs[..i], &abs[i + 1..]),
            None => return Err(FsError(errno::EINVAL)),
        };
        if name.is_empty() {
            // The root itself has no parent entry.
            return Err(FsError(errno::EBUSY));
        }
        if name.len() > NAME_MAX {
            return Err(FsError(errno::ENAMETOOLONG));
        }
        let dir_ino = self.lookup(dir)?;
        match self.inode(dir_ino)?.content {
            Content::Dir(_) => Ok((dir_ino, name.to_owned())),
            _ => Err(FsError(errno::ENOTDIR)),
        }
    }

    fn inode(&self, ino: Ino) -> FsResult<&Inode> {
        self.inodes.get(&ino).ok_or(FsError(errno::ENOENT))
    }

    fn inode_mut(&mut self, ino: Ino) -> FsResult<&mut Inode> {
        self.inodes.get_mut(&ino).ok_or(FsError(errno::ENOENT))
    }

    fn dir_entries_mut(&mut self, ino: Ino) -> FsResult<&mut BTreeMap<String, Ino>> {
        match &mut self.inode_mut(ino)?.content {
            Content::Dir(entries) => Ok(entries),
            _ => Err(FsError(errno::ENOTDIR)),
        }
    }

    fn create_node(&mut self, p: &str, content: Content, perm: u32) -> FsResult<Ino> {
        let (dir, name) = self.parent_of(p)?;
        if self.dir_entries_mut(dir)?.contains_key(&name) {
            return Err(FsError(errno::EEXIST));
        }
        let now = self.now();
        let is_dir = matches!(content, Content::Dir(_));
        let ino = self.next_ino;
        self.next_ino += 1;
        self.inodes.insert(
            ino,
            Inode { content, perm: perm & 0o7777, nlink: if is_dir { 2 } else { 1 }, open_count: 0, atime: now, mtime: now, ctime: now },
        );
        let parent = self.inode_mut(dir)?;
        parent.mtime = now;
        parent.ctime = now;
        if is_dir {
            parent.nlink += 1;
        }
        self.dir_entries_mut(dir)?.insert(name, ino);
        Ok(ino)
    }

    fn stat_of(&self, ino: Ino) -> FsResult<Stat> {
        let node = self.inode(ino)?;
        let size = match &node.content {
            Content::File(data) => data.len() as u64,
            Content::Packed(packed) => packed.size as u64,
            Content::Dir(entries) => 4096.max(entries.len() as u64),
            Content::Null => 0,
        };
        Ok(Stat { ino, mode: node.kind_bits() | node.perm, nlink: node.nlink, size, atime: node.atime, mtime: node.mtime, ctime: node.ctime })
    }

    pub fn stat(&self, p: &str) -> FsResult<Stat> {
        self.stat_of(self.lookup(p)?)
    }

    pub fn exists(&self, p: &str) -> bool {
        self.lookup(p).is_ok()
    }

    pub fn mkdir(&mut self, p: &str, mode: u32) -> FsResult<()> {
        let perm = mode & !self.umask;
        self.create_node(p, Content::Dir(BTreeMap::new()), perm).map(|_| ())
    }

    /// `mkdir -p`: creates every missing directory on the way; an existing directory is fine.
    pub fn mkdir_all(&mut self, p: &str, mode: u32) -> FsResult<()> {
        let abs = self.absolute(p)?;
        let mut sofar = String::new();
        for name in Self::components(&abs) {
            sofar.push('/');
            sofar.push_str(name);
            match self.lookup(&sofar) {
                Ok(ino) => {
                    if !matches!(self.inode(ino)?.content, Content::Dir(_)) {
                        return Err(FsError(errno::ENOTDIR));
                    }
                }
                Err(FsError(errno::ENOENT)) => self.mkdir(&sofar, mode)?,
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    pub fn rmdir(&mut self, p: &str) -> FsResult<()> {
        let ino = self.lookup(p)?;
        if ino == ROOT {
            return Err(FsError(errno::EBUSY));
        }
        match &self.inode(ino)?.content {
            Content::Dir(entries) if entries.is_empty() => {}
            Content::Dir(_) => return Err(FsError(errno::ENOTEMPTY)),
            _ => return Err(FsError(errno::ENOTDIR)),
        }
        if self.absolute(p)? == self.cwd {
            return Err(FsError(errno::EBUSY));
        }
        let (dir, name) = self.parent_of(p)?;
        self.dir_entries_mut(dir)?.remove(&name);
        let now = self.now();
        let parent = self.inode_mut(dir)?;
        parent.nlink -= 1;
        parent.mtime = now;
        self.inodes.remove(&ino);
        Ok(())
    }

    pub fn unlink(&mut self, p: &str) -> FsResult<()> {
        let ino = self.lookup(p)?;
        if matches!(self.inode(ino)?.content, Content::Dir(_)) {
            return Err(FsError(errno::EISDIR));
        }
        let (dir, name) = self.parent_of(p)?;
        self.dir_entries_mut(dir)?.remove(&name);
        let now = self.now();
        self.inode_mut(dir)?.mtime = now;
        self.drop_link(ino);
        Ok(())
    }

    /// One name fewer for `ino`; its data goes when no name and no descriptor is left.
    fn drop_link(&mut self, ino: Ino) {
        if let Some(node) = self.inodes.get_mut(&ino) {
            node.nlink = node.nlink.saturating_sub(1);
            if node.nlink == 0 && node.open_count == 0 {
                self.inodes.remove(&ino);
            }
        }
    }

    /// POSIX `rename`: replaces an existing file, or an empty directory with a directory.
    pub fn rename(&mut self, from: &str, to: &str) -> FsResult<()> {
        let src = self.lookup(from)?;
        if src == ROOT {
            return Err(FsError(errno::EBUSY));
        }
        let src_is_dir = matches!(self.inode(src)?.content, Content::Dir(_));
        let from_abs = self.absolute(from)?;
        let to_abs = self.absolute(to)?;
        if from_abs == to_abs {
            return Ok(());
        }
        if src_is_dir && to_abs.starts_with(&format!("{from_abs}/")) {
            return Err(FsError(errno::EINVAL));
        }
        let (src_dir, src_name) = self.parent_of(from)?;
        let (dst_dir, dst_name) = self.parent_of(to)?;
        if let Some(&existing) = self.dir_entries_mut(dst_dir)?.get(&dst_name) {
            match (&self.inode(existing)?.content, src_is_dir) {
                (Content::Dir(entries), true) if entries.is_empty() => {
                    self.inodes.remove(&existing);
                    self.inode_mut(dst_dir)?.nlink -= 1;
                }
                (Content::Dir(_), true) => return Err(FsError(errno::ENOTEMPTY)),
                (Content::Dir(_), false) => return Err(FsError(errno::EISDIR)),
                (_, true) => return Err(FsError(errno::ENOTDIR)),
                (_, false) => self.drop_link(existing),
            }
        }
        self.dir_entries_mut(src_dir)?.remove(&src_name);
        self.dir_entries_mut(dst_dir)?.insert(dst_name, src);
        if src_is_dir && src_dir != dst_dir {
            self.inode_mut(src_dir)?.nlink -= 1;
            self.inode_mut(dst_dir)?.nlink += 1;
        }
        let now = self.now();
        self.inode_mut(src_dir)?.mtime = now;
        self.inode_mut(dst_dir)?.mtime = now;
        self.inode_mut(src)?.ctime = now;
        Ok(())
    }

    /// The names in a directory, sorted, without "." and "..".
    pub fn readdir(&self, p: &str) -> FsResult<Vec<String>> {
        match &self.inode(self.lookup(p)?)?.content {
            Content::Dir(entries) => Ok(entries.keys().cloned().collect()),
            _ => Err(FsError(errno::ENOTDIR)),
        }
    }

    pub fn chdir(&mut self, p: &str) -> FsResult<()> {
        let ino = self.lookup(p)?;
        match self.inode(ino)?.content {
            Content::Dir(_) => {
                self.cwd = self.absolute(p)?;
                Ok(())
            }
            _ => Err(FsError(errno::ENOTDIR)),
        }
    }

    pub fn chmod(&mut self, p: &str, mode: u32) -> FsResult<()> {
        let ino = self.lookup(p)?;
        let now = self.now();
        let node = self.inode_mut(ino)?;
        node.perm = mode & 0o7777;
        node.ctime = now;
        Ok(())
    }

    /// Sets access and modification times; `None` means now.
    pub fn utime(&mut self, p: &str, times: Option<(f64, f64)>) -> FsResult<()> {
        let ino = self.lookup(p)?;
        let now = self.now();
        let (atime, mtime) = times.unwrap_or((now, now));
        let node = self.inode_mut(ino)?;
        node.atime = atime;
        node.mtime = mtime;
        node.ctime = now;
        Ok(())
    }

    /// Opens (and with `O_CREAT` creates) a file; returns the lowest free descriptor from 3 up.
    pub fn open(&mut self, p: &str, oflag: i32, mode: u32) -> FsResult<i32> {
        use flags::*;
        if self.fds.len() >= MAX_FDS {
            return Err(FsError(errno::EMFILE));
        }
        let access = oflag & O_ACCMODE;
        let (readable, writable) = match access {
            O_RDONLY => (true, false),
            O_WRONLY => (false, true),
            O_RDWR => (true, true),
            _ => return Err(FsError(errno::EINVAL)),
        };
        let ino = match self.lookup(p) {
            Ok(_) if oflag & O_CREAT != 0 && oflag & O_EXCL != 0 => return Err(FsError(errno::EEXIST)),
            Ok(ino) => ino,
            Err(FsError(errno::ENOENT)) if oflag & O_CREAT != 0 => {
                if p.ends_with('/') {
                    return Err(FsError(errno::EISDIR));
                }
                let perm = mode & !self.umask;
                self.create_node(p, Content::File(Vec::new()), perm)?
            }
            Err(e) => return Err(e),
        };
        self.unpack_in_place(ino)?;
        let now = self.now();
        let node = self.inode_mut(ino)?;
        match &mut node.content {
            Content::Dir(_) if writable => return Err(FsError(errno::EISDIR)),
            Content::Dir(_) => {}
            _ if oflag & O_DIRECTORY != 0 => return Err(FsError(errno::ENOTDIR)),
            Content::File(data) if oflag & O_TRUNC != 0 && writable => {
                data.clear();
                node.mtime = now;
            }
            _ => {}
        }
        node.open_count += 1;
        let fd = (FIRST_FD..).find(|fd| !self.fds.contains_key(fd)).ok_or(FsError(errno::EMFILE))?;
        self.fds.insert(fd, OpenFile { ino, pos: 0, readable, writable, append: oflag & O_APPEND != 0 });
        Ok(fd)
    }

    /// A packed file becomes an ordinary one when it is first opened: every descriptor
    /// operation then sees plain bytes.
    fn unpack_in_place(&mut self, ino: Ino) -> FsResult<()> {
        let node = self.inode_mut(ino)?;
        if let Content::Packed(packed) = &node.content {
            node.content = Content::File(packed.unpacked()?);
        }
        Ok(())
    }

    /// Adds the files of a packed archive under `root` (creating directories as needed), all
    /// with modification time `mtime`. Their bytes stay packed in the shared `archive` until a
    /// file is first opened.
    pub fn mount_packed(&mut self, root: &str, archive: Rc<[u8]>, entries: &[PackedEntry], unpack: Unpack, mtime: f64) -> FsResult<()> {
        let root = root.trim_end_matches('/');
        for entry in entries {
            if entry.path.is_empty() || entry.path.split('/').any(|part| part.is_empty() || part == "." || part == "..") {
                return Err(FsError(errno::EINVAL));
            }
            let full = format!("{root}/{}", entry.path);
            if let Some((dir, _)) = full.rsplit_once('/') {
                self.mkdir_all(dir, 0o755)?;
            }
            let packed = Packed { archive: archive.clone(), range: entry.range.clone(), size: entry.size, unpack };
            let ino = self.create_node(&full, Content::Packed(packed), 0o644)?;
            let node = self.inode_mut(ino)?;
            (node.atime, node.mtime, node.ctime) = (mtime, mtime, mtime);
        }
        Ok(())
    }

    fn open_file(&self, fd: i32) -> FsResult<&OpenFile> {
        self.fds.get(&fd).ok_or(FsError(errno::EBADF))
    }

    pub fn close(&mut self, fd: i32) -> FsResult<()> {
        let file = self.fds.remove(&fd).ok_or(FsError(errno::EBADF))?;
        if let Some(node) = self.inodes.get_mut(&file.ino) {
            node.open_count -= 1;
            if node.nlink == 0 && node.open_count == 0 {
                self.inodes.remove(&file.ino);
            }
        }
        Ok(())
    }

    pub fn is_open(&self, fd: i32) -> bool {
        self.fds.contains_key(&fd)
    }

    /// Reads up to `n` bytes at the descriptor's position and moves it on.
    pub fn read(&mut self, fd: i32, n: usize) -> FsResult<Vec<u8>> {
        let file = self.open_file(fd)?;
        if !file.readable {
            return Err(FsError(errno::EBADF));
        }
        let (ino, pos) = (file.ino, file.pos);
        let out = match &self.inode(ino)?.content {
            Content::File(data) => {
                let start = (pos as usize).min(data.len());
                let end = start.saturating_add(n).min(data.len());
                data[start..end].to_vec()
            }
            Content::Dir(_) => return Err(FsError(errno::EISDIR)),
            Content::Null => Vec::new(),
            // Unpacked when opened, so never seen through a descriptor.
            Content::Packed(_) => return Err(FsError(errno::EIO)),
        };
        let now = self.now();
        self.inode_mut(ino)?.atime = now;
        if let Some(f) = self.fds.get_mut(&fd) {
            f.pos += out.len() as u64;
        }
        Ok(out)
    }

    /// Writes at the position (or the end, with `O_APPEND`), filling any gap with zeros.
    pub fn write(&mut self, fd: i32, bytes: &[u8]) -> FsResult<usize> {
        let file = self.open_file(fd)?;
        if !file.writable {
            return Err(FsError(errno::EBADF));
        }
        let (ino, pos, append) = (file.ino, file.pos, file.append);
        let now = self.now();
        let node = self.inode_mut(ino)?;
        let new_pos = match &mut node.content {
            Content::File(data) => {
                let start = if append { data.len() } else { pos as usize };
                let end = start + bytes.len();
                if data.len() < end {
                    data.resize(end, 0);
                }
                data[start..end].copy_from_slice(bytes);
                node.mtime = now;
                node.ctime = now;
                end as u64
            }
            Content::Dir(_) => return Err(FsError(errno::EISDIR)),
            Content::Null => pos,
            Content::Packed(_) => return Err(FsError(errno::EIO)),
        };
        if let Some(f) = self.fds.get_mut(&fd) {
            f.pos = new_pos;
        }
        Ok(bytes.len())
    }

    /// Moves the position: `whence` 0 from the start, 1 from the current position, 2 from the end.
    pub fn lseek(&mut self, fd: i32, offset: i64, whence: i32) -> FsResult<u64> {
        let file = self.open_file(fd)?;
        let size = self.stat_of(file.ino)?.size as i64;
        let base = match whence {
            0 => 0,
            1 => file.pos as i64,
            2 => size,
            _ => return Err(FsError(errno::EINVAL)),
        };
        let target = base.checked_add(offset).ok_or(FsError(errno::EINVAL))?;
        if target < 0 {
            return Err(FsError(errno::EINVAL));
        }
        if let Some(f) = self.fds.get_mut(&fd) {
            f.pos = target as u64;
        }
        Ok(target as u64)
    }

    pub fn fstat(&self, fd: i32) -> FsResult<Stat> {
        self.stat_of(self.open_file(fd)?.ino)
    }

    pub fn ftruncate(&mut self, fd: i32, len: u64) -> FsResult<()> {
        let file = self.open_file(fd)?;
        if !file.writable {
            return Err(FsError(errno::EINVAL));
        }
        let ino = file.ino;
        let now = self.now();
        let node = self.inode_mut(ino)?;
        match &mut node.content {
            Content::File(data) => {
                data.resize(len as usize, 0);
                node.mtime = now;
                Ok(())
            }
            _ => Err(FsError(errno::EINVAL)),
        }
    }

    pub fn truncate(&mut self, p: &str, len: u64) -> FsResult<()> {
        let fd = self.open(p, flags::O_WRONLY, 0)?;
        let result = self.ftruncate(fd, len);
        self.close(fd)?;
        result
    }

    /// The whole content of a file.
    pub fn read_file(&self, p: &str) -> FsResult<Vec<u8>> {
        match &self.inode(self.lookup(p)?)?.content {
            Content::File(data) => Ok(data.clone()),
            Content::Packed(packed) => packed.unpacked(),
            Content::Dir(_) => Err(FsError(errno::EISDIR)),
            Content::Null => Ok(Vec::new()),
        }
    }

    /// Creates or replaces a file's content (the parent directory must exist).
    pub fn write_file(&mut self, p: &str, bytes: &[u8]) -> FsResult<()> {
        let fd = self.open(p, flags::O_WRONLY | flags::O_CREAT | flags::O_TRUNC, 0o666)?;
        let result = self.write(fd, bytes).map(|_| ());
        self.close(fd)?;
        result
    }

    /// How many descriptors are open (for leak checks).
    pub fn open_count(&self) -> usize {
        self.fds.len()
    }
}

#[cfg(test)]
mod tests;
