//! Fitting a text into a width: wrapped at spaces onto at most a given number of lines, the last
//! line shortened with "…" when the rest does not fit. Used where a label can be longer than the
//! room a narrow chart has for it (legend items and bar labels on a 360 px phone); the full text is
//! always in the chart's table and tooltip.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::TextStyle;

use super::ChartError;

const ELLIPSIS: char = '…';

/// The lines to draw for `text` in at most `max_lines` lines of at most `max_width` pixels.
/// At least one line for a text with a word in it; a single word wider than the room is shortened too.
pub fn fit_lines<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, style: &TextStyle<'_>, max_width: i32, max_lines: usize) -> Result<Vec<String>, ChartError>
where
    DB::ErrorType: 'static,
{
    let width = |s: &str| -> Result<i32, ChartError> { Ok(area.estimate_text_size(s, style)?.0 as i32) };
    let max_lines = max_lines.max(1);
    if width(text)? <= max_width {
        return Ok(vec![text.to_string()]);
    }
    let mut lines: Vec<String> = Vec::new();
    let mut words = text.split(' ').filter(|w| !w.is_empty()).peekable();
    while let Some(first) = words.next() {
        if lines.len() + 1 == max_lines {
            // The last line allowed: everything that is left, shortened to fit.
            let mut rest = first.to_string();
            for w in words.by_ref() {
                rest.push(' ');
                rest.push_str(w);
            }
            lines.push(shorten(&rest, max_width, &width)?);
            break;
        }
        let mut line = first.to_string();
        while let Some(next) = words.peek() {
            let candidate = format!("{line} {next}");
            if width(&candidate)? > max_width {
                break;
            }
            line = candidate;
            words.next();
        }
        lines.push(shorten(&line, max_width, &width)?);
    }
    Ok(lines)
}

/// One line: `text` as it is if it fits in `max_width` pixels, otherwise shortened with "…".
pub fn fit_line<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, text: &str, style: &TextStyle<'_>, max_width: i32) -> Result<String, ChartError>
where
    DB::ErrorType: 'static,
{
    shorten(text, max_width, &|s: &str| Ok(area.estimate_text_size(s, style)?.0 as i32))
}

/// `text` if it fits, otherwise its longest start (whole characters, trailing spaces dropped)
/// followed by "…" that fits; "…" alone when not even one character does.
fn shorten(text: &str, max_width: i32, width: &dyn Fn(&str) -> Result<i32, ChartError>) -> Result<String, ChartError> {
    if width(text)? <= max_width {
        return Ok(text.to_string());
    }
    let ends: Vec<usize> = text.char_indices().map(|(i, _)| i).skip(1).chain(std::iter::once(text.len())).collect();
    // Binary search for the longest prefix (in characters) that fits with the ellipsis.
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        let candidate = format!("{}{ELLIPSIS}", text[..ends[mid - 1]].trim_end());
        if width(&candidate)? <= max_width {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    Ok(if lo == 0 { ELLIPSIS.to_string() } else { format!("{}{ELLIPSIS}", text[..ends[lo - 1]].trim_end()) })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::charts::axes::text_style;
    use crate::charts::theme::Theme;

    fn lines(text: &str, max_width: i32, max_lines: usize) -> Vec<String> {
        let mut out = String::new();
        let area = SVGBackend::with_string(&mut out, (400, 100)).into_drawing_area();
        let theme = Theme::default();
        let style = text_style(&theme, theme.font_size, theme.text);
        let fitted = fit_lines(&area, text, &style, max_width, max_lines).unwrap_or_default();
        for l in &fitted {
            let w = area.estimate_text_size(l, &style).map(|s| s.0 as i32).unwrap_or(i32::MAX);
            assert!(w <= max_width || l == "…", "{l:?} is {w} px, room {max_width}");
        }
        fitted
    }

    #[test]
    fn a_text_that_fits_is_one_line_unchanged() {
        assert_eq!(lines("Werkvoorraad", 300, 2), vec!["Werkvoorraad"]);
    }

    #[test]
    fn a_long_text_wraps_at_spaces_and_the_last_line_is_shortened() {
        let text = "LPA2020 without acceleration Jan 2020–Jun 2021";
        let two = lines(text, 120, 2);
        assert_eq!(two.len(), 2, "{two:?}");
        assert!(two[0].starts_with("LPA2020"), "{two:?}");
        let one = lines(text, 120, 1);
        assert_eq!(one.len(), 1);
        assert!(one[0].ends_with('…') && one[0].starts_with("LPA2020"), "{one:?}");
        // Enough room for everything on three lines: nothing is shortened.
        let three = lines(text, 200, 3);
        assert!(!three.concat().contains('…'), "{three:?}");
        assert_eq!(three.join(" "), text);
    }

    #[test]
    fn one_line_is_the_text_or_its_shortened_start() {
        let mut out = String::new();
        let area = SVGBackend::with_string(&mut out, (400, 100)).into_drawing_area();
        let theme = Theme::default();
        let style = text_style(&theme, theme.font_size, theme.text);
        assert_eq!(fit_line(&area, "Werkvoorraad", &style, 300).ok().as_deref(), Some("Werkvoorraad"));
        let short = fit_line(&area, "Voldoet aan de veiligheidsnorm na beoordeling", &style, 100).unwrap_or_default();
        assert!(short.starts_with("Voldoet") && short.ends_with('…'), "{short:?}");
        assert_eq!(fit_line(&area, "Ĳssel", &style, 0).ok().as_deref(), Some("…"));
    }

    #[test]
    fn no_room_gives_an_ellipsis_and_multibyte_text_never_panics() {
        assert_eq!(lines("Coördinator ë ü ‘quote’ — Ĳssel", 1, 2).last().map(String::as_str), Some("…"));
        for w in 0..120 {
            for n in 0..4 {
                let _ = lines("Coördinator ‘Ĳssel’ — één   twee", w, n);
            }
        }
        assert!(lines("", 0, 1).len() <= 1);
    }
}
