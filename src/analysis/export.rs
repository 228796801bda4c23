//! Downloads: a chart's data as CSV, with its provenance on every row. Synthetic data says so in
//! the first line and on every row, so a downloaded file can never pass for real figures.

use super::time_chart::TimeChart;
use crate::i18n::{texts, Lang};

/// The CSV a user downloads under a time chart.
pub fn time_chart_csv(chart: &TimeChart, lang: Lang) -> String {
    let mut out = String::new();
    if chart.synthetic {
        out.push_str("# ");
        out.push_str(texts(lang).shell.demo_stamp);
        out.push('\n');
    }
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let header = ["series", "label", "period_start", "period_end", "period", "value", "publication", "peildatum", "source", "flag", "note"];
    let mut ok = w.write_record(header).is_ok();
    for s in &chart.series {
        for p in &s.points {
            let value = format!("{}", p.value);
            let start = p.start.to_string();
            let end = p.end.to_string();
            let peil = p.provenance.peildatum.map(|d| d.to_string()).unwrap_or_default();
            let rec = [
                s.key.as_str(),
                s.label.as_str(),
                start.as_str(),
                end.as_str(),
                p.period_label.as_str(),
                value.as_str(),
                p.provenance.publication.as_str(),
                peil.as_str(),
                p.provenance.source.as_str(),
                p.provenance.flag.as_str(),
                p.provenance.note.as_str(),
            ];
            ok &= w.write_record(rec).is_ok();
        }
    }
    let bytes = w.into_inner().unwrap_or_default();
    if !ok {
        return out;
    }
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// A safe file name stem for a chart download, marking synthetic data in the name too.
pub fn file_stem(chart: &TimeChart) -> String {
    let id: String = chart.id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if chart.synthetic { format!("versterkingsmonitor-{id}-SYNTHETISCH-demo") } else { format!("versterkingsmonitor-{id}") }
}
