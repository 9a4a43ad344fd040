//! The pay chart, drawn as inline SVG by a template function so that every
//! page draws it the same way: `{{ salary_chart(career.chart, max, label) }}`.
//!
//! Horizontal positions are percentages of the chart's width and vertical
//! ones are pixels, so the chart stretches to any width while its text
//! keeps its size: the 10th percentile, median and 90th percentile are
//! written on the chart, under an axis with round-number ticks. Pages that
//! draw two careers pass the same `max`, so both share one scale.

use std::fmt::Write;

use minijinja::{Error, ErrorKind, Value};

/// Draws `chart` (the `ChartPoints` of a career view) on a scale from 0 to
/// `max`: whiskers from the lowest to the highest figure, a box for the
/// middle half (or the advertised range), a tick at the median, the figures'
/// values, and the axis. `label` starts the accessible name, which also
/// reads out the figures; pages write them out as text too.
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
    let prefix = chart.get_attr("prefix")?;
    let prefix = prefix.as_str().unwrap_or("$");
    let median = number("median")?;
    let (box_low, box_high) = number("box_low")?.zip(number("box_high")?).unwrap_or((low, high));
    let x = |amount: f64| Tenths(if max > 0.0 { (amount / max * 1000.0).round() as i64 } else { 0 });
    let money = |amount: f64| compact_money(prefix, amount);

    // "10th percentile $50k, median $70k, 90th percentile $100k": what
    // each figure is, not a range that reads as the lowest and highest pay.
    let name = |end: &str, default: &'static str| -> Result<String, Error> {
        let value = chart.get_attr(end)?;
        Ok(value.as_str().unwrap_or(default).to_owned())
    };
    let mut spoken = format!("{label}: {} {}", name("low_name", "lowest")?, money(low));
    if let Some(m) = median {
        let _ = write!(spoken, ", median {}", money(m));
    }
    let _ = write!(spoken, ", {} {}", name("high_name", "highest")?, money(high));
    let mut svg = format!(
        "<svg class=\"chart\" width=\"100%\" height=\"{HEIGHT}\" role=\"img\" aria-label=\"{}\">",
        crate::theme::escape_html(&spoken)
    );
    let _ = write!(
        svg,
        "<line x1=\"{}%\" x2=\"{}%\" y1=\"{MID}\" y2=\"{MID}\" class=\"whisker\"/>\
         <rect x=\"{}%\" y=\"{}\" width=\"{}%\" height=\"{}\" class=\"box\"/>",
        x(low),
        x(high),
        x(box_low),
        MID - 7,
        Tenths(x(box_high).0 - x(box_low).0),
        14,
    );
    // The extremes' values sit under the whisker's ends, pointing inwards;
    // the median's above its tick.
    let _ = write!(
        svg,
        "<text x=\"{}%\" y=\"{}\" class=\"figure\">{}</text>\
         <text x=\"{}%\" y=\"{}\" text-anchor=\"end\" class=\"figure\">{}</text>",
        x(low),
        MID + 22,
        money(low),
        x(high),
        MID + 22,
        money(high)
    );
    if let Some(m) = median {
        let _ = write!(
            svg,
            "<line x1=\"{0}%\" x2=\"{0}%\" y1=\"{1}\" y2=\"{2}\" class=\"median\"/>\
             <text x=\"{0}%\" y=\"{3}\" text-anchor=\"middle\" class=\"figure median-figure\">{4}</text>",
            x(m),
            MID - 10,
            MID + 10,
            MID - 13,
            money(m)
        );
    }
    axis(&mut svg, max, x, &money);
    svg.push_str("</svg>");
    Ok(Value::from_safe_string(svg))
}

/// Chart height in pixels, and the whisker's line.
const HEIGHT: i64 = 86;
const MID: i64 = 26;
/// The axis line.
const AXIS: i64 = 60;

/// The axis: a line, and a tick with its amount at each round step.
fn axis(svg: &mut String, max: f64, x: impl Fn(f64) -> Tenths, money: &impl Fn(f64) -> String) {
    let _ = write!(svg, "<line x1=\"0\" x2=\"100%\" y1=\"{AXIS}\" y2=\"{AXIS}\" class=\"axis\"/>");
    let step = tick_step(max);
    let mut k = 0u32;
    while step > 0.0 && f64::from(k) * step <= max {
        let amount = f64::from(k) * step;
        let anchor = if k == 0 { "start" } else { "middle" };
        let _ = write!(
            svg,
            "<line x1=\"{0}%\" x2=\"{0}%\" y1=\"{AXIS}\" y2=\"{1}\" class=\"axis\"/>\
             <text x=\"{0}%\" y=\"{2}\" text-anchor=\"{anchor}\" class=\"tick\">{3}</text>",
            x(amount),
            AXIS + 5,
            AXIS + 19,
            money(amount)
        );
        k += 1;
    }
}

