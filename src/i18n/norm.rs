//! Texts of the "voldoet aan de veiligheidsnorm" chart.

pub struct NormTexts {
    pub title: &'static str,
    pub addresses: &'static str,
    pub method: &'static str,
    /// (date, meeting the norm, werkvoorraad, share, optional (earlier date, earlier value))
    pub summary: fn(&str, &str, &str, &str, Option<(String, String)>) -> String,
}

pub const NL: NormTexts = NormTexts {
    title: "Adressen die aan de veiligheidsnorm voldoen",
    addresses: "adressen",
    method: "Elke stip is een stand op een peildatum zoals de NCG die publiceerde. Meldt een latere publicatie een andere waarde voor dezelfde datum, dan tonen we standaard de laatste stand. 'Voldoet aan de norm' is de som van drie gepubliceerde delen: versterkt of nieuw opgeleverd, op norm na beoordeling, en andere reden. Deze maat bestaat pas sinds 2022.",
    summary: |date, norm, wv, share, earlier| match earlier {
        Some((d, v)) => format!("Op {date} voldeden {norm} van de {wv} adressen ({share}) aan de veiligheidsnorm, tegen {v} op {d}."),
        None => format!("Op {date} voldeden {norm} van de {wv} adressen ({share}) aan de veiligheidsnorm."),
    },
};

pub const EN: NormTexts = NormTexts {
    title: "Addresses that meet the safety norm",
    addresses: "addresses",
    method: "Each dot is a stock on a reference date as published by NCG. When a later publication reports a different value for the same date, we show the latest by default. 'Meets the norm' is the sum of three published parts: reinforced or newly built, meets the norm after assessment, and other reason. This measure exists only since 2022.",
    summary: |date, norm, wv, share, earlier| match earlier {
        Some((d, v)) => format!("On {date}, {norm} of {wv} addresses ({share}) met the safety norm, compared with {v} on {d}."),
        None => format!("On {date}, {norm} of {wv} addresses ({share}) met the safety norm."),
    },
};
