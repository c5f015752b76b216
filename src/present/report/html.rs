//! The HTML builder under every card: user text escaped, a card's headline (amount and 大写) with
//! its breakdown when open, a formula line.

use crate::engine::money::format_yuan;
use crate::text::amount_in_words::amount_in_words;
use rust_decimal::Decimal;
use std::fmt::Write;

/// `<`, `>`, `&`, `"` and `'` as entities, bidirectional controls dropped: user text can never
/// become markup nor reorder what is shown around it.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if crate::text::is_bidi_control(c) => {}
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The HTML written so far, and whether in Chinese.
pub(super) struct Html {
    pub(super) out: String,
    pub(super) zh: bool,
}

impl Html {
    pub(super) fn tx<'a>(&self, zh: &'a str, en: &'a str) -> &'a str {
        if self.zh {
            zh
        } else {
            en
        }
    }

    pub(super) fn raw(&mut self, s: &str) {
        self.out.push_str(s);
    }

    pub(super) fn text(&mut self, s: &str) {
        self.out.push_str(&escape(s));
    }

    /// One headline card: label, amount, 大写, a note, and (when open) its body.
    pub(super) fn card(
        &mut self,
        card: &str,
        label: &str,
        amount: Decimal,
        note: Option<&str>,
        open: bool,
        body: impl FnOnce(&mut Html),
    ) {
        let _ = write!(
            self.out,
            r#"<details class="figure" data-card="{card}" data-testid="{card}-card"{}><summary><span class="figure-label">"#,
            if open { " open" } else { "" }
        );
        self.text(label);
        let _ = write!(
            self.out,
            r#"</span><strong class="figure-amount" data-testid="{card}">{}</strong><span class="figure-words">{}</span>"#,
            format_yuan(amount),
            amount_in_words(amount).unwrap_or_default()
        );
        if let Some(n) = note {
            self.raw(r#"<span class="figure-note">"#);
            self.text(n);
            self.raw("</span>");
        }
        self.raw("</summary>");
        if open {
            self.raw(r#"<div class="figure-body">"#);
            body(self);
            self.raw("</div>");
        }
        self.raw("</details>");
    }

    pub(super) fn formula(&mut self, text: &str) {
        self.raw(r#"<p class="formula">"#);
        self.text(text);
        self.raw("</p>");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape(r#"<img src=x onerror="alert(1)">&'"#),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
    }
}
