//! Where the output goes without destroying data: the `-o FILE` is written to a temporary
//! file beside it and renamed over it only when the run succeeds, so a failed run leaves an
//! existing FILE as it was; and the files this run writes (the `-o` file, or standard
//! output redirected to a file) are recognised by identity, whatever their name, so that
//! they are never read as inputs: named on the command line they are refused, met in a
//! `-r` walk they are skipped (as ripgrep skips its own output).

use std::fs::{self, File, Metadata, OpenOptions};
use std::io;
use std::path::{Path, PathBuf};

use super::inputs::io_reason;

/// A file's identity (device and inode), the same under any of its names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileId(u64, u64);

impl FileId {
    #[cfg(unix)]
    pub fn of(metadata: &Metadata) -> Option<FileId> {
        use std::os::unix::fs::MetadataExt;
        Some(FileId(metadata.dev(), metadata.ino()))
    }

    /// Elsewhere identities are not compared (the protection is Unix-only).
    #[cfg(not(unix))]
    pub fn of(_metadata: &Metadata) -> Option<FileId> {
        None
    }

    pub fn of_path(path: &Path) -> Option<FileId> {
        FileId::of(&fs::metadata(path).ok()?)
    }

    /// Standard output's file, when it is redirected to a regular file (`> out.jsonl`).
    #[cfg(unix)]
    pub fn of_stdout() -> Option<FileId> {
        use std::os::fd::AsFd;
        let fd = io::stdout().as_fd().try_clone_to_owned().ok()?;
        let metadata = File::from(fd).metadata().ok()?;
        metadata.is_file().then(|| FileId::of(&metadata)).flatten()
    }

    #[cfg(not(unix))]
    pub fn of_stdout() -> Option<FileId> {
        None
    }
}

/// The `-o` file being written.
#[derive(Debug)]
pub struct OutputFile {
    /// The path as given, for messages.
    given: PathBuf,
    /// The file the output replaces (a symbolic link's target: the link stays a link).
    target: PathBuf,
    /// The temporary file being written, renamed to `target` by [`OutputFile::commit`];
    /// `None` when writing straight to `target` (a device or a FIFO such as /dev/null:
    /// nothing there to protect, and no directory to put a temporary file in).
    temporary: Option<PathBuf>,
}

impl OutputFile {
    /// Opens the file to write the output to; errors name `given`.
    pub fn create(given: &Path) -> io::Result<(OutputFile, File)> {
        let named = |err: io::Error| {
            io::Error::new(
                err.kind(),
                format!("{}: {}", given.display(), io_reason(&err)),
            )
        };
        let existing = fs::metadata(given).ok();
        if existing.as_ref().is_some_and(Metadata::is_dir) {
            return Err(named(io::Error::other("is a directory")));
        }
        if existing.as_ref().is_some_and(|m| !m.is_file()) {
            let file = File::create(given).map_err(named)?;
            let output = OutputFile {
                given: given.to_path_buf(),
                target: given.to_path_buf(),
                temporary: None,
            };
            return Ok((output, file));
        }
        let target = match existing {
            Some(_) => fs::canonicalize(given).map_err(named)?,
            None => given.to_path_buf(),
        };
        let (temporary, file) = create_beside(&target).map_err(named)?;
        if let Some(metadata) = &existing {
            // The new file keeps the old one's permissions, as an overwrite would.
            let _ = fs::set_permissions(&temporary, metadata.permissions());
        }
        let output = OutputFile {
            given: given.to_path_buf(),
            target,
            temporary: Some(temporary),
        };
        Ok((output, file))
    }

    /// Puts the finished output in place (the written file must be closed, or at least
    /// flushed, first).
    pub fn commit(mut self) -> io::Result<()> {
        let Some(temporary) = self.temporary.take() else {
            return Ok(());
        };
        fs::rename(&temporary, &self.target).map_err(|err| {
            let _ = fs::remove_file(&temporary);
            io::Error::new(
                err.kind(),
                format!("{}: {}", self.given.display(), io_reason(&err)),
            )
        })
    }

    /// The path as given on the command line.
    pub fn given(&self) -> &Path {
        &self.given
    }
}

impl Drop for OutputFile {
    /// Not committed: the run failed, and the temporary file goes.
    fn drop(&mut self) {
        if let Some(temporary) = &self.temporary {
            let _ = fs::remove_file(temporary);
        }
    }
}

/// Creates a new file in `target`'s directory, named after it and hidden (a dot first, so
/// that a `-r` walk of that directory leaves it out).
fn create_beside(target: &Path) -> io::Result<(PathBuf, File)> {
    let directory = match target.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let name = target.file_name().unwrap_or_default().to_string_lossy();
    let mut attempt = 0;
    loop {
        let candidate = directory.join(format!(
            ".{name}.byline-{}-{attempt}.tmp",
            std::process::id()
        ));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&candidate)
        {
            Ok(file) => return Ok((candidate, file)),
            Err(err) if err.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                attempt += 1;
            }
            Err(err) => return Err(err),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn the_old_file_stays_until_commit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        fs::write(&path, "old").unwrap();
        let (output, mut file) = OutputFile::create(&path).unwrap();
        file.write_all(b"new").unwrap();
        drop(file);
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        output.commit().unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary left"
        );
    }

    #[test]
    fn an_uncommitted_output_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.json");
        let (output, mut file) = OutputFile::create(&path).unwrap();
        file.write_all(b"partial").unwrap();
        drop((output, file));
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_a_link_and_permissions_stay() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        let link = dir.path().join("link.json");
        fs::write(&real, "old").unwrap();
        fs::set_permissions(&real, fs::Permissions::from_mode(0o640)).unwrap();
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let (output, mut file) = OutputFile::create(&link).unwrap();
        file.write_all(b"new").unwrap();
        drop(file);
        output.commit().unwrap();
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert_eq!(fs::read_to_string(&real).unwrap(), "new");
        let mode = fs::metadata(&real).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_written_in_place() {
        let (output, mut file) = OutputFile::create(Path::new("/dev/null")).unwrap();
        file.write_all(b"gone").unwrap();
        assert!(output.temporary.is_none());
        output.commit().unwrap();
    }

    #[test]
    fn identities_see_through_names() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        fs::write(&path, "x").unwrap();
        let other = dir.path().join(".").join("a.txt");
        if cfg!(unix) {
            assert_eq!(FileId::of_path(&path), FileId::of_path(&other));
            assert!(FileId::of_path(&path).is_some());
        }
        assert_eq!(FileId::of_path(&dir.path().join("missing")), None);
    }
}
