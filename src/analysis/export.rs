//! Names of downloaded files. (The CSV itself comes from the chart's table: `Chart::csv`.)

use super::chart::ChartMeta;

/// A safe file name stem for a chart download, marking synthetic data in the name too.
pub fn file_stem(meta: &ChartMeta) -> String {
    let id: String = meta.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if meta.synthetic { format!("versterkingsmonitor-{id}-SYNTHETISCH-demo") } else { format!("versterkingsmonitor-{id}") }
}
