//! End-to-end tests of the real `ncg` binary: the malformed corpus (`tests/data/malformed/`,
//! expected places in `EXPECTED.tsv`, written by `make_corpus.py`), the bundled archive, a 100 MB
//! file, usage errors, and `ncg import` on the sample tables in `tests/data/import/`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

const MALFORMED: &str = "tests/data/malformed";
/// Valid files in the corpus folder that the malformed files are checked against.
const CONTEXT_FILES: [&str; 6] = ["maten.csv", "gemeenten.csv", "gebeurtenissen.csv", "valid-publication.csv", "EXPECTED.tsv", "make_corpus.py"];

fn ncg(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ncg"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the ncg binary runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// A fresh temporary folder for one test.
fn temp_dir(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("ncg-test-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).expect("temp dir");
    d
}

/// `(file, LINE:COLUMN or other-file:LINE:COLUMN, word)` from EXPECTED.tsv.
fn expected() -> Vec<(String, String, String)> {
    let table = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(MALFORMED).join("EXPECTED.tsv")).expect("EXPECTED.tsv");
    table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let mut f = l.split('\t');
            let mut next = || f.next().unwrap_or_default().to_string();
            (next(), next(), next())
        })
        .collect()
}

/// The summary line on stderr: `N rows read = A accepted + R rejected; ...`.
fn summary(stderr: &str) -> (u64, u64, u64) {
    let line = stderr.lines().find(|l| l.contains("rows read =")).unwrap_or_else(|| panic!("no summary in {stderr}"));
    let nums: Vec<u64> = line.split(|c: char| !c.is_ascii_digit()).filter(|s| !s.is_empty()).filter_map(|s| s.parse().ok()).collect();
    (nums[0], nums[1], nums[2])
}

#[test]
fn every_malformed_file_fails_at_the_expected_place() {
    let mut failures = Vec::new();
    for (file, place, word) in expected() {
        let path = format!("{MALFORMED}/{file}");
        let out = ncg(&["check", &path]);
        let stdout = text(&out.stdout);
        let stderr = text(&out.stderr);
        // A place in another file of the corpus ("maten-x.csv:2:89") or in the file itself ("3:24").
        let want = if place.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            format!("{path}:{place}: error:")
        } else {
            format!("{MALFORMED}/{place}: error:")
        };
        let hit = stdout.lines().any(|l| l.starts_with(&want) && l.to_lowercase().contains(&word.to_lowercase()));
        if out.status.code() != Some(1) || !hit || stderr.contains("panicked") {
            failures.push(format!("{file}: exit {:?}, wanted a line starting '{want}' containing '{word}'\n{stdout}{stderr}", out.status.code()));
        }
        let (read, accepted, rejected) = summary(&stderr);
        assert_eq!(read, accepted + rejected, "{file}: rows read = accepted + rejected\n{stderr}");
    }
    assert!(failures.is_empty(), "{} of the malformed files were not reported as expected:\n\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn the_corpus_and_its_table_agree() {
    let listed: Vec<String> = expected().into_iter().map(|(f, _, _)| f).collect();
    assert!(listed.len() >= 30, "at least 30 malformed files");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(MALFORMED);
    for entry in std::fs::read_dir(&dir).expect("corpus folder") {
        let name = entry.expect("entry").file_name().to_string_lossy().into_owned();
        assert!(listed.contains(&name) || CONTEXT_FILES.contains(&name.as_str()), "{name} is not in EXPECTED.tsv");
    }
    for name in &listed {
        assert!(dir.join(name).is_file(), "{name} is listed but missing");
    }
}

#[test]
fn the_context_files_of_the_corpus_are_valid() {
    let files: Vec<String> = CONTEXT_FILES[..4].iter().map(|f| format!("{MALFORMED}/{f}")).collect();
    let args: Vec<&str> = std::iter::once("check").chain(files.iter().map(String::as_str)).collect();
    let out = ncg(&args);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(text(&out.stdout), "");
}

