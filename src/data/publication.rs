//! Publications (vintages) and the manifest that lists them.
//!
//! A publication is one release of figures by one publisher on one reference date (peildatum):
//! NCG's monthly report of 31 May 2020, SodM's annual report with peildatum 17 July 2020, ...
//! Every observation belongs to exactly one publication, so every number on screen can name it.

use std::collections::HashMap;

use super::date::Date;
use super::diagnostic::{Both, Diagnostic, Message, Place, Severity, DUPLICATE_KEY, JSON_ARRAY, JSON_NUMBER, JSON_OBJECT, JSON_STRING};
use super::json::{self, Key, Node, Value};

#[derive(Clone, Debug, PartialEq)]
pub struct Publication {
    /// Stable identifier, e.g. `ncg-2020-05-31`; also the file name stem.
    pub id: String,
    /// Reference date of the figures (peildatum).
    pub peildatum: Date,
    /// Date it was published, if known.
    pub published: Option<Date>,
    /// `published` is only the latest day it can have been published ("..2021-06-07" in the
    /// manifest: NCG's Jaarverslag 2020, cited on that day); shown as "uiterlijk", never as fact.
    pub published_at_latest: bool,
    /// The source names a date for its figures. `false` (`"peildatum_stated": false` in the
    /// manifest): it does not, and `peildatum` is the date of the plan or decision in which they
    /// were published (the gemeenten's plans of 2020, Eemsdelta's infographic of 2023); shown as
    /// that, never as "stand op".
    pub peildatum_stated: bool,
    /// NCG, SodM, gemeente Eemsdelta, ... (whose figures they are).
    pub publisher: String,
    /// When the publisher's own report was not found: who quoted its figures (a newspaper, GBB).
    /// Shown as "NCG (geciteerd door RTV Noord)" through the translation catalogue.
    pub quoted_by: Option<String>,
    pub title: String,
    /// Where it can be read (web page or document).
    pub url: Option<String>,
    /// Document reference when there is no stable URL (e.g. a seed file with line numbers).
    pub document: Option<String>,
    /// Path of its observation file relative to the data folder.
    pub file: String,
    pub notes: String,
}

impl Publication {
    /// Whose figures these are, without who quoted them ("NCG (geciteerd door …)" → "NCG"):
    /// figures of one family are compared with each other (trends' differences, quality checks).
    pub fn family(&self) -> &str {
        self.publisher.split(" (").next().unwrap_or(&self.publisher)
    }
}

/// The optional demo entry of the manifest: the synthetic bronbestand and how it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct DemoJson {
    pub file: String,
    pub seed: u64,
    pub calibrated_to: String,
}

/// A source document's text version, deployed with the app (`data/bronnen/`), so that a line
/// reference ("seed 004 L110", "L564") in a source or note can be followed.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDocument {
    /// The number the references use ("004").
    pub id: String,
    pub file: String,
    /// The document's own title, as it names itself (Dutch).
    pub title: String,
}

/// The parsed manifest: file names plus typed publications.
#[derive(Clone, Debug, PartialEq)]
pub struct Manifest {
    pub measures_file: String,
    pub gemeenten_file: String,
    pub events_file: String,
    /// Our English translations of the archive's notes (`data::translations`); optional.
    pub translations_file: Option<String>,
    pub publications: Vec<Publication>,
    pub demo: Option<DemoJson>,
    /// The source documents' text versions (optional `documents` list).
    pub documents: Vec<SourceDocument>,
}

pub const MANIFEST_FORMAT: &str = "versterkingsmonitor-archief";

/// Publication ids: `a-z 0-9 - _`, at most 80 characters.
pub fn valid_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= 80 && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// A data file path inside the data folder: relative, no `..`, no scheme.
///
/// ```
/// use versterkingsmonitor::data::publication::valid_data_path;
/// assert!(valid_data_path("publicaties/ncg-2024-12-31.csv"));
/// assert!(!valid_data_path("../../etc/passwd"));
/// assert!(!valid_data_path("/etc/passwd"));
/// ```
pub fn valid_data_path(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && !s.starts_with('/')
        && !s.contains("..")
        && !s.contains(':')
        && !s.contains('\\')
        && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_./".contains(&b))
}

