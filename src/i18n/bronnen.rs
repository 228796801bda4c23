//! Texts of the "Data & bronnen" view: publications, coverage, data quality, load report,
//! downloads, flags, loading your own file and the demo; plus the own-file notice on every view.

use super::format::one_or;

pub struct BronnenTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub toc_label: &'static str,

    // publications
    pub pubs_title: &'static str,
    /// (publications, observations)
    pub pubs_intro: fn(usize, &str) -> String,
    /// Under the list (below the first screen: a long paragraph at the top became the page's
    /// largest element, painted only after the data, and Lighthouse's LCP on /data went to 5.3 s).
    pub pubs_line_refs: &'static str,
    pub pub_peildatum: &'static str,
    /// After a peildatum the source does not state (the date of the plan or decision).
    pub pub_peildatum_unstated: &'static str,
    pub pub_published: &'static str,
    pub pub_published_unknown: &'static str,
    /// (date) a publication date known only as the latest possible day
    pub pub_published_at_latest: fn(&str) -> String,
    pub pub_publisher: &'static str,
    pub pub_source: &'static str,
    pub pub_document: &'static str,
    /// (observations, measures)
    pub pub_contents: fn(usize, usize) -> String,
    pub pub_file: &'static str,
    pub pub_notes: &'static str,
    /// The summary of a note shown in our translation (English page).
    pub pub_notes_translated: &'static str,

    // coverage
    pub coverage_title: &'static str,
    pub coverage_intro: &'static str,
    pub coverage_col_measure: &'static str,
    pub coverage_col_periods: &'static str,
    pub coverage_col_breakdowns: &'static str,
    pub coverage_total_only: &'static str,
    /// The breakdown dimensions in words, in the order of `analysis::coverage::DIMENSIONS` (the
    /// English page showed the file's column names, "gemeente, risicoprofiel, eigenaar").
    pub dimension_names: [&'static str; 5],
    /// (number of periods, first, last)
    pub coverage_periods: fn(usize, &str, &str) -> String,
    /// (measures, observations)
    pub coverage_caption: fn(usize, &str) -> String,
    /// (measures without observations)
    pub coverage_without: fn(usize) -> String,
    pub coverage_sum_row: &'static str,

    // quality
    pub quality_title: &'static str,
    pub quality_intro: &'static str,
    /// (findings)
    pub quality_summary: fn(usize) -> String,
    pub quality_none: &'static str,
    pub quality_caption: &'static str,
    pub quality_col_kind: &'static str,
    pub quality_col_finding: &'static str,
    pub quality_col_place: &'static str,

    // load report
    pub load_title: &'static str,
    pub load_intro: &'static str,
    pub load_caption: &'static str,
    pub col_file: &'static str,
    pub col_read: &'static str,
    pub col_accepted: &'static str,
    pub col_rejected: &'static str,
    pub load_total: &'static str,
    /// (read, accepted, rejected)
    pub rows_balance: fn(&str, &str, &str) -> String,
    /// (errors, warnings)
    pub load_diagnostics: fn(usize, usize) -> String,

    // downloads
    pub download_title: &'static str,
    pub download_intro: &'static str,
    pub download_archive: &'static str,
    /// (rows)
    pub download_archive_note: fn(&str) -> String,
    pub raw_title: &'static str,
    pub raw_manifest: &'static str,
    pub raw_measures: &'static str,
    pub raw_gemeenten: &'static str,
    pub raw_events: &'static str,
    pub raw_translations: &'static str,
    pub raw_publication: &'static str,
    pub raw_demo: &'static str,

    // flags
    pub flags_title: &'static str,
    pub flags_intro: &'static str,
    pub flag_published: &'static str,
    /// Before a flag's code in the CSV files.
    pub flag_code: &'static str,
    pub flag_approximate: &'static str,
    pub flag_derived: &'static str,
    pub flag_estimated: &'static str,
    pub flag_suppressed: &'static str,
    pub flag_synthetic: &'static str,

    // own file
    pub own_title: &'static str,
    pub own_intro: &'static str,
    pub own_privacy: &'static str,
    /// (limit in MB)
    pub own_limit: fn(&str) -> String,
    pub file_label: &'static str,
    pub drop_hint: &'static str,
    /// (MB read, MB total)
    pub reading: fn(&str, &str) -> String,
    /// (rows read, percent of the file)
    pub parsing: fn(&str, &str) -> String,
    /// Computing the figures from the addresses; the argument is the percentage done.
    pub deriving: fn(&str) -> String,
    pub cancel: &'static str,
    /// (file name)
    pub cancelled: fn(&str) -> String,
    /// (file name, MB, limit MB)
    pub refused_too_large: fn(&str, &str, &str) -> String,
    /// (file name)
    pub failed: fn(&str) -> String,
    /// Why a bronbestand gave no addresses: it has only its header, or every row was rejected.
    pub no_rows_header_only: &'static str,
    pub no_rows_all_rejected: &'static str,
    pub read_error: &'static str,
    /// (file name, addresses)
    pub own_ready: fn(&str, &str) -> String,
    pub rejected_title: &'static str,
    pub rejected_none: &'static str,
    /// (shown, total)
    pub rejected_shown: fn(usize, usize) -> String,
    pub rejected_caption: &'static str,
    pub col_line: &'static str,
    pub col_column: &'static str,
    pub col_reason: &'static str,
    pub col_severity: &'static str,
    pub sev_error: &'static str,
    pub sev_warning: &'static str,
    pub rejected_download: &'static str,
    /// (warnings)
    pub warnings_title: fn(usize) -> String,
    pub per_gemeente_caption: &'static str,
    pub col_gemeente: &'static str,
    pub col_addresses: &'static str,
    pub own_views: &'static str,
    pub timing: fn(&str, &str, &str) -> String,
    pub unload: &'static str,

    // canonical publication check
    /// (file name)
    pub pubcheck_title: fn(&str) -> String,
    pub pubcheck_intro: &'static str,
    /// (observations, measures, first period, last period)
    pub pubcheck_contents: fn(usize, usize, &str, &str) -> String,
    /// No figure could be read from the file: (rows rejected, formatted; "0" = only a header).
    /// Said instead of the contents, and no comparison with the archive is claimed.
    pub pubcheck_nothing: fn(&str) -> String,
    pub pubcheck_findings: &'static str,
    pub pubcheck_no_findings: &'static str,
    pub pubcheck_not_added: &'static str,

    // demo
    pub demo_title: &'static str,
    pub demo_intro: &'static str,
    pub demo_button: &'static str,
    /// (what it is calibrated to, seed)
    pub demo_calibrated: fn(&str, u64) -> String,
    pub demo_active: &'static str,
    pub demo_exit: &'static str,

    // active address data
    pub active_title: &'static str,
    pub active_demo: &'static str,
    /// (file name)
    pub active_own: fn(&str) -> String,

    // notice on every view (on a view of published figures only, `notice_own_loaded`)
    /// (file name, addresses)
    pub notice_own: fn(&str, &str) -> String,
    pub notice_not_published: &'static str,
    /// (file name, addresses), on a view of published figures only (followed by `shell.published_only`)
    pub notice_own_loaded: fn(&str, &str) -> String,
    pub notice_gone: &'static str,
    pub notice_load_again: &'static str,
}

