//! Placeholder: filled in by the numbers issue.
