//! Placeholder: filled in by the dates issue.
