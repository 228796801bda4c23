//! Data & bronnen (/data): the publications (vintages) of the archive with their sources, which
//! figures exist (coverage), the data-quality report, the load report, the downloads (the whole
//! archive as one CSV, the raw files), what the flags mean, loading a file of one's own and the
//! synthetic demo. Everything is computed from the loaded archive by `analysis::coverage`,
//! `analysis::archive_download` and `data::quality`; this file only renders.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_query_map};

use super::use_page_title;
use crate::analysis::table::SOURCE_LANG;
use crate::analysis::archive_download::{archive_csv, ARCHIVE_CSV_NAME};
use crate::analysis::coverage::{by_publication, coverage, coverage_table};
use crate::analysis::provenance::publisher_label;
use crate::data::diagnostic::Severity;
use crate::data::observation::Flag;
use crate::data::quality;
use crate::i18n::{format, labels, texts, Lang};
use crate::ui::address_data::{BRON_DEMO, BRON_EIGEN};
use crate::ui::data::with_data;
use crate::ui::deferred::deferred;
use crate::ui::download;
use crate::analysis::table::{Cell, Column, Row, TableModel};
use crate::ui::file_loader::{balance_view, diag_list, table_block, ActiveSetReport, FileLoader};
use crate::ui::loader::{Loaded, DATA_DIR};
use crate::ui::url::{build, use_href, use_lang};
use crate::ui::dyn_view::dyn_view;

const LIST_STYLE: &str = "list-style:none;padding:0;margin:0";
const ITEM_STYLE: &str = "border-top:1px solid #d0d0d0;padding:.6rem 0";
const SMALL_STYLE: &str = "font-size:.9rem";
/// Inherited by the cells: one line per measure, the table scrolls sideways on a phone.
const COVERAGE_STYLE: &str = "font-size:.8rem;white-space:nowrap";

#[component]
pub fn DataBronnen() -> impl IntoView {
    let lang = use_lang();
    use_page_title(|l| texts(l).bronnen.title.to_string());
    view! {
        <h1>{dyn_view(move || texts(lang.get()).bronnen.title)}</h1>
        <p class="lead">{dyn_view(move || texts(lang.get()).bronnen.intro)}</p>
        {with_data(body)}
    }
}

/// The sections, in page order: (anchor, title).
fn sections(lang: Lang) -> [(&'static str, &'static str); 8] {
    let t = &texts(lang).bronnen;
    [
        ("publicaties", t.pubs_title),
        ("dekking", t.coverage_title),
        ("kwaliteit", t.quality_title),
        ("inlezen", t.load_title),
        ("downloaden", t.download_title),
        ("soorten", t.flags_title),
        ("eigen-bestand", t.own_title),
        ("demo", t.demo_title),
    ]
}

fn body(loaded: Arc<Loaded>) -> Vec<AnyView> {
    let lang = use_lang();
    let l = lang.get();
    let t = &texts(l).bronnen;
    let here = use_href("/data");
    let toc = sections(l)
        .into_iter()
        .map(|(id, title)| view! { <li><a href=move || format!("{}#{id}", here.get())>{title}</a></li> })
        .collect_view();
    // One type-erased view per section: small code for the page (see the bundle budget).
    // The sections below the publications follow in tasks of their own (ui::deferred): the page,
    // 1,500 elements (the coverage table alone 890), was built in one task of about 100 ms on
    // the project's slower CI machine (2026-11-23), four times that in Lighthouse's phone emulation.
    let (a, b, c) = (loaded.clone(), loaded.clone(), loaded.clone());
    let own_title = t.own_title;
    vec![
        view! { <nav aria-label=t.toc_label><ul class="toc">{toc}</ul></nav> }.into_any(),
        publications(&loaded, l),
        deferred(1, move || coverage_section(&a, l)).into_any(),
        deferred(2, move || vec![quality_section(&b, l), load_section(&b, l)]).into_any(),
        deferred(3, move || {
            vec![
                download_section(&c, l),
                flags_section(l),
                sec(
                    "eigen-bestand",
                    own_title,
                    vec![view! { <FileLoader loaded=c.clone()/> }.into_any(), view! { <ActiveSetReport loaded=c.clone()/> }.into_any()],
                ),
                demo_section(&c, l),
            ]
        })
        .into_any(),
    ]
}