const PATH_REASON: Both = (
    "moet een relatief pad binnen de datamap zijn: letters, cijfers, - _ . /, geen '..', geen '/' vooraan",
    "must be a relative path inside the data folder: letters, digits, - _ . /, no '..', no leading '/'",
);
/// "expected " and [`MANIFEST_FORMAT`], in both languages (a test checks that they agree).
const EXPECTED_FORMAT: Both = ("verwacht versterkingsmonitor-archief", "expected versterkingsmonitor-archief");

/// The result of reading a manifest leniently: every problem, plus the manifest built from the
/// parts that are valid (`None` when a top-level field is unusable), plus where each data file is
/// named so later problems ("cannot read publicaties/x.csv") can point into the manifest.
#[derive(Clone, Debug, Default)]
pub struct ManifestReading {
    pub manifest: Option<Manifest>,
    pub diagnostics: Vec<Diagnostic>,
    /// Place of each data path (measures, gemeenten, events, publication files) in the manifest.
    pub places: HashMap<String, Place>,
}

impl ManifestReading {
    /// Number of error diagnostics.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.severity == Severity::Error).count()
    }
    /// Where `path` is named in the manifest (1:1 when it is not).
    pub fn place_of(&self, path: &str) -> Place {
        self.places.get(path).copied().unwrap_or(Place::new(1, 1))
    }
}

/// Parse `manifest.json` strictly: every problem is an error with its line and column.
pub fn parse_manifest(file: &str, text: &str) -> Result<Manifest, Vec<Diagnostic>> {
    let r = read_manifest(file, text);
    match r.manifest {
        Some(m) if r.errors() == 0 => Ok(m),
        _ => Err(r.diagnostics),
    }
}

const TOP_FIELDS: [&str; 9] = ["format", "version", "measures", "gemeenten", "events", "translations", "publications", "demo", "documents"];
const DOC_FIELDS: [&str; 3] = ["id", "file", "title"];
const PUB_FIELDS: [&str; 11] = ["id", "peildatum", "peildatum_stated", "published", "publisher", "quoted_by", "title", "url", "document", "file", "notes"];
const DEMO_FIELDS: [&str; 3] = ["file", "seed", "calibrated_to"];

/// Reads the members of one JSON object: reports duplicate and unknown keys, hands out fields.
struct Members<'n> {
    file: String,
    place: Place,
    members: Vec<(&'n Key, &'n Node)>,
    context: String,
}

impl<'n> Members<'n> {
    fn new(file: &str, node: &'n Node, context: &str, known: &[&str], diags: &mut Vec<Diagnostic>) -> Option<Members<'n>> {
        let Value::Object(members) = &node.value else {
            diags.push(Diagnostic::error_at(
                file,
                node.place,
                Message::WrongType { field: context.to_string(), expected: JSON_OBJECT },
            ));
            return None;
        };
        let mut seen: HashMap<&str, u64> = HashMap::new();
        let mut kept = Vec::new();
        for (k, v) in members {
            let name = qualified(context, &k.name);
            if let Some(first) = seen.get(k.name.as_str()) {
                diags.push(Diagnostic::error_at(file, k.place, Message::Duplicate { what: DUPLICATE_KEY, key: name, first_line: *first }));
                continue;
            }
            seen.insert(&k.name, k.place.line);
            if !known.contains(&k.name.as_str()) {
                diags.push(Diagnostic::error_at(file, k.place, Message::UnknownField { field: name, known: known.join(", ") }));
                continue;
            }
            kept.push((k, v));
        }
        Some(Members { file: file.to_string(), place: node.place, members: kept, context: context.to_string() })
    }

    fn node(&self, name: &str) -> Option<&'n Node> {
        self.members.iter().find(|(k, _)| k.name == name).map(|(_, v)| *v)
    }

