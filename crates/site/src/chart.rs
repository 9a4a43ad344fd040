//! The salary chart, drawn as inline SVG by a template function so that
//! every page draws it the same way and pair pages pay no template cost
//! for it: `{{ salary_chart(career.chart, max, label) }}`.

use std::fmt::Write;

use minijinja::{Error, ErrorKind, Value};

/// Draws `chart` (the `ChartPoints` of a career view) on a scale from 0 to
/// `max`: whiskers from the lowest to the highest figure, a box for the
/// middle half (or the advertised range), a tick at the median. `label` is
/// the accessible name; pages write the figures out as text too.
pub(crate) fn salary_chart(chart: Value, max: f64, label: &str) -> Result<Value, Error> {
    let number = |name: &str| -> Result<Option<f64>, Error> {
        let value = chart.get_attr(name)?;
        if value.is_none() || value.is_undefined() {
            return Ok(None);
        }
        f64::try_from(value)
            .map(Some)
            .map_err(|_| Error::new(ErrorKind::InvalidOperation, format!("salary_chart: `{name}` is not a number")))
    };
    let (Some(low), Some(high)) = (number("low")?, number("high")?) else {
        return Err(Error::new(ErrorKind::InvalidOperation, "salary_chart needs a chart with `low` and `high`"));
    };
    // Positions in tenths of a percent of the width, written as decimals.
    let x = |amount: f64| if max > 0.0 { (amount / max * 1000.0).round() as i64 } else { 0 };
    let label = crate::theme::escape_html(label);
    let mut svg = format!(
        "<svg class=\"chart\" viewBox=\"0 0 100 12\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{label}\">\
         <line x1=\"{}\" x2=\"{}\" y1=\"6\" y2=\"6\" class=\"whisker\"/>",
        Tenths(x(low)),
        Tenths(x(high))
    );
    let (box_low, box_high, y, height) = match (number("box_low")?, number("box_high")?) {
        (Some(l), Some(h)) => (l, h, 2, 8),
        _ => (low, high, 3, 6),
    };
    let _ = write!(
        svg,
        "<rect x=\"{}\" y=\"{y}\" width=\"{}\" height=\"{height}\" class=\"box\"/>",
        Tenths(x(box_low)),
        Tenths((x(box_high) - x(box_low)).max(0))
    );
    if let Some(median) = number("median")? {
        let _ = write!(svg, "<line x1=\"{0}\" x2=\"{0}\" y1=\"0\" y2=\"12\" class=\"median\"/>", Tenths(x(median)));
    }
    svg.push_str("</svg>");
    Ok(Value::from_safe_string(svg))
}

/// A number of tenths written as a decimal: 253 as "25.3", 250 as "25".
/// (Integers format far faster than floats, and a chart writes ten.)
struct Tenths(i64);

impl std::fmt::Display for Tenths {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (sign, t) = if self.0 < 0 { ("-", -self.0) } else { ("", self.0) };
        match t % 10 {
            0 => write!(f, "{sign}{}", t / 10),
            tenth => write!(f, "{sign}{}.{tenth}", t / 10),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_box_whiskers_and_median_to_scale() {
        let chart =
            minijinja::context! { low => 50.0, high => 100.0, box_low => 60.0, box_high => 80.0, median => 70.0 };
        let svg = salary_chart(chart, 200.0, "Pay <of> A").unwrap().to_string();
        assert!(svg.contains("aria-label=\"Pay &lt;of&gt; A\""), "{svg}");
        assert!(svg.contains("<line x1=\"25\" x2=\"50\""), "{svg}");
        assert!(svg.contains("<rect x=\"30\" y=\"2\" width=\"10\""), "{svg}");
        assert!(svg.contains("<line x1=\"35\" x2=\"35\" y1=\"0\""), "{svg}");
    }

    #[test]
    fn tenths_read_like_the_decimals_they_stand_for() {
        let shown: Vec<String> = [0, 5, 250, 253, 1000, -15].map(|t| Tenths(t).to_string()).into();
        assert_eq!(shown, ["0", "0.5", "25", "25.3", "100", "-1.5"]);
    }

    #[test]
    fn a_range_without_percentiles_is_a_plain_bar() {
        let chart = minijinja::context! { low => 100.0, high => 200.0, box_low => (), box_high => (), median => () };
        let svg = salary_chart(chart, 200.0, "x").unwrap().to_string();
        assert!(svg.contains("<rect x=\"50\" y=\"3\" width=\"50\" height=\"6\""), "{svg}");
        assert!(!svg.contains("class=\"median\""));
    }
}
