//! HTML that can only hold escaped text and the fixed markup written in this crate's code: every
//! piece of runtime text — a scenario's name, a loss label, a figure, a date — goes in through
//! [`Markup::push_text`], which escapes it, so no user text can become markup by a forgotten call.

use std::fmt;

/// A piece of HTML. Its contents come only from escaped text and `&'static str` markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Markup(String);

/// `<`, `>`, `&`, `"` and `'` as entities, bidirectional controls dropped: user text can never
/// become markup nor reorder what is shown around it.
fn escape_into(out: &mut String, text: &str) {
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
}

impl Markup {
    pub const fn new() -> Markup {
        Markup(String::new())
    }

    pub fn with_capacity(capacity: usize) -> Markup {
        Markup(String::with_capacity(capacity))
    }

    /// `text`, escaped.
    pub fn text(text: &str) -> Markup {
        let mut m = Markup::with_capacity(text.len());
        m.push_text(text);
        m
    }

    pub fn push_text(&mut self, text: &str) -> &mut Markup {
        escape_into(&mut self.0, text);
        self
    }

    /// `text` that a narrow column may wrap only at the first `sep` (its leading space), never
    /// inside a date or a figure: "2024-07-01 – 2024-09-30" as "2024-07-01" / "– 2024-09-30".
    /// Without `sep`, plain text.
    pub fn push_unbroken(&mut self, text: &str, sep: &str) -> &mut Markup {
        let Some((first, rest)) = text.split_once(sep) else {
            return self.push_text(text);
        };
        let rest = format!("{}{rest}", sep.trim_start());
        self.el("span", &[("class", "nobr")], first)
            .push_static(" ")
            .el("span", &[("class", "nobr")], &rest)
    }

    /// Fixed markup from the code: tags, attribute names and values chosen by the program.
    pub fn push_static(&mut self, markup: &'static str) -> &mut Markup {
        self.0.push_str(markup);
        self
    }

    pub fn push(&mut self, markup: &Markup) -> &mut Markup {
        self.0.push_str(&markup.0);
        self
    }

    /// `<tag name="value"…>`, each value escaped.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.open_flagged(tag, attrs, &[])
    }

    /// `<tag name="value"… flag…>`: [`Markup::open`] with bare attributes such as `open`.
    pub fn open_flagged(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        flags: &[&'static str],
    ) -> &mut Markup {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            escape_into(&mut self.0, value);
            self.0.push('"');
        }
        for flag in flags {
            self.0.push(' ');
            self.0.push_str(flag);
        }
        self.0.push('>');
        self
    }

    /// `<tag name="value"…/>`, each value escaped: an element without content, as SVG writes it.
    pub fn empty(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Markup {
        self.open(tag, attrs);
        self.0.pop();
        self.0.push_str("/>");
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &'static str) -> &mut Markup {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`, the text escaped.
    pub fn el(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Markup {
        self.open(tag, attrs).push_text(text).close(tag)
    }

    /// `<tag …>body</tag>`.
    pub fn el_with(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        body: impl FnOnce(&mut Markup),
    ) -> &mut Markup {
        self.open(tag, attrs);
        body(self);
        self.close(tag)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for Markup {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_leaves_no_markup() {
        assert_eq!(
            Markup::text(r#"<img src=x onerror="alert(1)">&'"#).as_str(),
            "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;&#39;"
        );
        assert_eq!(Markup::text("合同\u{202E}fdp.exe").as_str(), "合同fdp.exe");
    }

    #[test]
    fn attribute_values_are_escaped() {
        let mut m = Markup::new();
        m.el("td", &[("class", "num"), ("title", "\"><script>")], "<1>");
        assert_eq!(
            m.as_str(),
            r#"<td class="num" title="&quot;&gt;&lt;script&gt;">&lt;1&gt;</td>"#
        );
    }
}