    fn field(&self, name: &str) -> String {
        qualified(&self.context, name)
    }

    /// A required string field (an empty string counts as missing).
    fn string(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<(String, Place)> {
        match self.opt_string(name, diags) {
            Ok(Some(v)) => Some(v),
            Ok(None) => {
                diags.push(Diagnostic::error_at(&self.file, self.place, Message::MissingField { field: self.field(name) }));
                None
            }
            Err(()) => None,
        }
    }

    /// An optional string field: absent, `null` and `""` are all `None`. `Err` after a type error.
    fn opt_string(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Result<Option<(String, Place)>, ()> {
        match self.node(name) {
            None => Ok(None),
            Some(Node { value: Value::Null, .. }) => Ok(None),
            Some(Node { value: Value::String(s), .. }) if s.is_empty() => Ok(None),
            Some(Node { value: Value::String(s), place }) => Ok(Some((s.clone(), *place))),
            Some(n) => {
                diags.push(Diagnostic::error_at(&self.file, n.place, Message::WrongType { field: self.field(name), expected: JSON_STRING }));
                Err(())
            }
        }
    }

    fn whole_number(&self, name: &str, diags: &mut Vec<Diagnostic>) -> Option<(u64, Place)> {
        match self.node(name) {
            None => {
                diags.push(Diagnostic::error_at(&self.file, self.place, Message::MissingField { field: self.field(name) }));
                None
            }
            Some(Node { value: Value::Number(n), place }) => match n.parse::<u64>() {
                Ok(v) => Some((v, *place)),
                Err(_) => {
                    diags.push(Diagnostic::error_at(&self.file, *place, invalid(&self.field(name), n, ("verwacht een geheel getal", "expected a whole number"))));
                    None
                }
            },
            Some(n) => {
                diags.push(Diagnostic::error_at(&self.file, n.place, Message::WrongType { field: self.field(name), expected: JSON_NUMBER }));
                None
            }
        }
    }
}

fn qualified(context: &str, name: &str) -> String {
    if context.is_empty() { name.to_string() } else { format!("{context}.{name}") }
}

fn invalid(field: &str, value: &str, reason: Both) -> Message {
    Message::Invalid { field: field.to_string(), value: value.chars().take(80).collect(), reason }
}

fn url_ok(u: &str) -> bool {
    (u.starts_with("https://") || u.starts_with("http://")) && u.len() > 8 && !u.chars().any(char::is_whitespace)
}

/// Read `manifest.json` leniently: report every problem with its place, keep what is valid.
///
/// ```
/// use versterkingsmonitor::data::publication::read_manifest;
/// let r = read_manifest("manifest.json", "{\"format\": \"x\"}");
/// assert!(r.manifest.is_none());
/// assert_eq!((r.diagnostics[0].line, r.diagnostics[0].column), (1, 12));
/// ```
pub fn read_manifest(file: &str, text: &str) -> ManifestReading {
    let mut out = ManifestReading::default();
    let diags = &mut out.diagnostics;
    let root = match json::parse(text) {
        Ok(n) => n,
        Err((place, problem)) => {
            diags.push(Diagnostic::error_at(file, place, Message::JsonSyntax(problem)));
            return out;
        }
    };
    let Some(top) = Members::new(file, &root, "", &TOP_FIELDS, diags) else { return out };
    let mut usable = true;
    match top.string("format", diags) {
        Some((f, place)) if f != MANIFEST_FORMAT => {
            diags.push(Diagnostic::error_at(file, place, invalid("format", &f, EXPECTED_FORMAT)));
            usable = false;
        }
        Some(_) => {}
        None => usable = false,
    }
    match top.whole_number("version", diags) {
        Some((1, _)) => {}
        Some((v, place)) => {
            diags.push(Diagnostic::error_at(file, place, invalid("version", &v.to_string(), ("alleen versie 1 is bekend", "only version 1 is known"))));
            usable = false;
        }
        None => usable = false,
    }
    let mut paths = Vec::new();
    for field in ["measures", "gemeenten", "events"] {
        match top.string(field, diags) {
            Some((p, place)) if valid_data_path(&p) => {
                out.places.insert(p.clone(), place);
                paths.push(p);
            }
            Some((p, place)) => {
                diags.push(Diagnostic::error_at(file, place, invalid(field, &p, PATH_REASON)));
                usable = false;
            }
            None => usable = false,
        }
    }
    let translations_file = match top.opt_string("translations", diags) {
        Ok(Some((p, place))) if valid_data_path(&p) => {
            out.places.insert(p.clone(), place);
            Some(p)
        }
        Ok(Some((p, place))) => {
            diags.push(Diagnostic::error_at(file, place, invalid("translations", &p, PATH_REASON)));
            usable = false;
            None
        }
        Ok(None) => None,
        Err(()) => {
            usable = false;
            None
        }
    };
    let mut pubs = Vec::new();
    match top.node("publications") {
        None => {
            diags.push(Diagnostic::error_at(file, root.place, Message::MissingField { field: "publications".into() }));
            usable = false;
        }
        Some(Node { value: Value::Array(items), .. }) => {
            let mut ids: HashMap<String, u64> = HashMap::new();
            let mut files: HashMap<String, u64> = HashMap::new();
            for (i, item) in items.iter().enumerate() {
                if let Some(p) = publication(file, item, i, &mut ids, &mut files, &mut out.places, diags) {
                    pubs.push(p);
                }
            }
        }
        Some(n) => {
            diags.push(Diagnostic::error_at(file, n.place, Message::WrongType { field: "publications".into(), expected: JSON_ARRAY }));
            usable = false;
        }
    }
    let demo = match top.node("demo") {
        None | Some(Node { value: Value::Null, .. }) => None,
        Some(n) => demo(file, n, &mut out.places, diags),
    };
    // Optional; a wrong entry is an error with its place, as everywhere in the manifest.
    let mut documents = Vec::new();
    match top.node("documents") {
        None | Some(Node { value: Value::Null, .. }) => {}
        Some(Node { value: Value::Array(items), .. }) => {
            for (i, item) in items.iter().enumerate() {
                let Some(m) = Members::new(file, item, &format!("documents[{i}]"), &DOC_FIELDS, diags) else { continue };
                let (Some((id, _)), Some((f, place)), Some((title, _))) = (m.string("id", diags), m.string("file", diags), m.string("title", diags)) else { continue };
                if !valid_data_path(&f) {
                    diags.push(Diagnostic::error_at(file, place, invalid("documents.file", &f, PATH_REASON)));
                    continue;
                }
                documents.push(SourceDocument { id, file: f, title });
            }
        }
        Some(n) => diags.push(Diagnostic::error_at(file, n.place, Message::WrongType { field: "documents".into(), expected: JSON_ARRAY })),
    }
    if !usable {
        return out;
    }
    crate::data::sort::sort_by(&mut pubs[..], |a, b| (a.peildatum, &a.id).cmp(&(b.peildatum, &b.id)));
    let [measures_file, gemeenten_file, events_file]: [String; 3] = match paths.try_into() {
        Ok(a) => a,
        Err(_) => return out,
    };
    out.manifest = Some(Manifest { measures_file, gemeenten_file, events_file, translations_file, publications: pubs, demo, documents });
    out
}

fn publication(
    file: &str,
    item: &Node,
    index: usize,
    ids: &mut HashMap<String, u64>,
    files: &mut HashMap<String, u64>,
    places: &mut HashMap<String, Place>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Publication> {
    let context = format!("publications[{index}]");
    let m = Members::new(file, item, &context, &PUB_FIELDS, diags)?;
    let before = diags.len();
    let id = m.string("id", diags);
    if let Some((id, place)) = &id {
        if !valid_id(id) {
            diags.push(Diagnostic::error_at(file, *place, invalid(&m.field("id"), id, ("gebruik a-z, 0-9, - en _ (hoogstens 80)", "use a-z, 0-9, - and _ (at most 80)"))));
        } else if let Some(first) = ids.get(id) {
            diags.push(Diagnostic::error_at(file, *place, Message::Duplicate { what: ("dubbel publicatie-id", "duplicate publication id"), key: id.clone(), first_line: *first }));
        } else {
            ids.insert(id.clone(), place.line);
        }
    }
    let peildatum = m.string("peildatum", diags).and_then(|(s, place)| match Date::parse(&s) {
        Ok(d) => Some(d),
        Err(e) => {
            diags.push(Diagnostic::error_at(file, place, invalid(&m.field("peildatum"), &s, e.reason())));
            None
        }
    });
    // "..2021-06-07": on that day at the latest.
    let published_text = m.opt_string("published", diags);
    let published_at_latest = matches!(&published_text, Ok(Some((s, _))) if s.starts_with(".."));
    let published = match published_text {
        Ok(Some((s, place))) => match Date::parse(s.strip_prefix("..").unwrap_or(&s)) {
            Ok(d) => {
                if peildatum.is_some_and(|p| d < p) {
                    diags.push(Diagnostic::error_at(file, place, invalid(&m.field("published"), &s, ("gepubliceerd vóór de peildatum", "published before its peildatum"))));
                }
                Some(d)
            }
            Err(e) => {
                diags.push(Diagnostic::error_at(file, place, invalid(&m.field("published"), &s, e.reason())));
                None
            }
        },
        _ => None,
    };
    let peildatum_stated = match m.node("peildatum_stated") {
        None => true,
        Some(Node { value: Value::Bool(b), .. }) => *b,
        Some(n) => {
            diags.push(Diagnostic::error_at(file, n.place, Message::WrongType { field: m.field("peildatum_stated"), expected: ("true of false", "true or false") }));
            true
        }
    };
    let publisher = m.string("publisher", diags);
    let quoted_by = m.opt_string("quoted_by", diags).ok().flatten().map(|(s, _)| s);
    let title = m.string("title", diags);
    let url = m.opt_string("url", diags).ok().flatten();
    if let Some((u, place)) = &url
        && !url_ok(u)
    {
        diags.push(Diagnostic::error_at(file, *place, invalid(&m.field("url"), u, ("verwacht een http(s)-adres zonder spaties", "expected an http(s) address without spaces"))));
    }
    let document = m.opt_string("document", diags).ok().flatten();
    if url.is_none() && document.is_none() {
        diags.push(Diagnostic::error_at(file, item.place, Message::MissingField { field: m.field("url|document") }));
    }
    let data_file = m.string("file", diags);
    if let Some((f, place)) = &data_file {
        if !valid_data_path(f) {
            diags.push(Diagnostic::error_at(file, *place, invalid(&m.field("file"), f, PATH_REASON)));
        } else if let Some(first) = files.get(f) {
            diags.push(Diagnostic::error_at(file, *place, Message::Duplicate { what: ("dubbel publicatiebestand", "duplicate publication file"), key: f.clone(), first_line: *first }));
        } else {
            files.insert(f.clone(), place.line);
            places.insert(f.clone(), *place);
        }
    }
    let notes = m.opt_string("notes", diags).ok().flatten().map(|(s, _)| s).unwrap_or_default();
    if diags.len() > before {
        return None;
    }
    Some(Publication {
        id: id?.0,
        peildatum: peildatum?,
        published,
        published_at_latest,
        peildatum_stated,
        publisher: publisher?.0,
        quoted_by,
        title: title?.0,
        url: url.map(|u| u.0),
        document: document.map(|d| d.0),
        file: data_file?.0,
        notes,
    })
}

fn demo(file: &str, node: &Node, places: &mut HashMap<String, Place>, diags: &mut Vec<Diagnostic>) -> Option<DemoJson> {
    let m = Members::new(file, node, "demo", &DEMO_FIELDS, diags)?;
    let (f, place) = m.string("file", diags)?;
    if !valid_data_path(&f) {
        diags.push(Diagnostic::error_at(file, place, invalid("demo.file", &f, PATH_REASON)));
        return None;
    }
    places.insert(f.clone(), place);
    let (seed, _) = m.whole_number("seed", diags)?;
    let calibrated_to = m.opt_string("calibrated_to", diags).ok().flatten().map(|(s, _)| s).unwrap_or_default();
    Some(DemoJson { file: f, seed, calibrated_to })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reason for a wrong `format` names the format: written out in both languages (a pair
    /// of static texts), so it must agree with the constant.
    #[test]
    fn the_expected_format_is_the_manifest_format() {
        assert_eq!(EXPECTED_FORMAT.0, format!("verwacht {MANIFEST_FORMAT}"));
        assert_eq!(EXPECTED_FORMAT.1, format!("expected {MANIFEST_FORMAT}"));
    }

    const GOOD: &str = r#"{
  "format": "versterkingsmonitor-archief", "version": 1,
  "measures": "maten.csv", "gemeenten": "gemeenten.csv", "events": "gebeurtenissen.csv",
  "publications": [
    {"id": "b", "peildatum": "2021-01-01", "publisher": "NCG", "title": "t", "url": "https://x.nl/a", "file": "publicaties/b.csv"},
    {"id": "a", "peildatum": "2020-07-17", "published": "2020-09-02", "publisher": "SodM", "title": "t", "document": "seeds/000.txt", "file": "publicaties/a.csv", "notes": "n"}
  ]
}"#;

    fn places(text: &str) -> Vec<(u64, u64)> {
        read_manifest("m", text).diagnostics.iter().map(|d| (d.line, d.column)).collect()
    }

    #[test]
    fn a_good_manifest_is_sorted_by_peildatum() {
        let m = parse_manifest("m", GOOD).unwrap();
        assert_eq!(m.publications.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(m.publications[0].published.map(|d| d.to_string()), Some("2020-09-02".into()));
        assert!(!m.publications[0].published_at_latest);
    }

    #[test]
    fn a_publication_date_known_only_as_the_latest_day_says_so() {
        // Regression: NCG's Jaarverslag 2020, published at the latest on 7 June 2021 (the day the
        // minister's letter cites it), showed as "Gepubliceerd: 7 juni 2021", as a fact.
        let m = parse_manifest("m", &GOOD.replace(r#""published": "2020-09-02""#, r#""published": "..2020-09-02""#)).unwrap();
        assert_eq!((m.publications[0].published.map(|d| d.to_string()), m.publications[0].published_at_latest), (Some("2020-09-02".into()), true));
        assert!(!places(&GOOD.replace(r#""published": "2020-09-02""#, r#""published": "..2020-13-02""#)).is_empty(), "still a date");
    }

    #[test]
    fn a_peildatum_the_source_does_not_state_says_so() {
        let m = parse_manifest("m", GOOD).unwrap();
        assert!(m.publications.iter().all(|p| p.peildatum_stated), "stated unless the manifest says otherwise");
        let m = parse_manifest("m", &GOOD.replace(r#""peildatum": "2021-01-01","#, r#""peildatum": "2021-01-01", "peildatum_stated": false,"#)).unwrap();
        assert!(!m.publications[1].peildatum_stated);
        assert_eq!(places(&GOOD.replace(r#""peildatum": "2021-01-01","#, r#""peildatum": "2021-01-01", "peildatum_stated": "nee","#)).len(), 1);
    }

    #[test]
    fn a_quotation_names_who_quoted_it() {
        let m = parse_manifest("m", &GOOD.replace(r#""publisher": "NCG","#, r#""publisher": "NCG", "quoted_by": "RTV Noord","#)).unwrap();
        assert_eq!(m.publications[1].publisher, "NCG");
        assert_eq!(m.publications[1].quoted_by.as_deref(), Some("RTV Noord"));
        assert_eq!(m.publications[0].quoted_by, None);
        // Not a number or a list: at the value.
        assert_eq!(places(&GOOD.replace(r#""publisher": "NCG","#, r#""publisher": "NCG", "quoted_by": 3,"#)).len(), 1);
    }

    /// Regression: a Dutch page said "verwacht a string" and "dubbele sleutel publication id b":
    /// the types and the kinds of key were English in both languages.
    #[test]
    fn wrong_types_and_duplicates_are_said_in_the_readers_language() {
        use crate::i18n::Lang;
        let d = read_manifest("m", &GOOD.replace(r#""quoted_by""#, "x").replace(r#""publisher": "NCG","#, r#""publisher": 3,"#)).diagnostics;
        assert_eq!(d[0].message.text(Lang::Nl), "veld 'publications[0].publisher' heeft het verkeerde type; verwacht een tekst");
        assert_eq!(d[0].message.text(Lang::En), "field 'publications[0].publisher' has the wrong type; expected a string");
        let d = read_manifest("m", &GOOD.replace(r#"{"id": "a""#, r#"{"id": "b""#)).diagnostics;
        assert!(d.iter().any(|d| d.message.text(Lang::Nl) == "dubbel publicatie-id b (eerder op regel 5)"), "{d:?}");
        let d = read_manifest("m", "{\"format\": 1,\n\"format\": 2}").diagnostics;
        assert!(d.iter().any(|d| d.message.text(Lang::Nl).starts_with("dubbele sleutel format (eerder op regel 1)")), "{d:?}");
        let (_, problem) = json::parse("{\"a\": 1,}").unwrap_err();
        assert_eq!(problem.text(Lang::Nl), "onverwacht teken '}', verwacht een sleutel tussen dubbele aanhalingstekens");
    }

    #[test]
    fn problems_point_at_the_value() {
        // Unknown field: at its key.
        assert_eq!(places(&GOOD.replace(r#""notes": "n""#, r#""note": "n""#)), [(6, 164)]);
        // Path traversal: at the value.
        assert_eq!(places(&GOOD.replace("publicaties/b.csv", "../../etc/passwd")), [(5, 111)]);
        // Duplicate id: at the second one.
        let dup = places(&GOOD.replace(r#""id": "b""#, r#""id": "a""#));
        assert_eq!(dup, [(6, 12)]);
        // A bad date.
        assert_eq!(places(&GOOD.replace("2021-01-01", "2021-02-30")), [(5, 30)]);
        // Bad JSON.
        assert_eq!(places(&GOOD.replace(r#""version": 1,"#, r#""version": 1"#)), [(3, 3)]);
    }

    #[test]
    fn a_bad_publication_does_not_hide_the_others() {
        let r = read_manifest("m", &GOOD.replace("2021-01-01", "2021-02-30"));
        assert_eq!(r.manifest.map(|m| m.publications.len()), Some(1));
        assert!(parse_manifest("m", &GOOD.replace("2021-01-01", "2021-02-30")).is_err());
    }

    #[test]
    fn source_documents_are_listed_with_checked_paths() {
        // Before the list, only a publication's own document could be linked: the minister's
        // letter cited under every chart (seed 004) could not be opened from the site.
        let with = |docs: &str| GOOD.replace(r#""publications": ["#, &format!(r#""documents": [{docs}], "publications": ["#));
        let m = parse_manifest("m", &with(r#"{"id": "004", "file": "bronnen/004.txt", "title": "Kamerbrief"}"#)).unwrap();
        assert_eq!(m.documents, [SourceDocument { id: "004".into(), file: "bronnen/004.txt".into(), title: "Kamerbrief".into() }]);
        assert!(parse_manifest("m", GOOD).unwrap().documents.is_empty(), "optional");
        // A path out of the data folder, a missing title, an unknown field: errors with a place.
        assert_eq!(places(&with(r#"{"id": "x", "file": "../x.txt", "title": "t"}"#)).len(), 1);
        assert_eq!(places(&with(r#"{"id": "x", "file": "x.txt"}"#)).len(), 1);
        assert_eq!(places(&with(r#"{"id": "x", "file": "x.txt", "title": "t", "url": "u"}"#)).len(), 1);
        assert_eq!(places(&GOOD.replace(r#""publications": ["#, r#""documents": 3, "publications": ["#)).len(), 1);
    }
}
