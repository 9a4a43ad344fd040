//! Tests of read_input: links inside and out, /proc and devices, FIFOs, size limits and loops.

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;

use super::*;

fn folder() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("content");
    fs::create_dir_all(root.join("careers")).unwrap();
    (dir, root)
}

#[test]
fn reads_a_file_inside_and_through_a_link_that_stays_inside() {
    let (_dir, root) = folder();
    fs::write(root.join("careers/a.md"), "text").unwrap();
    symlink("a.md", root.join("careers/b.md")).unwrap();
    assert_eq!(read_input(&root, &root.join("careers/a.md"), 10).unwrap(), b"text");
    assert_eq!(read_input(&root, &root.join("careers/b.md"), 10).unwrap(), b"text");
}

#[test]
fn refuses_a_link_out_of_the_folder_naming_link_and_target() {
    let (dir, root) = folder();
    let elsewhere = dir.path().join("elsewhere");
    fs::create_dir(&elsewhere).unwrap();
    fs::write(elsewhere.join("x.md"), "secret").unwrap();
    fs::remove_dir(root.join("careers")).unwrap();
    symlink(&elsewhere, root.join("careers")).unwrap();
    let err = read_input(&root, &root.join("careers/x.md"), 100).unwrap_err();
    match &err {
        InputError::Outside { link, target, .. } => {
            assert_eq!(link, &root.join("careers"));
            assert_eq!(target, &elsewhere);
        }
        other => panic!("{other:?}"),
    }
    assert!(!err.to_string().contains("secret"));
}

#[test]
fn refuses_proc_and_device_files_even_through_links() {
    let (_dir, root) = folder();
    symlink("/proc/self/environ", root.join("site.toml")).unwrap();
    symlink("/dev/zero", root.join("zero.toml")).unwrap();
    for name in ["site.toml", "zero.toml"] {
        let err = read_input(&root, &root.join(name), 1 << 20).unwrap_err();
        assert!(matches!(err, InputError::Outside { .. }), "{name}: {err:?}");
    }
    assert!(is_pseudo(Path::new("/proc/1/environ")) && !is_pseudo(Path::new("/procedures")));
}

#[test]
fn refuses_a_fifo_without_opening_it() {
    let (_dir, root) = folder();
    let fifo = root.join("careers/pipe.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    // Opening a FIFO for reading would block until a writer came.
    let err = read_input(&root, &fifo, 100).unwrap_err();
    assert!(matches!(err, InputError::NotAFile { kind: "a FIFO (named pipe)", .. }), "{err:?}");
}

#[test]
fn refuses_a_file_over_its_limit() {
    let (_dir, root) = folder();
    fs::write(root.join("big.md"), "12345").unwrap();
    assert_eq!(read_input(&root, &root.join("big.md"), 5).unwrap(), b"12345");
    let err = read_input(&root, &root.join("big.md"), 4).unwrap_err();
    assert!(matches!(err, InputError::TooLarge { limit: 4, .. }), "{err:?}");
}

#[test]
fn names_a_loop_of_links() {
    let (_dir, root) = folder();
    symlink("b.md", root.join("a.md")).unwrap();
    symlink("a.md", root.join("b.md")).unwrap();
    let err = read_input(&root, &root.join("a.md"), 100).unwrap_err();
    assert!(matches!(err, InputError::Loop { .. }), "{err:?}");
}

#[test]
fn sizes_read_as_people_write_them() {
    assert_eq!(
        InputError::TooLarge { path: "x".into(), limit: CAREER_FILE_LIMIT }.expected(),
        "a file of at most 1 MiB"
    );
    assert_eq!(size(SITE_FILE_LIMIT), "64 KiB");
}
