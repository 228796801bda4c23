//! Every figure of the bundled archive can be traced to its source (issue 3):
//! - a sample of headline figures is asserted against the numbers printed in the sources
//!   (SodM table 2.1 on 2020-07-17; NCG jaarcijfers 2024: 16.596 = 5.687 + 10.719 + 190);
//! - every observation that cites a line of the SodM report (`L651`, `L672-674`) is checked
//!   against the report's text itself (the text versions of the source documents are in
//!   public/data/bronnen/, deployed with the app so readers can follow a line reference): the
//!   published number must be printed on
//!   the cited lines, in Dutch notation (26.716) or plain (26716).

mod common;

use versterkingsmonitor::data::archive::Archive;
use versterkingsmonitor::data::observation::{Flag, Observation};

fn find<'a>(a: &'a Archive, publication: &str, measure: &str, period: &str) -> &'a Observation {
    let p = a.publications.iter().position(|p| p.id == publication).unwrap_or_else(|| panic!("publication {publication}"));
    let m = a.measure_index(measure).unwrap_or_else(|| panic!("measure {measure}"));
    a.observations
        .iter()
        .find(|o| o.publication as usize == p && o.measure == m && o.period.to_string() == period && o.breakdown.is_total())
        .unwrap_or_else(|| panic!("{publication} {measure} {period} not in the archive"))
}

#[test]
fn sodm_table_2_1_totals_on_2020_07_17() {
    let (a, _) = common::bundled_archive();
    for (measure, value) in [
        ("werkvoorraad", 26716.0),
        ("opname", 15967.0),
        ("beoordeling", 9207.0),
        ("planvorming_gestart", 5561.0),
        ("uitvoering_gereed", 1177.0),
    ] {
        let o = find(&a, "sodm-2020-09", measure, "2020-07-17");
        assert_eq!(o.value, Some(value), "{measure}");
        assert_eq!(o.flag, Flag::Published);
        assert!(o.source.contains("tabel 2.1") && o.source.contains("L651"), "{measure}: {}", o.source);
    }
}

#[test]
fn ncg_2024_voldoet_aan_de_norm_is_the_sum_of_its_three_parts() {
    let (a, _) = common::bundled_archive();
    let v = |m: &str| find(&a, "ncg-2024-12-31", m, "2024-12-31").value;
    assert_eq!(v("voldoet_norm"), Some(16596.0));
    assert_eq!(v("voldoet_versterkt"), Some(5687.0));
    assert_eq!(v("voldoet_op_norm"), Some(10719.0));
    assert_eq!(v("voldoet_andere_reden"), Some(190.0));
    assert_eq!(5687 + 10719 + 190, 16596);
    let p = a.publications.iter().find(|p| p.id == "ncg-2024-12-31").unwrap();
    assert!(p.url.as_deref().is_some_and(|u| u.starts_with("https://")));
}

/// `L651` → (651, 651); `L672-674` → (672, 674); every cited range in a source text.
fn cited_lines(source: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let b = source.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'L' && (i == 0 || !b[i - 1].is_ascii_alphanumeric()) {
            let num = |mut j: usize| {
                let s = j;
                while j < b.len() && b[j].is_ascii_digit() {
                    j += 1;
                }
                (source[s..j].parse::<usize>().ok(), j)
            };
            if let (Some(from), j) = num(i + 1) {
                let (to, j2) = if j < b.len() && b[j] == b'-' { num(j + 1) } else { (None, j) };
                out.push((from, to.unwrap_or(from).max(from)));
                i = j2;
                continue;
            }
        }
        i += 1;
    }
    out
}

fn dutch(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (k, c) in s.chars().enumerate() {
        if k > 0 && (s.len() - k) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// True when `number` occurs in `text` as a whole number (not inside a longer one).
fn contains_number(text: &str, number: &str) -> bool {
    text.match_indices(number).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + number.len()..].chars().next();
        let digitish = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
        // "1.177" must not match inside "11.177" or "1.1770"; a trailing '.' or ',' is punctuation
        // only when no digit follows it.
        let after_ok = !digitish(after) && !(matches!(after, Some('.') | Some(',')) && digitish(text[i + number.len() + 1..].chars().next()));
        let before_ok = !digitish(before) && !(matches!(before, Some('.') | Some(',')) && digitish(text[..i - 1].chars().next_back()));
        after_ok && before_ok
    })
}

