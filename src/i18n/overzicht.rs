//! Texts of the Overzicht view: the three answers, the latest publication and what changed.

/// (publisher, days, years, n measured, completed in total, date, the date assumed because the
/// source gives none, the years as the source printed them where they differ from ours) → the
/// lead-time sentence.
pub type LeadSentence = fn(&str, &str, &str, Option<&str>, Option<&str>, &str, bool, Option<&str>) -> String;

pub struct OverzichtTexts {
    pub title: &'static str,
    pub intro: &'static str,
    pub answers_heading: &'static str,
    pub q_trend: &'static str,
    pub q_lead: &'static str,
    pub q_rest: &'static str,
    pub trend_link: &'static str,
    pub lead_link: &'static str,
    pub rest_link: &'static str,
    /// (k, default dispersion)
    pub trend_rule: fn(&str, &str) -> String,
    /// (previous period, previous rate)
    pub arrow_up: fn(&str, &str) -> String,
    pub arrow_down: fn(&str, &str) -> String,
    pub arrow_flat: fn(&str, &str) -> String,
    /// (series label in lower case, period)
    pub trend_figure_label: fn(&str, &str) -> String,
    pub trend_definition: &'static str,
    /// Why the pace fell from an earlier period that cannot come back: (period, gain in 'op norm',
    /// date, left to assess).
    /// (period, gain, from, to, date, left): the gain between two stands around the period.
    pub trend_why_lower: fn(&str, &str, &str, &str, &str, &str) -> String,
    /// (period, target, realised, percentage, the source's remark on the target) → the sentence that
    /// sets the latest count beside the target or expectation for the same period.
    pub trend_target: fn(&str, &str, &str, &str, &str) -> String,
    pub no_answer: &'static str,
    pub lead_method: &'static str,
    pub lead_sentence: LeadSentence,
    pub lead_running: fn(&str, &str) -> String,
    pub lead_later: &'static str,
    /// (n, first month, last month, median years, range of years with another assumed start) →
    /// the Doorlooptijden estimate of the whole track, in place of `lead_later`.
    pub lead_estimate: fn(&str, &str, &str, &str, Option<&str>) -> String,
    /// Why the estimate differs from SodM's mean: under "Hoe is dit berekend?". (The estimate's
    /// error on the demonstration, in months, from `i18n::doorlooptijden::VALIDATION`.)
    pub lead_later_why: fn(&str) -> String,
    pub years: fn(&str) -> String,
    pub lead_figure_label: fn(&str, &str, bool) -> String,
    pub rest_figure_label: fn(&str) -> String,
    pub method_label: &'static str,
    /// Over the answer that holds an estimate: its figure is published arithmetic (11.117 =
    /// 27.713 − 16.596), the forecast under it is the estimate (the badge said only "Schatting").
    pub estimate_badge: &'static str,
    pub latest_heading: &'static str,
    pub latest_intro: fn(&str, &str, &str) -> String,
    pub latest_link: &'static str,
    pub latest_caption: fn(&str, &str) -> String,
    pub changes_heading: &'static str,
    pub changes_intro: &'static str,
    pub changes_caption: &'static str,
    pub col_latest: &'static str,
    pub col_previous: &'static str,
    pub col_change: &'static str,
    pub col_pub_latest: &'static str,
    pub col_pub_previous: &'static str,
    pub not_comparable: &'static str,
    pub chart_heading: &'static str,
    pub chart_intro: &'static str,
}

