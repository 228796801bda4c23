//! Text contrast (WCAG 2.1 AA, 1.4.3) of every text/background pair the interface uses: the
//! colours are read from `style/main.css` (custom properties and literal colours), from the inline
//! styles of `src/ui` and from the chart theme, so changing a colour there re-runs the check.
//! Normal text needs 4.5:1; the focus outline (non-text, 1.4.11) needs 3:1 against white.
//! Issue 8: "text contrast meets AA in the colour palette you use".

use std::collections::HashMap;

use plotters::style::RGBColor;
use versterkingsmonitor::charts::theme::Theme;

/// WCAG relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let ch = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.03928 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    };
    0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)
}

/// WCAG contrast ratio, 1..21.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

fn hex(s: &str) -> Option<(u8, u8, u8)> {
    let s = s.trim().strip_prefix('#')?;
    let s: String = if s.len() == 3 { s.chars().flat_map(|c| [c, c]).collect() } else { s.to_string() };
    if s.len() != 6 {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&s[i..i + 2], 16).ok();
    Some((p(0)?, p(2)?, p(4)?))
}

fn rgb(c: RGBColor) -> (u8, u8, u8) {
    (c.0, c.1, c.2)
}

fn css() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css")).expect("style/main.css")
}

/// The custom properties of `:root` (`--ink: #1a1a1a;` …).
fn variables(css: &str) -> HashMap<String, String> {
    let mut vars = HashMap::new();
    for decl in css.split(';') {
        let decl = decl.rsplit(['{', '\n']).next().unwrap_or("").trim();
        if let Some((k, v)) = decl.split_once(':') {
            let v = v.split("/*").next().unwrap_or("").trim();
            if k.trim().starts_with("--") && v.starts_with('#') {
                vars.entry(k.trim().to_string()).or_insert_with(|| v.to_string());
            }
        }
    }
    vars
}

/// A colour as written in CSS: `#rrggbb`, `#fff` or `var(--name)`.
fn resolve(vars: &HashMap<String, String>, v: &str) -> (u8, u8, u8) {
    let v = v.trim();
    let lit = match v.strip_prefix("var(").and_then(|r| r.strip_suffix(')')) {
        Some(name) => vars.get(name.trim()).unwrap_or_else(|| panic!("unknown CSS variable {name}")).as_str(),
        None => v,
    };
    hex(lit).unwrap_or_else(|| panic!("not a colour: {v}"))
}

/// Every (foreground, background, where) text pair of the screen stylesheet and the inline styles.
/// The print stylesheet (black on white) is not listed.
const PAIRS: &[(&str, &str, &str)] = &[
    ("var(--ink)", "var(--bg)", "body text"),
    ("var(--ink)", "var(--bg-soft)", "navigation links, search result hover, cards"),
    ("var(--ink)", "#eef4fb", "doorlooptijden notice (src/ui/views/doorlooptijden.rs)"),
    ("var(--muted)", "var(--bg)", ".muted, chart source, notes, tooltip detail"),
    ("var(--muted)", "var(--bg-soft)", "footer, tile labels, overzicht badge on cards"),
    ("var(--brand)", "var(--bg)", "links, summaries, secondary buttons, lang switch hover"),
    ("var(--brand)", "var(--bg-soft)", "current navigation link, tile values, overzicht numbers"),
    ("var(--brand)", "var(--warn-bg)", "links in the demo banner and drill notes"),
    ("var(--brand-dark)", "var(--bg)", "link hover"),
    ("var(--brand-dark)", "var(--bg-soft)", "secondary button hover"),
    ("#fff", "var(--brand)", "header, primary buttons, skip link"),
    ("#fff", "var(--brand-dark)", "primary button hover"),
    ("#e8f1f5", "var(--brand)", "tagline"),
    ("var(--warn-ink)", "var(--warn-bg)", "demo banner, drill notes, trends notices"),
    ("var(--error-ink)", "var(--error-bg)", "error and panic panels"),
    ("var(--error-ink)", "var(--bg)", "inline errors"),
];

#[test]
fn every_text_pair_of_the_stylesheet_meets_aa() {
    let css = css();
    let vars = variables(&css);
    let mut bad = Vec::new();
    for (fg, bg, place) in PAIRS {
        let r = contrast(resolve(&vars, fg), resolve(&vars, bg));
        if r < 4.5 {
            bad.push(format!("{fg} on {bg} ({place}): {r:.2}:1"));
        }
    }
    assert!(bad.is_empty(), "text below 4.5:1: {bad:#?}");
}

#[test]
fn every_text_colour_in_the_stylesheet_is_in_the_checked_pairs() {
    // A new `color:` in main.css must be added to PAIRS with the background it is used on.
    let css = css();
    let screen = css.split("@media print").next().unwrap_or(&css).to_string()
        + &css.split("/* gemeente/drill-down").nth(1).map(|s| s.split("@media print").next().unwrap_or("")).unwrap_or("");
    let checked: Vec<&str> = PAIRS.iter().map(|p| p.0).collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    for part in screen.split([';', '{', '}']) {
        let part = part.trim();
        if let Some(v) = part.strip_prefix("color:") {
            let v = v.split("/*").next().unwrap_or("").trim();
            seen += 1;
            if !checked.contains(&v) && !missing.contains(&v.to_string()) {
                missing.push(v.to_string());
            }
        }
    }
    assert!(seen >= 20, "only {seen} colour declarations found: is the parser still right?");
    assert!(missing.is_empty(), "text colours without a contrast check: {missing:?}");
}

#[test]
fn the_focus_outline_is_visible_on_white() {
    let vars = variables(&css());
    let r = contrast(resolve(&vars, "var(--focus)"), resolve(&vars, "var(--bg)"));
    assert!(r >= 3.0, "focus outline {r:.2}:1 on white");
}

#[test]
fn chart_text_meets_aa_on_the_chart_background() {
    let t = Theme::default();
    let bg = rgb(t.background);
    for (name, c) in [("text", t.text), ("muted_text", t.muted_text), ("stamp", t.stamp)] {
        let r = contrast(rgb(c), bg);
        assert!(r >= 4.5, "chart theme {name}: {r:.2}:1");
    }
    // The axis line and the marker lines are graphics (1.4.11): 3:1.
    for (name, c) in [("axis", t.axis), ("marker_line", t.marker_line)] {
        let r = contrast(rgb(c), bg);
        assert!(r >= 3.0, "chart theme {name}: {r:.2}:1");
    }
}

#[test]
fn the_contrast_formula_matches_known_values() {
    // WCAG: black on white is 21:1, white on white 1:1; #767676 on white is the classic 4.54:1.
    assert!((contrast((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
    assert!((contrast((255, 255, 255), (255, 255, 255)) - 1.0).abs() < 1e-9);
    assert!((contrast((0x76, 0x76, 0x76), (255, 255, 255)) - 4.54).abs() < 0.01);
}
