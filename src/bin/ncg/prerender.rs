//! `ncg prerender DIST`: the static first paint of the main views, written into a release build.
//!
//! Without it a phone shows only a "loading" line until the whole wasm has arrived (≈ 640 KB gzip,
//! about 3 s on a slow mobile connection): Lighthouse measured the largest contentful paint — the
//! lead paragraph — at 4.2–5.2 s. With it, every main view's page (`index.html` for the Overzicht,
//! `trends/index.html`, …) already holds the header, the navigation, the view's heading and lead in
//! both languages (the Over page in full), taken from the one translation catalogue, so the text a
//! resident came for is there at the first paint, and the pages read without JavaScript. Each
//! gemeente of the operation gets its page too (`gemeente/GM1979/index.html`: breadcrumbs, name,
//! merger note), from `data/gemeenten.csv` of the build.
//!
//! A small inline script keeps the language of the URL (`?lang=en`) and, when the page is served
//! for another route (the SPA fallback, `404.html`), removes the view's part so no wrong heading
//! shows. The block (`#boot`) stays until the app has its data (`ui::boot`): the app renders under
//! it, hidden by the style sheet, and then replaces it in one frame with the same markup, so
//! nothing jumps or flashes. The markup mirrors `ui::shell`, the views' headings,
//! `ui::views::over` and the top of `ui::views::gemeente`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use versterkingsmonitor::analysis::drilldown::gemeente_page::merger_text;
// Text and attribute values are text, never HTML.
use versterkingsmonitor::analysis::html::escape as esc;
use versterkingsmonitor::data::archive::{parse_gemeenten, LoadReport};
use versterkingsmonitor::data::gemeente::{Gemeente, Registry};
use versterkingsmonitor::i18n::{texts, Lang};

/// A view with a static first paint: its route below the base ("" for the Overzicht), and for a
/// gemeente page the gemeente.
struct View<'a> {
    route: String,
    gemeente: Option<&'a Gemeente>,
}

impl View<'_> {
    /// Its place in the navigation (a gemeente page has none).
    fn nav(&self) -> Option<usize> {
        self.gemeente.is_none().then(|| MAIN.iter().position(|r| *r == self.route)).flatten()
    }

    /// Its heading and lead, as the view renders them (a gemeente page's heading is its name).
    fn heading(&self, lang: Lang) -> (&str, Option<&'static str>) {
        let t = texts(lang);
        if let Some(g) = self.gemeente {
            return (&g.name, None);
        }
        let (title, lead) = match self.route.as_str() {
            "" => (t.shell.nav_overzicht, t.overzicht.intro),
            "trends" => (t.trends.title, t.trends.intro),
            "doorlooptijden" => (t.doorlooptijden.title, t.doorlooptijden.lead),
            "gemeenten" => (t.gemeenten.title, t.gemeenten.lead),
            "data" => (t.bronnen.title, t.bronnen.intro),
            _ => (t.over.title, t.over.intro),
        };
        (title, Some(lead))
    }
}

/// The main views, in the order of the navigation.
const MAIN: [&str; 6] = ["", "trends", "doorlooptijden", "gemeenten", "data", "over"];

fn main_views<'a>() -> Vec<View<'a>> {
    MAIN.iter().map(|r| View { route: r.to_string(), gemeente: None }).collect()
}


