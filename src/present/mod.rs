//! The figures as people read them: each figure in words with its clause ([`explain`]), the
//! results and the printable statement as HTML built from escaped text ([`markup`], [`report`]),
//! the 计算明细 ([`claim`]) and the exposure curve ([`chart`]), and scenarios side by side
//! ([`compare`]).

pub mod chart;
pub mod claim;
pub mod compare;
pub mod explain;
pub mod markup;
pub mod report;
