//! Faults during a build: a full disk, and two builds of one output.

use std::fs;
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

use crate::{MARKER, fixture, stderr};

/// A tmpfs of `size` mounted at a new folder, unmounted when dropped.
/// `None` where this process may not mount (not root, or a sandbox).
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(options: &str) -> Option<SmallDisk> {
        let disk = Self::try_mount(options);
        if disk.is_none() {
            eprintln!("skipped: this machine does not let the test mount a tmpfs");
        }
        disk
    }

    fn try_mount(options: &str) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let mounted = Command::new("mount")
            .args(["-t", "tmpfs", "-o", options, "tmpfs"])
            .arg(dir.path())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        mounted.then_some(SmallDisk { dir })
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

/// Builds the small fixture site into `public`.
fn build_small_site(public: &std::path::Path) -> std::process::Output {
    let content = fixture("ok/small");
    crate::careerdiff(&["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()])
}

/// The disk fills during a build: the error names the output and the
/// cause, the previous site is intact and no staging folder is left.
#[test]
fn a_full_disk_leaves_the_previous_site_and_no_staging_folder() {
    let Some(disk) = SmallDisk::mount("size=1m") else { return };
    let public = disk.dir.path().join("public");
    fs::create_dir(&public).unwrap();
    fs::write(public.join("index.html"), "old site").unwrap();
    fs::write(public.join(MARKER), "").unwrap();
    let output = build_small_site(&public);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains(public.to_str().unwrap()), "the error names the output: {err}");
    assert!(err.contains("No space left on device"), "the error says why: {err}");
    assert_eq!(fs::read_to_string(public.join("index.html")).unwrap(), "old site");
    assert_eq!(crate::entries_but_locks(disk.dir.path()), ["public"], "nothing but the old site is left");
}

/// A build of an output that another build holds waits for it, says so,
/// and then builds; it never writes beside the other.
#[test]
fn a_second_build_of_one_output_waits_for_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let public = dir.path().join("public");
    // The first build, as far as the second can tell: the lock held.
    let lock = fs::File::create(dir.path().join(".public.careerdiff-lock")).unwrap();
    lock.lock().unwrap();
    let content = fixture("ok/small");
    let mut second = Command::new(env!("CARGO_BIN_EXE_careerdiff"))
        .args(["build", "--content", content.to_str().unwrap(), "--out", public.to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(second.stderr.take().unwrap());
    let mut line = String::new();
    stderr.read_line(&mut line).unwrap();
    assert!(line.contains("waiting for another build"), "{line}");
    assert!(!public.exists(), "nothing is written while the other build holds the output");
    drop(lock);
    let output = second.wait_with_output().unwrap();
    assert!(output.status.success());
    assert!(public.join("index.html").is_file(), "then it builds");
}

/// An output that cannot be written (a read-only file system: root may
/// write anywhere else) stops the build with the output's name and why.
#[test]
fn an_unwritable_output_is_an_error_naming_it() {
    let Some(disk) = SmallDisk::mount("ro,size=1m") else { return };
    let public = disk.dir.path().join("public");
    let output = build_small_site(&public);
    let err = stderr(&output);
    assert_eq!(output.status.code(), Some(2), "{err}");
    assert!(err.contains(public.to_str().unwrap()), "the error names the output: {err}");
    assert!(err.contains("Read-only file system"), "the error says why: {err}");
}