pub const NL: OverzichtTexts = OverzichtTexts {
    title: "Overzicht",
    intro: "Drie vragen die bewoners stellen, beantwoord met de gepubliceerde cijfers. Elk antwoord zegt hoe het berekend is en linkt naar de grafiek erachter.",
    answers_heading: "Drie vragen",
    q_trend: "Worden er per maand meer of minder trajecten afgerond?",
    q_lead: "Hoe lang duurt een versterkingstraject?",
    q_rest: "Hoeveel is er nog te doen, en wanneer is het klaar?",
    trend_link: "Bekijk het aantal per maand",
    lead_link: "Naar de doorlooptijden",
    rest_link: "Bekijk de prognose",
    trend_rule: |k, phi| format!("Het aantal per maand is het gepubliceerde aantal van een periode gedeeld door het aantal maanden ervan (bij een jaar: gedeeld door 12). Regel: we vergelijken het gemiddelde per maand van de laatste 6 maanden met de 6 maanden daarvoor; zijn er geen maandcijfers, dan de laatste gepubliceerde periode met een even lange periode ervoor. Alleen een verschil van meer dan {k} keer de standaardfout noemen we duidelijk. De standaardfout volgt uit de schommeling van maand tot maand (zonder maandcijfers nemen we {phi} keer de toevalsschommeling van Poisson aan, zoals de maandcijfers van 2020-2021 laten zien)."),
    arrow_up: |p, r| format!("Duidelijk meer dan in {p} ({r} per maand)"),
    arrow_down: |p, r| format!("Duidelijk minder dan in {p} ({r} per maand)"),
    arrow_flat: |p, r| format!("Geen duidelijke verandering ten opzichte van {p} ({r} per maand)"),
    trend_figure_label: |label, period| format!("adressen per maand {label} in {period}"),
    trend_target: |p, t, r, pct, note| format!("Voor {p} was {t} voorzien; het werden er {r} ({pct}).{}", if note.is_empty() { String::new() } else { format!(" ({note})") }),
    trend_why_lower: |p, gain, from, to, date, left| format!("Waarom minder: {p} was hoog doordat veel adressen na hun beoordeling al aan de norm bleken te voldoen ({gain} erbij van {from} tot {to}); op {date} waren er nog maar {left} te beoordelen."),
    trend_definition: "'Afgerond' is hier: het adres voldoet aan de veiligheidsnorm (versterkt, nieuw gebouwd, of op norm na beoordeling). Zo telt NCG sinds 2022; eerdere definities ('traject afgerond', 'uitvoering gereed') staan apart in de trendgrafiek.",
    no_answer: "Hiervoor zijn (nog) geen cijfers gepubliceerd.",
    lead_method: "Gemiddelde uit SodM's voortgangsrapportage 2019-2020 (tabel 2.4): van opname tot versterking gereed, alleen voor adressen die het hele traject hadden doorlopen en waarvan de data te herleiden waren. Dagen gedeeld door 365,25 geeft jaren: 1.209 dagen is 3,3 jaar, waar SodM's tabel 3,4 jaar afdrukt (en 2,8 waar 1.001 dagen 2,7 jaar is); wij volgen de dagen. De tabel noemt geen peildatum: het rapport steunt 'met name' op het bronbestand van de NCG van 17 juli 2020 en zet er de 1.177 adressen naast die op die dag klaar waren (tabel 2.1), dus nemen wij die datum aan. Er is geen nieuwer gepubliceerd gemiddelde gevonden.",
    lead_sentence: |publisher, days, years, n, total, date, assumed, printed| {
        let printed = printed.map(|p| format!(" (in de bron staat {p} jaar)")).unwrap_or_default();
        let when = if assumed { format!("vermoedelijk stand {date}: de bron noemt bij dit cijfer geen datum, zie 'Hoe is dit berekend?'") } else { format!("stand {date}") };
        let who = match (n, total) {
            (Some(n), Some(t)) => format!(", berekend over {n} van de {t} adressen die klaar waren"),
            (Some(n), None) => format!(", berekend over {n} adressen"),
            _ => String::new(),
        };
        format!("Volgens {publisher} duurde een heel traject, van opname tot versterking gereed, gemiddeld {days} dagen: ongeveer {years} jaar{printed}{who} ({when}). Van de andere adressen waren de data niet te herleiden.")
    },
    lead_running: |days, years| format!("Dat is een gemiddelde over trajecten die al klaar waren. Adressen die toen in de planvorming zaten, hadden van opname tot het begin van de planvorming al gemiddeld {days} dagen ({years} jaar) nodig gehad, en waren nog niet klaar."),
    lead_later: "De weergave Doorlooptijden geeft per stap de mediaan en het gemiddelde, geschat uit de gepubliceerde totalen.",
    lead_estimate: |n, a, b, y, range| {
        let range = range.map(|r| format!(" ({r} jaar bij een ander aangenomen begin van de cijfers 'voor 2017')")).unwrap_or_default();
        format!("De weergave Doorlooptijden schat het hele traject uit de gepubliceerde totalen: de helft van de {n} adressen die tussen {a} en {b} klaar waren, deed er langer over dan {y} jaar{range}. Een schatting, geen gepubliceerd cijfer: ze komt hoger uit dan dit gemiddelde; waarom, staat onder 'Hoe is dit berekend?'.")
    },
    lead_later_why: |m| format!("De schatting op Doorlooptijden komt uit de gepubliceerde cijfers (exact met een bronbestand of de synthetische demo), en komt hoger uit dan dit gemiddelde, ook voor trajecten die vanaf 2018 klaar waren (de trend op die pagina geeft haar per kwartaal). Wat het verschil maakt, is uit de publicaties niet vast te stellen. Mogelijke redenen: dit gemiddelde telt alleen de adressen waarvan SodM alle data kon herleiden, de schatting neemt aan dat wie eerst binnenkomt eerst klaar is, en haar vroegste cijfers rusten deels op een aanname. Op de demonstratie getoetst lag de mediaan van de schatting bovendien {m} maanden te hoog."),
    years: |y| format!("{y} jaar"),
    lead_figure_label: |d, date, assumed| format!("gemiddeld ({d} dagen) van opname tot versterking gereed, {}stand {date}", if assumed { "vermoedelijk " } else { "" }),
    rest_figure_label: |d| format!("adressen voldeden op {d} nog niet aan de veiligheidsnorm"),
    method_label: "Hoe is dit berekend?",
    estimate_badge: "Hieronder een schatting, geen gepubliceerd cijfer",
    latest_heading: "De laatste publicatie",
    latest_intro: |title, publisher, date| format!("{title} ({publisher}, peildatum {date})."),
    latest_link: "Lees de publicatie bij de bron",
    latest_caption: |publisher, date| format!("Alle cijfers in de publicatie van {publisher}, peildatum {date}"),
    changes_heading: "Wat veranderde sinds de vorige publicatie?",
    changes_intro: "Per kerncijfer de twee laatste publicaties die het noemen. Een verschil staat er alleen als de twee cijfers vergelijkbaar zijn: allebei een stand op een datum, of allebei een aantal over een even lange periode.",
    changes_caption: "Kerncijfers in de laatste en de vorige publicatie die ze noemt",
    col_latest: "Laatste",
    col_previous: "Vorige",
    col_change: "Verschil",
    col_pub_latest: "Publicatie van de laatste",
    col_pub_previous: "Publicatie van de vorige",
    not_comparable: "andere periode",
    chart_heading: "Voldoet aan de veiligheidsnorm",
    chart_intro: "Sinds 2022 telt NCG hoeveel adressen aan de veiligheidsnorm voldoen. De grafiek hieronder toont die stand en de werkvoorraad; de trends per maand staan op de pagina Trends.",
};

