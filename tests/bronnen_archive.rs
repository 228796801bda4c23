//! The "Data & bronnen" page's analysis on the bundled archive (public/data): the publication list,
//! the coverage table, the quality report and the archive download.

mod common;

use versterkingsmonitor::analysis::archive_download::{archive_csv, ARCHIVE_CSV_HEADER};
use versterkingsmonitor::analysis::coverage::{by_publication, coverage, coverage_table, extra_publication, EXTRA_PUBLICATION};
use versterkingsmonitor::data::quality::{self, FindingKind};
use versterkingsmonitor::i18n::Lang;

#[test]
fn at_least_twelve_ncg_publications_each_with_a_source() {
    let (a, _) = common::bundled_archive();
    let ncg = a.publications.iter().filter(|p| p.publisher.starts_with("NCG")).count();
    assert!(ncg >= 12, "{ncg} NCG publications");
    assert!(a.publications.iter().all(|p| p.url.is_some() || p.document.is_some()));
    assert!(a.publications.iter().filter(|p| p.publisher.starts_with("NCG")).all(|p| p.url.is_some()));
}

#[test]
fn coverage_counts_every_observation_once() {
    let (a, _) = common::bundled_archive();
    let c = coverage(&a);
    assert_eq!(c.total as usize, a.observations.len());
    assert_eq!(c.column_totals.iter().sum::<u32>() as usize, a.observations.len());
    assert_eq!(c.publications_per_year.iter().sum::<u32>() as usize, a.publications.len());
    assert_eq!(c.rows.len() + c.measures_without, a.measures.len());
    let per_pub = by_publication(&a);
    assert_eq!(per_pub.iter().map(|p| p.observations as usize).sum::<usize>(), a.observations.len());
    // SodM 2019-2020 has the richest breakdown: risk profiles (table 2.1) and owners (2.5).
    let sodm = a.publications.iter().position(|p| p.id == "sodm-2020-09").unwrap();
    assert!(per_pub[sodm].dimensions[2] && per_pub[sodm].dimensions[3]);
    // The werkvoorraad is published in many years; the table has a row for it with numbers.
    let wv = c.rows.iter().find(|r| r.code == "werkvoorraad").unwrap();
    assert!(wv.counts.iter().filter(|n| **n > 0).count() >= 5);
    let t = coverage_table(&a, &c, Lang::En);
    assert_eq!(t.rows.len(), c.rows.len());
    assert_eq!(t.columns.len(), c.years.len() + 3);
}

#[test]
fn the_quality_report_shows_the_sodm_2019_revision() {
    let (a, _) = common::bundled_archive();
    let f = quality::findings(&a);
    // SodM corrected the first half of 2019 between its January and September 2020 reports
    // (data-coverage.md 3.2; seed 000 L729-738): beoordeling 357 -> 875.
    let rev = f
        .iter()
        .find(|f| f.kind == FindingKind::Revision && f.measure == "beoordeling" && f.period.to_string() == "2019-H1" && f.breakdown.is_total())
        .expect("revision beoordeling 2019-H1");
    assert_eq!(rev.publications, ["sodm-2020-01", "sodm-2020-09"]);
    assert_eq!(rev.values.iter().map(|(_, v)| *v).collect::<Vec<_>>(), [357.0, 875.0]);
    assert!(rev.text(Lang::Nl).contains("357") && rev.text(Lang::En).contains("875"));
    // The phase sum of October 2021 does not reach its stated total (26,919 vs 26,856).
    assert!(f.iter().any(|f| f.kind == FindingKind::PartsVsTotal && f.file.contains("ncg-2021-10-31")));
    println!("quality findings: {}", f.len());
}

#[test]
fn the_archive_download_has_one_row_per_observation() {
    let (a, _) = common::bundled_archive();
    let csv = archive_csv(&a);
    let mut r = csv::Reader::from_reader(csv.as_bytes());
    assert_eq!(r.headers().unwrap().iter().collect::<Vec<_>>(), ARCHIVE_CSV_HEADER);
    let rows: Vec<csv::StringRecord> = r.records().collect::<Result<_, _>>().unwrap();
    assert_eq!(rows.len(), a.observations.len());
    let col = |name: &str| ARCHIVE_CSV_HEADER.iter().position(|h| *h == name).unwrap();
    // Every row names its publication and source; every NCG row has a link.
    assert!(rows.iter().all(|r| !r[col("publication")].is_empty() && !r[col("peildatum")].is_empty()));
    assert!(rows.iter().filter(|r| r[col("publisher")].starts_with("NCG")).all(|r| r[col("url")].starts_with("http")));
    let hit = rows
        .iter()
        .find(|r| &r[col("publication")] == "sodm-2020-09" && &r[col("measure")] == "beoordeling" && &r[col("period")] == "2019-H1" && r[col("risicoprofiel")].is_empty())
        .unwrap();
    assert_eq!(&hit[col("value")], "875");
    assert_eq!(&hit[col("label_nl")], "Beoordeling gereed");
    // The Dutch note with our English translation beside it (vertalingen.csv).
    let noted = rows.iter().find(|r| r[col("note")].starts_with("Peildatum van de cijfers staat niet op de pagina")).expect("a row with a note");
    assert!(noted[col("note_en")].starts_with("The reference date of the figures is not on the page"), "{:?}", &noted[col("note_en")]);
    assert!(rows.iter().all(|r| r[col("note")].is_empty() == r[col("note_en")].is_empty()), "every note has its translation");
    // Regression (a fourth review): 'published' held "..2021-06-07" in the annual report's rows,
    // which made R and pandas read the whole column as text. A plain date, and "yes" in
    // 'published_at_latest' where it is only the latest day it can have been published.
    let iso = |s: &str| s.is_empty() || versterkingsmonitor::data::date::Date::parse(s).is_ok();
    assert!(rows.iter().all(|r| iso(&r[col("published")])), "every published date a date");
    let latest: Vec<&csv::StringRecord> = rows.iter().filter(|r| &r[col("published_at_latest")] == "yes").collect();
    assert!(!latest.is_empty() && latest.iter().all(|r| !r[col("published")].is_empty()));
    assert!(rows.iter().all(|r| r[col("published_at_latest")].is_empty() || &r[col("published_at_latest")] == "yes"));
    println!("archive download: {} rows, {} bytes", rows.len(), csv.len());
}

#[test]
fn a_changed_copy_of_a_publication_shows_its_revisions() {
    let (a, _) = common::bundled_archive();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data/publicaties/ncg-2024-12-31.csv");
    let text = std::fs::read_to_string(path).unwrap();
    // Unchanged: nothing new to report against the archive.
    let same = extra_publication(&a, "kopie.csv", &text).unwrap();
    assert_eq!(same.report.total().rejected, 0);
    assert!(same.findings.iter().all(|f| f.kind != FindingKind::Revision), "{:?}", same.findings);
    // One value changed: one revision against the archive.
    let changed = text.replace("werkvoorraad,2024-12-31,,,,,,27713,", "werkvoorraad,2024-12-31,,,,,,27700,");
    assert_ne!(changed, text);
    let x = extra_publication(&a, "kopie.csv", &changed).unwrap();
    let revs: Vec<_> = x.findings.iter().filter(|f| f.kind == FindingKind::Revision).collect();
    assert_eq!(revs.len(), 1);
    assert_eq!(revs[0].publications, ["ncg-2024-12-31", EXTRA_PUBLICATION]);
    assert_eq!(revs[0].diff, -13.0);
}
