//! Texts of the Doorlooptijden view (lead times), and the measured error of the lead-time
//! estimator that its method notes quote.

use super::format::one_or;

/// The first-in-first-out estimator's error measured on the synthetic demonstration data
/// (`analysis::lead_times::validation`): per step (URL code), the difference estimate − exact in
/// days as (median, mean), on the demo's monthly derived series and with only the dates of the
/// published figures (`None`: not estimable there). Quoted in the method notes;
/// `tests/lead_times_validation.rs` recomputes them and fails when they drift by more than a day.
pub const VALIDATION: [(&str, Option<(i32, i32)>, Option<(i32, i32)>); 6] = [
    ("opname-beoordeling", Some((26, -26)), Some((87, -4))),
    ("beoordeling-planvorming", Some((-64, 15)), Some((133, 39))),
    ("planvorming-gereed", Some((-415, -546)), Some((-54, -87))),
    ("besluit-bouw", Some((45, -12)), None),
    ("bouw", Some((34, 6)), None),
    ("traject", Some((1049, 470)), Some((283, 245))),
];

pub struct DoorlooptijdenTexts {
    pub title: &'static str,
    pub lead: &'static str,
    /// Unit after a number of months in bin labels: "mnd" / "mo".
    pub months_short: &'static str,
    /// In a sentence ("41 mo" read as jargon in running text).
    pub months_long: &'static str,
    /// (days, months) → "580 dagen (19,1 mnd)".
    pub days: fn(&str, &str) -> String,
    /// (with, of) → "350 van 1.177".
    pub coverage: fn(&str, &str) -> String,
    pub fase: &'static str,

    // Data source notices.
    pub published_intro: &'static str,
    pub invite_demo: &'static str,
    pub invite_or: &'static str,
    pub invite_load: &'static str,
    /// (file title, addresses, reference date)
    pub exact_intro: fn(&str, &str, &str) -> String,
    pub address_loading: &'static str,

    // Controls.
    pub cohort_label: &'static str,
    /// (reference date) → option text.
    pub cohort_all_option: fn(&str) -> String,
    pub cohort_sodm_option: &'static str,
    pub step_label: &'static str,
    pub fase_label: &'static str,
    pub filter_dorp: &'static str,
    pub filter_cluster: &'static str,

    // Sections.
    pub section_steps: &'static str,
    pub section_trend: &'static str,
    pub section_sodm: &'static str,
    pub section_open: &'static str,
    pub section_validation: &'static str,
    pub open_needs_addresses: &'static str,

    // Overview table.
    pub col_step: &'static str,
    pub col_mean: &'static str,
    pub col_median: &'static str,
    pub col_p25: &'static str,
    pub col_p75: &'static str,
    pub col_p90: &'static str,
    pub overview_caption_all: fn(&str) -> String,
    pub overview_caption_sodm: &'static str,
    pub overview_caption_estimated: &'static str,
    pub chain_total_label: &'static str,
    pub not_estimable_short: &'static str,
    /// (months, the old measure) → "jan 2017 – dec 2019 (oude definitie: Project vastgesteld)".
    pub old_definition: fn(&str, &str) -> String,
    /// What a replaced measure's own label ends with ("Project vastgesteld (oude definitie)"):
    /// left off inside [`Self::old_definition`], which says it already.
    pub old_definition_mark: &'static str,
    pub not_estimable: &'static str,
    pub percentile_note: &'static str,
    /// Under the table of estimates, instead of `percentile_note`.
    pub estimate_note: &'static str,
    /// Heading of the page's answer in a few lines, above the table.
    pub answer_heading: &'static str,
    /// (addresses, window, median days, median years, estimated) → "Het hele traject, van opname
    /// tot afgerond: de helft van de 3.391 adressen die tussen … klaar waren, deed er langer over
    /// dan 2.066 dagen (5,7 jaar); een schatting uit de gepubliceerde totalen."
    pub answer_whole: fn(&str, &str, &str, &str, bool) -> String,
    /// (range) → the sentence after an estimated median that rests on the assumed start.
    pub answer_other_start: fn(&str) -> String,
    /// (days, months, too high) → the whole track's estimate against the exact answer on the
    /// demonstration data, at the dates of the published figures (`VALIDATION`).
    pub answer_bias: fn(&str, &str, bool) -> String,
    /// The same when the line above has said it already.
    pub answer_other_start_again: fn(&str) -> String,
    /// "jaar" / "years" after a range of years.
    pub years_word: &'static str,
    /// (step, median days, median months) → the chosen step's line.
    pub answer_step: fn(&str, &str, &str) -> String,
    /// (first month, last month) → "tussen januari 2017 en december 2021".
    pub answer_between: fn(&str, &str) -> String,
    /// (date) → "tot en met 31 december 2025".
    pub answer_until: fn(&str) -> String,
    /// (month) → the newest estimate's month, and why there is none later.
    pub answer_newest: fn(&str) -> String,
    /// Why the page holds several numbers for one step (estimated).
    pub answer_numbers: &'static str,
    /// SodM's means are not of the reader's addresses (exact).
    pub answer_numbers_exact: &'static str,

    // Key figures.
    pub stat_n: &'static str,
    pub stat_coverage: &'static str,
    pub stat_mean: &'static str,
    pub stat_median: &'static str,
    pub stat_p25: &'static str,
    pub stat_p75: &'static str,
    pub stat_p90: &'static str,
    pub stat_within_6m: &'static str,
    pub stat_negative: &'static str,
    pub stat_window: &'static str,
    pub stat_not_estimable: &'static str,
    pub stat_negative_fifo: &'static str,
    /// Exits past a definition break, not estimated (the break's date).
    pub stat_after_break: fn(&str) -> String,
    /// The method's sentence on a definition break: (new measure, old measure, date).
    pub estimate_break: fn(&str, &str, &str) -> String,
    pub stat_over_1y: &'static str,
    pub stat_over_2y: &'static str,
    pub stat_over_3y: &'static str,
    pub stat_without_entry: &'static str,
    /// (date) → "Wet van Little op 31 december 2021".
    pub stat_little: fn(&str) -> String,
    pub stats_caption: &'static str,

