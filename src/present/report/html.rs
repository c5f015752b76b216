//! The HTML builder under every card: the [`Markup`] written so far in one language, a card's
//! headline (amount and 大写) with its breakdown when open, a formula line.

use super::card::Card;
use crate::engine::money::format_yuan;
use crate::present::markup::Markup;
use crate::text::amount_in_words::amount_in_words;
use crate::text::{Lang, Text};
use rust_decimal::Decimal;

/// The markup written so far, its language, and how many 计算明细 lines it draws at most.
pub(super) struct Html {
    pub(super) out: Markup,
    pub(super) lang: Lang,
    pub(super) lines_at_most: usize,
}

impl Html {
    pub(super) fn new(lang: Lang, capacity: usize, lines_at_most: usize) -> Html {
        Html {
            out: Markup::with_capacity(capacity),
            lang,
            lines_at_most,
        }
    }

    pub(super) fn t(&self, text: Text) -> &'static str {
        text.get(self.lang)
    }

    /// One headline card: label, amount, 大写, a note, and (when open) its body.
    pub(super) fn card(
        &mut self,
        card: Card,
        label: &str,
        amount: Decimal,
        note: Option<&str>,
        open: bool,
        body: impl FnOnce(&mut Html),
    ) {
        let figure = format_yuan(amount);
        self.out
            .open_flagged(
                "details",
                &[
                    ("class", "figure"),
                    ("data-card", card.id()),
                    ("data-testid", card.test_id()),
                ],
                if open { &["open"] } else { &[] },
            )
            .push_static("<summary>")
            .el("span", &[("class", "figure-label")], label)
            .el(
                "strong",
                &[
                    // Past a hundred billion yuan a figure takes a smaller size, so that a phone
                    // does not break it before its fen.
                    (
                        "class",
                        if figure.len() > 18 {
                            "figure-amount long"
                        } else {
                            "figure-amount"
                        },
                    ),
                    ("data-testid", card.id()),
                ],
                &figure,
            )
            .el(
                "span",
                &[("class", "figure-words")],
                &amount_in_words(amount).unwrap_or_default(),
            );
        if let Some(n) = note {
            self.out.el("span", &[("class", "figure-note")], n);
        }
        self.out.push_static("</summary>");
        if open {
            self.out.open("div", &[("class", "figure-body")]);
            body(self);
            self.out.close("div");
        }
        self.out.close("details");
    }

    pub(super) fn formula(&mut self, text: &str) {
        self.out.el("p", &[("class", "formula")], text);
    }
}