fn data_href(file: &str) -> String {
    format!("{DATA_DIR}{file}")
}

/// A section with its heading. One shape for every section of /data and /over: the view code
/// is generic, so fewer shapes mean a smaller bundle.
pub(super) fn sec(id: &'static str, title: &'static str, children: Vec<AnyView>) -> AnyView {
    let heading = format!("{id}-kop");
    let labelled = heading.clone();
    view! { <section id=id aria-labelledby=labelled><h2 id=heading>{title}</h2>{children}</section> }.into_any()
}

/// A paragraph of text.
pub(super) fn para(text: String) -> AnyView {
    view! { <p>{text}</p> }.into_any()
}

fn publications(loaded: &Loaded, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let a = &loaded.archive;
    let per = by_publication(a);
    let intro = (t.pubs_intro)(a.publications.len(), &format::int(a.observations.len() as f64, lang));
    let items = a
        .publications
        .iter()
        .zip(per)
        .map(|(p, c)| {
            // A date known only as the latest possible day says so (it read as a fact: "Gepubliceerd: 7 juni 2021").
            let published = match p.published { Some(d) if p.published_at_latest => (t.pub_published_at_latest)(&format::date(d, lang)), Some(d) => format::date(d, lang), None => t.pub_published_unknown.to_string() };
            let contents = (t.pub_contents)(c.observations as usize, c.measures as usize);
            let flags: Vec<String> = c.flags.iter().map(|(f, n)| format!("{} {}", n, labels::flag(*f, lang))).collect();
            view! {
                <li style=ITEM_STYLE data-testid="publication" data-id=p.id.clone() data-publisher=p.publisher.clone()>
                    // Titles and notes are the archive's, in the sources' language (Dutch): marked
                    // for screen readers on the English page (WCAG 3.1.2).
                    <h3 style="margin:0 0 .2rem" lang=SOURCE_LANG>{p.title.clone()}</h3>
                    <p style="margin:0">
                        <strong>{publisher_label(p, lang)}</strong>
                        " · " {t.pub_peildatum} ": " {format::date(p.peildatum, lang)} {(!p.peildatum_stated).then_some(t.pub_peildatum_unstated)}
                        " · " {t.pub_published} ": " {published}
                    </p>
                    <p style=format!("margin:0;{SMALL_STYLE}")>
                        {p.url.clone().map(|u| view! { <a href=u rel="external noopener" data-testid="publication-link">{t.pub_source}</a>" · " })}
                        // The text version of the source document, deployed with the data, so that a
                        // line reference ("seed 000 L564", "L651") can be followed.
                        {p.document.clone().map(|d| view! { {t.pub_document}": " <a href=data_href(&d) rel="external" data-testid="publication-document"><code>{d.clone()}</code></a>" · " })}
                        {t.pub_file}": " <a href=data_href(&p.file) rel="external"><code>{p.file.clone()}</code></a>
                        " · " {contents} " (" {flags.join(", ")} ") · " <code>{p.id.clone()}</code>
                    </p>
                    {(!p.notes.is_empty()).then(|| {
                        // On the English page our translation (vertalingen.csv), said to be ours;
                        // without one, the Dutch note, marked as Dutch.
                        let translation = crate::analysis::provenance::translation(a, &p.notes, lang);
                        let (summary, shown, note_lang) = match translation {
                            Some(en) => (t.pub_notes_translated, en, Lang::En.code()),
                            None => (t.pub_notes, p.notes.as_str(), SOURCE_LANG),
                        };
                        view! {
                            <details style=SMALL_STYLE>
                                <summary>{summary}</summary>
                                <p class="muted" lang=note_lang data-testid="publication-notes">{crate::ui::chart_frame::quoting_view(shown)}</p>
                            </details>
                        }
                    })}
                </li>
            }
        })
        .collect_view();
    // Every source document a line reference can point to, linked: only SodM's report was, as
    // the "Document" of its publication; the minister's letter on the announced check (004),
    // which every page's notice cites, could not be opened.
    let documents = loaded
        .manifest
        .documents
        .iter()
        .map(|d| view! { <li><a href=data_href(&d.file) rel="external" lang=SOURCE_LANG>{format!("{} – {}", d.id, d.title)}</a></li> })
        .collect_view();
    sec(
        "publicaties",
        t.pubs_title,
        vec![
            para(intro),
            view! { <ol style=LIST_STYLE data-testid="publications">{items}</ol> }.into_any(),
            para(t.pubs_line_refs.into()),
            view! { <ul data-testid="documents">{documents}</ul> }.into_any(),
        ],
    )
}