pub const EN: OverzichtTexts = OverzichtTexts {
    title: "Overview",
    intro: "Three questions residents ask, answered with the published figures. Each answer says how it was computed and links to the chart behind it.",
    answers_heading: "Three questions",
    q_trend: "Are more or fewer tracks completed per month?",
    q_lead: "How long does a reinforcement track take?",
    q_rest: "How much is left to do, and when will it be done?",
    trend_link: "See the number per month",
    lead_link: "Go to lead times",
    rest_link: "See the forecast",
    trend_rule: |k, phi| format!("The number per month is the published number of a period divided by its months (for a year: divided by 12). Rule: we compare the average per month of the last 6 months with the 6 months before; without monthly figures, the last published period with an equally long period before it. Only a difference of more than {k} times the standard error counts as clear. The standard error follows from the month-to-month variation (without monthly figures we assume {phi} times Poisson chance variation, as the monthly figures of 2020-2021 show)."),
    arrow_up: |p, r| format!("Clearly more than in {p} ({r} per month)"),
    arrow_down: |p, r| format!("Clearly fewer than in {p} ({r} per month)"),
    arrow_flat: |p, r| format!("No clear change compared with {p} ({r} per month)"),
    trend_figure_label: |label, period| format!("addresses per month {label} in {period}"),
    trend_target: |p, t, r, pct, note| format!("For {p}, {t} were foreseen; there were {r} ({pct}).{}", if note.is_empty() { String::new() } else { format!(" ({note})") }),
    trend_why_lower: |p, gain, from, to, date, left| format!("Why fewer: {p} was high because many addresses turned out to meet the norm as soon as they were assessed ({gain} of them from {from} to {to}); on {date} only {left} were left to assess."),
    trend_definition: "'Completed' here means: the address meets the safety norm (reinforced, rebuilt, or meets the norm after assessment). This is how NCG counts since 2022; earlier definitions ('track completed', 'works completed') are separate series in the trend chart.",
    no_answer: "No figures have been published for this (yet).",
    lead_method: "Mean from SodM's progress report 2019-2020 (table 2.4): from inspection to reinforcement done, only for addresses that had gone through the whole track and whose dates could be traced. Days divided by 365.25 gives years: 1,209 days is 3.3 years, where SodM's table prints 3.4 (and 2.8 where 1,001 days is 2.7); we follow the days. The table gives no reference date: the report rests 'mainly' on NCG's source file of 17 July 2020 and sets beside it the 1,177 addresses that were done on that day (table 2.1), so we assume that date. No newer published mean was found.",
    lead_sentence: |publisher, days, years, n, total, date, assumed, printed| {
        let printed = printed.map(|p| format!(" (the source prints {p} years)")).unwrap_or_default();
        let when = if assumed { format!("probably as of {date}: the source gives no date for this figure, see 'How was this computed?'") } else { format!("as of {date}") };
        let who = match (n, total) {
            (Some(n), Some(t)) => format!(", computed over {n} of the {t} addresses that were done"),
            (Some(n), None) => format!(", computed over {n} addresses"),
            _ => String::new(),
        };
        format!("According to {publisher}, a whole track, from inspection to reinforcement done, took {days} days on average: about {years} years{printed}{who} ({when}). For the other addresses the dates could not be traced.")
    },
    lead_running: |days, years| format!("That is an average over tracks that were already done. Addresses then in planning had taken {days} days ({years} years) on average from inspection to the start of planning, and were not done yet."),
    lead_later: "The Lead times view gives the median and the mean per step, estimated from the published totals.",
    lead_estimate: |n, a, b, y, range| {
        let range = range.map(|r| format!(" ({r} years with another assumed start of the figures 'before 2017')")).unwrap_or_default();
        format!("The Lead times view estimates the whole track from the published totals: half of the {n} addresses completed between {a} and {b} took longer than {y} years{range}. An estimate, not a published figure: it comes out higher than this mean; why is under 'How was this computed?'.")
    },
    lead_later_why: |m| format!("The estimate on Lead times comes from the published figures (exact with a source file or the synthetic demo), and comes out higher than this mean, also for tracks completed from 2018 on (the trend on that page gives it per quarter). What makes the difference cannot be established from the publications. Possible reasons: this mean counts only the addresses whose dates SodM could all trace, the estimate assumes first in, first done, and its earliest figures rest partly on an assumption. Tested on the demonstration, the estimate's median was moreover {m} months too high."),
    years: |y| format!("{y} years"),
    lead_figure_label: |d, date, assumed| format!("on average ({d} days) from inspection to reinforcement done, {}as of {date}", if assumed { "probably " } else { "" }),
    rest_figure_label: |d| format!("addresses did not yet meet the safety norm on {d}"),
    method_label: "How was this computed?",
    estimate_badge: "Below: an estimate, not a published figure",
    latest_heading: "The latest publication",
    latest_intro: |title, publisher, date| format!("{title} ({publisher}, reference date {date})."),
    latest_link: "Read the publication at the source",
    latest_caption: |publisher, date| format!("Every figure in the publication of {publisher}, reference date {date}"),
    changes_heading: "What changed since the previous publication?",
    changes_intro: "For each headline figure, the two latest publications that mention it. A difference is given only when the two are comparable: both a level on a date, or both a number over an equally long period.",
    changes_caption: "Headline figures in the latest and the previous publication that mentions them",
    col_latest: "Latest",
    col_previous: "Previous",
    col_change: "Change",
    col_pub_latest: "Publication of the latest",
    col_pub_previous: "Publication of the previous",
    not_comparable: "other period",
    chart_heading: "Meets the safety norm",
    chart_intro: "Since 2022 NCG counts how many addresses meet the safety norm. The chart below shows that level and the caseload; the trends per month are on the Trends page.",
};
