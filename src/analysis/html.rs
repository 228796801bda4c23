//! Text made safe for HTML: the pages `ncg prerender` writes and the `<iframe>` code that embeds a
//! chart (`analysis::embed`). One function for both, so they cannot drift apart.

/// `text` as HTML text or as an attribute value in single or double quotes: `& < > " '` escaped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_text_stays_text() {
        assert_eq!(escape(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assert_eq!(escape("Ten Boer — ‘t Zandt"), "Ten Boer — ‘t Zandt");
    }
}
