//! Numbers and dates as a Dutch or English reader expects them: `26.716` / `26,716`,
//! `17 juli 2020` / `17 July 2020`. Done here (not with the browser's Intl) so native tests,
//! SVG exports and CSV notes format exactly like the screen.

use super::Lang;
use crate::data::date::{Date, Month};

const MONTHS_NL: [&str; 12] =
    ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
const MONTHS_EN: [&str; 12] =
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const MONTHS_NL_SHORT: [&str; 12] = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"];
const MONTHS_EN_SHORT: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn group_thousands(int: u64, sep: char) -> String {
    let s = int.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A whole number with thousands separators.
///
/// ```
/// use versterkingsmonitor::i18n::{format::int, Lang};
/// assert_eq!(int(26716.0, Lang::Nl), "26.716");
/// assert_eq!(int(26716.0, Lang::En), "26,716");
/// assert_eq!(int(-1209.4, Lang::Nl), "-1.209");
/// ```
pub fn int(v: f64, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    let r = v.round();
    let sign = if r < 0.0 { "-" } else { "" };
    let sep = if lang == Lang::Nl { '.' } else { ',' };
    format!("{sign}{}", group_thousands(r.abs() as u64, sep))
}

/// `one` when the formatted count `n` is 1, else `many`: "1 adres", "2 adressen".
///
/// ```
/// use versterkingsmonitor::i18n::format::one_or;
/// assert_eq!(one_or("1", "rij", "rijen"), "rij");
/// assert_eq!(one_or("1.001", "rij", "rijen"), "rijen");
/// ```
pub fn one_or(n: &str, one: &'static str, many: &'static str) -> &'static str {
    if n == "1" { one } else { many }
}

/// "≈ " before a figure the source gave only roughly ("ruim 5.000", "zo'n 18.000"), else "".
///
/// ```
/// use versterkingsmonitor::{data::observation::Flag, i18n::format::approx};
/// assert_eq!(format!("{}5.000", approx(Flag::Approximate)), "≈ 5.000");
/// assert_eq!(approx(Flag::Published), "");
/// ```
/// A number computed from an approximate one ("ruim 5.000"), as "≈" with two significant digits:
/// 15.815 − ≈ 5.000 is "≈ 11.000", not "≈ 10.815" (false precision, a review), and the pace needed
/// from it "≈ 150", not "153". Exact numbers are written in full.
pub fn int_from(v: f64, flag: crate::data::observation::Flag, lang: Lang) -> String {
    if flag != crate::data::observation::Flag::Approximate || !v.is_finite() || v == 0.0 {
        return int(v, lang);
    }
    let step = 10f64.powi(((v.abs().log10().floor() as i32) - 1).max(0));
    format!("≈ {}", int((v / step).round() * step, lang))
}

pub fn approx(flag: crate::data::observation::Flag) -> &'static str {
    if flag == crate::data::observation::Flag::Approximate { "≈ " } else { "" }
}

/// A published number as the source gave it: "≈ 5.000" for a rough one, "15.815" otherwise (no
/// rounding: for a number computed from a rough one, [`int_from`]).
pub fn int_as(v: f64, flag: crate::data::observation::Flag, lang: Lang) -> String {
    format!("{}{}", approx(flag), int(v, lang))
}

/// The one mark of a hidden count (below gemeente level, and in the lead-time charts of a dorp or
/// cluster), after the CBS's "verklaring van tekens" (× = geheim). Every hidden cell carries it,
/// whether it is small itself or hidden so that a small one cannot be worked out from the totals
/// ("complementary" suppression): "< 5" on such a cell of 39 addresses was false, and a second
/// mark for those cells would tell the reader which ones hold 5 or more, enough to work the small
/// ones out again. The notes that explain it: `gemeenten.suppression_note` and the methods.
pub const HIDDEN: &str = "×";

/// Round `v` to `decimals` decimals with integer arithmetic: (negative, integer part, fraction
/// digits). Avoids the float formatting machinery (which would add ~10 KB to the wasm).
fn fixed(v: f64, decimals: usize) -> (bool, u64, String) {
    let decimals = decimals.min(9);
    let scale = 10u64.pow(decimals as u32);
    let r = (v.abs() * scale as f64).round();
    let r = if r.is_finite() && r < 9.0e18 { r as u64 } else { 0 };
    let frac = if decimals == 0 { String::new() } else { format!("{:0width$}", r % scale, width = decimals) };
    (v < 0.0 && r != 0, r / scale, frac)
}

