//! How values are written on pages and in the terminal. Comparisons decide
//! ties on these same roundings, so "tie" always means "shows the same".

use crate::{Salary, Wage};

/// `1234567` → `"1,234,567"`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An amount of money as shown: whole units with separators, or cents
/// for hourly pay under 1,000 ("$52.40").
pub fn money(salary: &Salary, amount: f64) -> String {
    let prefix = salary.currency_prefix();
    if salary.period == crate::Period::Hour {
        format!("{prefix}{:.2}", amount)
    } else {
        format!("{prefix}{}", thousands(amount.round().max(0.0) as u64))
    }
}

/// A wage as shown, with "≥" for amounts that are only a lower bound.
pub fn wage(salary: &Salary, wage: Wage) -> String {
    let shown = money(salary, wage.amount());
    if wage.is_at_least() { format!("≥{shown}") } else { shown }
}

/// The integer that two shown amounts are compared on: cents for hourly
/// pay, whole units otherwise.
pub fn money_key(salary: &Salary, amount: f64) -> i64 {
    if salary.period == crate::Period::Hour { (amount * 100.0).round() as i64 } else { amount.round() as i64 }
}

/// A figure to the tenth, always with its decimal ("25.0", "4.5"), as
/// BLS publishes percentages and O*NET its levels: "25.0%" beside
/// "38.1%" reads as two figures of one kind, "25%" does not.
pub fn tenths(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    // Adding 0.0 turns -0.0 (a small negative rounded) into 0.0.
    format!("{:.1}", rounded + 0.0)
}

/// A number with at most one decimal, without a trailing `.0` (chart
/// labels: "$60k", "$1.2M").
pub fn one_decimal(x: f64) -> String {
    let rounded = (x * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 { format!("{rounded:.0}") } else { format!("{rounded:.1}") }
}

/// The preparation an O*NET job zone stands for, from the Specific
/// Vocational Preparation (SVP) range O*NET gives each zone: "2–4 years"
/// for zone 4. It is the zone's typical span, not any one
/// career's learning time.
pub fn job_zone_preparation(zone: u8) -> &'static str {
    match zone {
        0 | 1 => "up to 3 months",
        2 => "3–12 months",
        3 => "1–2 years",
        4 => "2–4 years",
        _ => "over 4 years",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(210000), "210,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn one_decimal_drops_trailing_zero() {
        assert_eq!(one_decimal(9.0), "9");
        assert_eq!(one_decimal(9.24), "9.2");
        assert_eq!(one_decimal(15.0), "15");
    }
}
