//! Names of downloaded files. (The CSV itself comes from the chart's table: `Chart::csv`.)

use super::chart::ChartMeta;
use crate::i18n::{texts, Lang};

/// A safe file name stem for a chart download, marking synthetic data in the name too, in the
/// reader's language (an English download was named "…-SYNTHETISCH-demo").
/// A chart about one place says which in its name too ("…-fasen-dorp-loppersum"): every dorp's
/// charts were all named "…-fasen-dorp", so two downloads overwrote each other.
pub fn file_stem(meta: &ChartMeta, lang: Lang) -> String {
    let mut name = String::from("versterkingsmonitor-");
    for c in meta.id.chars() {
        name.push(if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' });
    }
    // The subject after the title's last ": ", lower case, one "-" between words (in plain loops:
    // with iterator adaptors this cost 0.2 KB more of the bundle).
    let mut subject = String::new();
    if let Some((_, s)) = meta.title.rsplit_once(": ") {
        for c in s.chars() {
            if c.is_ascii_alphanumeric() {
                subject.push(c.to_ascii_lowercase());
            } else if !subject.is_empty() && !subject.ends_with('-') {
                subject.push('-');
            }
        }
    }
    let subject = subject.trim_end_matches('-');
    if !subject.is_empty() && !name.to_ascii_lowercase().ends_with(subject) {
        name.push('-');
        name.push_str(subject);
    }
    name.push_str(demo_suffix(meta.synthetic, lang));
    name
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

    /// Regression: the charts of every dorp were named alike ("…-fasen-dorp-SYNTHETISCH-demo"),
    /// so the downloads of two dorpen overwrote each other.
    #[test]
    fn a_chart_about_one_place_names_it() {
        let meta = ChartMeta { id: "fasen-dorp".into(), title: "Werkvoorraad per fase: Nieuw-Scheemda".into(), synthetic: true, ..ChartMeta::default() };
        assert_eq!(file_stem(&meta, Lang::Nl), "versterkingsmonitor-fasen-dorp-nieuw-scheemda-SYNTHETISCH-demo");
        let cluster = ChartMeta { id: "doorlooptijden-cluster".into(), title: "Doorlooptijden: cluster LOP-07".into(), ..ChartMeta::default() };
        assert_eq!(file_stem(&cluster, Lang::Nl), "versterkingsmonitor-doorlooptijden-cluster-cluster-lop-07");
        let plain = ChartMeta { id: "trends-doelen".into(), title: "Doelen tegenover realisatie".into(), ..ChartMeta::default() };
        assert_eq!(file_stem(&plain, Lang::Nl), "versterkingsmonitor-trends-doelen");
    }
}
