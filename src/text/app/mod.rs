//! What the browser app shows, one module per part of the page (mirroring `src/app`): fixed
//! labels as [`Text`](crate::text::Text) constants, sentences with figures or names as functions
//! of [`Lang`](crate::text::Lang).

pub mod compare;
pub mod inputs;
pub mod library;
pub mod page;
pub mod results;
pub mod share;
