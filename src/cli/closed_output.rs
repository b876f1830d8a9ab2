//! Telling `byline f.txt >&-` (standard output closed: the output would be lost while
//! the exit status says success) from `>/dev/null` and from a read-write /dev/null that a
//! parent process gave on purpose (Python's `subprocess.DEVNULL`, systemd, Docker).
//! Before `main`, Rust's runtime puts a read-write /dev/null in place of a closed
//! standard stream, after which the two cannot be told apart; so whether descriptor 1 is
//! open is recorded earlier, by a function in the `.init_array` section that the C
//! runtime calls before Rust's runtime starts. Linux only (/proc); elsewhere nothing is
//! refused.

use std::io;

#[cfg(target_os = "linux")]
mod linux {
    use std::path::Path;
    use std::sync::atomic::{AtomicBool, Ordering};

    static CLOSED_AT_START: AtomicBool = AtomicBool::new(false);

    // The C runtime calls the functions this section lists before `main`, and before
    // Rust's runtime replaces closed standard streams.
    #[used]
    #[link_section = ".init_array"]
    static RECORD_AT_START: extern "C" fn() = record;

    /// Records whether descriptor 1 is closed: /proc lists every open descriptor (no
    /// answer when /proc is missing).
    extern "C" fn record() {
        let fds = Path::new("/proc/self/fd");
        let closed = fds.is_dir() && std::fs::symlink_metadata(fds.join("1")).is_err();
        CLOSED_AT_START.store(closed, Ordering::Relaxed);
    }

    pub fn closed_at_start() -> bool {
        CLOSED_AT_START.load(Ordering::Relaxed)
    }
}

/// Fails when standard output was closed when byline started.
pub fn refuse_closed_stdout() -> io::Result<()> {
    #[cfg(target_os = "linux")]
    if linux::closed_at_start() {
        return Err(io::Error::other(
            "standard output is closed: the output would be lost (redirect it, or give -o FILE)",
        ));
    }
    Ok(())
}