#[test]
fn all_malformed_files_at_once_keep_the_row_accounting() {
    let files: Vec<String> = expected().into_iter().map(|(f, _, _)| format!("{MALFORMED}/{f}")).collect();
    let args: Vec<&str> = std::iter::once("check").chain(files.iter().map(String::as_str)).collect();
    let out = ncg(&args);
    assert_eq!(out.status.code(), Some(1));
    let (read, accepted, rejected) = summary(&text(&out.stderr));
    assert_eq!(read, accepted + rejected);
    assert!(rejected >= 30, "{}", text(&out.stderr));
}

#[test]
fn the_bundled_archive_is_valid() {
    // public/data is curated by hand; if this fails, the curator has an error to fix there.
    let out = ncg(&["check", "public/data/manifest.json"]);
    let stdout = text(&out.stdout);
    let errors: Vec<&str> = stdout.lines().filter(|l| l.contains(": error: ")).collect();
    assert_eq!(out.status.code(), Some(0), "public/data has errors:\n{}", errors.join("\n"));
    let (read, accepted, rejected) = summary(&text(&out.stderr));
    assert_eq!((read, rejected), (accepted, 0));
    assert!(read > 0);
}

#[test]
fn usage_errors_exit_with_2() {
    assert_eq!(ncg(&[]).status.code(), Some(2));
    assert_eq!(ncg(&["check"]).status.code(), Some(2));
    assert_eq!(ncg(&["check", "--strict", "x.csv"]).status.code(), Some(2));
    assert_eq!(ncg(&["import"]).status.code(), Some(2));
    assert_eq!(ncg(&["import", "--period-date", "2021-02-30", "x.csv"]).status.code(), Some(2));
    assert_eq!(ncg(&["import", "--publication", "Not An Id", "x.csv"]).status.code(), Some(2));
    assert_eq!(ncg(&["import", "x.csv", "-o"]).status.code(), Some(2));
    assert_eq!(ncg(&["check", "--help"]).status.code(), Some(0));
}

#[test]
fn a_missing_file_is_an_error_not_a_crash() {
    let out = ncg(&["check", "tests/data/does-not-exist.csv"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).starts_with("tests/data/does-not-exist.csv:0:0: error: cannot read the file"));
}

#[test]
fn a_100_mb_file_is_refused_quickly_with_a_clear_message() {
    let dir = temp_dir("large");
    let big = dir.join("groot.csv");
    {
        use std::io::Write;
        let mut f = std::io::BufWriter::new(std::fs::File::create(&big).expect("create"));
        writeln!(f, "measure,period,gemeente,batch,risicoprofiel,eigenaar,categorie,value,flag,source,note").expect("write");
        let row = "opname,2020-07-17,,,,,,15967,published,tabel 2.1,\n";
        for _ in 0..(100_000_000 / row.len() + 1) {
            f.write_all(row.as_bytes()).expect("write");
        }
    }
    assert!(std::fs::metadata(&big).expect("size").len() >= 100_000_000);
    let shown = big.display().to_string();
    let started = Instant::now();
    let out = ncg(&["check", &shown]);
    let took = started.elapsed();
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.starts_with(&format!("{shown}:0:0: error: the file is too large (100 MB; limit 50 MB)")), "{stdout}");
    assert!(took < Duration::from_secs(10), "took {took:?}");
    let out = ncg(&["import", &shown]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("too large"));
    let _ = std::fs::remove_dir_all(&dir);
}

// ---------------------------------------------------------------------------------------------
// ncg import

const MATEN_FOR_IMPORT: &str = "code,kind,unit,group,order,label_nl,label_en,definition_nl,definition_en,valid_from,valid_to,replaces,comparable_with
werkvoorraad,stock,addresses,omvang,0,Werkvoorraad,Caseload,,,,,,
opname,cumulative,addresses,mijlpaal,10,Opname,Inspection,,,,,,
beoordeling,cumulative,addresses,mijlpaal,20,Beoordeling,Assessment,,,,,,
planvorming_gestart,cumulative,addresses,mijlpaal,30,Planvorming,Planning,,,,,,
uitvoering_gereed,cumulative,addresses,mijlpaal,62,Uitvoering,Works,,,,,,
";

