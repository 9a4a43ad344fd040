//! Making text from content safe to print: a terminal must not act on it
//! and a CI runner must not read it as a command.
//!
//! Control characters (escape sequences such as OSC 52, which sets the
//! clipboard, carriage returns that overwrite a line) and the Unicode
//! controls that reorder text are shown as `\u{1b}`; a line that would
//! start, after its indentation, with a GitHub Actions workflow command
//! (`::error::`) or an Azure Pipelines logging command (`##vso[`, `##[`)
//! has that first character shown the same way.

use std::borrow::Cow;
use std::fmt::Write;

/// `text` on one line: every control character, newlines and tabs
/// included, and every bidirectional control shown as `\u{…}`.
pub fn escape_text(text: &str) -> Cow<'_, str> {
    escape(text, |_| false)
}

/// Text of several lines made inert: control characters other than
/// newline and tab shown as `\u{…}`, and no line starting with a CI
/// command.
pub fn inert(text: &str) -> Cow<'_, str> {
    let escaped = escape(text, |c| c == '\n' || c == '\t');
    if !escaped.split('\n').any(is_command) {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 8);
    for (i, line) in escaped.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if is_command(line) {
            let indent = line.len() - line.trim_start().len();
            let first = line[indent..].chars().next().unwrap_or(' ');
            out.push_str(&line[..indent]);
            let _ = write!(out, "\\u{{{:x}}}", u32::from(first));
            out.push_str(&line[indent + first.len_utf8()..]);
        } else {
            out.push_str(line);
        }
    }
    Cow::Owned(out)
}

/// Whether a CI runner would read `line` as a command: runners trim the
/// line's start before looking.
fn is_command(line: &str) -> bool {
    let line = line.trim_start();
    line.starts_with("::") || line.starts_with("##[") || line.starts_with("##vso[")
}

/// Whether `c` must not reach a terminal as it is.
pub(crate) fn is_unsafe_char(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{61c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

fn escape(text: &str, keep: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe_char(c) && !keep(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_unsafe_char(c) && !keep(c) {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_shown_not_sent() {
        assert_eq!(escape_text("a\u{1b}]52;c;aGk=\u{7}b"), "a\\u{1b}]52;c;aGk=\\u{7}b");
        assert_eq!(escape_text("x\r\ny\0"), "x\\u{d}\\u{a}y\\u{0}");
        assert_eq!(escape_text("\u{9b}31m \u{202e}gpj"), "\\u{9b}31m \\u{202e}gpj");
        assert!(matches!(escape_text("plain — text"), Cow::Borrowed(_)));
    }

    #[test]
    fn no_line_starts_with_a_ci_command() {
        let text = "ok\n::error::pwned\n   ::warning file=x::y\n##vso[task.setvariable]z\nnot ::error";
        assert_eq!(
            inert(text),
            "ok\n\\u{3a}:error::pwned\n   \\u{3a}:warning file=x::y\n\\u{23}#vso[task.setvariable]z\nnot ::error"
        );
        assert_eq!(inert("a\tb\n\u{1b}[2J"), "a\tb\n\\u{1b}[2J");
    }
}