/// Keeps the URL's language, removes the view's part when the page is served for another route,
/// and the "no address data" notice when the URL asks for address data (`bron`); marks the embed
/// view of a chart (`insluiten`, `analysis::embed`) so only the heading shows until the app runs,
/// and, inside a frame, tells the embedding page the height of its content whenever it changes
/// (`analysis::embed::RESIZE_LISTENER` on that page sets the frame's height from it). Plain ES5, no dependencies; it runs before the app (a module script, deferred).
const SCRIPT: &str = r#"<script>(function(){var b=document.getElementById('boot');if(!b)return;var q=new URLSearchParams(location.search),en=(q.get('lang')||'').toLowerCase()==='en',l=en?'en':'nl',base=document.baseURI.split(/[?#]/)[0],p=location.href.split(/[?#]/)[0],here=p.indexOf(base)===0?p.slice(base.length).replace(/\/+$/,''):null,all=function(s,f){[].forEach.call(b.querySelectorAll(s),f)};all('[data-lang]',function(e){if(e.getAttribute('data-lang')===l)e.hidden=false;else e.remove()});if(q.has('bron'))all('[data-no-bron]',function(e){e.remove()});if(here!==b.getAttribute('data-route')){all('[data-view]',function(e){e.remove()});all('[aria-current]',function(e){e.removeAttribute('aria-current')})}if(en)q.delete('lang');else q.set('lang','en');var s=b.querySelector('.lang-switch'),qs=q.toString();if(s)s.setAttribute('href',p+(qs?'?'+qs:''));document.documentElement.lang=l;if(q.get('insluiten')){document.documentElement.setAttribute('data-embed','');if(window.parent!==window&&window.ResizeObserver)new ResizeObserver(function(){parent.postMessage({'versterkingsmonitor-hoogte':document.body.scrollHeight},'*')}).observe(document.body)}})();</script>"#;

pub fn run(args: &[String]) -> ExitCode {
    let [dist] = args else {
        eprintln!("usage: ncg prerender DIST   (the release build directory, e.g. dist)");
        return ExitCode::from(2);
    };
    match prerender(Path::new(dist)) {
        Ok(written) => {
            println!("prerender: {written} pages written in {dist}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{dist}: error: {e}");
            ExitCode::from(1)
        }
    }
}

/// Writes `index.html` (the Overzicht, also the SPA fallback), `404.html` (the fallback of static
/// hosts such as GitHub Pages), `ROUTE/index.html` for the other main views and
/// `gemeente/CODE/index.html` for every current gemeente of the operation. Returns how many.
fn prerender(dist: &Path) -> Result<usize, String> {
    let index = dist.join("index.html");
    let template = std::fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let csv = dist.join("data").join("gemeenten.csv");
    let text = std::fs::read_to_string(&csv).map_err(|e| format!("cannot read {}: {e}", csv.display()))?;
    let registry = parse_gemeenten("data/gemeenten.csv", &text, &mut LoadReport::default()).map_err(|d| d.to_string())?;
    let mut written = 0;
    for view in main_views().into_iter().chain(gemeente_views(&registry)) {
        let html = page(&template, &view, &registry)?;
        let files = if view.route.is_empty() { vec![index.clone(), dist.join("404.html")] } else { vec![dist.join(&view.route).join("index.html")] };
        for file in files {
            if let Some(dir) = file.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            std::fs::write(&file, &html).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
            written += 1;
        }
    }
    Ok(written)
}

/// A page for every current gemeente of the operation (merged ones redirect in the app).
fn gemeente_views(registry: &Registry) -> Vec<View<'_>> {
    registry
        .current()
        .filter(|g| g.in_operation)
        .map(|g| View { route: format!("gemeente/{}", g.code), gemeente: Some(g) })
        .collect()
}

/// The template (Trunk's `index.html`, minified or not) with its boot block replaced by the
/// view's static first paint and its title by the view's title. The boot block is everything
/// between `<body>` and `<noscript`; running twice gives the same page.
fn page(template: &str, view: &View, registry: &Registry) -> Result<String, String> {
    let body = template.find("<body>").ok_or("no <body> in index.html")? + "<body>".len();
    let end = body + template[body..].find("<noscript").ok_or("no <noscript> after <body> in index.html")?;
    let title_start = template.find("<title>").ok_or("no <title> in index.html")? + "<title>".len();
    let title_end = title_start + template[title_start..].find("</title>").ok_or("no </title> in index.html")?;
    if title_end > body {
        return Err("<title> is not in the head of index.html".into());
    }
    let mut out = String::with_capacity(template.len() + 16 * 1024);
    out.push_str(&template[..title_start]);
    out.push_str(&esc(&page_title(view, Lang::Nl)));
    out.push_str(&template[title_end..body]);
    out.push_str(&boot(view, registry));
    out.push_str(&template[end..]);
    Ok(out)
}