/// A number with `decimals` decimals.
pub fn dec(v: f64, decimals: usize, lang: Lang) -> String {
    if !v.is_finite() {
        return "–".into();
    }
    if decimals == 0 {
        return int(v, lang);
    }
    let (neg, i, f) = fixed(v, decimals);
    let (tsep, dsep) = if lang == Lang::Nl { ('.', ',') } else { (',', '.') };
    format!("{}{}{dsep}{f}", if neg { "-" } else { "" }, group_thousands(i, tsep))
}

/// Days as years with one decimal ("5,7" for 2.066 days): the one conversion every lead time in
/// years uses (365,25 days a year).
pub fn years(days: f64, lang: Lang) -> String {
    dec(days / 365.25, 1, lang)
}

/// A number for machines (CSV downloads, `data-value` attributes): no grouping, `.` as decimal
/// separator, whole numbers without decimals, otherwise up to 4 decimals without trailing zeros.
///
/// ```
/// use versterkingsmonitor::i18n::format::plain;
/// assert_eq!(plain(16596.0), "16596");
/// assert_eq!(plain(3.25), "3.25");
/// assert_eq!(plain(-0.5), "-0.5");
/// ```
pub fn plain(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let (neg, i, f) = fixed(v, 4);
    let f = f.trim_end_matches('0');
    let sign = if neg { "-" } else { "" };
    if f.is_empty() { format!("{sign}{i}") } else { format!("{sign}{i}.{f}") }
}

/// A percentage, e.g. `29%` or `59,9%`.
pub fn pct(v: f64, decimals: usize, lang: Lang) -> String {
    format!("{}%", dec(v, decimals, lang))
}

/// `17 juli 2020` / `17 July 2020`.
pub fn date(d: Date, lang: Lang) -> String {
    let i = usize::from(d.month() - 1);
    match lang {
        Lang::Nl => format!("{} {} {}", d.day(), MONTHS_NL.get(i).unwrap_or(&""), d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN.get(i).unwrap_or(&""), d.year()),
    }
}

/// `17-07-2020` (Dutch) / `17 Jul 2020` (English), for compact tables.
pub fn date_short(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{:02}-{:02}-{}", d.day(), d.month(), d.year()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS_EN_SHORT.get(usize::from(d.month() - 1)).unwrap_or(&""), d.year()),
    }
}

/// `juli 2020` / `July 2020`.
pub fn month(m: Month, lang: Lang) -> String {
    let i = usize::from(m.month() - 1);
    let names = if lang == Lang::Nl { &MONTHS_NL } else { &MONTHS_EN };
    format!("{} {}", names.get(i).unwrap_or(&""), m.year())
}

/// `jul 2020` / `Jul 2020`, for axis labels.
pub fn month_short(m: Month, lang: Lang) -> String {
    let i = usize::from(m.month() - 1);
    let names = if lang == Lang::Nl { &MONTHS_NL_SHORT } else { &MONTHS_EN_SHORT };
    format!("{} {}", names.get(i).unwrap_or(&""), m.year())
}