#[test]
fn import_reports_every_rejected_value() {
    let dir = temp_dir("import-q1");
    let out_csv = dir.join("ncg-2021-03-31.csv").display().to_string();
    let out = ncg(&["import", "tests/data/import/ncg-resultaat-2021-q1.csv", "--period-date", "2021-03-31", "--publication", "ncg-2021-03-31", "-o", &out_csv]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("import: 32 values read = 28 written + 4 rejected"), "{stderr}");
    assert!(stderr.contains("tests/data/import/ncg-resultaat-2021-q1.csv:9:13: error: field 'value': '?' is invalid"), "{stderr}");
    assert!(stderr.contains("\"file\": \"publicaties/ncg-2021-03-31.csv\""));
    let written = std::fs::read_to_string(&out_csv).expect("output written");
    assert!(written.contains("opname,2021-03,,,,,,236,published,tests/data/import/ncg-resultaat-2021-q1.csv row 4 col 4,\n"), "{written}");
    assert_eq!(written.lines().count(), 29);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn imported_sodm_tables_pass_the_check_and_its_quality_checks() {
    // Import tables 2.2 (CSV) and 2.1 (xlsx) into one publication file, then check it with the
    // strict reader and the quality checks: the periods of 2.2 add up to its "Eindtotaal".
    let dir = temp_dir("import-sodm");
    std::fs::write(dir.join("maten.csv"), MATEN_FOR_IMPORT).expect("write");
    std::fs::write(dir.join("gemeenten.csv"), "code,name,valid_from,valid_to,successor,in_operation\nGM0014,Groningen,,,,yes\n").expect("write");
    let out_csv = dir.join("sodm-2020-09.csv").display().to_string();
    let out = ncg(&[
        "import",
        "tests/data/import/sodm-2020-tabel-2-2.csv",
        "tests/data/import/sodm-2020-tabel-2-1.xlsx",
        "--period-date",
        "2020-07-17",
        "-o",
        &out_csv,
    ]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("import: 56 values read = 56 written + 0 rejected"), "{stderr}");
    let out = ncg(&["check", &out_csv]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(text(&out.stdout), "", "no errors and no quality warnings");
    assert_eq!(summary(&text(&out.stderr)), (56, 56, 0));
    // Change one number: now the quality check warns (but the file is still valid).
    let changed = std::fs::read_to_string(&out_csv).expect("read").replace("opname,2018,,,,,,4059", "opname,2018,,,,,,4058");
    std::fs::write(&out_csv, changed).expect("write");
    let out = ncg(&["check", &out_csv]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    assert!(stdout.contains(": warning: Inspection, up to 30 June 2020: ") && stdout.contains("(difference -1)"), "{stdout}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_bronbestand_is_recognised_by_its_header_and_checked() {
    let dir = temp_dir("bronbestand");
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(MALFORMED).join("gemeenten.csv"), dir.join("gemeenten.csv")).expect("copy");
    let bron = dir.join("bronbestand.csv");
    std::fs::write(
        &bron,
        "id,gemeente,woonplaats,pc4,straat,cluster,batch,risicoprofiel,eigenaar,categorie,npr,uitkomst,toegevoegd,lpa,opname,beoordeling,normbesluit,planvorming,versterkingsbesluit,bouw_gestart,bouw_gereed,afgerond\n\
         A000001,GM1979,Loppersum,9919,,LOP-07,1467,P90,particulier,,NPR2018,versterken,2016-01-04,,2016-03-01,2017-05-02,2017-05-02,,,,,\n",
    )
    .expect("write");
    let out = ncg(&["check", &bron.display().to_string()]);
    assert_eq!(out.status.code(), Some(0), "{}{}", text(&out.stdout), text(&out.stderr));
    assert_eq!(summary(&text(&out.stderr)), (1, 1, 0));
    let _ = std::fs::remove_dir_all(&dir);
}
