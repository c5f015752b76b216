//! The exposure curve (spec §12) as an inline SVG: the total penalty if nothing more is paid, day
//! by day from the evaluation date. Plain markup with a text alternative; no script.

use crate::engine::what_if::ExposurePoint;
use crate::present::markup::Markup;
use crate::text::Lang;
use rust_decimal::Decimal;
use std::fmt::Write;

const W: i64 = 320;
const H: i64 = 120;
const PAD: i64 = 4;

/// The curve, its first and last figures in words, and what it shows; empty with fewer than two
/// points.
pub fn exposure_svg(points: &[ExposurePoint], lang: Lang) -> Markup {
    let mut m = Markup::new();
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return m;
    };
    if points.len() < 2 {
        return m;
    }
    let highest = points
        .iter()
        .map(|p| p.total_penalty)
        .max()
        .unwrap_or_default();
    // A flat ¥0.00 curve is drawn on its foot; its scale has no top to name.
    let max = highest.max(Decimal::ONE);
    let span = Decimal::from(last.days.max(1));
    let (w, h, pad) = (Decimal::from(W), Decimal::from(H), Decimal::from(PAD));
    let mut path = String::new();
    for p in points {
        let x = pad + (w - pad * Decimal::TWO) * Decimal::from(p.days) / span;
        let y = h - pad - (h - pad * Decimal::TWO) * p.total_penalty / max;
        let _ = write!(path, "{},{} ", x.round_dp(1), y.round_dp(1));
    }
    let caption = crate::text::claim::exposure(
        first.total_penalty,
        first.date,
        last.total_penalty,
        last.days,
        last.date,
        lang,
    );
    let (view_box, y0, x1) = (
        format!("0 0 {W} {H}"),
        (H - PAD).to_string(),
        (W - PAD).to_string(),
    );
    // The axes in words, outside the stretched drawing: the penalty at the top and at the foot of
    // the scale, the first and last day under it.
    let top = if highest > Decimal::ZERO {
        crate::engine::money::format_yuan(highest)
    } else {
        String::new()
    };
    let day = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        format!("{}-{:02}-{:02}", d.year(), d.month(), d.day())
    };
    m.open(
        "figure",
        &[("class", "exposure"), ("data-testid", "exposure")],
    )
    .open("div", &[("class", "chart"), ("aria-hidden", "true")])
    .el("span", &[("class", "y-top")], &top)
    .el("span", &[("class", "y-foot")], "¥0.00")
    .open(
        "svg",
        &[
            ("viewBox", &view_box),
            ("role", "img"),
            ("aria-label", &caption),
            ("preserveAspectRatio", "none"),
        ],
    )
    .empty(
        "line",
        &[
            ("x1", &PAD.to_string()),
            ("y1", &y0),
            ("x2", &x1),
            ("y2", &y0),
            ("class", "axis"),
        ],
    )
    .empty(
        "polyline",
        &[("points", path.trim_end()), ("class", "curve")],
    )
    .close("svg")
    .close("div")
    .open("div", &[("class", "x-axis"), ("aria-hidden", "true")])
    .el("span", &[], &day(first.date))
    .el("span", &[], &day(last.date))
    .close("div")
    .el("figcaption", &[], &caption)
    .close("figure");
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{d, date};

    #[test]
    fn the_curve_runs_from_today_to_the_last_day_and_says_so() {
        let points = [
            ExposurePoint {
                date: date("2025-09-30"),
                days: 0,
                total_penalty: d("100.00"),
                warnings: Vec::new(),
            },
            ExposurePoint {
                date: date("2025-10-30"),
                days: 30,
                total_penalty: d("1600.00"),
                warnings: Vec::new(),
            },
        ];
        let svg = exposure_svg(&points, Lang::Zh).into_string();
        assert!(svg
            .contains("违约金由2025年9月30日的 ¥100.00 增至30日后（2025年10月30日）的 ¥1,600.00"));
        assert!(svg.contains(r#"points="4,109 316,4""#), "{svg}");
        // Its scale and its days, in words beside the drawing.
        assert!(
            svg.contains(
                r#"<span class="y-top">¥1,600.00</span><span class="y-foot">¥0.00</span>"#
            ),
            "{svg}"
        );
        assert!(svg.contains(r#"<div class="x-axis" aria-hidden="true"><span>2025-09-30</span><span>2025-10-30</span></div>"#), "{svg}");
        assert!(exposure_svg(&points[..1], Lang::Zh).is_empty());
        // Nothing owed, nothing accrues: the curve lies on its foot, and no "¥1.00" tops a scale
        // no figure reaches.
        let flat: Vec<ExposurePoint> = points
            .iter()
            .cloned()
            .map(|mut p| {
                p.total_penalty = Decimal::ZERO;
                p
            })
            .collect();
        let svg = exposure_svg(&flat, Lang::Zh).into_string();
        assert!(svg.contains(r#"<span class="y-top"></span>"#), "{svg}");
        assert!(svg.contains(r#"points="4,116 316,116""#), "{svg}");
    }
}