pub const NL: BronnenTexts = BronnenTexts {
    title: "Data & bronnen",
    intro: "Elk getal in de Versterkingsmonitor komt uit een van de publicaties hieronder. Hier ziet u waar elk cijfer vandaan komt, welke cijfers er zijn, waar de bronnen elkaar tegenspreken, en kunt u alles downloaden.",
    toc_label: "Op deze pagina",

    pubs_title: "Publicaties",
    pubs_intro: |n, obs| format!("Het archief bevat {n} publicaties met samen {obs} cijfers. Elke publicatie is een momentopname (een ‘vintage’): latere publicaties corrigeren soms eerdere perioden, daarom bewaren we ze allemaal naast elkaar."),
    pub_peildatum: "Peildatum",
    pub_peildatum_unstated: " (datum van het plan of besluit; de bron noemt geen datum voor de cijfers)",
    pub_published: "Gepubliceerd",
    pub_published_unknown: "datum onbekend",
    pub_published_at_latest: |d| format!("uiterlijk {d} (de exacte datum is onbekend)"),
    pub_publisher: "Uitgever",
    pub_source: "Bron",
    pub_document: "Document",
    pubs_line_refs: "Een verwijzing als ‘L564’ of ‘document 000 L564’ is regel 564 van de tekstversie van een brondocument (‘L’: regel; zonder documentnummer: het document van die publicatie). De tekstversies:",
    pub_contents: |obs, m| {
        let f = if obs == 1 { "cijfer" } else { "cijfers" };
        let s = if m == 1 { "maat" } else { "maten" };
        format!("{obs} {f} over {m} {s}")
    },
    pub_file: "Bestand",
    pub_notes: "Toelichting",
    pub_notes_translated: "Toelichting (onze vertaling)",

    coverage_title: "Welke cijfers zijn er?",
    coverage_intro: "Per maat het aantal cijfers in de publicaties van elk jaar (het jaar van de peildatum), de perioden waarover ze gaan en de uitsplitsingen. Tussen haakjes bij elk jaar: het aantal publicaties in dat jaar. Een leeg vak: in dat jaar niet gepubliceerd.",
    coverage_col_measure: "Maat",
    coverage_col_periods: "Perioden",
    coverage_col_breakdowns: "Uitsplitsing",
    coverage_total_only: "totaal",
    dimension_names: ["gemeente", "batch", "risicoprofiel", "eigenaar", "categorie"],
    coverage_periods: |n, first, last| format!("{n} perioden, van {first} tot en met {last}"),
    coverage_caption: |m, obs| format!("Dekking van het archief: {m} maten, {obs} cijfers"),
    coverage_without: |n| format!("{n} andere maten zijn gedefinieerd maar komen (nog) in geen publicatie voor; ze worden alleen berekend uit een bronbestand."),
    coverage_sum_row: "Alle maten",

    quality_title: "Kwaliteit van de cijfers",
    quality_intro: "Wij nemen elk cijfer over zoals het gepubliceerd is, ook als de rekensom niet klopt. Wat niet klopt melden we hier: delen die niet optellen tot het totaal, herzieningen tussen publicaties, cumulatieve aantallen die dalen. Niets hiervan is door ons ‘gerepareerd’.",
    quality_summary: |n| if n == 1 { "1 bevinding in het archief.".into() } else { format!("{n} bevindingen in het archief.") },
    quality_none: "Geen bevindingen.",
    quality_caption: "Bevindingen van de kwaliteitscontrole",
    quality_col_kind: "Soort",
    quality_col_finding: "Bevinding",
    quality_col_place: "Vindplaats",

    load_title: "Inlezen van het archief",
    load_intro: "Bij het laden is elk bestand regel voor regel gecontroleerd. Een regel die niet klopt wordt niet gebruikt en hier gemeld, met bestand, regel en kolom.",
    load_caption: "Gelezen, geaccepteerde en afgewezen regels per bestand",
    col_file: "Bestand",
    col_read: "Gelezen",
    col_accepted: "Geaccepteerd",
    col_rejected: "Afgewezen",
    load_total: "Totaal",
    rows_balance: |r, a, x| format!("Gelezen: {r} {} = {a} geaccepteerd + {x} afgewezen.", one_or(r, "rij", "rijen")),
    load_diagnostics: |e, w| {
        let f = if e == 1 { "fout" } else { "fouten" };
        let s = if w == 1 { "waarschuwing" } else { "waarschuwingen" };
        format!("{e} {f} en {w} {s} bij het inlezen.")
    },

    download_title: "Downloaden",
    download_intro: "Het hele archief als één CSV-bestand: elk cijfer met zijn publicatie (peildatum, uitgever, titel, link), maat, periode, uitsplitsing, waarde, soort, vindplaats en toelichting. De kolommen heten in het Engels: de soort van een cijfer staat in flag (published, approximate, derived …), kind zegt of een maat een stand (stock) of een aantal over een periode (flow) is, de vindplaats staat in source. Of de ruwe bestanden waaruit de Versterkingsmonitor werkt.",
    download_archive: "Download het hele archief (CSV)",
    download_archive_note: |n| format!("{n} rijen, één per cijfer, met bron en toelichting (en onze Engelse vertaling ervan)."),
    raw_title: "Ruwe bestanden",
    raw_manifest: "lijst van publicaties met hun bronnen",
    raw_measures: "definities van de maten",
    raw_gemeenten: "gemeenten en samenvoegingen",
    raw_events: "gebeurtenissen op de tijdlijn",
    raw_translations: "onze Engelse vertalingen van de toelichtingen (de Nederlandse tekst is de bron)",
    raw_publication: "cijfers van één publicatie",
    raw_demo: "synthetisch demonstratie-bronbestand (geen echte adressen)",

    flags_title: "Wat betekent de soort van een cijfer?",
    flags_intro: "Bij elk cijfer staat hoe het tot stand kwam:",
    flag_published: "precies zo afgedrukt in de bron.",
    flag_code: "code in de CSV",
    flag_approximate: "de bron gaf een benadering, zoals ‘ruim 26.000’ of ‘zo’n 6.600’. Wij nemen het getal over en tonen dat het een benadering is.",
    flag_derived: "door ons uitgerekend uit gepubliceerde cijfers (bijvoorbeeld een maandcijfer als verschil van twee standen). De toelichting zegt hoe.",
    flag_estimated: "een schatting van ons, geen gepubliceerd cijfer (bijvoorbeeld een doorlooptijd uit gepubliceerde aantallen). De toelichting zegt hoe.",
    flag_suppressed: "niet getoond: te weinig adressen (minder dan 5) of onleesbaar in de bron.",
    flag_synthetic: "synthetische demonstratiegegevens: verzonnen, nooit een echt cijfer.",

    own_title: "Zelf een bestand bekijken",
    own_intro: "U kunt een eigen bestand laden: een bronbestand met één regel per adres (zelfde indeling als het demonstratiebestand) of een publicatiebestand in de indeling van het archief. Alle weergaven rekenen dan met uw bronbestand.",
    own_privacy: "Uw bestand blijft op uw computer: het wordt in deze browser gelezen en nergens naartoe gestuurd. Na het herladen van de pagina is het weg.",
    own_limit: |mb| format!("Maximaal {mb} MB."),
    file_label: "Kies een bestand (CSV)",
    drop_hint: "of sleep het bestand naar dit vak",
    reading: |done, total| format!("Bestand lezen: {done} van {total} MB"),
    parsing: |rows, pct| format!("Regels controleren: {rows} gelezen ({pct}%)"),
    deriving: |pct| format!("Cijfers berekenen… ({pct}%)"),
    cancel: "Stoppen",
    cancelled: |name| format!("Het laden van {name} is gestopt. Er is niets veranderd."),
    refused_too_large: |name, mb, limit| format!("{name} is te groot ({mb} MB; maximaal {limit} MB). Het bestand is niet gelezen."),
    failed: |name| format!("{name} kon niet worden gebruikt"),
    no_rows_header_only: "Het bestand heeft een kopregel maar geen regels daaronder: er staan geen adressen in.",
    no_rows_all_rejected: "Geen enkele regel kon worden gebruikt; hieronder staat per regel waarom.",
    read_error: "De browser kon het bestand niet lezen.",
    own_ready: |name, n| format!("{name} is geladen: {n} {}.", one_or(n, "adres", "adressen")),
    rejected_title: "Afgewezen regels",
    rejected_none: "Geen regels afgewezen.",
    rejected_shown: |shown, total| match (shown < total, total) {
        (true, _) => format!("De eerste {shown} van {total} afgewezen regels:"),
        (false, 1) => "1 afgewezen regel:".to_string(),
        (false, _) => format!("{total} afgewezen regels:"),
    },
    rejected_caption: "Afgewezen regels met regel, kolom en reden",
    col_line: "Regel",
    col_column: "Kolom",
    col_reason: "Reden",
    col_severity: "Ernst",
    sev_error: "fout",
    sev_warning: "waarschuwing",
    rejected_download: "Download de volledige lijst (CSV)",
    warnings_title: |n| format!("Waarschuwingen ({n}): de regel is wel gebruikt"),
    per_gemeente_caption: "Adressen per gemeente (huidige indeling) in het bestand",
    col_gemeente: "Gemeente",
    col_addresses: "Adressen",
    own_views: "Bekijk het bestand in:",
    timing: |read, parse, derive| format!("Lezen {read} ms, controleren {parse} ms, berekenen {derive} ms."),
    unload: "Bestand sluiten",

    pubcheck_title: |name| format!("Controle van publicatiebestand {name}"),
    pubcheck_intro: "Dit is een publicatiebestand in de indeling van het archief. Het is gecontroleerd tegen de maten en gemeenten van het archief en vergeleken met de gepubliceerde cijfers.",
    pubcheck_contents: |obs, m, first, last| {
        let f = if obs == 1 { "cijfer" } else { "cijfers" };
        let s = if m == 1 { "maat" } else { "maten" };
        if first == last { format!("{obs} {f} over {m} {s}, periode {first}.") } else { format!("{obs} {f} over {m} {s}, perioden van {first} tot en met {last}.") }
    },
    pubcheck_nothing: |x| match x {
        "0" => "Het bestand heeft een kopregel maar geen regels daaronder: er staan geen cijfers in. Er is dus ook niets met het archief vergeleken.".into(),
        "1" => "Er kon geen enkel cijfer uit het bestand worden gelezen: de enige regel is afgewezen (hieronder staat waarom). Er is dus ook niets met het archief vergeleken.".into(),
        _ => format!("Er kon geen enkel cijfer uit het bestand worden gelezen: alle {x} regels zijn afgewezen (hieronder staat per regel waarom). Er is dus ook niets met het archief vergeleken."),
    },
    pubcheck_findings: "Vergeleken met het archief:",
    pubcheck_no_findings: "Geen verschillen met het archief gevonden.",
    pubcheck_not_added: "Het bestand wordt niet aan de grafieken toegevoegd; wilt u het opnemen in het archief, zie ‘Adding a new monthly publication’ in de README (in het Engels).",

    demo_title: "Synthetische demonstratie",
    demo_intro: "NCG publiceert geen gegevens per adres. Om te laten zien wat de Versterkingsmonitor met een bronbestand kan (doorlooptijden, dorpen, clusters), is er een verzonnen bronbestand van 27.790 adressen. Elk adres, elke id en elke datum daarin is synthetisch; alleen de dorpen en de totalen waarop het is geijkt zijn echt.",
    demo_button: "Bekijk de synthetische demo",
    demo_calibrated: |what, seed| format!("Geijkt op: {what} (gemaakt met startgetal {seed} van de toevalsgenerator; hetzelfde startgetal geeft hetzelfde bestand)."),
    demo_active: "De synthetische demo is actief: Doorlooptijden, Gemeenten en de pagina's per gemeente tonen nu verzonnen adresgegevens, duidelijk gemarkeerd.",
    demo_exit: "Demo uitzetten",

    active_title: "Actieve adresgegevens",
    active_demo: "Synthetisch demonstratiebestand",
    active_own: |name| format!("Uw eigen bestand {name}"),

    notice_own: |name, n| format!("U bekijkt uw eigen bestand {name} ({n} {}).", one_or(n, "adres", "adressen")),
    notice_not_published: "Dit zijn geen gepubliceerde cijfers. Het bestand blijft in uw browser.",
    notice_own_loaded: |name, n| format!("Uw eigen bestand {name} ({n} {}) is geladen.", one_or(n, "adres", "adressen")),
    notice_gone: "Uw eigen bestand is niet meer geladen: het blijft alleen in het geheugen en verdwijnt bij het herladen van de pagina.",
    notice_load_again: "Laad het opnieuw",
};