fn coverage_section(loaded: &Loaded, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let a = &loaded.archive;
    let c = coverage(a);
    let mut table = coverage_table(a, &c, lang);
    // Year columns also say how many publications that year has; a last row sums the columns.
    for (col, n) in table.columns.iter_mut().skip(1).zip(&c.publications_per_year) {
        col.label = format!("{} ({n})", col.label);
    }
    let mut sums = vec![Cell::text(t.coverage_sum_row)];
    sums.extend(c.column_totals.iter().map(|n| Cell::num(format::int(f64::from(*n), lang), f64::from(*n))));
    sums.extend([Cell::text(""), Cell::text("")]);
    table.rows.push(Row { attrs: vec![("key".into(), "alle".into())], cells: sums });
    let mut children = vec![para(t.coverage_intro.into()), table_block("coverage-table", table, Some(COVERAGE_STYLE))];
    if c.measures_without > 0 {
        children.push(para((t.coverage_without)(c.measures_without)));
    }
    sec("dekking", t.coverage_title, children)
}

fn quality_section(loaded: &Loaded, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let mut findings = quality::findings(&loaded.archive);
    quality::largest_first(&mut findings);
    let table = TableModel {
        caption: t.quality_caption.to_string(),
        columns: [t.quality_col_kind, t.quality_col_finding, t.quality_col_place]
            .into_iter()
            .map(|label| Column { label: label.to_string(), numeric: false, title: None })
            .collect(),
        rows: findings
            .iter()
            .map(|f| Row {
                attrs: vec![("series".into(), f.measure.clone()), ("period".into(), f.period.to_string()), ("kind".into(), format!("{:?}", f.kind))],
                cells: vec![Cell::text(f.kind.label(lang)), Cell::text(f.text(lang)), Cell::text(format!("{}:{}", f.file, f.line))],
            })
            .collect(),
    };
    let summary = if findings.is_empty() { t.quality_none.to_string() } else { (t.quality_summary)(findings.len()) };
    let mut children = vec![para(t.quality_intro.into()), para(summary)];
    if !findings.is_empty() {
        children.push(table_block("quality-table", table, None));
    }
    sec("kwaliteit", t.quality_title, children)
}

fn load_section(loaded: &Loaded, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let r = &loaded.report;
    let num = |v: u64| Cell::num(format::int(v as f64, lang), v as f64);
    let total = r.total();
    let mut rows: Vec<Row> = r
        .files
        .iter()
        .map(|(f, c)| Row { attrs: vec![("key".into(), f.clone())], cells: vec![Cell::text(f.clone()), num(c.read), num(c.accepted), num(c.rejected)] })
        .collect();
    rows.push(Row { attrs: Vec::new(), cells: vec![Cell::text(t.load_total), num(total.read), num(total.accepted), num(total.rejected)] });
    let table = TableModel {
        caption: t.load_caption.to_string(),
        columns: [(t.col_file, false), (t.col_read, true), (t.col_accepted, true), (t.col_rejected, true)]
            .into_iter()
            .map(|(label, numeric)| Column { label: label.to_string(), numeric, title: None })
            .collect(),
        rows,
    };
    let diags: Vec<String> = r.diagnostics.iter().map(|d| d.render(lang)).collect();
    let errors = r.diagnostics.iter().filter(|d| d.severity == Severity::Error).count();
    sec(
        "inlezen",
        t.load_title,
        vec![
            para(t.load_intro.into()),
            balance_view(r, lang),
            view! { <details><summary>{t.load_caption}</summary>{table_block("load-table", table, None)}</details> }.into_any(),
            para((t.load_diagnostics)(errors, diags.len() - errors)),
            diag_list(diags),
        ],
    )
}

