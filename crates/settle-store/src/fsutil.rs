//! Durable file writes shared by the stores that must never leave half a file behind (reports,
//! the call journal and the LRS outbox): write a hidden temporary file in the target folder, flush
//! it to disk, move it into place, then sync the folder so the new name survives a power cut.

use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Writes `bytes` to `dir/name` only if that name is free. `Ok(false)` means it was taken
/// (and nothing was written); a partial file is never visible under `name`.
pub fn write_new(dir: &Path, name: &str, bytes: &[u8]) -> io::Result<bool> {
    fs::create_dir_all(dir)?;
    let temp = filled_temp(dir, bytes)?;
    match temp.persist_noclobber(dir.join(name)) {
        Ok(_) => {
            sync_dir(dir);
            Ok(true)
        }
        Err(e) if e.error.kind() == io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(e.error),
    }
}

/// Replaces `path` with `bytes` in one step: a reader sees the old content or the new one.
pub fn replace(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir)?;
    filled_temp(dir, bytes)?.persist(path).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
}

fn filled_temp(dir: &Path, bytes: &[u8]) -> io::Result<tempfile::NamedTempFile> {
    let mut temp = tempfile::Builder::new().prefix(".tmp-").suffix(".part").tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    Ok(temp)
}

/// Makes a new or renamed entry durable; where a platform cannot sync folders the rename
/// still stands.
pub fn sync_dir(dir: &Path) {
    if let Ok(handle) = fs::File::open(dir) {
        let _ = handle.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_files_never_overwrite_and_replacements_do() {
        let dir = tempfile::tempdir().expect("temp dir");
        assert!(write_new(dir.path(), "a.json", b"one").expect("write"));
        assert!(!write_new(dir.path(), "a.json", b"two").expect("write"));
        assert_eq!(fs::read(dir.path().join("a.json")).expect("read"), b"one");
        replace(&dir.path().join("a.json"), b"three").expect("replace");
        assert_eq!(fs::read(dir.path().join("a.json")).expect("read"), b"three");
        let names: Vec<_> = fs::read_dir(dir.path()).expect("list").filter_map(Result::ok).collect();
        assert_eq!(names.len(), 1, "no temporary file is left behind");
    }
}