    // Histograms.
    pub x_months: &'static str,
    pub x_age_months: &'static str,
    pub y_addresses: &'static str,
    pub y_days: &'static str,
    pub line_median: &'static str,
    pub line_p90: &'static str,
    /// (step) → title.
    pub hist_title: fn(&str) -> String,
    /// (n, median, p90, coverage) → summary.
    /// (n, median, 90th percentile, coverage, ends before their start where any: not counted)
    pub hist_summary: fn(&str, &str, &str, &str, Option<&str>) -> String,
    /// (step, cohort description) → method.
    pub hist_method: fn(&str, &str) -> String,
    /// (reference date) → cohort description.
    pub cohort_all_text: fn(&str) -> String,
    pub cohort_sodm_text: &'static str,
    pub exact_source: &'static str,

    // Estimates.
    pub estimate_title: fn(&str) -> String,
    /// (n, first month, last month, median, p90) → summary.
    pub estimate_summary: fn(&str, &str, &str, &str) -> String,
    /// Appended to an estimate's method: why it gives no spread, and where the effect of the
    /// assumed start is said.
    pub estimate_spread_note: &'static str,
    /// "690 – 800 dagen".
    pub days_range: fn(&str, &str) -> String,
    /// Key figure: the median and mean with another assumed start (earliest, latest month).
    pub stat_other_origin: fn(&str, &str) -> String,
    pub other_origin_display: fn(&str, &str) -> String,
    /// Overview column of the median with another assumed start.
    pub col_other_origin: &'static str,
    /// Its header's explanation (earliest, latest month).
    pub col_other_origin_title: fn(&str, &str) -> String,
    pub stat_spread: &'static str,
    pub spread_not_estimable: &'static str,
    /// (entry measure, exit measure, measured error (median, mean) signed, on monthly series?) → method.
    pub estimate_method: fn(&str, &str, Option<(String, String)>, bool) -> String,
    pub estimate_source: &'static str,
    /// The 'publication' of an estimate: ours, from the publications in the source line.
    pub estimate_publication: &'static str,
    /// Follows the method note when the exit curve joins SodM's and NCG's completed tracks.
    pub estimate_joined: &'static str,

    // Trend.
    pub trend_title: fn(&str) -> String,
    /// (last quarter, its median, optional (a year earlier, its median), exact?) → summary.
    pub trend_summary: fn(&str, &str, Option<(String, String)>, bool) -> String,
    pub trend_method: &'static str,
    /// After `trend_method` where exact lead times are drawn (they have a 90th percentile; an
    /// estimate has none: a review read the clause under an estimate whose note says so).
    pub trend_method_p90: &'static str,
    pub series_median: &'static str,
    pub series_p90: &'static str,
    pub series_fifo: &'static str,
    pub series_little: &'static str,
    /// (wait, queue, exits per month) → point label.
    pub little_label: fn(&str, &str, &str) -> String,
    pub little_note: &'static str,
    /// Where a Little's-law point comes from (it said the first-in-first-out estimate's source).
    pub little_source: &'static str,

