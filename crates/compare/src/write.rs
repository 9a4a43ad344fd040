//! Writing sentences straight into a buffer: lists joined with commas and
//! "and", numbers and levels, names lower-cased inside a sentence. Every
//! pair of a site gets a few dozen of these, so nothing here goes through
//! `format!` or intermediate strings.

pub(crate) fn push_all(text: &mut String, parts: &[&str]) {
    parts.iter().for_each(|p| text.push_str(p));
}

/// The separators of a list of `n` items written one by one: "a", "a and
/// b" or "a, b and c". Call [`Joiner::next`] before writing each item.
pub(crate) struct Joiner {
    n: usize,
    written: usize,
}

impl Joiner {
    pub(crate) fn new(n: usize) -> Self {
        Joiner { n, written: 0 }
    }

    /// Writes the separator that goes before the next item.
    pub(crate) fn next(&mut self, text: &mut String) {
        if self.written > 0 {
            text.push_str(if self.written + 1 == self.n { " and " } else { ", " });
        }
        self.written += 1;
    }
}

/// Writes `items` as "a", "a and b" or "a, b and c", each through `put`.
pub(crate) fn join_into<T>(
    text: &mut String,
    items: impl Iterator<Item = T> + Clone,
    mut put: impl FnMut(&mut String, T),
) {
    let mut joiner = Joiner::new(items.clone().count());
    for item in items {
        joiner.next(text);
        put(text, item);
    }
}

/// Writes `n` in decimal.
pub(crate) fn push_number(text: &mut String, mut n: usize) {
    if n < 10 {
        text.push(char::from(b'0' + n as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    digits[start..].iter().for_each(|&d| text.push(char::from(d)));
}

/// Writes a level to the tenth, as `display::tenths` shows it ("4.5",
/// "5.0"), without formatting a float: every pair writes
/// a few dozen of these.
/// O*NET's levels, importances and scores (0–7) are read from a table of
/// their texts; anything else is written digit by digit.
pub(crate) fn push_decimal(text: &mut String, x: f64) {
    let tenths = x * 10.0;
    let rounded = round_magnitude(tenths);
    let negative = tenths < 0.0 && rounded > 0;
    match TENTHS.get(rounded as usize) {
        Some(shown) if !negative => text.push_str(shown),
        _ => {
            if negative {
                text.push('-');
            }
            write_tenths(text, rounded as usize);
        }
    }
}

/// The text of every number of tenths from 0 to 7, as [`write_tenths`]
/// writes it.
const TENTHS: [&str; 71] = [
    "0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7", "0.8", "0.9", //
    "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", //
    "2.0", "2.1", "2.2", "2.3", "2.4", "2.5", "2.6", "2.7", "2.8", "2.9", //
    "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9", //
    "4.0", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.8", "4.9", //
    "5.0", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.7", "5.8", "5.9", //
    "6.0", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", //
    "7.0",
];

/// `x.abs().round()` as an integer (0 for NaN, saturating), without the
/// call into the C library that `f64::round` is on x86-64 before SSE4.1.
/// Exact: the whole part is `x` truncated, and the part after the point is
/// then exactly `x` less it (Sterbenz), so the half is rounded away from
/// zero as `f64::round` rounds it.
fn round_magnitude(x: f64) -> u64 {
    let magnitude = x.abs();
    // Truncating to 32 bits is one instruction; larger numbers (never a
    // level) and NaN take the library's way.
    if magnitude.is_nan() || magnitude >= f64::from(u32::MAX) {
        return magnitude.round() as u64;
    }
    let whole = magnitude as u32;
    u64::from(whole) + u64::from(magnitude - f64::from(whole) >= 0.5)
}

/// Writes a count of tenths as a number with one decimal.
fn write_tenths(text: &mut String, tenths: usize) {
    push_number(text, tenths / 10);
    text.push('.');
    text.push(char::from(b'0' + (tenths % 10) as u8));
}

/// Writes `s`, lower-casing its first letter if it is a common noun.
pub(crate) fn push_lower_first(text: &mut String, s: &str, common_noun: bool) {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) if common_noun => {
            text.extend(first.to_lowercase());
            text.push_str(chars.as_str());
        }
        _ => text.push_str(s),
    }
}

/// Upper-cases the first letter of `s` (in place when it is ASCII, as
/// the sentences written here begin).
pub(crate) fn capitalise_first(s: &mut String) {
    match s.chars().next() {
        Some(first) if first.is_ascii() => s[..1].make_ascii_uppercase(),
        Some(first) => {
            let upper: String = first.to_uppercase().collect();
            s.replace_range(..first.len_utf8(), &upper);
        }
        None => {}
    }
}

#[cfg(test)]
mod tests {
    use super::{capitalise_first, join_into, push_decimal, round_magnitude};

    #[test]
    fn levels_in_sentences_read_as_one_decimal_shows_them() {
        for x in [0.0, 0.04, 3.0, 4.45, 4.55, 5.04, 6.96, 7.0, 7.04, 7.06, 12.3, -0.5, -3.25] {
            let mut text = String::new();
            push_decimal(&mut text, x);
            assert_eq!(text, careerdiff_model::display::tenths(x), "{x}");
        }
    }

    #[test]
    fn the_table_of_tenths_reads_as_they_are_written() {
        for (tenths, shown) in super::TENTHS.iter().enumerate() {
            let mut text = String::new();
            super::write_tenths(&mut text, tenths);
            assert_eq!(&text, shown);
        }
    }

    #[test]
    fn magnitudes_round_as_the_library_rounds_them() {
        let below_half = 0.5 - f64::EPSILON / 4.0;
        for x in [0.0, -0.0, 0.5, below_half, 1.5, 2.5, -2.5, 44.5, 44.49999999999999, 69.99, 1e15 + 0.5, f64::NAN] {
            assert_eq!(round_magnitude(x), x.abs().round() as u64, "{x}");
        }
        // Every level and importance O*NET gives (two decimals) times ten.
        for hundredths in 0..=700 {
            let x = f64::from(hundredths) / 100.0 * 10.0;
            assert_eq!(round_magnitude(x), x.round() as u64, "{x}");
        }
    }

    #[test]
    fn lists_read_with_commas_and_a_last_and() {
        for (items, expected) in [(&["a"][..], "a"), (&["a", "b"], "a and b"), (&["a", "b", "c"], "a, b and c")] {
            let mut text = String::new();
            join_into(&mut text, items.iter(), |text, item| text.push_str(item));
            assert_eq!(text, expected);
        }
    }

    #[test]
    fn the_first_letter_is_capitalised_whatever_it_is() {
        for (from, to) in [("the move", "The move"), ("élan", "Élan"), ("9% overlap", "9% overlap"), ("", "")] {
            let mut text = from.to_owned();
            capitalise_first(&mut text);
            assert_eq!(text, to);
        }
    }
}