fn download_section(loaded: &Arc<Loaded>, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let m = &loaded.manifest;
    let archive = Arc::clone(loaded);
    let save = move |_| {
        let csv = archive_csv(&archive.archive);
        let _ = download::save(ARCHIVE_CSV_NAME, "text/csv;charset=utf-8", &csv);
    };
    let mut raw: Vec<(String, &'static str)> = vec![
        ("manifest.json".into(), t.raw_manifest),
        (m.measures_file.clone(), t.raw_measures),
        (m.gemeenten_file.clone(), t.raw_gemeenten),
        (m.events_file.clone(), t.raw_events),
    ];
    if let Some(f) = &m.translations_file {
        raw.push((f.clone(), t.raw_translations));
    }
    if let Some(d) = &m.demo {
        raw.push((d.file.clone(), t.raw_demo));
    }
    let rows = format::int(loaded.archive.observations.len() as f64, lang);
    let body = view! {
            <p>
                <button class="button" data-testid="archive-download" on:click=save>{t.download_archive}</button>
                " " <span class="muted">{(t.download_archive_note)(&rows)}</span>
            </p>
            <h3>{t.raw_title}</h3>
            <ul>
                {raw.into_iter().map(|(f, what)| view! {
                    <li><a href=data_href(&f) rel="external"><code>{f.clone()}</code></a>": " {what}</li>
                }).collect_view()}
                <li><code>{"publicaties/<id>.csv"}</code>": " {t.raw_publication}</li>
            </ul>
    }
    .into_any();
    sec("downloaden", t.download_title, vec![para(t.download_intro.into()), body])
}

fn flags_section(lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let flags = [
        (Flag::Published, t.flag_published),
        (Flag::Approximate, t.flag_approximate),
        (Flag::Derived, t.flag_derived),
        (Flag::Estimated, t.flag_estimated),
        (Flag::Suppressed, t.flag_suppressed),
        (Flag::Synthetic, t.flag_synthetic),
    ];
    let list = view! {
        <dl data-testid="flags">
            {flags.into_iter().map(|(f, text)| view! {
                // "gepubliceerd published" read as English on a Dutch page: the code is named as one.
                <dt><strong>{labels::flag(f, lang)}</strong> " (" {t.flag_code} ": " <code>{f.as_str()}</code> ")"</dt>
                <dd style="margin:0 0 .5rem 1rem">{text}</dd>
            }).collect_view()}
        </dl>
    }
    .into_any();
    sec("soorten", t.flags_title, vec![para(t.flags_intro.into()), list])
}

fn demo_section(loaded: &Loaded, lang: Lang) -> AnyView {
    let t = &texts(lang).bronnen;
    let calibrated = loaded.manifest.demo.as_ref().map(|d| (d.calibrated_to.clone(), d.seed));
    let q = use_query_map();
    let loc = use_location();
    // The button and the way out follow the URL (`bron`), without re-rendering the page.
    let action = dyn_view(move || {
        let t = &texts(lang).bronnen;
        let path = loc.pathname.get();
        let (bron, others) = q.with(|q| {
            let others: Vec<(String, String)> = q.clone().into_iter().filter(|(k, _)| k != "bron").map(|(k, v)| (k.to_string(), v)).collect();
            (q.get("bron"), others)
        });
        let mut with_demo = others.clone();
        with_demo.push(("bron".into(), BRON_DEMO.into()));
        if bron.as_deref() == Some(BRON_DEMO) {
            view! {
                <p role="status" data-testid="demo-active"><strong>{t.demo_active}</strong></p>
                <p><a class="button secondary" href=build(&path, &others)>{t.demo_exit}</a></p>
            }
            .into_any()
        } else {
            let own = bron.as_deref() == Some(BRON_EIGEN);
            view! {
                <p><a class="button" data-testid="demo-button" href=build(&path, &with_demo) data-replaces-own=own.to_string()>{t.demo_button}</a></p>
            }
            .into_any()
        }
    });
    let mut children = vec![para(t.demo_intro.into())];
    if let Some((c, seed)) = calibrated {
        children.push(view! { <p data-testid="demo-calibration">{(t.demo_calibrated)(&crate::i18n::sources::in_lang(&c, lang), seed)}</p> }.into_any());
    }
    children.push(view! { {action} }.into_any());
    sec("demo", t.demo_title, children)
}
