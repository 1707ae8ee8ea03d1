//! Facade over Chronicle's crates, plus the Pipeline that orders and checks stages.
