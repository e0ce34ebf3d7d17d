//! The Python standard library. It is not compiled into the wasm: `scripts/pack-stdlib.mjs`
//! packs it into `stdlib.bin` (each module deflated on its own), the JS loader hands that to
//! `install_stdlib` once per wasm instance, and every runtime mounts it at `STDLIB_DIR`. A module
//! is inflated when first opened and compiled by the ordinary path importer on first import; the
//! compiled code it writes to `__pycache__` is kept here too, so later runtimes of the same page or
//! process load it instead of compiling again.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::ops::Range;
use std::rc::Rc;
use vfs::{FsResult, PackedEntry, Vfs};
use wasm_bindgen::prelude::*;

/// Where the standard library appears in every runtime's file system (and on `sys.path`).
pub const STDLIB_DIR: &str = "/lib/python3.14";

const MAGIC: &[u8; 4] = b"PYLB";
const VERSION: u32 = 1;

struct Archive {
    bytes: Rc<[u8]>,
    files: Vec<(String, Range<usize>, usize)>,
    mtime: f64,
}

thread_local! {
    static ARCHIVE: RefCell<Option<Rc<Archive>>> = const { RefCell::new(None) };
    /// Compiled modules of the standard library, by the path of their `.pyc` file.
    static BYTECODE: RefCell<BTreeMap<String, Rc<[u8]>>> = const { RefCell::new(BTreeMap::new()) };
}

/// Installs the packed standard library for the runtimes created from now on.
#[wasm_bindgen]
pub fn install_stdlib(bytes: js_sys::Uint8Array) -> Result<(), JsValue> {
    // Copied from JS straight into the shared buffer: taking a Vec would copy the whole archive
    // a second time (a Vec cannot become an `Rc<[u8]>` in place) and leave that much freed
    // memory behind in the wasm heap.
    let mut shared: Rc<[u8]> = std::iter::repeat_n(0u8, bytes.length() as usize).collect();
    if let Some(buffer) = Rc::get_mut(&mut shared) {
        bytes.copy_to(buffer);
    }
    let archive = parse(shared).map_err(|why| js_sys::Error::new(&format!("stdlib.bin is not a valid standard library archive: {why}")))?;
    ARCHIVE.with_borrow_mut(|slot| *slot = Some(Rc::new(archive)));
    Ok(())
}

/// Reads the header and index (see scripts/pack-stdlib.mjs for the layout).
fn parse(bytes: Rc<[u8]>) -> Result<Archive, String> {
    let mut reader = Reader { bytes: &bytes, pos: 0 };
    if reader.take(4)? != MAGIC {
        return Err("wrong magic".into());
    }
    let version = reader.u32()?;
    if version != VERSION {
        return Err(format!("version {version}, expected {VERSION}"));
    }
    let count = reader.u32()? as usize;
    let mtime = reader.u32()? as f64;
    let mut index = Vec::with_capacity(count.min(1 << 16));
    for _ in 0..count {
        let len = reader.u16()? as usize;
        let path = std::str::from_utf8(reader.take(len)?).map_err(|_| "a path is not UTF-8")?.to_owned();
        let (offset, packed, size) = (reader.u32()? as usize, reader.u32()? as usize, reader.u32()? as usize);
        index.push((path, offset, packed, size));
    }
    let data_start = reader.pos;
    let mut files = Vec::with_capacity(index.len());
    for (path, offset, packed, size) in index {
        let start = data_start.checked_add(offset).ok_or("an offset overflows")?;
        let end = start.checked_add(packed).filter(|&end| end <= bytes.len()).ok_or_else(|| format!("{path} runs past the end"))?;
        files.push((path, start..end, size));
    }
    Ok(Archive { bytes, files, mtime })
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end = self.pos.checked_add(n).filter(|&end| end <= self.bytes.len()).ok_or("truncated")?;
        let out = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(out)
    }
    fn u16(&mut self) -> Result<u16, String> {
        let b = self.take(2)?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    fn u32(&mut self) -> Result<u32, String> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

fn inflate(packed: &[u8], size: usize) -> Option<Vec<u8>> {
    let mut out = vec![0u8; size];
    let (written, code) = zlib_rs::inflate::decompress_slice(&mut out, packed, zlib_rs::inflate::InflateConfig::default());
    (matches!(code, zlib_rs::ReturnCode::Ok) && written.len() == size).then_some(out)
}

/// Mounts the installed standard library (if any) and the compiled code other runtimes made;
/// returns whether there was one to mount.
pub fn mount(fs: &mut Vfs) -> FsResult<bool> {
    let Some(archive) = ARCHIVE.with_borrow(|slot| slot.clone()) else {
        return Ok(false);
    };
    let entries: Vec<PackedEntry> = archive.files.iter().map(|(path, range, size)| PackedEntry { path, range: range.clone(), size: *size }).collect();
    fs.mount_packed(STDLIB_DIR, archive.bytes.clone(), &entries, inflate, archive.mtime)?;
    BYTECODE.with_borrow(|cache| {
        for (path, code) in cache {
            if let Some((dir, _)) = path.rsplit_once('/') {
                fs.mkdir_all(dir, 0o755)?;
            }
            fs.write_file(path, code)?;
        }
        Ok(true)
    })
}

/// Keeps a standard-library module's compiled code for the runtimes created later.
pub fn share_bytecode(path: &str, code: &[u8]) {
    if path.strip_prefix(STDLIB_DIR).is_some_and(|rest| rest.starts_with('/')) {
        BYTECODE.with_borrow_mut(|cache| cache.insert(path.to_owned(), Rc::from(code)));
    }
}