/// Where the short dates this module writes stand in `s`, as byte ranges: `15-02-2023`, `15 Feb
/// 2023`, `jul 2020`. A table keeps each on one line (ui::chart_frame::cell_text): in a narrow
/// column on paper "15-02-2023" broke after its second hyphen ("15-02-" over "2023"). A date
/// written out (`15 februari 2023`) may break at its spaces, as in running text: kept whole, the
/// Overzicht's table of differences grew 120 px past an A4 page.
pub fn date_ranges(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    // The start of the one or two digits (a day or a month) that end at `end`, if no other digit,
    // point or comma makes them part of a longer number.
    let day = |end: usize| {
        let n = (1..=2).take_while(|k| end >= *k && digit(end - k)).count();
        (n > 0 && !(end > n && (digit(end - n - 1) || at(end - n - 1, b'.') || at(end - n - 1, b',')))).then(|| end - n)
    };
    let mut out = Vec::new();
    for i in 1..b.len().saturating_sub(3) {
        // A year: four digits of their own, after a hyphen or a space.
        if digit(i - 1) || !(i..i + 4).all(digit) || digit(i + 4) {
            continue;
        }
        let start = if at(i - 1, b'-') {
            day(i - 1).filter(|m| *m > 0 && at(m - 1, b'-')).and_then(|m| day(m - 1))
        } else if at(i - 1, b' ') {
            let w = i - 1 - b[..i - 1].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
            // A month's short name, Dutch or English.
            let word = b.get(w..i - 1).unwrap_or_default();
            let month = MONTHS_NL_SHORT.iter().chain(&MONTHS_EN_SHORT).any(|m| m.as_bytes() == word);
            month.then(|| if w > 0 && at(w - 1, b' ') { day(w - 1).unwrap_or(w) } else { w })
        } else {
            None
        };
        if let Some(a) = start {
            out.push((a, i + 4));
        }
    }
    out
}

/// A period in words: `2e kwartaal 2020` / `Q2 2020`, `voor 2017` / `before 2017`.
pub fn period(p: &crate::data::period::Period, lang: Lang) -> String {
    use crate::data::period::Period;
    let nl = lang == Lang::Nl;
    match *p {
        Period::At(d) => date(d, lang),
        Period::Month(m) => month(m, lang),
        Period::Quarter { year, quarter } => if nl { format!("{quarter}e kwartaal {year}") } else { format!("Q{quarter} {year}") },
        Period::Half { year, half } => if nl { format!("{half}e helft {year}") } else { format!("H{half} {year}") },
        Period::Year(y) => y.to_string(),
        Period::Range { start, end } => format!("{} – {}", date_short(start, lang), date_short(end, lang)),
        Period::Until(d) => {
            // "..2016-12-31" reads best as "voor 2017".
            if d.month() == 12 && d.day() == 31 {
                if nl { format!("voor {}", d.year() + 1) } else { format!("before {}", d.year() + 1) }
            } else if nl {
                format!("t/m {}", date(d, lang))
            } else {
                format!("up to {}", date(d, lang))
            }
        }
    }
}

/// Numbers in ascending order as a short list with runs as ranges: "2, 4–7, 9". Used for the
/// numbers of a chart's notes folded behind a toggle: the list above it read 1, 3, 8, 10 … and a
/// resident looked for the missing numbers.
pub fn number_list(numbers: &[usize]) -> String {
    let mut out = String::new();
    let mut i = 0;
    while let Some(&start) = numbers.get(i) {
        let mut end = start;
        while numbers.get(i + 1) == Some(&(end + 1)) {
            end += 1;
            i += 1;
        }
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(&start.to_string());
        if end > start {
            out.push(if end == start + 1 { ',' } else { '–' });
            if end == start + 1 {
                out.push(' ');
            }
            out.push_str(&end.to_string());
        }
        i += 1;
    }
    out
}

