//! Where the Up and Down arrow keys go in a chart with several series: to the point of the next or
//! previous series (in legend order: Down goes down the legend) nearest the point now shown.
//! (A review: Up and Down did what Right and Left do, walking every point of every series in
//! reading order, so reaching "Werkvoorraad" in December 2019 from another line meant walking
//! through all points in between.) Left and Right keep walking all points in reading order; in
//! horizontal bars Up and Down walk the bars from top to bottom, as they are read.

use super::Hit;

/// The hit of the nearest series after (`down`) or before the active hit's series that has hits,
/// nearest to it along the x axis (the earlier one on a tie); `None` when there is no such series.
pub fn other_series(hits: &[Hit], active: usize, down: bool) -> Option<usize> {
    let cur = hits.get(active)?;
    let series = hits.iter().map(|h| h.series).filter(|&s| if down { s > cur.series } else { s < cur.series });
    let target = if down { series.min()? } else { series.max()? };
    hits.iter().enumerate().filter(|(_, h)| h.series == target).min_by_key(|(_, h)| ((h.x - cur.x).abs(), h.x)).map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hit(series: usize, point: usize, x: i32) -> Hit {
        Hit { series, point, x, y: 0 }
    }

    #[test]
    fn up_and_down_go_to_the_nearest_point_of_the_neighbouring_series() {
        // Series 0 at x 10, 20, 30; series 1 only at 12 and 28; series 3 at 25 (series 2 has none).
        let hits = [hit(0, 0, 10), hit(0, 1, 20), hit(0, 2, 30), hit(1, 0, 12), hit(1, 1, 28), hit(3, 0, 25)];
        assert_eq!(other_series(&hits, 2, true), Some(4), "from (0, x 30) down to (1, x 28)");
        assert_eq!(other_series(&hits, 1, true), Some(3), "a tie at 8 px each way: the earlier point");
        assert_eq!(other_series(&hits, 4, true), Some(5), "series 2 has no points: on to series 3");
        assert_eq!(other_series(&hits, 5, false), Some(4));
        assert_eq!(other_series(&hits, 3, false), Some(0));
        assert_eq!(other_series(&hits, 0, false), None, "no series above the first");
        assert_eq!(other_series(&hits, 5, true), None, "none below the last");
        assert_eq!(other_series(&hits, 9, true), None, "no active hit");
    }
}
