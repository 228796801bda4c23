//! Where a figure or an event was found (the `source` of an observation or an event: "pagina
//! 'Resultaat maand/jaar' t/m 31-03-2021, tabel 'Resultaat 2021', rij 'Bouw gestart'", "SodM
//! 2019-2020 (document 000) L593-608 en L744-750") in the reader's language.
//!
//! Such a text is ours around the sources' own words: the titles and quotations between single
//! quotes are the sources' (Dutch, never translated, marked `lang="nl"` on the English page: see
//! [`parts`]); the words around them are ours and are English on the English page. (They were
//! Dutch there: "pagina", "tabel", "rij", "t/m", "en", "citeert", "Kamerbrief", "31 mei", read
//! out in a Dutch voice as well, as the whole text was marked Dutch.)

use super::Lang;

/// Our words in the archive's `source` texts and their English, longest first (a phrase before
/// the words in it). Only whole words outside quotations are replaced; a web address is left as it
/// is ("rtvnoord.nl/nieuws/713976").
const WORDS: &[(&str, &str)] = &[
    (
        "zoals overgenomen in de referentienotities van het project, zie docs/sources.md in de broncode; deze paginaversie is niet opnieuw ingezien",
        "as copied into the project's reference notes, see docs/sources.md in the source code; this version of the page was not consulted again",
    ),
    ("via de herindelingsscripts van", "via the municipal reorganisation scripts of"),
    ("eerste gevonden driedeling", "first three-way split found"),
    ("zelfde pagina, tekst onder de tabel", "same page, text below the table"),
    ("tekstversie infographic", "text version of the infographic"),
    ("Kamerbrief minister van BZK", "letter to parliament of the minister of BZK"),
    ("Kamerbrief", "letter to parliament"),
    ("Nieuwsbericht NCG", "NCG news item"),
    ("nieuwsbericht", "news item"),
    ("verdeling over de versterkingsfasen", "distribution over the reinforcement phases"),
    ("fase", "phase"),
    ("NCG-nieuws", "NCG news"),
    ("NCG-pagina Jaarverslag", "NCG page Annual report"),
    ("over het jaarverslag", "on the annual report"),
    ("over de NCG-jaarcijfers", "on NCG's annual figures"),
    ("citeert NCG-dashboard", "quotes the NCG dashboard"),
    ("citaat van NCG-eindresultaat", "quotation of NCG's final result"),
    ("citeert", "quotes"),
    ("geciteerd in", "quoted in"),
    ("Jaarcijfers", "Annual figures"),
    ("maandrapportage", "monthly report"),
    ("mijlpalen", "milestones"),
    ("Wet van", "Act of"),
    ("Tweede Kamer", "House of Representatives"),
    ("Evaluatie", "Evaluation"),
    ("kenmerk", "reference"),
    ("peildatum", "reference date"),
    ("kerncijfers", "key figures"),
    ("pagina", "page"),
    ("versie", "version"),
    ("tabel", "table"),
    ("rij", "row"),
    ("kolom", "column"),
    ("inleiding", "introduction"),
    ("kop", "headline"),
    ("tekst", "text"),
    ("t/m", "up to"),
    ("en", "and"),
    ("januari", "January"),
    ("februari", "February"),
    ("maart", "March"),
    ("april", "April"),
    ("mei", "May"),
    ("juni", "June"),
    ("juli", "July"),
    ("augustus", "August"),
    ("september", "September"),
    ("oktober", "October"),
    ("november", "November"),
    ("december", "December"),
];

/// A source text in `lang`: as written on the Dutch page, with our words in English on the English
/// page.
pub fn in_lang(s: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => s.to_string(),
        Lang::En => parts(s).into_iter().map(|(p, quoted)| if quoted { p.to_string() } else { english(p) }).collect(),
    }
}

/// A letter or digit ("é", "ö" too): without `char::is_alphanumeric`, whose Unicode tables cost
/// the wasm bundle about 1 KB gzip.
fn letter(c: char) -> bool {
    c.is_ascii_alphanumeric() || !c.is_ascii()
}

/// A character that continues a word or a web address ("rtvnoord.nl/nieuws", "NCG-nieuws").
fn in_word(c: char) -> bool {
    letter(c) || matches!(c, '/' | '-' | '.' | '_')
}

