//! A small synthetic bronbestand made in code, to run the parser and the derivation once before a
//! user's file arrives (the browser's compilers then have the code ready: `ui::warm_up`).
//!
//! Every row is valid and uses every column, so the text goes through the same code as a real
//! export: each gemeente of the registry that exists today, all risk profiles, owners,
//! categories and outcomes, interned villages, streets, clusters and batches, and milestone
//! dates from none up to `afgerond`, always in order (no warnings). Ids increase, as in a
//! sorted export. Not the demo (`crate::synthetic`): that one is realistic and far bigger.

use std::fmt::Write;

use super::BRONBESTAND_HEADER;
use crate::data::breakdown::{Categorie, Eigenaar, Risicoprofiel};
use crate::data::date::Date;
use crate::data::gemeente::Registry;

const VILLAGES: [&str; 4] = ["Loppersum", "Appingedam", "Ten Boer", "Middelstum"];
const BATCHES: [&str; 4] = ["1467", "1581", "Q2-2018", "opname_op_verzoek"];
/// The first two need construction: only they go with a `bouw_gereed` date.
const OUTCOMES: [&str; 4] = ["versterken", "sloop_nieuwbouw", "op_norm", "andere_reden"];

/// `rows` rows with a header, over the gemeenten of `gemeenten` that exist today (the text has
/// just the header when there are none).
pub fn sample(gemeenten: &Registry, rows: usize) -> String {
    let codes: Vec<String> = gemeenten.current().map(|g| g.code.to_string()).collect();
    let mut out = BRONBESTAND_HEADER.join(",");
    out.push('\n');
    if codes.is_empty() {
        return out;
    }
    let start = Date::new(2014, 1, 6).unwrap_or(Date::Y2K);
    for i in 0..rows {
        let pick = |list: &[&'static str], k: usize| list.get(k % list.len().max(1)).copied().unwrap_or("");
        let gemeente = codes.get(i / 8 % codes.len()).map(String::as_str).unwrap_or("");
        let village = pick(&VILLAGES, i / 32);
        let pc4 = 9900 + i / 16 % 90;
        let profiel = Risicoprofiel::ALL.get(i % 3).map(|r| r.as_str()).unwrap_or("");
        let eigenaar = Eigenaar::ALL.get(i / 3 % 2).map(|e| e.as_str()).unwrap_or("");
        let categorie = if i % 7 == 0 { Categorie::ALL.get(i / 7 % 5).map(|c| c.as_str()).unwrap_or("") } else { "" };
        // How far the address got: no milestone at all up to `afgerond` (9 milestones).
        let reached = i % 10;
        let outcome = match reached {
            0..3 => "",
            3..8 => pick(&OUTCOMES, i / 10),
            _ => pick(OUTCOMES.get(..2).unwrap_or(&[]), i / 10),
        };
        let npr = if reached >= 3 { "NPR2018" } else { "" };
        // All dates within about two years: few months, so deriving stays quick.
        let first = start.add_days((i % 400) as i64).unwrap_or(start);
        let _ = write!(
            out,
            "W{i:06},{gemeente},{village},{pc4},S{pc4}-{s},C-{c:02},{batch},{profiel},{eigenaar},{categorie},{npr},{outcome},{first}",
            s = i / 4 % 12,
            c = i / 24 % 40,
            batch = pick(&BATCHES, i / 40),
        );
        let mut day = first;
        for k in 0..9 {
            out.push(',');
            if k < reached {
                day = day.add_days(5 + (i * 7 + k * 13) as i64 % 30).unwrap_or(day);
                let _ = write!(out, "{day}");
            }
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::derive::{derive_archive, DeriveSpec};
    use crate::data::bronbestand::{parse_bronbestand, Milestone};
    use crate::data::diagnostic::RowCount;
    use crate::synthetic;

    #[test]
    fn every_row_is_accepted_without_a_warning() {
        let registry = synthetic::registry();
        let text = sample(&registry, 2_000);
        let (addresses, report) = parse_bronbestand("warm-up.csv", &text, &registry).unwrap();
        assert_eq!(report.total(), RowCount { read: 2_000, accepted: 2_000, rejected: 0 });
        assert!(report.diagnostics.is_empty(), "{:?}", report.diagnostics);
        assert_eq!(addresses.len(), 2_000);
    }

    #[test]
    fn uses_every_column_and_every_gemeente_of_today() {
        let registry = synthetic::registry();
        let (addresses, _) = parse_bronbestand("warm-up.csv", &sample(&registry, 1_000), &registry).unwrap();
        let today: Vec<_> = registry.current().map(|g| g.code).collect();
        assert!(today.iter().all(|g| addresses.iter().any(|a| a.gemeente == *g)));
        assert!(addresses.iter().any(|a| a.date(Milestone::Afgerond).is_some()));
        assert!(addresses.iter().any(|a| a.date(Milestone::Opname).is_none()));
        assert!(addresses.iter().any(|a| a.categorie.is_some() && a.uitkomst.is_some() && a.npr.is_some()));
        assert!(addresses.iter().all(|a| a.straat.is_some() && a.cluster.is_some() && a.batch.is_some()));
    }

    #[test]
    fn derives_observations_with_breakdowns() {
        let registry = synthetic::registry();
        let (addresses, _) = parse_bronbestand("warm-up.csv", &sample(&registry, 1_000), &registry).unwrap();
        let measures = &crate::analysis::derive::tests::bundled().measures;
        let archive = derive_archive(&addresses, measures, &registry, &DeriveSpec::own("warm-up.csv"));
        assert!(archive.observations.iter().any(|o| !o.breakdown.is_total()));
    }

    #[test]
    fn no_gemeente_gives_just_the_header() {
        assert_eq!(sample(&Registry::default(), 10).lines().count(), 1);
    }
}