/// A round step (1, 2 or 5 times a power of ten) that gives at most five
/// ticks between 0 and `max`.
fn tick_step(max: f64) -> f64 {
    if !(max.is_finite() && max > 0.0) {
        return 0.0;
    }
    let rough = max / 5.0;
    let power = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * power).find(|step| max / step <= 5.0).unwrap_or(power * 10.0)
}

/// An amount as short as it reads on a chart: `$133k`, `$1.2M`, `$52.40`.
fn compact_money(prefix: &str, amount: f64) -> String {
    if amount >= 1_000_000.0 {
        format!("{prefix}{}M", careerdiff_model::display::one_decimal(amount / 1_000_000.0))
    } else if amount >= 10_000.0 {
        format!("{prefix}{}k", (amount / 1000.0).round())
    } else if amount >= 1000.0 {
        format!("{prefix}{}k", careerdiff_model::display::one_decimal(amount / 1000.0))
    } else if amount.fract() == 0.0 {
        format!("{prefix}{amount}")
    } else {
        format!("{prefix}{amount:.2}")
    }
}

/// A number of tenths written as a decimal: 253 as "25.3", 250 as "25".
/// (Integers format far faster than floats, and a chart writes many.)
#[derive(Clone, Copy)]
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

    fn draw(chart: Value, max: f64) -> String {
        salary_chart(chart, max, "Pay <of> A").unwrap().to_string()
    }

    #[test]
    fn draws_box_whiskers_and_median_to_scale() {
        let chart =
            minijinja::context! { low => 50.0, high => 100.0, box_low => 60.0, box_high => 80.0, median => 70.0 };
        let svg = draw(chart, 200.0);
        assert!(svg.contains("aria-label=\"Pay &lt;of&gt; A: lowest $50, median $70, highest $100\""), "{svg}");
        let named = minijinja::context! {
            low => 50.0, high => 100.0, median => 70.0, low_name => "10th percentile", high_name => "90th percentile"
        };
        let spoken = draw(named, 200.0);
        assert!(spoken.contains("A: 10th percentile $50, median $70, 90th percentile $100\""), "{spoken}");
        assert!(svg.contains("<line x1=\"25%\" x2=\"50%\""), "{svg}");
        assert!(svg.contains("<rect x=\"30%\" y=\"19\" width=\"10%\""), "{svg}");
        assert!(svg.contains("<line x1=\"35%\" x2=\"35%\" y1=\"16\""), "{svg}");
    }

    #[test]
    fn figures_and_axis_ticks_are_written_on_the_chart() {
        let chart = minijinja::context! { low => 74_000.0, high => 208_000.0, box_low => 98_000.0,
        box_high => 170_000.0, median => 133_080.0, prefix => "$" };
        let svg = draw(chart, 228_800.0);
        for figure in ["$74k", "$133k", "$208k"] {
            assert!(svg.contains(&format!("class=\"figure\">{figure}</text>")) || svg.contains(&format!(">{figure}<")));
        }
        // 228,800 over at most five ticks: every $50k from $0 to $200k.
        let ticks: Vec<&str> =
            svg.split("class=\"tick\">").skip(1).map(|t| t.split('<').next().unwrap_or_default()).collect();
        assert_eq!(ticks, ["$0", "$50k", "$100k", "$150k", "$200k"]);
    }

    #[test]
    fn tick_steps_are_round_and_few() {
        for (max, step) in [(228_800.0, 50_000.0), (100.0, 20.0), (66.0, 20.0), (9.0, 2.0), (0.0, 0.0)] {
            assert_eq!(tick_step(max), step, "max {max}");
        }
    }

    #[test]
    fn tenths_read_like_the_decimals_they_stand_for() {
        let shown: Vec<String> = [0, 5, 250, 253, 1000, -15].map(|t| Tenths(t).to_string()).into();
        assert_eq!(shown, ["0", "0.5", "25", "25.3", "100", "-1.5"]);
    }

    #[test]
    fn a_range_without_percentiles_is_a_plain_bar() {
        let chart = minijinja::context! { low => 100.0, high => 200.0, box_low => (), box_high => (), median => () };
        let svg = draw(chart, 200.0);
        assert!(svg.contains("<rect x=\"50%\" y=\"19\" width=\"50%\""), "{svg}");
        assert!(!svg.contains("class=\"median\""));
    }

    #[test]
    fn amounts_are_compact() {
        assert_eq!(compact_money("$", 133_080.0), "$133k");
        assert_eq!(compact_money("$", 1_240_000.0), "$1.2M");
        assert_eq!(compact_money("€", 5_500.0), "€5.5k");
        assert_eq!(compact_money("$", 52.4), "$52.40");
    }
}
