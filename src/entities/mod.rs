//! Placeholder: filled in by the entities issue.
