//! Filesystem chores around a build: clearing what killed builds left
//! beside the output, and deleting a replaced site without making the
//! user wait for it.

use std::path::Path;

/// Removes staging folders and moved-aside sites that builds left beside
/// `out` when their process is gone (killed, or its background deletion
/// was), so they do not pile up. A folder whose process still runs is
/// another build's, and is left alone. The removal runs in the background
/// as a replaced site's does: the folder may be the 400,000 files of the
/// site the previous build replaced, whose own `rm` is still at work
/// (that build has exited, so its folder looks abandoned), and this build
/// must not wait for it.
pub(crate) fn remove_leftovers(out: &Path) {
    if !Path::new("/proc/self").exists() {
        return; // no way to tell whose folders are abandoned
    }
    for (folder, pid) in careerdiff_site::leftovers(out) {
        if !Path::new("/proc").join(pid.to_string()).exists() {
            remove_in_background(&folder);
        }
    }
}

/// Deletes the replaced site `old` in a detached `rm -rf`: unlinking
/// 400,000 files takes minutes on these disks, and the new site is already
/// in place. Where it cannot be started the folder is removed here. A
/// folder it leaves (the machine stopped) is cleared by the next build.
pub(crate) fn remove_in_background(old: &Path) {
    let spawned = std::process::Command::new("rm")
        .arg("-rf")
        .arg(old)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        let _ = std::fs::remove_dir_all(old);
    }
}
