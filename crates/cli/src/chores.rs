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
/// must not wait for it, nor start a second `rm` beside it: a folder that
/// an `rm` is deleting already is left to it.
pub(crate) fn remove_leftovers(out: &Path) {
    if !Path::new("/proc/self").exists() {
        return; // no way to tell whose folders are abandoned
    }
    let leftovers = careerdiff_site::leftovers(out);
    if leftovers.is_empty() {
        return;
    }
    let removing = folders_being_removed();
    for (folder, pid) in leftovers {
        let abandoned = !Path::new("/proc").join(pid.to_string()).exists();
        if abandoned && !removing.contains(&name_of(&folder)) {
            remove_in_background(&folder);
        }
    }
}

/// The names of the folders that running `rm -rf` processes (as
/// [`remove_in_background`] starts them) are deleting, from `/proc`.
fn folders_being_removed() -> Vec<String> {
    let Ok(processes) = std::fs::read_dir("/proc") else { return Vec::new() };
    processes.flatten().filter_map(|process| rm_target(&std::fs::read(process.path().join("cmdline")).ok()?)).collect()
}

/// The name of the folder that the command line `cmdline` (arguments
/// ended by NUL bytes, as `/proc/<pid>/cmdline` holds them) deletes, if it
/// is an `rm -rf` of one folder.
fn rm_target(cmdline: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(cmdline);
    let args: Vec<&str> = text.split('\0').filter(|a| !a.is_empty()).collect();
    let [program, "-rf", target] = args.as_slice() else { return None };
    let is_rm = Path::new(program).file_name().is_some_and(|name| name == "rm");
    is_rm.then(|| name_of(Path::new(target)))
}

fn name_of(folder: &Path) -> String {
    folder.file_name().map(|name| name.to_string_lossy().into_owned()).unwrap_or_default()
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

#[cfg(test)]
mod tests {
    use super::rm_target;

    #[test]
    fn only_an_rm_of_one_folder_names_its_target() {
        assert_eq!(rm_target(b"rm\0-rf\0/site/.public.staging-41.old\0").as_deref(), Some(".public.staging-41.old"));
        assert_eq!(rm_target(b"/usr/bin/rm\0-rf\0out/.x.old\0").as_deref(), Some(".x.old"));
        for other in [&b"rm\0-r\0/site/x\0"[..], b"vim\0-rf\0/site/x\0", b"rm\0-rf\0a\0b\0", b"", b"farm\0-rf\0x\0"] {
            assert_eq!(rm_target(other), None, "{}", String::from_utf8_lossy(other));
        }
    }
}
