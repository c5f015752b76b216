//! The one place for what users read, in Chinese (the default) and English: the [`Lang`], the
//! messages that explain a refusal ([`messages`]), what local storage tells users ([`store`]),
//! and amounts in words ([`amount_in_words`]).

pub mod amount_in_words;
pub mod messages;
pub mod store;

/// The language of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}
