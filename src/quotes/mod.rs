//! Placeholder: filled in by the quotes issue.
