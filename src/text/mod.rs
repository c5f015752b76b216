//! The one place for what users read, in Chinese (the default) and English: the [`Lang`], the
//! messages that explain a refusal ([`messages`]), what local storage tells users ([`store`]),
//! amounts in words ([`amount_in_words`]), what the results, the statement and the comparison say
//! ([`report`], [`explain`], [`claim`], [`compare`]), the browser app's labels ([`app`]) and the
//! names of the contract's terms ([`terms`]).

pub mod amount_in_words;
pub mod app;
pub mod claim;
pub mod compare;
pub mod explain;
pub mod law;
pub mod messages;
pub mod rates;
pub mod report;
pub mod results;
pub mod store;
pub mod terms;

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// A fixed text in both languages: Chinese first, as the page shows it by default. Every label
/// the app and the statements show is a `Text` constant in this module's children, or a function
/// of [`Lang`] when it holds figures or dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text(pub &'static str, pub &'static str);

impl Text {
    pub const fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Zh => self.0,
            Lang::En => self.1,
        }
    }
}

/// A date as each language writes it in a sentence: 2025年8月19日 / 19 Aug 2025.
pub fn date_words(d: chrono::NaiveDate, lang: Lang) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match lang {
        Lang::Zh => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        Lang::En => format!("{} {} {}", d.day(), MONTHS[d.month0() as usize], d.year()),
    }
}

/// Whether `c` reorders the text around it (bidirectional controls: U+061C, U+200E, U+200F,
/// U+202A–U+202E, U+2066–U+2069). A name holding U+202E shows "cod.exe" as "exe.doc".
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// User text as it may be shown: without bidirectional controls, so that what a name says is
/// what it shows. The stored text keeps them (nothing typed is lost).
pub fn neutral(text: &str) -> String {
    text.chars().filter(|c| !is_bidi_control(*c)).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn bidi_controls_are_not_shown() {
        // "合同\u{202E}fdp.exe" would show as "合同exe.pdf".
        assert_eq!(super::neutral("合同\u{202E}fdp.exe"), "合同fdp.exe");
        assert_eq!(super::neutral("方案 A"), "方案 A");
    }
}
