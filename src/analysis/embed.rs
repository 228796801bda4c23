//! Embedding a chart in another web page (for journalists and researchers): the address of the
//! embed view and the `<iframe>` code to paste.
//!
//! The embed view is any view's address with `insluiten=<chart id>` added: the app then shows only
//! that chart's frame (title, summary, the chart, source line, table, method, downloads), the
//! demonstration banner when the data is synthetic, and a link to the full page. It shows the
//! newest figures of the archive each time it is opened, with the filters of the address.

use super::filters::{BRON_DEMO, Q_BRON};
use super::html::escape;

/// The query parameter that turns a view into the embed view of one of its charts.
pub const EMBED_PARAM: &str = "insluiten";

/// Height in CSS pixels to suggest for the iframe of a chart whose plot is `plot_height` high at
/// the embed's usual width and which has `notes` numbered event notes under it: room for the title,
/// the summary, the source line, the notes, the closed table and method toggles, the download
/// buttons and the link line above (measured at 640 px wide: 400 px besides the plot, ~44 px a note).
pub fn suggested_height(plot_height: u32, notes: usize) -> u32 {
    let notes = u32::try_from(notes).unwrap_or(u32::MAX).saturating_mul(44);
    plot_height.saturating_add(400).saturating_add(notes)
}

/// The query pairs of an embed view: the current ones without any earlier `insluiten`, then
/// `insluiten=<id>`. A chart without synthetic values (`synthetic` false) drops the demonstration
/// source (`bron=demo`): its embed would otherwise carry the demonstration banner over published
/// figures.
pub fn embed_pairs(current: &[(String, String)], chart_id: &str, synthetic: bool) -> Vec<(String, String)> {
    let mut pairs: Vec<(String, String)> =
        current.iter().filter(|(k, v)| k != EMBED_PARAM && (synthetic || !(k == Q_BRON && v == BRON_DEMO))).cloned().collect();
    pairs.push((EMBED_PARAM.to_string(), chart_id.to_string()));
    pairs
}

/// The query pairs of the full page an embed view comes from: the current ones without `insluiten`.
pub fn full_page_pairs(current: &[(String, String)]) -> Vec<(String, String)> {
    current.iter().filter(|(k, _)| k != EMBED_PARAM).cloned().collect()
}


/// The message an embed view sends to the page around its frame whenever its content changes
/// height (written by `ncg prerender` into the pages' inline script): `{ "versterkingsmonitor-hoogte": px }`.
pub const HEIGHT_MESSAGE_KEY: &str = "versterkingsmonitor-hoogte";

/// The script that goes with the `<iframe>`: on the embedding page it sets the height of the frame
/// that sent a height message, so the chart is never cut off or followed by white space (at 360 px
/// the notes under a chart make it much taller than at 640). Plain ES5; without it the frame keeps
/// its suggested height and scrolls.
pub const RESIZE_LISTENER: &str = r#"<script>window.addEventListener("message",function(e){var h=e.data&&e.data["versterkingsmonitor-hoogte"];if(typeof h!=="number")return;[].forEach.call(document.getElementsByTagName("iframe"),function(f){if(f.contentWindow===e.source)f.style.height=Math.ceil(h)+"px"})});</script>"#;

/// The name of the frame for screen readers: the chart's title and the app's name, with the
/// demonstration stamp (`demo_stamp`) when the chart holds synthetic data, so that a page embedding
/// it cannot drop that warning from the frame's name either.
pub fn frame_title(chart_title: &str, demo_stamp: Option<&str>, app_name: &str) -> String {
    match demo_stamp {
        Some(stamp) => format!("{chart_title} ({stamp}) — {app_name}"),
        None => format!("{chart_title} — {app_name}"),
    }
}

/// The `<iframe>` code for an embed view at `src` (an absolute address), followed by
/// [`RESIZE_LISTENER`]. `title` names the frame for screen readers ([`frame_title`]).
pub fn iframe_code(src: &str, title: &str, height: u32) -> String {
    format!(
        r#"<iframe src="{}" title="{}" width="100%" height="{height}" style="border:0;max-width:100%" loading="lazy"></iframe>{RESIZE_LISTENER}"#,
        escape(src),
        escape(title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect()
    }

    #[test]
    fn embed_pairs_keep_the_state_and_name_one_chart() {
        let current = pairs(&[("lang", "en"), ("insluiten", "oud"), ("bron", "demo"), ("gemeente", "GM1979")]);
        assert_eq!(embed_pairs(&current, "fasen-dorp", true), pairs(&[("lang", "en"), ("bron", "demo"), ("gemeente", "GM1979"), ("insluiten", "fasen-dorp")]));
        // Published figures shown while the demo is active: embedded without the demo source.
        assert_eq!(embed_pairs(&current, "trends-stroom", false), pairs(&[("lang", "en"), ("gemeente", "GM1979"), ("insluiten", "trends-stroom")]));
        assert_eq!(full_page_pairs(&current), pairs(&[("lang", "en"), ("bron", "demo"), ("gemeente", "GM1979")]));
    }

    #[test]
    fn iframe_code_escapes_the_address_and_the_title() {
        let code = iframe_code("https://example.org/trends?bron=demo&insluiten=trends-stroom", "Adressen \"per\" maand <demo> & meer", 760);
        assert_eq!(
            code,
            format!(
                r#"<iframe src="https://example.org/trends?bron=demo&amp;insluiten=trends-stroom" title="Adressen &quot;per&quot; maand &lt;demo&gt; &amp; meer" width="100%" height="760" style="border:0;max-width:100%" loading="lazy"></iframe>{RESIZE_LISTENER}"#
            )
        );
    }

    #[test]
    fn a_synthetic_chart_says_so_in_the_frame_name() {
        assert_eq!(frame_title("Tempo", Some("SYNTHETISCHE DEMO"), "Versterkingsmonitor"), "Tempo (SYNTHETISCHE DEMO) — Versterkingsmonitor");
        assert_eq!(frame_title("Tempo", None, "Versterkingsmonitor"), "Tempo — Versterkingsmonitor");
    }

    #[test]
    fn the_listener_reads_the_message_the_pages_send() {
        // The inline script of the prerendered pages (src/bin/ncg/prerender.rs) posts this key.
        assert!(RESIZE_LISTENER.contains(&format!(r#"e.data["{HEIGHT_MESSAGE_KEY}"]"#)));
        assert!(RESIZE_LISTENER.starts_with("<script>") && RESIZE_LISTENER.ends_with("</script>"));
    }

    #[test]
    fn suggested_height_never_overflows() {
        assert_eq!(suggested_height(360, 0), 760);
        assert_eq!(suggested_height(320, 13), 1292);
        assert_eq!(suggested_height(u32::MAX, 3), u32::MAX);
        assert_eq!(suggested_height(300, usize::MAX), u32::MAX);
    }
}