pub const EN: BronnenTexts = BronnenTexts {
    title: "Data & sources",
    intro: "Every figure in the Versterkingsmonitor comes from one of the publications below. Here you can see where each figure comes from, which figures exist, where the sources contradict each other, and download everything.",
    toc_label: "On this page",

    pubs_title: "Publications",
    pubs_intro: |n, obs| format!("The archive holds {n} publications with {obs} figures together. Each publication is a snapshot (a ‘vintage’): later publications sometimes correct earlier periods, so we keep all of them side by side."),
    pub_peildatum: "Reference date",
    pub_peildatum_unstated: " (date of the plan or decision; the source gives no date for the figures)",
    pub_published: "Published",
    pub_published_unknown: "date unknown",
    pub_published_at_latest: |d| format!("by {d} at the latest (the exact date is unknown)"),
    pub_publisher: "Publisher",
    pub_source: "Source",
    pub_document: "Document",
    pubs_line_refs: "A reference such as ‘L564’ or ‘document 000 L564’ is line 564 of the text version of a source document (‘L’: line; without a document number: that publication's document). The text versions (in Dutch):",
    pub_contents: |obs, m| {
        let f = if obs == 1 { "figure" } else { "figures" };
        let s = if m == 1 { "measure" } else { "measures" };
        format!("{obs} {f} on {m} {s}")
    },
    pub_file: "File",
    pub_notes: "Notes",
    pub_notes_translated: "Notes (our translation from Dutch)",

    coverage_title: "Which figures exist?",
    coverage_intro: "Per measure the number of figures in the publications of each year (the year of the reference date), the periods they cover and the breakdowns. In brackets after each year: the number of publications that year. An empty cell: not published that year.",
    coverage_col_measure: "Measure",
    coverage_col_periods: "Periods",
    coverage_col_breakdowns: "Breakdown",
    coverage_total_only: "total",
    dimension_names: ["municipality", "batch", "risk profile", "owner", "category"],
    coverage_periods: |n, first, last| format!("{n} periods, from {first} to {last}"),
    coverage_caption: |m, obs| format!("Coverage of the archive: {m} measures, {obs} figures"),
    coverage_without: |n| format!("{n} other measures are defined but do not occur in any publication (yet); they are only computed from a source file."),
    coverage_sum_row: "All measures",

    quality_title: "Quality of the figures",
    quality_intro: "We keep every figure as published, even when the arithmetic does not add up. What does not add up is reported here: parts that do not sum to their total, revisions between publications, cumulative counts that go down. None of it has been ‘fixed’ by us.",
    quality_summary: |n| if n == 1 { "1 finding in the archive.".into() } else { format!("{n} findings in the archive.") },
    quality_none: "No findings.",
    quality_caption: "Findings of the quality checks",
    quality_col_kind: "Kind",
    quality_col_finding: "Finding",
    quality_col_place: "Location",

    load_title: "Reading the archive",
    load_intro: "While loading, every file was checked line by line. A line that is not valid is not used and is reported here, with file, line and column.",
    load_caption: "Lines read, accepted and rejected per file",
    col_file: "File",
    col_read: "Read",
    col_accepted: "Accepted",
    col_rejected: "Rejected",
    load_total: "Total",
    rows_balance: |r, a, x| format!("Read: {r} {} = {a} accepted + {x} rejected.", one_or(r, "row", "rows")),
    load_diagnostics: |e, w| {
        let f = if e == 1 { "error" } else { "errors" };
        let s = if w == 1 { "warning" } else { "warnings" };
        format!("{e} {f} and {w} {s} while reading.")
    },

    download_title: "Download",
    download_intro: "The whole archive as one CSV file: every figure with its publication (reference date, publisher, title, link), measure, period, breakdown, value, kind, location in the source and note. A figure's kind is in the column flag (published, approximate, derived …); kind says whether a measure is a stand (stock) or a number over a period (flow); the location in the source is in source. Or the raw files the Versterkingsmonitor works from.",
    download_archive: "Download the whole archive (CSV)",
    download_archive_note: |n| format!("{n} rows, one per figure, with source and note (and our English translation of it)."),
    raw_title: "Raw files",
    raw_manifest: "list of publications with their sources",
    raw_measures: "definitions of the measures",
    raw_gemeenten: "municipalities and mergers",
    raw_events: "events on the timeline",
    raw_translations: "our English translations of the notes (the Dutch text is the source)",
    raw_publication: "figures of one publication",
    raw_demo: "synthetic demonstration source file (no real addresses)",

    flags_title: "What does the kind of a figure mean?",
    flags_intro: "Every figure says how it came about:",
    flag_published: "printed exactly like this in the source.",
    flag_code: "code in the CSV",
    flag_approximate: "the source gave an approximation, such as ‘more than 26,000’ or ‘some 6,600’. We keep the number and show that it is approximate.",
    flag_derived: "calculated by us from published figures (for example a monthly figure as the difference of two totals). The note says how.",
    flag_estimated: "an estimate of ours, not a published figure (for example a lead time from published counts). The note says how.",
    flag_suppressed: "not shown: too few addresses (fewer than 5) or illegible in the source.",
    flag_synthetic: "synthetic demonstration data: invented, never a real figure.",

    own_title: "Look at a file of your own",
    own_intro: "You can load a file of your own: a source file with one line per address (the same layout as the demonstration file) or a publication file in the archive's format. Every view then works with your source file.",
    own_privacy: "Your file stays on your computer: it is read in this browser and sent nowhere. After reloading the page it is gone.",
    own_limit: |mb| format!("At most {mb} MB."),
    file_label: "Choose a file (CSV)",
    drop_hint: "or drag the file into this box",
    reading: |done, total| format!("Reading the file: {done} of {total} MB"),
    parsing: |rows, pct| format!("Checking lines: {rows} read ({pct}%)"),
    deriving: |pct| format!("Computing figures… ({pct}%)"),
    cancel: "Stop",
    cancelled: |name| format!("Loading {name} was stopped. Nothing has changed."),
    refused_too_large: |name, mb, limit| format!("{name} is too large ({mb} MB; at most {limit} MB). The file was not read."),
    failed: |name| format!("{name} could not be used"),
    no_rows_header_only: "The file has a header but no lines under it: it holds no addresses.",
    no_rows_all_rejected: "No line could be used; below, each line says why.",
    read_error: "The browser could not read the file.",
    own_ready: |name, n| format!("{name} is loaded: {n} {}.", one_or(n, "address", "addresses")),
    rejected_title: "Rejected lines",
    rejected_none: "No lines rejected.",
    rejected_shown: |shown, total| match (shown < total, total) {
        (true, _) => format!("The first {shown} of {total} rejected lines:"),
        (false, 1) => "1 rejected line:".to_string(),
        (false, _) => format!("{total} rejected lines:"),
    },
    rejected_caption: "Rejected lines with line, column and reason",
    col_line: "Line",
    col_column: "Column",
    col_reason: "Reason",
    col_severity: "Severity",
    sev_error: "error",
    sev_warning: "warning",
    rejected_download: "Download the full list (CSV)",
    warnings_title: |n| format!("Warnings ({n}): the line was used"),
    per_gemeente_caption: "Addresses per municipality (current boundaries) in the file",
    col_gemeente: "Municipality",
    col_addresses: "Addresses",
    own_views: "See the file in:",
    timing: |read, parse, derive| format!("Reading {read} ms, checking {parse} ms, computing {derive} ms."),
    unload: "Close the file",

    pubcheck_title: |name| format!("Check of publication file {name}"),
    pubcheck_intro: "This is a publication file in the archive's format. It was checked against the archive's measures and municipalities and compared with the published figures.",
    pubcheck_contents: |obs, m, first, last| {
        let f = if obs == 1 { "figure" } else { "figures" };
        let s = if m == 1 { "measure" } else { "measures" };
        if first == last { format!("{obs} {f} on {m} {s}, period {first}.") } else { format!("{obs} {f} on {m} {s}, periods from {first} to {last}.") }
    },
    pubcheck_nothing: |x| match x {
        "0" => "The file has a header but no lines under it: it holds no figures. So nothing was compared with the archive either.".into(),
        "1" => "No figure could be read from the file: its only line was rejected (below, it says why). So nothing was compared with the archive either.".into(),
        _ => format!("No figure could be read from the file: all {x} lines were rejected (below, each line says why). So nothing was compared with the archive either."),
    },
    pubcheck_findings: "Compared with the archive:",
    pubcheck_no_findings: "No differences with the archive found.",
    pubcheck_not_added: "The file is not added to the charts; to include it in the archive, see ‘Adding a new monthly publication’ in the README.",

    demo_title: "Synthetic demonstration",
    demo_intro: "NCG publishes no data per address. To show what the Versterkingsmonitor can do with a source file (lead times, villages, clusters) there is an invented source file of 27,790 addresses. Every address, id and date in it is synthetic; only the villages and the totals it is calibrated to are real.",
    demo_button: "View the synthetic demo",
    demo_calibrated: |what, seed| format!("Calibrated to: {what} (made with random seed {seed}; the same random seed gives the same file)."),
    demo_active: "The synthetic demo is active: Lead times, Municipalities and the pages per municipality now show invented address data, clearly marked.",
    demo_exit: "Turn the demo off",

    active_title: "Active address data",
    active_demo: "Synthetic demonstration file",
    active_own: |name| format!("Your own file {name}"),

    notice_own: |name, n| format!("You are viewing your own file {name} ({n} {}).", one_or(n, "address", "addresses")),
    notice_not_published: "These are not published figures. The file stays in your browser.",
    notice_own_loaded: |name, n| format!("Your own file {name} ({n} {}) is loaded.", one_or(n, "address", "addresses")),
    notice_gone: "Your own file is no longer loaded: it is kept in memory only and disappears when the page is reloaded.",
    notice_load_again: "Load it again",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression: the Dutch text pointed to "‘Een publicatie toevoegen’ in de README", a heading
    /// the (English) README does not have. Both languages quote a heading that is there.
    #[test]
    fn the_readme_section_named_exists() {
        let readme = include_str!("../../README.md");
        for text in [NL.pubcheck_not_added, EN.pubcheck_not_added] {
            let quoted = text.split('‘').nth(1).and_then(|s| s.split('’').next()).unwrap_or("");
            assert!(readme.lines().any(|l| l.trim_start_matches('#').trim() == quoted && l.starts_with('#')), "no heading ‘{quoted}’ in README.md");
        }
    }

    /// Regression: counts of one were plural ("1 adressen", "1 rijen").
    #[test]
    fn one_is_singular() {
        assert_eq!((NL.rows_balance)("1", "1", "0"), "Gelezen: 1 rij = 1 geaccepteerd + 0 afgewezen.");
        assert_eq!((EN.rows_balance)("1", "0", "1"), "Read: 1 row = 0 accepted + 1 rejected.");
        assert_eq!((NL.rows_balance)("37", "31", "6"), "Gelezen: 37 rijen = 31 geaccepteerd + 6 afgewezen.");
        assert_eq!((NL.own_ready)("a.csv", "1"), "a.csv is geladen: 1 adres.");
        assert_eq!((EN.own_ready)("a.csv", "1"), "a.csv is loaded: 1 address.");
        assert_eq!((NL.notice_own)("a.csv", "1"), "U bekijkt uw eigen bestand a.csv (1 adres).");
        assert_eq!((EN.notice_own_loaded)("a.csv", "1"), "Your own file a.csv (1 address) is loaded.");
        assert_eq!((NL.notice_own_loaded)("a.csv", "2"), "Uw eigen bestand a.csv (2 adressen) is geladen.");
        assert_eq!((NL.load_diagnostics)(1, 1), "1 fout en 1 waarschuwing bij het inlezen.");
        assert_eq!((EN.load_diagnostics)(2, 1), "2 errors and 1 warning while reading.");
        assert_eq!((NL.quality_summary)(1), "1 bevinding in het archief.");
        assert_eq!((EN.pubcheck_contents)(1, 1, "2020", "2020"), "1 figure on 1 measure, period 2020.");
        // "van … tot en met": "perioden 01-01-2020 – 30-11-2020 – 2021" was ambiguous (regression).
        assert_eq!((NL.pubcheck_contents)(2, 2, "2020", "2021"), "2 cijfers over 2 maten, perioden van 2020 tot en met 2021.");
    }
}