fn page_title(view: &View, lang: Lang) -> String {
    format!("{} — {}", view.heading(lang).0, texts(lang).shell.page_title_suffix)
}

/// The boot block: the shell and the view in both languages (Dutch shown, English hidden until
/// the script picks it), then the script.
fn boot(view: &View, registry: &Registry) -> String {
    let mut s = String::with_capacity(16 * 1024);
    let _ = write!(s, r#"<div id="boot" data-route="{}">"#, esc(&view.route));
    for lang in [Lang::Nl, Lang::En] {
        let hidden = if lang == Lang::Nl { "" } else { " hidden" };
        let _ = write!(s, r#"<div data-lang="{}" lang="{}"{hidden}>"#, lang.code(), lang.code());
        shell(&mut s, view, lang);
        s.push_str(r#"<main tabindex="-1">"#);
        content(&mut s, view, registry, lang);
        s.push_str("</main></div>");
    }
    s.push_str("</div>");
    s.push_str(SCRIPT);
    s
}

/// Header and navigation as `ui::shell` renders them (the skip link and the demo banner are the
/// app's: they need it).
fn shell(s: &mut String, view: &View, lang: Lang) {
    let t = &texts(lang).shell;
    let other = lang.other().code();
    let switch = match lang {
        Lang::Nl => format!("{}?lang=en", href(&view.route)),
        Lang::En => href(&view.route),
    };
    let _ = write!(
        s,
        // The share button's place, kept (hidden) until the app's own button takes it: the
        // language link stood where "Delen" came ~2.5 s later on a slow phone, and a tap meant
        // for "English" hit "Delen" (style/main.css `#boot .share-button`).
        r#"<header class="site-header"><div class="brand"><a class="brand-name" href="{}">{}</a><p class="tagline">{}</p></div><div class="header-actions"><button type="button" class="share-button">{}<span class="sr-only">{}</span></button><a class="lang-switch" href="{}" hreflang="{other}" aria-label="{}" lang="{other}">{}</a></div></header>"#,
        href(""),
        esc(t.app_name),
        esc(t.tagline),
        esc(t.share),
        esc(t.share_label),
        esc(&switch),
        esc(t.switch_language_label),
        esc(t.switch_language),
    );
    let labels = [t.nav_overzicht, t.nav_trends, t.nav_doorlooptijden, t.nav_gemeenten, t.nav_data, t.nav_over];
    let _ = write!(s, r#"<nav class="site-nav" aria-label="{}"><ul>"#, esc(t.nav_label));
    for (i, (route, label)) in MAIN.iter().zip(labels).enumerate() {
        // A gemeente page belongs to the Gemeenten section, marked as `ui::shell` marks it.
        let (class, current) = if Some(i) == view.nav() {
            ("", r#" aria-current="page""#)
        } else if view.gemeente.is_some() && *route == "gemeenten" {
            (r#" class="section-current""#, r#" aria-current="true""#)
        } else {
            ("", "")
        };
        let _ = write!(s, r#"<li{class}><a href="{}"{current}>{}</a></li>"#, esc(&href_lang(route, lang)), esc(label));
    }
    s.push_str("</ul></nav>");
}

/// The view's heading and lead (marked `data-view`), then "loading" — or the whole Over page.
fn content(s: &mut String, view: &View, registry: &Registry, lang: Lang) {
    let t = texts(lang);
    if let Some(g) = view.gemeente {
        return gemeente(s, g, registry, lang);
    }
    if view.route == "over" {
        return over(s, lang);
    }
    let (title, lead) = view.heading(lang);
    let _ = write!(s, r#"<h1 data-view>{}</h1><p class="lead" data-view>{}</p>"#, esc(title), esc(lead.unwrap_or_default()));
    if view.route == "doorlooptijden" {
        // `source_notice` in ui::views::doorlooptijden, as it shows without address data.
        let d = &t.doorlooptijden;
        let demo = match lang {
            Lang::Nl => "doorlooptijden?bron=demo",
            Lang::En => "doorlooptijden?lang=en&bron=demo",
        };
        let _ = write!(
            s,
            r#"<div class="notice-info" data-view data-no-bron><p>{}</p><p><a href="{}">{}</a> {} <a href="{}">{}</a>.</p></div>"#,
            esc(d.published_intro),
            esc(demo),
            esc(d.invite_demo),
            esc(d.invite_or),
            esc(&href_lang("data", lang)),
            esc(d.invite_load)
        );
    }
    loading(s, lang);
}

fn loading(s: &mut String, lang: Lang) {
    let _ = write!(s, r#"<div class="loading" role="status"><p>{}</p><progress></progress></div>"#, esc(texts(lang).shell.loading));
}

/// The top of a gemeente page as `ui::views::gemeente` renders it with the published figures:
/// breadcrumbs, name, merger note and source; the figures follow with the data.
fn gemeente(s: &mut String, g: &Gemeente, registry: &Registry, lang: Lang) {
    let t = &texts(lang).gemeenten;
    let _ = write!(
        s,
        r#"<div data-view><nav class="breadcrumbs" aria-label="{}"><ol><li><a href="{}">{}</a></li><li><a href="{}" aria-current="page">{}</a></li></ol></nav><h1>{}</h1>"#,
        esc(t.crumb_label),
        esc(&href_lang("gemeenten", lang)),
        esc(t.crumb_root),
        esc(&href_lang(&format!("gemeente/{}", g.code), lang)),
        esc(&g.name),
        esc(&g.name),
    );
    if let Some((_, text)) = merger_text(registry, g.code, lang) {
        let _ = write!(s, r#"<p class="muted small">{}</p>"#, esc(&text));
    }
    let _ = write!(s, r#"<p class="muted">{}</p></div>"#, esc(t.source_published));
    loading(s, lang);
}

/// The Over page in full, as `ui::views::over` renders it.
fn over(s: &mut String, lang: Lang) {
    let t = &texts(lang).over;
    let here = href_lang("over", lang);
    let _ = write!(s, r#"<div data-view><h1>{}</h1><p class="lead">{}</p>"#, esc(t.title), esc(t.intro));
    let _ = write!(s, r#"<nav aria-label="{}"><ul class="toc">"#, esc(texts(lang).bronnen.toc_label));
    for (id, title) in t.sections.iter().map(|x| (x.id, x.title)).chain([("woordenlijst", t.glossary_title)]) {
        let _ = write!(s, r##"<li><a href="{}#{}">{}</a></li>"##, esc(&here), esc(id), esc(title));
    }
    s.push_str(r#"</ul></nav><div class="text-column">"#);
    for sec in t.sections {
        let _ = write!(s, r#"<section id="{0}" aria-labelledby="{0}-kop"><h2 id="{0}-kop">{1}</h2>"#, esc(sec.id), esc(sec.title));
        for p in sec.paragraphs {
            let _ = write!(s, "<p>{}</p>", esc(p));
        }
        if !sec.points.is_empty() {
            s.push_str("<ul>");
            for p in sec.points {
                let _ = write!(s, "<li>{}</li>", esc(p));
            }
            s.push_str("</ul>");
        }
        s.push_str("</section>");
    }
    let _ = write!(s, r#"<p><a class="button secondary" href="{}">{}</a></p>"#, esc(&href_lang("data", lang)), esc(t.see_data));
    let _ = write!(
        s,
        r#"<section id="woordenlijst" aria-labelledby="woordenlijst-kop"><h2 id="woordenlijst-kop">{}</h2><p>{}</p><dl>"#,
        esc(t.glossary_title),
        esc(t.glossary_intro)
    );
    for (word, meaning) in t.glossary {
        let _ = write!(s, r#"<dt lang="nl"><strong>{}</strong></dt><dd class="term">{}</dd>"#, esc(word), esc(meaning));
    }
    s.push_str("</dl></section></div></div>");
}

/// A link to a route, relative to `<base href>` (so the build works under any public URL).
fn href(route: &str) -> String {
    if route.is_empty() { "./".to_string() } else { route.to_string() }
}

/// A link to a route in a language (Dutch, the default, has no parameter).
fn href_lang(route: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => href(route),
        Lang::En => format!("{}?lang=en", href(route)),
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    fn registry() -> Registry {
        let csv = "code,name,valid_from,valid_to,successor,in_operation\nGM0003,Appingedam,,2020-12-31,GM1979,yes\nGM1979,Eemsdelta,2021-01-01,,,yes\nGM0017,Haren,,2018-12-31,GM0014,no\nGM0014,Groningen,,,,yes\n";
        parse_gemeenten("gemeenten.csv", csv, &mut LoadReport::default()).unwrap_or_else(|_| Registry::new(Vec::new()))
    }

    fn views(r: &Registry) -> Vec<View<'_>> {
        main_views().into_iter().chain(gemeente_views(r)).collect()
    }

    const MINIFIED: &str = "<!doctype html><html lang=nl><head><title>Versterkingsmonitor Groningen</title><base href=/></head><body><div id=boot><main><p class=loading role=status>laden</p></main></div><noscript><p>JS</p></noscript></body></html>";

    #[test]
    fn every_view_gets_its_heading_in_both_languages() {
        let r = registry();
        assert_eq!(views(&r).len(), 8, "six main views and the two current gemeenten");
        for view in &views(&r) {
            let html = page(MINIFIED, view, &r).unwrap_or_default();
            for lang in [Lang::Nl, Lang::En] {
                let title = page_title(view, lang);
                let heading = title.split(" — ").next().unwrap_or_default();
                assert!(html.contains(&format!("<h1>{}</h1>", esc(heading))) || html.contains(&format!("<h1 data-view>{}</h1>", esc(heading))), "{} {lang}: {heading}", view.route);
                assert!(html.contains(&format!("<title>{}</title>", esc(&page_title(view, Lang::Nl)))));
            }
            assert!(html.contains(&format!(r#"data-route="{}""#, view.route)));
            assert_eq!(html.matches("<noscript>").count(), 1, "the template's tail is kept");
            assert!(!html.contains("<div id=boot>"), "the template's boot block is replaced");
        }
    }

    #[test]
    fn an_embed_view_in_a_frame_reports_its_height_under_the_key_the_listener_reads() {
        // The embedding page's script (analysis::embed::RESIZE_LISTENER) sets the frame's height
        // from this message; a different key would leave every embedded chart at its first height.
        use versterkingsmonitor::analysis::embed::{EMBED_PARAM, HEIGHT_MESSAGE_KEY};
        assert!(SCRIPT.contains(&format!("q.get('{EMBED_PARAM}')")));
        assert!(SCRIPT.contains(&format!("parent.postMessage({{'{HEIGHT_MESSAGE_KEY}':document.body.scrollHeight}},'*')")));
    }

    #[test]
    fn the_current_view_is_marked_once_per_language() {
        // In the navigation for a main view, in the breadcrumbs for a gemeente page.
        let r = registry();
        for view in &views(&r) {
            let html = page(MINIFIED, view, &r).unwrap_or_default();
            assert_eq!(html.matches(r#"aria-current="page""#).count(), 2, "{}", view.route);
        }
    }

    #[test]
    fn a_gemeente_page_marks_its_section_in_the_navigation() {
        // Regression: the Gemeenten item was marked only by its look on the app's gemeente pages
        // (a class), so a screen reader heard no current item; the static first paint did not
        // mark it at all. It is `aria-current="true"` (not "page": the page is the gemeente's).
        let r = registry();
        for view in &views(&r) {
            let html = page(MINIFIED, view, &r).unwrap_or_default();
            let marked = html.matches(r#"<li class="section-current"><a href="gemeenten"#).count();
            let expected = if view.gemeente.is_some() { 2 } else { 0 };
            assert_eq!(html.matches(r#"aria-current="true""#).count(), expected, "{}", view.route);
            assert_eq!(marked, expected, "{}", view.route);
        }
    }

    #[test]
    fn the_header_keeps_the_share_buttons_place_before_the_language_link() {
        // Regression: the first paint had only the language link; the app's header has "Delen"
        // before it, so on a phone the link jumped sideways when the app took over, under a
        // finger about to tap it.
        let r = registry();
        for view in &views(&r) {
            let html = page(MINIFIED, view, &r).unwrap_or_default();
            for lang in [Lang::Nl, Lang::En] {
                let t = &texts(lang).shell;
                let share = format!(r#"<div class="header-actions"><button type="button" class="share-button">{}<span class="sr-only">{}</span></button><a class="lang-switch""#, esc(t.share), esc(t.share_label));
                assert_eq!(html.matches(&share).count(), 1, "{} {lang}", view.route);
            }
        }
    }

    #[test]
    fn a_merged_gemeente_page_says_what_it_was_merged_from() {
        let r = registry();
        let v = views(&r);
        let eemsdelta = v.iter().find(|v| v.route == "gemeente/GM1979");
        let html = eemsdelta.map(|v| page(MINIFIED, v, &r).unwrap_or_default()).unwrap_or_default();
        assert!(html.contains("Appingedam"), "{html}");
        assert!(!v.iter().any(|v| v.route == "gemeente/GM0003" || v.route == "gemeente/GM0017"), "no pages for merged or non-operation gemeenten");
    }

    #[test]
    fn the_title_is_the_views_title() {
        let r = registry();
        let html = page(MINIFIED, &main_views()[1], &r).unwrap_or_default();
        assert!(html.contains("<title>Trends — Versterkingsmonitor Groningen</title>"), "{html}");
    }

    #[test]
    fn prerendering_twice_gives_the_same_page() {
        // The post-build hook may run on an already prerendered index.html (trunk serve rebuilds).
        let r = registry();
        for view in &views(&r) {
            let once = page(MINIFIED, view, &r).unwrap_or_default();
            let twice = page(&once, view, &r).unwrap_or_default();
            assert_eq!(once, twice, "{}", view.route);
        }
    }

    #[test]
    fn a_template_without_a_boot_block_is_an_error_not_a_panic() {
        let r = registry();
        let v = &main_views()[0];
        assert!(page("<html><body>no noscript</body></html>", v, &r).is_err());
        assert!(page("", v, &r).is_err());
        assert!(page("<title>x</title><noscript><body>", v, &r).is_err());
    }

    #[test]
    fn the_over_page_is_complete() {
        let r = registry();
        let html = page(MINIFIED, &main_views()[5], &r).unwrap_or_default();
        for lang in [Lang::Nl, Lang::En] {
            let t = &texts(lang).over;
            for sec in t.sections {
                assert!(html.contains(&format!(r#"<section id="{0}" aria-labelledby="{0}-kop">"#, sec.id)));
                for p in sec.paragraphs {
                    assert!(html.contains(&esc(p)), "{lang} {}", sec.id);
                }
            }
            for (w, _) in t.glossary {
                assert!(html.contains(&esc(w)));
            }
        }
    }
}