/// Our words of a text outside quotations in English.
fn english(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    'next: while let Some(c) = rest.chars().next() {
        let word_start = !out.chars().next_back().is_some_and(in_word);
        if word_start {
            for (nl, en) in WORDS {
                if let Some(after) = rest.strip_prefix(nl) {
                    // A whole word: no word goes on after it (a full stop may end it).
                    let whole = match after.chars().next() {
                        None => true,
                        Some('.') => !after[1..].chars().next().is_some_and(letter),
                        Some(n) => !in_word(n),
                    };
                    if whole {
                        out.push_str(en);
                        rest = after;
                        continue 'next;
                    }
                }
            }
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A source text in parts: (text, whether it is the sources' own words between single quotes,
/// quotes included). A quote opens where no word goes before it and closes where none follows
/// ("'zo'n 18.000 adressen'" is one quotation). A quotation may hold one: a title quoted whole
/// with a quotation in it ("('NCG heeft zware kluif aan versterking: 'Niet duidelijk of we doel
/// halen' (RTV Noord …)')") is one quotation, not one that ends at "halen'".
pub fn parts(s: &str) -> Vec<(&str, bool)> {
    let mut out = Vec::new();
    let (mut start, mut open): (usize, Option<usize>) = (0, None);
    let mut depth = 0u32;
    let mut prev: Option<char> = None;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        if c == '\'' {
            match open {
                None if !prev.is_some_and(letter) && next.is_some() => {
                    if i > start {
                        out.push((&s[start..i], false));
                    }
                    open = Some(i);
                    start = i;
                    depth = 1;
                }
                Some(o) if !next.is_some_and(letter) => {
                    depth -= 1;
                    if depth == 0 {
                        out.push((&s[o..i + 1], true));
                        open = None;
                        start = i + 1;
                    }
                }
                // A quotation inside the quotation.
                Some(_) if !prev.is_some_and(letter) => depth += 1,
                _ => {}
            }
        }
        prev = Some(c);
    }
    if start < s.len() {
        // An unclosed quote: the rest is the source's.
        out.push((&s[start..], open.is_some()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn our_words_are_english_and_the_sources_words_stay() {
        let en = |s: &str| in_lang(s, Lang::En);
        assert_eq!(en("SodM 2019-2020 (document 000) L593-608 en L744-750"), "SodM 2019-2020 (document 000) L593-608 and L744-750");
        assert_eq!(
            en("pagina 'Resultaat maand/jaar' t/m 31-03-2021, tabel 'Resultaat 2021', rij 'Bouw gestart', kolom 'Totaal 2021'"),
            "page 'Resultaat maand/jaar' up to 31-03-2021, table 'Resultaat 2021', row 'Bouw gestart', column 'Totaal 2021'"
        );
        assert_eq!(en("RTV Noord 2020-06 (rtvnoord.nl/nieuws/713976), citeert NCG-dashboard t/m 31 mei"), "RTV Noord 2020-06 (rtvnoord.nl/nieuws/713976), quotes the NCG dashboard up to 31 May");
        assert_eq!(en("geciteerd in SodM 2019-2020, L564-565 ('zo'n 18.000 adressen')"), "quoted in SodM 2019-2020, L564-565 ('zo'n 18.000 adressen')");
        assert_eq!(en("Kamerbrief 24-06-2026 (document 004) L35 en L51"), "letter to parliament 24-06-2026 (document 004) L35 and L51");
        // Not inside a word or an address: "Groningen", "op-de-goede-weg".
        assert_eq!(en("nieuws.nl/ANP 2021-06-07 over het jaarverslag (nieuws.nl/algemeen/x-op-de-goede-weg/)"), "nieuws.nl/ANP 2021-06-07 on the annual report (nieuws.nl/algemeen/x-op-de-goede-weg/)");
        assert_eq!(in_lang("tabel 2.2, L672", Lang::Nl), "tabel 2.2, L672");
        // The demonstration's calibration (manifest.json) on /data.
        assert_eq!(en("SodM tabel 2.1, 2.2, 2.4 (peildatum 17-07-2020); NCG kerncijfers 2022-2024"), "SodM table 2.1, 2.2, 2.4 (reference date 17-07-2020); NCG key figures 2022-2024");
        assert_eq!(
            parts("Nieuwsbericht NCG 23-04-2024 ('12.997 adressen'), kop"),
            [("Nieuwsbericht NCG 23-04-2024 (", false), ("'12.997 adressen'", true), ("), kop", false)]
        );
        assert_eq!(parts("oogtv, 'Eind september' (x)"), [("oogtv, ", false), ("'Eind september'", true), (" (x)", false)]);
        // A quoted title with a quotation in it is one quotation (a derived flow's note names the
        // publication of its earlier level so: the part after the inner quotation was English).
        assert_eq!(
            parts("2021 ('NCG heeft zware kluif: 'Niet duidelijk' (RTV Noord t/m 31 juli)')."),
            [("2021 (", false), ("'NCG heeft zware kluif: 'Niet duidelijk' (RTV Noord t/m 31 juli)'", true), (").", false)]
        );
    }
}
