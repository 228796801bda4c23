//! Names of downloaded files. (The CSV itself comes from the chart's table: `Chart::csv`.)

use super::chart::ChartMeta;
use crate::i18n::{texts, Lang};

/// A safe file name stem for a chart download, marking synthetic data in the name too, in the
/// reader's language (an English download was named "…-SYNTHETISCH-demo").
pub fn file_stem(meta: &ChartMeta, lang: Lang) -> String {
    let id: String = meta.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    format!("versterkingsmonitor-{id}{}", demo_suffix(meta.synthetic, lang))
}

/// "-SYNTHETISCH-demo" / "-SYNTHETIC-demo" for a file of synthetic data, else nothing.
pub fn demo_suffix(synthetic: bool, lang: Lang) -> &'static str {
    if synthetic { texts(lang).shell.demo_file_suffix } else { "" }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: an English download of demonstration data was named "…-SYNTHETISCH-demo".
    #[test]
    fn a_demo_file_is_named_in_the_readers_language() {
        let meta = ChartMeta { id: "doorlooptijd-stap".into(), synthetic: true, ..ChartMeta::default() };
        assert_eq!(file_stem(&meta, Lang::Nl), "versterkingsmonitor-doorlooptijd-stap-SYNTHETISCH-demo");
        assert_eq!(file_stem(&meta, Lang::En), "versterkingsmonitor-doorlooptijd-stap-SYNTHETIC-demo");
        let published = ChartMeta { synthetic: false, ..meta };
        assert_eq!(file_stem(&published, Lang::En), "versterkingsmonitor-doorlooptijd-stap");
    }
}