#[test]
fn every_cited_sodm_line_prints_the_archived_number() {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/public/data/bronnen/000_e9b17995b770f504.txt")).expect("seed copy");
    let lines: Vec<&str> = seed.lines().collect();
    let (a, _) = common::bundled_archive();
    let mut checked = 0;
    let mut failures = Vec::new();
    for o in &a.observations {
        let Some(p) = a.publications.get(o.publication as usize) else { continue };
        if p.document.as_deref() != Some("bronnen/000_e9b17995b770f504.txt") || o.flag != Flag::Published {
            continue;
        }
        // Sources quoting another document ("geciteerd in …") still cite lines of this report.
        let Some(value) = o.value else { continue };
        let ranges = cited_lines(&o.source);
        if ranges.is_empty() {
            failures.push(format!("{} line {}: no line cited in {:?}", p.id, o.line, o.source));
            continue;
        }
        let text: String = ranges
            .iter()
            .flat_map(|&(f, t)| lines.iter().skip(f.saturating_sub(1)).take(t + 1 - f))
            .copied()
            .collect::<Vec<_>>()
            .join("\n");
        let n = value.round() as u64;
        let found = if (value - n as f64).abs() < 1e-9 {
            contains_number(&text, &dutch(n)) || contains_number(&text, &n.to_string())
        } else {
            // A share such as 4.4 is printed with a decimal comma: "4,4%".
            contains_number(&text, &value.to_string().replace('.', ","))
        };
        if !found {
            failures.push(format!("{} line {}: {value} not on {:?}", p.id, o.line, o.source));
        }
        checked += 1;
    }
    assert!(checked >= 50, "only {checked} SodM figures checked");
    assert!(failures.is_empty(), "{} of {checked} cited figures not found in the source:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn citation_parsing() {
    assert_eq!(cited_lines("tabel 2.1, L651"), vec![(651, 651)]);
    assert_eq!(cited_lines("tabel 2.2, L672-674; L880"), vec![(672, 674), (880, 880)]);
    assert_eq!(cited_lines("Lijst L"), vec![]);
    assert!(contains_number("Eindtotaal 26.716 15.967", "15.967"));
    assert!(!contains_number("11.177", "1.177"));
    assert!(!contains_number("1.1770", "1.177"));
    assert!(contains_number("(1.177).", "1.177"));
    assert_eq!(dutch(26716), "26.716");
    assert_eq!(dutch(190), "190");
    assert!(contains_number("(4,4% van de werkvoorraad)", "4,4"));
}

/// The NCG figures of 2021 as newspapers quoted them (year to date: RTV Noord to 31 July, oogtv to
/// 30 September, GBB the whole year). Added 2026-11-23; before, 2021 had only the first quarter and
/// the year, so the chart spread the year's 1.804 completed tracks evenly over April-December.
#[test]
fn ncg_2021_year_to_date_figures_as_quoted() {
    let (a, _) = common::bundled_archive();
    let v = |p: &str, m: &str, period: &str| find(&a, p, m, period).value;
    assert_eq!(v("ncg-2021-07-31", "opname", "2021-01-01..2021-07-31"), Some(1211.0));
    assert_eq!(v("ncg-2021-07-31", "beoordeling", "2021-01-01..2021-07-31"), Some(1372.0));
    assert_eq!(v("ncg-2021-07-31", "traject_afgerond", "2021-01-01..2021-07-31"), Some(287.0));
    assert_eq!(v("ncg-2021-07-31", "stagnerend", "2021-07-31"), Some(302.0));
    assert_eq!(v("ncg-2021-09-30", "opname", "2021-01-01..2021-09-30"), Some(1899.0));
    assert_eq!(v("ncg-2021-09-30", "beoordeling", "2021-01-01..2021-09-30"), Some(2027.0));
    assert_eq!(v("ncg-2021-09-30", "traject_afgerond", "2021-01-01..2021-09-30"), Some(346.0));
    assert_eq!(v("ncg-2021-12-31", "traject_afgerond", "2021"), Some(1804.0));
    // The year-to-date figures only grow within the year.
    for m in ["opname", "beoordeling", "traject_afgerond"] {
        let jul = v("ncg-2021-07-31", m, "2021-01-01..2021-07-31").unwrap_or(f64::NAN);
        let sep = v("ncg-2021-09-30", m, "2021-01-01..2021-09-30").unwrap_or(f64::NAN);
        let year = v("ncg-2021-12-31", m, "2021").unwrap_or(f64::NAN);
        assert!(jul < sep && sep < year, "{m}: {jul} {sep} {year}");
    }
}


#[test]
fn a_figure_the_curator_worked_out_is_derived_not_published() {
    // Regression: the targets for January–May 2020 (1.667 = 5/12 of 4.000, worked out by the
    // curator, "Naar rato van 4.000 per jaar") were flagged 'published', so the targets chart drew
    // and listed them as NCG's own figure.
    let (a, _) = common::bundled_archive();
    let worked_out: Vec<&Observation> = a.observations.iter().filter(|o| o.note.contains("Naar rato")).collect();
    assert!(!worked_out.is_empty());
    for o in worked_out {
        assert_eq!(o.flag, Flag::Derived, "{} {}: {}", a.measures[o.measure as usize].code, o.period, o.note);
    }
}
