//! Backing stores and the memory system around them: accounting, the pool, the retention report.

pub mod accounting;
pub mod region;
pub mod shared;
