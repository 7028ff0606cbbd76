//! Fork safety of the tables built on first use.
//!
//! Word tables, the lexicon and compiled patterns are built once per process, on first use,
//! behind `LazyLock`/`OnceLock`. A `fork()` while another thread is building one leaves the
//! child with that lock marked "being built" by a thread that does not exist there, and the
//! child's first parse waits for it forever (issue 13, item 8: the second fork deadlock; seen
//! in `test_fork_while_another_thread_is_parsing` as worker threads parked in
//! `Once::call` under `stream::lexeme`). So a `pthread_atfork` *prepare* handler, which runs
//! in the forking thread before the fork, finishes building every table first (by parsing a
//! small article and a small page that wake every extractor), waiting for any build another
//! thread has in progress. It does so only once, and only in a process that has started
//! parsing: a process that imports newsparse and forks without parsing pays nothing.
//! The *child* handler forgets the parent's thread pools (`batch`).

use std::sync::atomic::{AtomicBool, Ordering};

use crate::batch::{self, Format};
use crate::limits::Limits;
use crate::record::Options;

static STARTED: AtomicBool = AtomicBool::new(false);
static WARMED: AtomicBool = AtomicBool::new(false);
static INSTALLED: AtomicBool = AtomicBool::new(false);

/// An article that wakes every extractor (quotes, names, dates, numbers, counts, sources,
/// acronyms, the dateline, a byline and a picture caption).
const WARM_TEXT: &str = "Storm kills 12 in coastal towns, officials say\n\n\
By Jane Smith and John Doe\n\n\
Published Monday, March 3, 2025 10:00 GMT\n\n\
LONDON (Reuters) - At least 12 people were killed and 3,000 displaced on Monday, \
the World Health Organization (WHO) said, after a storm caused $5 million in damage.\n\n\
\"We are doing everything we can,\" Prime Minister Keir Starmer told the BBC on Tuesday. \
According to the Met Office, rainfall reached 120 mm in 24 hours, up 40% from 2024.\n\n\
Police spokesman Tom Brown said: \"The roads will stay closed until next week.\"\n\n\
Photo: Rescue workers in Hull on March 4. (Jane Smith/AP)\n";

/// A page with the metadata, structure and furniture the HTML path reads.
const WARM_PAGE: &str = "<!doctype html><html lang=\"en\"><head><title>Storm kills 12 - News</title>\
<meta property=\"og:title\" content=\"Storm kills 12\"><meta name=\"author\" content=\"Jane Smith\">\
<meta property=\"article:published_time\" content=\"2025-03-03T10:00:00Z\">\
<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Storm kills 12\",\
\"datePublished\":\"2025-03-03T10:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":\"Jane Smith\"}}</script>\
</head><body><nav><a href=\"/\">Home</a></nav><article><h1>Storm kills 12</h1>\
<p class=\"byline\">By Jane Smith</p><time datetime=\"2025-03-03\">March 3, 2025</time>\
<p>LONDON (Reuters) - At least 12 people were killed on Monday, officials said.</p>\
<p>\"We are doing everything we can,\" Prime Minister Keir Starmer said.</p>\
<figure><img src=\"a.jpg\"><figcaption>Rescue workers. Photo: AP</figcaption></figure>\
<h2>Related posts</h2><ul><li><a href=\"/b\">Other story</a></li></ul></article>\
<footer>Copyright 2025 News Ltd. All rights reserved.</footer></body></html>";

/// Called at the start of every parse: installs the fork handlers (once) before any table
/// is built, and notes that building may have begun.
#[inline]
pub fn mark_started() {
    if !STARTED.load(Ordering::Relaxed) {
        install();
        STARTED.store(true, Ordering::SeqCst);
    }
}

/// Registers the `pthread_atfork` handlers (once per process).
pub fn install() {
    #[cfg(unix)]
    if !INSTALLED.swap(true, Ordering::SeqCst) {
        // SAFETY: the prepare handler runs ordinary Rust code in the forking thread before
        // the fork (allowed: no lock of ours is held there); the child handler only stores
        // to an atomic (async-signal-safe).
        unsafe {
            libc::pthread_atfork(
                Some(before_fork),
                None,
                Some(batch::forget_registry_in_child),
            );
        }
    }
}

/// Builds every table now (waiting for builds in progress on other threads). Idempotent;
/// never panics.
pub fn warm() {
    if WARMED.load(Ordering::Acquire) {
        return;
    }
    let _ = std::panic::catch_unwind(|| {
        let options = Options::default();
        let limits = Limits::default();
        let _ = batch::parse_limited(WARM_TEXT.as_bytes(), Format::Text, &options, None, &limits);
        let _ = batch::parse_limited(
            WARM_PAGE.as_bytes(),
            Format::Html,
            &options,
            Some("https://example.com/2025/03/03/storm.html"),
            &limits,
        );
        crate::layout::warm();
    });
    WARMED.store(true, Ordering::Release);
}

#[cfg(unix)]
extern "C" fn before_fork() {
    if STARTED.load(Ordering::Acquire) {
        warm();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_warm_article_wakes_every_extractor() {
        // If an extractor found nothing here, its tables might not be built by `warm`.
        let r = crate::record::parse(WARM_TEXT, &Options::default());
        assert!(!r.quotes.is_empty(), "quotes");
        assert!(!r.entities.is_empty(), "entities");
        assert!(!r.dates.is_empty(), "dates");
        assert!(!r.numbers.is_empty(), "numbers");
        assert!(!r.counts.is_empty(), "counts");
        assert!(!r.acronyms.is_empty(), "acronyms");
        assert!(!r.sources.is_empty(), "sources");
        assert!(!r.keywords.is_empty(), "keywords");
        assert!(!r.summary.is_empty(), "summary");
        warm();
        assert!(WARMED.load(Ordering::Acquire));
    }
}