    // SodM table 2.4.
    pub means_title: &'static str,
    pub means_steps: [&'static str; 4],
    /// (350, 1.177) → series label.
    pub means_row_completed: fn(&str, &str) -> String,
    pub means_row_planvorming: &'static str,
    pub means_row_beoordeeld: &'static str,
    /// (total days, total years, o→b completed, o→b in planvorming, wait completed, wait in planvorming)
    pub means_summary: fn(&str, &str, &str, &str, &str, &str) -> String,
    /// After `means_summary` when the page shows the estimate from published figures (not with
    /// address data, where the top of the page is exact).
    pub means_vs_estimate: &'static str,
    /// Before SodM's means when the page shows a selection: they are of the whole area.
    pub means_whole_area: &'static str,
    pub means_method: &'static str,

    // Open cases.
    pub open_title: &'static str,
    /// Short fase names for the bar labels (phones): NCG's phases 1–5 of 2021.
    pub fase_short: [&'static str; 5],
    pub age_buckets: [&'static str; 4],
    /// (open cases, over three years) → summary.
    pub open_summary: fn(&str, &str) -> String,
    pub open_method: &'static str,
    pub open_hist_title: fn(&str) -> String,
    /// (n, reference date, median, over one year, over three years) → summary.
    pub open_hist_summary: fn(&str, &str, &str, &str, &str) -> String,

    // Validation table.
    pub validation_caption: &'static str,
    pub validation_intro: &'static str,
    pub validation_columns: [&'static str; 9],
}

pub const NL: DoorlooptijdenTexts = DoorlooptijdenTexts {
    title: "Doorlooptijden",
    lead: "Hoe lang duurt elke stap van de versterking, voor hoeveel adressen weten we dat, en hoe lang wachten de adressen die nog niet klaar zijn al?",
    months_short: "mnd",
    months_long: "maanden",
    days: |d, m| format!("{d} dagen ({m} mnd)"),
    coverage: |with, of| format!("{with} van {of}"),
    fase: "Fase",

    published_intro: "De NCG publiceert geen gegevens per adres. Zonder adresgegevens tonen we daarom de gemiddelden die SodM in 2020 publiceerde (tabel 2.4) en schattingen uit de gepubliceerde totalen. De echte verdeling per stap en de wachttijd van open dossiers vragen gegevens per adres.",
    invite_demo: "Bekijk de synthetische demonstratie",
    invite_or: "of",
    invite_load: "laad een eigen bronbestand op Data & bronnen",
    exact_intro: |file, n, date| format!("Exacte doorlooptijden, per adres berekend uit {file}: {n} {}, gegevens tot en met {date}.", one_or(n, "adres", "adressen")),
    address_loading: "Adresgegevens laden…",

    cohort_label: "Welke adressen",
    cohort_all_option: |date| format!("Alle gezette stappen t/m {date}"),
    cohort_sodm_option: "SodM-methode: trajecten afgerond op 17-07-2020 (tabel 2.4)",
    step_label: "Stap",
    fase_label: "Fase",
    filter_dorp: "Dorp",
    filter_cluster: "Cluster",

    section_steps: "Doorlooptijd per stap",
    section_trend: "Wordt het sneller?",
    section_sodm: "Wat SodM publiceerde",
    section_open: "Wachttijd van open dossiers",
    section_validation: "Hoe goed is de schatting?",
    open_needs_addresses: "De wachttijd van open dossiers vraagt gegevens per adres; de NCG publiceert die niet. Bekijk de synthetische demonstratie of laad een bronbestand.",

    col_step: "Stap",
    col_mean: "Gemiddelde (dagen)",
    col_median: "Mediaan (dagen)",
    col_p25: "Een kwart sneller dan",
    col_p75: "Een kwart langer dan",
    col_p90: "Eén op tien langer dan",
    overview_caption_all: |date| format!("Doorlooptijd per stap, alle gezette stappen t/m {date}"),
    overview_caption_sodm: "Doorlooptijd per stap volgens de SodM-methode: adressen met een afgerond traject op 17-07-2020 en alle datums van de keten",
    overview_caption_estimated: "Geschatte doorlooptijd per stap (schatting uit gepubliceerde totalen, met de aanname: wie eerst binnenkomt, is eerst klaar)",
    chain_total_label: "totaal over de keten (opname → gereed)",
    not_estimable_short: "niet te schatten",
    old_definition: |span, old| format!("{span} (oude definitie: {old})"),
    old_definition_mark: " (oude definitie)",
    not_estimable: "Voor deze stap zijn te weinig gepubliceerde cumulatieve cijfers (een stand op een peildatum plus aansluitende periodecijfers) om een schatting te maken. Kies een andere stap, of bekijk de synthetische demonstratie.",
    estimate_note: "De mediaan is de middelste waarde: de helft van de adressen deed er korter over, de helft langer. Kwartielen en ‘één op de tien’ geven we bij een schatting niet: deze methode maakt de spreiding te smal (de toelichting bij de grafiek zegt hoeveel). Eén maand = 30,44 dagen.",
    percentile_note: "De mediaan is de middelste waarde: de helft van de adressen deed er korter over, de helft langer. Tussen ‘een kwart sneller dan’ en ‘een kwart langer dan’ ligt de middelste helft; voor onderzoekers: dat zijn het 25e en 75e percentiel, ‘één op tien langer dan’ is het 90e, steeds tussen twee gesorteerde waarden in (zoals Excel PERCENTIEL.INC en R type 7). Eén maand = 30,44 dagen.",

    answer_heading: "In het kort",
    answer_whole: |n, w, d, y, est| format!("Het hele traject, van opname tot afgerond: de helft van de {n} adressen die {w} klaar waren, deed er langer over dan {d} dagen ({y} jaar){}.", if est { "; een schatting uit de gepubliceerde totalen" } else { "" }),
    years_word: "jaar",
    answer_bias: |d, m, high| format!("Getoetst op de demonstratiedata, waar het echte antwoord bekend is, kwam de mediaan van deze schatting {d} dagen ({m} maanden) te {} uit; hoe dat bij de echte cijfers is, is niet te meten.", if high { "hoog" } else { "laag" }),
    answer_other_start_again: |r| format!("Met een ander begin zoals hierboven: {r}."),
    answer_other_start: |r| format!("Begonnen de opnames die 'voor 2017' zijn geteld in januari 2013 of januari 2016, niet januari 2014 zoals wij aannemen, dan is dat {r}."),
    answer_step: |step, d, m| format!("De gekozen stap, {step}: de helft deed er langer over dan {d} dagen ({m} maanden)."),
    answer_between: |a, b| format!("tussen {a} en {b}"),
    answer_until: |d| format!("tot en met {d}"),
    answer_newest: |m| format!("De nieuwste schatting gaat over {m}: voor later heeft het archief niet beide tellingen die een schatting nodig heeft (hoeveel adressen een stap begonnen en hoeveel hem afrondden)."),
    answer_numbers: "Waarom er per stap meer getallen staan: de tabel geeft de mediaan (de middelste waarde) en het gemiddelde van een schatting; de gemiddelden van SodM verderop gaan over andere groepen adressen.",
    answer_numbers_exact: "De gemiddelden van SodM verderop gaan over de gepubliceerde cijfers van medio 2020, niet over de adressen in dit bestand.",

    stat_n: "Aantal adressen",
    stat_coverage: "Dekking",
    stat_mean: "Gemiddelde",
    stat_median: "Mediaan",
    stat_p25: "Een kwart was sneller dan",
    stat_p75: "Een kwart duurde langer dan",
    stat_p90: "Eén op de tien duurde langer dan",
    stat_within_6m: "Binnen 6 maanden",
    stat_negative: "Einddatum vóór begindatum (gemeld, niet getekend)",
    stat_window: "Afgerond in",
    stat_not_estimable: "Niet te koppelen (begin onbekend)",
    stat_negative_fifo: "Uitstroom vóór instroom (niet getekend)",
    stat_after_break: |d| format!("Na de definitiewijziging van {d} (niet geschat)"),
    estimate_break: |new, old, d| format!("'{new}' telt sinds {d} meer adressen dan '{old}' daarvoor: een andere definitie. Hoeveel adressen er bij de overgang in de nieuwe definitie waren, is niet gepubliceerd, dus de twee zijn niet aan elkaar te koppelen. We schatten daarom alleen wat vóór {d} door deze stap ging, in de oude definitie; wat erna komt, telt niet mee. Zo is de breuk niet doorgetrokken, net als op Trends."),
    stat_over_1y: "Langer dan 1 jaar",
    stat_over_2y: "Langer dan 2 jaar",
    stat_over_3y: "Langer dan 3 jaar",
    stat_without_entry: "Zonder startdatum (niet getekend)",
    stat_little: |d| format!("Ruwe controle op {d}: voorraad gedeeld door doorstroom (wet van Little; een gemiddelde, dat ook meetelt wie de stap nog lang niet verlaat, dus vaak hoger dan de mediaan)"),
    stats_caption: "Kerncijfers",

    x_months: "doorlooptijd in maanden",
    x_age_months: "wachttijd tot nu in maanden",
    y_addresses: "adressen",
    y_days: "dagen",
    line_median: "mediaan",
    line_p90: "1 op 10 langer dan",
    hist_title: |step| format!("Doorlooptijd {step}"),
    hist_summary: |n, median, p90, cov, neg| match neg {
        Some(x) => format!("De helft van de {n} adressen deed er {median} of korter over; één op de tien langer dan {p90}. Beide datums bekend: {cov}; {x} daarvan met een einde vóór het begin tellen niet mee."),
        None => format!("De helft van de {n} adressen deed er {median} of korter over; één op de tien langer dan {p90}. Beide datums bekend: {cov}."),
    },
    hist_method: |step, cohort| format!("Per adres het aantal dagen tussen de twee mijlpalen van de stap '{step}', voor {cohort} Alleen adressen met beide datums tellen mee; de dekking zegt voor hoeveel van de adressen die de stap zetten dat zo is. Een einddatum vóór de begindatum (invoerfout of teruggedraaide mijlpaal) wordt gemeld maar niet getekend. Staven per maand, kwartaal, half jaar of jaar; de laatste staaf is open ('≥') zodat de staart zichtbaar blijft. Percentielen: lineaire interpolatie tussen de gesorteerde waarden (Excel PERCENTIEL.INC, R type 7). Eén maand = 30,44 dagen. Onder gemeenteniveau (dorp, cluster): × = verborgen: minder dan 5 adressen, of verborgen zodat zo'n klein aantal niet uit het totaal terug te rekenen is."),
    cohort_all_text: |date| format!("alle adressen die de stap tot en met {date} zetten."),
    cohort_sodm_text: "de adressen waarvan het hele traject op 17 juli 2020 was afgerond, zoals SodM in tabel 2.4: alleen adressen met alle datums van opname, beoordeling, planvorming en gereed, in de goede volgorde (bij SodM 350 van de 1.177). Zo tellen de stappen op tot het totaal.",
    exact_source: "per adres berekend uit het bronbestand",

    estimate_title: |step| format!("Geschatte doorlooptijd {step}"),
    estimate_summary: |n, from, to, median| format!("Schatting voor {n} adressen die de stap tussen {from} en {to} afrondden: de helft binnen {median}. In werkelijkheid lopen de adressen verder uiteen dan de staven laten zien."),
    estimate_spread_note: "Hoe ver de adressen uiteenlopen, kan deze methode niet schatten: wie een ander inhaalt, ziet zij niet. Getoetst op de demonstratiedata met alleen de peildata van de gepubliceerde cijfers was de afstand van het 25e tot het 90e percentiel in de schatting bij elke stap minder dan de helft van de echte. Daarom geven we alleen de mediaan en het gemiddelde, geen kwartielen of 'één op de tien'. Waar de schatting rust op de cijfers 'voor 2017', staat bij de kerncijfers hoeveel die twee verschuiven als die cijfers in januari 2013 of januari 2016 beginnen in plaats van januari 2014.",
    days_range: |a, b| format!("{a} – {b} dagen"),
    stat_other_origin: |a, b| format!("Als 'voor 2017' begon in {a} of {b} (niet januari 2014)"),
    other_origin_display: |median, mean| format!("mediaan {median}, gemiddelde {mean}"),
    col_other_origin: "Mediaan bij ander begin (dagen)",
    col_other_origin_title: |a, b| format!("De mediaan als de cijfers 'voor 2017' in {a} of {b} beginnen, niet in januari 2014 (onze aanname)"),
    stat_spread: "Spreiding (kwartielen, één op de tien)",
    spread_not_estimable: "niet te schatten uit totalen",
    estimate_method: |entry, exit, err, monthly| {
        let test = match err {
            Some((m, a)) => format!(
                "Getoetst op de synthetische demonstratiedata, waar het echte antwoord bekend is, {}: de geschatte mediaan week {m} dagen af van de echte en het gemiddelde {a} dagen (schatting min werkelijk).",
                if monthly { "op de maandreeksen die uit het bestand zijn afgeleid" } else { "met alleen de peildata van de gepubliceerde cijfers" }
            ),
            None => "Voor deze stap is de schatting niet getoetst: de gepubliceerde cijfers volstaan er niet voor.".to_string(),
        };
        format!("Schatting, geen gemeten doorlooptijd. De NCG publiceert geen data per adres. We schatten de doorlooptijd daarom uit twee cumulatieve reeksen, '{entry}' en '{exit}', met de aanname dat adressen een stap verlaten in de volgorde waarin ze binnenkwamen (first-in-first-out): het k-de adres dat '{exit}' bereikte, hoort bij het k-de dat '{entry}' bereikte, en de doorlooptijd is de horizontale afstand tussen de twee lijnen. Tussen de bekende punten trekken we rechte lijnen (gelijkmatige instroom binnen elke periode); cijfers 'voor 2017' laten we op 1 januari 2014 bij nul beginnen, en afrondingen vóór het eerste echte punt schatten we niet. De methode ziet niet: adressen die anderen inhalen (voorrang, batches), adressen die een stap overslaan (afgerond zonder planvorming, bijvoorbeeld op norm na herbeoordeling), teruggedraaide of later geregistreerde mijlpalen (zoals de dataschoning van november 2020) en adressen die later aan de opgave zijn toegevoegd. Als controle staat bij de trend de wet van Little: het aantal adressen tussen de twee mijlpalen gedeeld door het aantal afrondingen per dag in het jaar ervoor. {test}")
    },
    estimate_source: "schatting first-in-first-out uit cumulatieve reeksen",
    estimate_publication: "Versterkingsmonitor, berekend uit de publicaties in de bronregel",
    estimate_joined: "Voor 'afgerond' zijn twee reeksen achter elkaar gezet: 'Uitvoering gereed (SodM)' tot juli 2020 en daarna 'Versterkingstraject afgerond' van NCG. Ze tellen hetzelfde moment, het einde van het traject (ook voor een adres dat na beoordeling op norm bleek), en hun standen sluiten aan: 1.128 bij NCG op 31 mei 2020, 1.177 bij SodM op 17 juli 2020. Op Trends staan ze als aparte lijnen, per uitgever.",

    trend_title: |step| format!("Doorlooptijd {step} per kwartaal van afronding"),
    trend_summary: |q, m, earlier, exact| {
        let what = if exact { "" } else { "naar schatting " };
        match earlier {
            Some((p, e)) => format!("Wie de stap in het {q} afrondde, deed er {what}{m} over (mediaan); in het {p} was dat {e}."),
            None => format!("Wie de stap in het {q} afrondde, deed er {what}{m} over (mediaan)."),
        }
    },
    trend_method_p90: "Uit gegevens per adres staat ook het 90e percentiel erbij: één op de tien duurde langer.",
    trend_method: "Elke stip is een kwartaal: de adressen die de stap in dat kwartaal afrondden, met hun mediane doorlooptijd. Kwartalen met minder dan 5 afrondingen laten we weg. De losse punten zijn de gemiddelden die SodM publiceerde (tabel 2.4, vermoedelijk stand 17 juli 2020) voor groepen naar hun fase medio 2020: afgerond, in planvorming, beoordeeld — geen kwartaalcijfers, maar ze laten zien dat opname → beoordeling korter werd (580 → 426 dagen) terwijl het wachten na de beoordeling veertien keer zo lang werd (43 → 575). De wet van Little tonen we alleen waar hij hooguit twee keer zo groot is als de hoogste andere waarde in de grafiek: daarboven bestaat de voorraad vooral uit adressen die deze stap niet (of nog lang niet) verlaten, bijvoorbeeld omdat ze aan de norm voldoen, en zegt hij niets over de doorlooptijd. De schattingen beginnen bij het eerste gepubliceerde cijfer van beide reeksen: daarvoor zouden ze alleen op onze aanname rusten dat een aantal 'voor 2017' op 1 januari 2014 bij nul begint. Ook de punten van 2017 rusten er nog deels op: wie toen een stap afrondde, begon er meestal vóór 2017 aan; de wet van Little pas vanaf eind 2017 niet meer.",
    series_median: "mediaan",
    series_p90: "één op de tien duurde langer dan",
    series_fifo: "mediaan, geschat (wie eerst binnenkomt, is eerst klaar)",
    series_little: "wet van Little (schatting)",
    little_label: |w, q, x| format!("{w}: {q} adressen tussen de mijlpalen, {x} afrondingen per maand"),
    little_source: "schatting met de wet van Little uit cumulatieve reeksen",
    little_note: "Wet van Little: voorraad ÷ doorstroom van het jaar ervoor; ruwe controle, geen gemeten doorlooptijd.",

    means_title: "Gemiddelde doorlooptijd volgens SodM (tabel 2.4, vermoedelijk 17 juli 2020)",
    means_steps: ["opname → beoordeling", "beoordeling → planvorming", "planvorming → gereed", "totaal"],
    means_row_completed: |n, of| format!("Traject afgerond (n = {n} van {of})"),
    means_row_planvorming: "In planvorming medio 2020 (nog niet klaar)",
    means_row_beoordeeld: "Beoordeeld medio 2020 (nog niet klaar)",
    means_summary: |total, years, ob_done, ob_now, w_done, w_now| format!("Voor afgeronde trajecten duurde de hele versterking gemiddeld {total} dagen ({years} jaar). Wie medio 2020 in planvorming zat, wachtte korter op de beoordeling ({ob_now} tegen {ob_done} dagen), maar daarna veel langer op de planvorming: {w_now} tegen {w_done} dagen."),
    means_whole_area: "Hele gebied, niet de selectie: SodM publiceerde deze gemiddelden niet per gemeente of ander deel.",
    means_vs_estimate: "Het hele traject duurt hier korter dan in de schatting bovenaan deze pagina, ook voor trajecten die vanaf 2018 klaar waren. Waarom, is uit de publicaties niet vast te stellen: dit gemiddelde telt alleen de adressen waarvan SodM alle data kon herleiden, de schatting telt alle afgeronde adressen, neemt aan dat wie eerst binnenkomt eerst klaar is, en haar vroegste cijfers rusten deels op een aanname.",
    means_method: "Zoals gepubliceerd door SodM (Voortgangsrapportage 2019-2020, tabel 2.4) uit een bronbestand van de NCG, vermoedelijk dat van 17 juli 2020 (de tabel noemt geen datum). Alleen gemiddelden, geen medianen of spreiding. De eerste rij is berekend op de 350 van de 1.177 afgeronde adressen waarvan alle datums bekend waren. De andere rijen waren nog niet klaar: hun totaal is de som van de stappen die ze hadden afgerond, zonder de tijd daarna. Voor wie in planvorming zat is 1.001 dagen dus de tijd van opname tot het begin van de planvorming (426 + 575), niet hoe lang het traject toen al liep. SodM drukt als totaal ook 3,4 en 2,8 jaar af; 1.209 en 1.001 dagen zijn 3,3 en 2,7 jaar.",

    open_title: "Hoe lang wachten de open dossiers al, per fase?",
    fase_short: ["Fase 1: start", "Fase 2: opname", "Fase 3: beoordeling", "Fase 4: advies", "Fase 5: uitvoering"],
    age_buckets: ["korter dan 1 jaar", "1 tot 2 jaar", "2 tot 3 jaar", "3 jaar of langer"],
    open_summary: |open, over3| format!("{open} adressen zijn nog niet klaar; {over3} daarvan staan al 3 jaar of langer in hun huidige fase."),
    open_method: "Per adres dat nog niet klaar is: het aantal dagen sinds het zijn huidige fase binnenkwam (de eerste mijlpaal van die fase; fase 1: de dag dat het aan de werkvoorraad werd toegevoegd), op de peildatum. Fasen zoals de NCG ze in 2021 indeelde. Adressen zonder bekende startdatum tellen we apart. Zoals het IMG openstaande dossiers naar leeftijd toont. Onder gemeenteniveau: × = verborgen: minder dan 5 adressen.",
    open_hist_title: |fase| format!("Wachttijd tot nu: {fase}"),
    open_hist_summary: |n, date, median, over1, over3| format!("Op {date} stonden {n} adressen in deze fase, de helft al {median} of langer; {over1} langer dan een jaar, {over3} langer dan drie jaar."),

    validation_caption: "De schatting (first-in-first-out op de afgeleide maandreeksen) naast het echte antwoord uit de synthetische adressen, in dagen; de laatste twee kolommen: dezelfde toets met alleen de peildata van de gepubliceerde cijfers",
    validation_intro: "In de synthetische data is de echte doorlooptijd van elk adres bekend. Zo kunnen we meten hoe ver de schatting uit totalen ernaast zit — de schatting die we zonder adresgegevens tonen.",
    validation_columns: ["Stap (mijlpalen)", "Mediaan echt", "Mediaan schatting", "Verschil mediaan", "Gemiddelde echt", "Gemiddelde schatting", "Verschil gemiddelde", "Verschil mediaan, alleen gepubliceerde peildata", "Verschil gemiddelde, alleen gepubliceerde peildata"],
};

pub const EN: DoorlooptijdenTexts = DoorlooptijdenTexts {
    title: "Lead times",
    lead: "How long does each step of the reinforcement take, for how many addresses do we know, and how long have the addresses that are not finished been waiting?",
    months_short: "mo",
    months_long: "months",
    days: |d, m| format!("{d} days ({m} mo)"),
    coverage: |with, of| format!("{with} of {of}"),
    fase: "Phase",

    published_intro: "NCG does not publish figures per address. Without address data we therefore show the means SodM published in 2020 (table 2.4) and estimates from the published totals. The real distribution per step and the waiting time of open cases need data per address.",
    invite_demo: "View the synthetic demonstration",
    invite_or: "or",
    invite_load: "load your own source file on Data & sources",
    exact_intro: |file, n, date| format!("Exact lead times, computed per address from {file}: {n} {}, data up to {date}.", one_or(n, "address", "addresses")),
    address_loading: "Loading address data…",

    cohort_label: "Which addresses",
    cohort_all_option: |date| format!("All steps taken up to {date}"),
    cohort_sodm_option: "SodM's method: tracks completed on 17 Jul 2020 (table 2.4)",
    step_label: "Step",
    fase_label: "Phase",
    filter_dorp: "Village",
    filter_cluster: "Cluster",

    section_steps: "Lead time per step",
    section_trend: "Is it getting faster?",
    section_sodm: "What SodM published",
    section_open: "Waiting time of open cases",
    section_validation: "How good is the estimate?",
    open_needs_addresses: "The waiting time of open cases needs data per address; NCG does not publish it. View the synthetic demonstration or load a source file.",

    col_step: "Step",
    col_mean: "Mean (days)",
    col_median: "Median (days)",
    col_p25: "A quarter faster than",
    col_p75: "A quarter longer than",
    col_p90: "One in ten longer than",
    overview_caption_all: |date| format!("Lead time per step, all steps taken up to {date}"),
    overview_caption_sodm: "Lead time per step by SodM's method: addresses whose track was completed on 17 Jul 2020, with every date of the chain",
    overview_caption_estimated: "Estimated lead time per step (estimate from published totals, assuming first in, first out)",
    chain_total_label: "total over the chain (inspection → finished)",
    not_estimable_short: "cannot be estimated",
    old_definition: |span, old| format!("{span} (old definition: {old})"),
    old_definition_mark: " (old definition)",
    not_estimable: "For this step there are too few published cumulative figures (a stock on a reference date plus adjoining period figures) to make an estimate. Choose another step, or view the synthetic demonstration.",
    estimate_note: "The median is the middle value: half of the addresses took less time, half took longer. Quartiles and ‘one in ten’ are not given for an estimate: this method makes the spread too narrow (the chart's method note says by how much). One month = 30.44 days.",
    percentile_note: "The median is the middle value: half of the addresses took less time, half took longer. Between ‘a quarter faster than’ and ‘a quarter longer than’ lies the middle half; for researchers: these are the 25th and 75th percentiles, ‘one in ten longer than’ is the 90th, each interpolated linearly between the sorted values (as Excel PERCENTILE.INC and R type 7). One month = 30.44 days.",

    answer_heading: "In short",
    answer_whole: |n, w, d, y, est| format!("The whole track, from inspection to completed: half of the {n} addresses completed {w} took longer than {d} days ({y} years){}.", if est { "; an estimate from the published totals" } else { "" }),
    years_word: "years",
    answer_bias: |d, m, high| format!("Tested on the demonstration data, where the real answer is known, the median of this estimate came out {d} days ({m} months) too {}; how that is for the real figures cannot be measured.", if high { "high" } else { "low" }),
    answer_other_start_again: |r| format!("With another start as above: {r}."),
    answer_other_start: |r| format!("Had the inspections counted 'before 2017' begun in January 2013 or January 2016, not January 2014 as we assume, that would be {r}."),
    answer_step: |step, d, m| format!("The chosen step, {step}: half took longer than {d} days ({m} months)."),
    answer_between: |a, b| format!("between {a} and {b}"),
    answer_until: |d| format!("up to {d}"),
    answer_newest: |m| format!("The newest estimate covers {m}: for later months the archive lacks the two counts an estimate needs (how many addresses started a step and how many completed it)."),
    answer_numbers: "Why each step has several numbers: the table gives the median (the middle value) and the mean of an estimate; SodM's means further down are of other groups of addresses.",
    answer_numbers_exact: "SodM's means further down are of the published figures of mid-2020, not of the addresses in this file.",

    stat_n: "Addresses",
    stat_coverage: "Coverage",
    stat_mean: "Mean",
    stat_median: "Median",
    stat_p25: "A quarter were faster than",
    stat_p75: "A quarter took longer than",
    stat_p90: "One in ten took longer than",
    stat_within_6m: "Within 6 months",
    stat_negative: "End dated before start (reported, not drawn)",
    stat_window: "Completed in",
    stat_not_estimable: "Could not be matched (start unknown)",
    stat_negative_fifo: "Exit before entry (not drawn)",
    stat_after_break: |d| format!("After the change of definition on {d} (not estimated)"),
    estimate_break: |new, old, d| format!("Since {d}, '{new}' counts more addresses than '{old}' did before: another definition. How many addresses the new definition held at the change is not published, so the two cannot be joined. We therefore estimate only what passed this step before {d}, under the old definition; what comes after is left out. The break is not joined, as on Trends."),
    stat_over_1y: "Longer than 1 year",
    stat_over_2y: "Longer than 2 years",
    stat_over_3y: "Longer than 3 years",
    stat_without_entry: "No start date (not drawn)",
    stat_little: |d| format!("Rough check on {d}: stock divided by throughput (Little's law; an average that also counts those who will not leave the step for a long time, so often higher than the median)"),
    stats_caption: "Key figures",

    x_months: "lead time in months",
    x_age_months: "waiting so far, in months",
    y_addresses: "addresses",
    y_days: "days",
    line_median: "median",
    line_p90: "1 in 10 longer than",
    hist_title: |step| format!("Lead time {step}"),
    hist_summary: |n, median, p90, cov, neg| match neg {
        Some(x) => format!("Half of the {n} addresses took {median} or less; one in ten took longer than {p90}. Both dates known: {cov}; {x} of them, ending before their start, do not count."),
        None => format!("Half of the {n} addresses took {median} or less; one in ten took longer than {p90}. Both dates known: {cov}."),
    },
    hist_method: |step, cohort| format!("Per address the number of days between the two milestones of the step '{step}', for {cohort} Only addresses with both dates count; the coverage says for how many of the addresses that took the step that is the case. An end dated before the start (entry error or a milestone taken back) is reported but not drawn. Bars per month, quarter, half year or year; the last bar is open ('≥') so the tail stays visible. Percentiles: linear interpolation between the sorted values (Excel PERCENTILE.INC, R type 7). One month = 30.44 days. Below municipality level (village, cluster): × = hidden: fewer than 5 addresses, or hidden so that such a small number cannot be worked out from the total."),
    cohort_all_text: |date| format!("all addresses that took the step up to {date}."),
    cohort_sodm_text: "the addresses whose whole track was completed on 17 July 2020, as SodM in table 2.4: only addresses with every date of inspection, assessment, planning and finished, in the right order (350 of the 1,177 at SodM). That way the steps add up to the total.",
    exact_source: "computed per address from the source file",

    estimate_title: |step| format!("Estimated lead time {step}"),
    estimate_summary: |n, from, to, median| format!("Estimate for {n} addresses that completed the step between {from} and {to}: half within {median}. In reality the addresses spread out further than the bars show."),
    estimate_spread_note: "How far the addresses spread out, this method cannot estimate: it does not see addresses overtaking others. Tested on the demonstration data with only the dates of the published figures, the estimate's distance from the 25th to the 90th percentile was less than half the real one for every step. So we give only the median and the mean, no quartiles or 'one in ten'. Where the estimate rests on the figures 'before 2017', the key figures say how far those two move when these figures start in January 2013 or January 2016 instead of January 2014.",
    days_range: |a, b| format!("{a} – {b} days"),
    stat_other_origin: |a, b| format!("If 'before 2017' began in {a} or {b} (not January 2014)"),
    other_origin_display: |median, mean| format!("median {median}, mean {mean}"),
    col_other_origin: "Median, other start (days)",
    col_other_origin_title: |a, b| format!("The median if the figures 'before 2017' start in {a} or {b}, not in January 2014 (our assumption)"),
    stat_spread: "Spread (quartiles, one in ten)",
    spread_not_estimable: "cannot be estimated from totals",
    estimate_method: |entry, exit, err, monthly| {
        let test = match err {
            Some((m, a)) => format!(
                "Tested on the synthetic demonstration data, where the real answer is known, {}: the estimated median differed by {m} days from the real one and the mean by {a} days (estimate minus real).",
                if monthly { "on the monthly series derived from the file" } else { "using only the reference dates of the published figures" }
            ),
            None => "For this step the estimate was not tested: the published figures do not suffice.".to_string(),
        };
        format!("An estimate, not a measured lead time. NCG publishes no data per address. We therefore estimate the lead time from two cumulative series, '{entry}' and '{exit}', assuming addresses leave a step in the order they entered it (first-in-first-out): the k-th address to reach '{exit}' is matched to the k-th to reach '{entry}', and the lead time is the horizontal distance between the two lines. Between the known points we draw straight lines (even arrivals within each period); figures 'before 2017' start from zero on 1 January 2014, and completions before the first real point are not estimated. The method cannot see: addresses overtaking others (priority, batches), addresses that skip a step (completed without planning, for example meeting the norm after reassessment), milestones taken back or registered later (such as NCG's data cleaning of November 2020), and addresses added to the operation later. As a check the trend shows Little's law: the addresses between the two milestones divided by the completions per day in the year before. {test}")
    },
    estimate_source: "first-in-first-out estimate from cumulative series",
    estimate_publication: "Versterkingsmonitor, computed from the publications in the source line",
    estimate_joined: "For 'completed' two series are put one after the other: 'Works completed (SodM)' up to July 2020 and then NCG's 'Reinforcement track completed'. They count the same moment, the end of the track (also for an address found to meet the norm after assessment), and their levels meet: 1,128 at NCG on 31 May 2020, 1,177 at SodM on 17 July 2020. On Trends they are separate lines, one per publisher.",

    trend_title: |step| format!("Lead time {step} by quarter of completion"),
    trend_summary: |q, m, earlier, exact| {
        let what = if exact { "" } else { "an estimated " };
        match earlier {
            Some((p, e)) => format!("Addresses completing the step in {q} took {what}median {m}; in {p} it was {e}."),
            None => format!("Addresses completing the step in {q} took {what}median {m}."),
        }
    },
    trend_method_p90: "From address data the 90th percentile is shown too: one in ten took longer.",
    trend_method: "Each dot is a quarter: the addresses that completed the step in that quarter, with their median lead time. Quarters with fewer than 5 completions are left out. The separate points are the means SodM published (table 2.4, probably as of 17 July 2020) for groups by their phase in mid-2020: completed, in planning, assessed — not quarterly figures, but they show that inspection → assessment got shorter (580 → 426 days) while the wait after the assessment became fourteen times as long (43 → 575). Little's law is shown only where it is at most twice the largest other value in the chart: above that the stock mostly holds addresses that will not leave through this step (soon), for example because they meet the norm, and it says nothing about the lead time. The estimates start at the first published figure of both series: before it they would rest only on our assumption that a count 'before 2017' starts from zero on 1 January 2014. The points of 2017 still rest on it in part: who completed a step then mostly began it before 2017; Little's law no longer does from the end of 2017.",
    series_median: "median",
    series_p90: "one in ten took longer than",
    series_fifo: "median, estimated (first in, first out)",
    series_little: "Little's law (estimate)",
    little_label: |w, q, x| format!("{w}: {q} addresses between the milestones, {x} completions per month"),
    little_source: "Little's law estimate from cumulative series",
    little_note: "Little's law: stock ÷ throughput of the year before; a rough check, not a measured lead time.",

    means_title: "Mean lead time according to SodM (table 2.4, probably 17 July 2020)",
    means_steps: ["inspection → assessment", "assessment → planning", "planning → finished", "total"],
    means_row_completed: |n, of| format!("Track completed (n = {n} of {of})"),
    means_row_planvorming: "In planning in mid-2020 (not done yet)",
    means_row_beoordeeld: "Assessed in mid-2020 (not done yet)",
    means_summary: |total, years, ob_done, ob_now, w_done, w_now| format!("For completed tracks the whole reinforcement took {total} days on average ({years} years). Those in planning in mid-2020 waited less for their assessment ({ob_now} against {ob_done} days), but then much longer for planning: {w_now} against {w_done} days."),
    means_whole_area: "Whole area, not the selection: SodM did not publish these means per gemeente or other part.",
    means_vs_estimate: "The whole track is shorter here than in the estimate at the top of this page, also for tracks completed from 2018 on. Why, the publications do not tell: this mean counts only the addresses whose dates SodM could all trace, while the estimate counts all completed addresses, assumes first in, first done, and its earliest figures rest partly on an assumption.",
    means_method: "As published by SodM (progress report 2019-2020, table 2.4) from an NCG source file, probably that of 17 July 2020 (the table gives no date). Means only, no medians or spread. The first row was computed on the 350 of the 1,177 completed addresses whose dates were all known. The other rows were not done yet: their total is the sum of the steps they had completed, without the time after. For those in planning, 1,001 days is therefore the time from inspection to the start of planning (426 + 575), not how long the track had been running by then. SodM also prints 3.4 and 2.8 years as totals; 1,209 and 1,001 days are 3.3 and 2.7 years.",

    open_title: "How long have open cases been waiting, per phase?",
    fase_short: ["Phase 1: start", "Phase 2: inspection", "Phase 3: assessment", "Phase 4: advice", "Phase 5: execution"],
    age_buckets: ["under 1 year", "1 to 2 years", "2 to 3 years", "3 years or more"],
    open_summary: |open, over3| format!("{open} addresses are not finished; {over3} of them have been in their current phase for 3 years or more."),
    open_method: "For every address that is not finished: the days since it entered its current phase (the first milestone of that phase; phase 1: the day it was added to the caseload), on the reference date. Phases as NCG defined them in 2021. Addresses without a known start date are counted apart. As IMG shows open cases by age. Below municipality level: × = hidden: fewer than 5 addresses.",
    open_hist_title: |fase| format!("Waiting so far: {fase}"),
    open_hist_summary: |n, date, median, over1, over3| format!("On {date}, {n} addresses were in this phase, half of them for {median} or longer; {over1} longer than a year, {over3} longer than three years."),

    validation_caption: "The estimate (first-in-first-out on the derived monthly series) next to the real answer from the synthetic addresses, in days; the last two columns: the same test using only the reference dates of the published figures",
    validation_intro: "In the synthetic data the real lead time of every address is known. That lets us measure how far off the estimate from totals is — the estimate we show without address data.",
    validation_columns: ["Step (milestones)", "Median real", "Median estimate", "Difference median", "Mean real", "Mean estimate", "Difference mean", "Difference median, published dates only", "Difference mean, published dates only"],
};

#[cfg(test)]
mod plain_words {
    use super::*;

    /// Regression (a resident's review of Doorlooptijden): the overview's columns, the key figures
    /// under a histogram, its line and the trend's series said "25e percentiel", "75e percentiel",
    /// "90e percentiel" and "p90". They now say what it means ("een kwart was sneller dan", "één op
    /// de tien duurde langer dan"); the precise term is kept once, in the method note.
    #[test]
    fn a_resident_reads_no_percentiles() {
        for t in [&NL, &EN] {
            for s in [t.col_p25, t.col_p75, t.col_p90, t.stat_p25, t.stat_p75, t.stat_p90, t.line_p90, t.series_p90, t.line_median, t.series_median] {
                let l = s.to_lowercase();
                assert!(!["percentiel", "percentile", "p25", "p75", "p90", "kwartiel", "quartile"].iter().any(|w| l.contains(w)), "{s}");
            }
            assert!(t.percentile_note.contains("25") && (t.percentile_note.contains("percentiel") || t.percentile_note.contains("percentile")), "{}", t.percentile_note);
        }
        assert!(NL.stat_p25.starts_with("Een kwart") && EN.stat_p90.starts_with("One in ten"));
    }
}
