//! The figures as people read them: each figure in words with its clause ([`explain`]), the
//! results and the printable statement as escaped HTML ([`report`]), and scenarios side by side
//! ([`compare`]).

pub mod chart;
pub mod claim;
pub mod compare;
pub mod explain;
pub mod report;