/// The anchor of a glossary term on /over: "term-" and the term in lower case, letters and digits
/// kept, everything else one "-" ("op norm" → "term-op-norm"; "NPR 9998" → "term-npr-9998"). The
/// terms are Dutch in both languages, so a link to one works on either page.
pub fn term_anchor(term: &str) -> String {
    let mut out = String::from("term-");
    for c in term.chars().flat_map(char::to_lowercase) {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::period::Period;

    #[test]
    fn numbers_from_rough_ones_have_two_significant_digits() {
        // Regression (review): Eemsdelta's 15.815 − "ruim 5.000" was shown as "≈ 10.815", and the
        // pace needed from it as "153 per maand".
        use crate::data::observation::Flag;
        assert_eq!(int_from(10815.0, Flag::Approximate, Lang::Nl), "≈ 11.000");
        assert_eq!(int_from(153.2, Flag::Approximate, Lang::Nl), "≈ 150");
        assert_eq!(int_from(7.0, Flag::Approximate, Lang::En), "≈ 7");
        assert_eq!(int_from(10815.0, Flag::Published, Lang::Nl), "10.815");
    }

    #[test]
    fn dates_are_found_in_a_cell_to_keep_them_whole() {
        // Regression: on paper the Gemeenten chart's table printed "≈ 14.500 (15-02-" over "2023,
        // benadering in bron)"; the short dates this module writes are found, and nothing else.
        let found = |s: &str| date_ranges(s).into_iter().map(|(a, b)| s[a..b].to_string()).collect::<Vec<_>>();
        assert_eq!(found("≈ 14.500 (15-02-2023, benadering in bron)"), ["15-02-2023"]);
        assert_eq!(found("≈ 14,500 (15 Feb 2023, approximate in source)"), ["15 Feb 2023"]);
        assert_eq!(found("mrt 2014 – jan 2015"), ["mrt 2014", "jan 2015"]);
        assert_eq!(found("1 May 2020 and 1 mei 2021"), ["1 May 2020", "1 mei 2021"]);
        let d = Date::new(2023, 2, 5).unwrap();
        for l in [Lang::Nl, Lang::En] {
            assert_eq!(found(&date_short(d, l)), [date_short(d, l)]);
            assert_eq!(found(&month_short(Month::new(2020, 7).unwrap(), l)), [month_short(Month::new(2020, 7).unwrap(), l)]);
        }
        // Not kept whole: a date written out, a number, a year alone or after a word, a longer run
        // of digits, a number before a month.
        for s in ["15 februari 2023", "15 February 2023", "april 2024", "15.815", "2024", "394 t/m 2024", "tot 2023", "12345", "1-2-20234", "1.460 mrt", "5 adressen 2023", "2e kwartaal 2020", "115-02-2023"] {
            assert_eq!(found(s), Vec::<String>::new(), "{s}");
        }
        assert_eq!(found("1.5 mei 2020"), ["mei 2020"]);
    }

    #[test]
    fn numbers_in_both_languages() {
        assert_eq!(int(0.0, Lang::Nl), "0");
        assert_eq!(int(999.0, Lang::Nl), "999");
        assert_eq!(int(1000.0, Lang::Nl), "1.000");
        assert_eq!(int(1234567.0, Lang::En), "1,234,567");
        assert_eq!(dec(3.31, 1, Lang::Nl), "3,3");
        assert_eq!(dec(1234.5, 1, Lang::En), "1,234.5");
        assert_eq!(pct(59.9, 1, Lang::Nl), "59,9%");
        assert_eq!(dec(-0.04, 1, Lang::Nl), "0,0");
        assert_eq!(dec(-1234.56, 1, Lang::Nl), "-1.234,6");
        assert_eq!(dec(0.05, 2, Lang::En), "0.05");
        assert_eq!(plain(1209.0), "1209");
        assert_eq!(plain(59.94), "59.94");
        assert_eq!(plain(0.00001), "0");
        assert_eq!(int(f64::NAN, Lang::Nl), "–");
    }

    #[test]
    fn dates_and_periods_in_words() {
        let d = Date::parse("2020-07-17").unwrap();
        assert_eq!(date(d, Lang::Nl), "17 juli 2020");
        assert_eq!(date(d, Lang::En), "17 July 2020");
        assert_eq!(date_short(d, Lang::Nl), "17-07-2020");
        assert_eq!(period(&Period::parse("..2016-12-31").unwrap(), Lang::Nl), "voor 2017");
        assert_eq!(period(&Period::parse("2020-Q2").unwrap(), Lang::Nl), "2e kwartaal 2020");
        assert_eq!(period(&Period::parse("2019-H1").unwrap(), Lang::En), "H1 2019");
    }

    #[test]
    fn number_lists_join_runs() {
        assert_eq!(number_list(&[2, 4, 5, 6, 7, 9, 12, 14]), "2, 4–7, 9, 12, 14");
        assert_eq!(number_list(&[1, 2]), "1, 2");
        assert_eq!(number_list(&[5]), "5");
        assert_eq!(number_list(&[]), "");
    }

    #[test]
    fn glossary_anchors_are_plain() {
        assert_eq!(term_anchor("op norm"), "term-op-norm");
        assert_eq!(term_anchor("NPR 9998"), "term-npr-9998");
        assert_eq!(term_anchor("'Voldoet aan de norm'"), "term-voldoet-aan-de-norm");
        assert_eq!(term_anchor("beoordeling"), "term-beoordeling");
    }
}
