//! Parsing many articles at once: a rayon pool per thread count, order kept, and one bad
//! article (even one that makes the core panic) reported in its slot instead of sinking the batch.

use std::collections::HashMap;
use std::panic::{self, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

use rayon::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

use crate::error::ItemError;
use crate::record::{self, Options, Record};

/// Pools by thread count, tagged with the process id that built them: after `fork` the child
/// has the parent's pool objects but none of its threads, so it must build its own.
type Pools = HashMap<usize, Arc<ThreadPool>>;
static POOLS: Mutex<Option<(u32, Pools)>> = Mutex::new(None);

/// Threads used when the caller does not say: `NEWSPARSE_THREADS`, else every core.
pub fn default_threads() -> usize {
    std::env::var("NEWSPARSE_THREADS")
        .ok()
        .and_then(|v| v.trim().parse::<usize>().ok())
        .filter(|&n| n > 0)
        .unwrap_or_else(|| {
            std::thread::available_parallelism()
                .map(|n| n.get())
                .unwrap_or(1)
        })
}

fn pool(threads: usize) -> Result<Arc<ThreadPool>, ItemError> {
    let pid = std::process::id();
    let mut guard = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    let pools = match guard.as_mut() {
        Some((p, pools)) if *p == pid => pools,
        _ => &mut guard.insert((pid, HashMap::new())).1,
    };
    if let Some(p) = pools.get(&threads) {
        return Ok(p.clone());
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("newsparse-{i}"))
        .build()
        .map_err(|e| ItemError::internal(format!("could not start {threads} threads: {e}")))?;
    let built = Arc::new(built);
    pools.insert(threads, built.clone());
    Ok(built)
}

/// Runs `f` on a pool of `threads` threads.
pub fn run_in_pool<R: Send>(threads: usize, f: impl FnOnce() -> R + Send) -> Result<R, ItemError> {
    Ok(pool(threads)?.install(f))
}

/// Parses one article, turning a panic in the core into an error for this article alone.
pub fn parse_guarded(text: &str, options: &Options) -> Result<Record, ItemError> {
    panic::catch_unwind(AssertUnwindSafe(|| record::parse(text, options))).map_err(|payload| {
        let msg = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        ItemError::internal(format!("internal error while parsing: {msg}"))
    })
}

/// Maps `f` over `items` in parallel, keeping input order.
pub fn map_ordered<T: Sync, R: Send>(
    items: &[T],
    threads: Option<usize>,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Result<Vec<R>, ItemError> {
    let n = threads.unwrap_or_else(default_threads).max(1);
    if n == 1 {
        // Sequential on the caller's thread: `par_iter` outside a pool would run on rayon's
        // global pool, which is neither one thread nor safe after a fork.
        return Ok(items.iter().map(f).collect());
    }
    run_in_pool(n, || items.par_iter().with_min_len(4).map(&f).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_thread_independence() {
        let texts: Vec<String> = (0..200)
            .map(|i| {
                format!(
                    "Headline {i}\n\nParagraph number {i} says {} things.",
                    i * 3
                )
            })
            .collect();
        let opts = Options::default();
        let one = map_ordered(&texts, Some(1), |t| parse_guarded(t, &opts).ok()).unwrap();
        let many = map_ordered(&texts, Some(4), |t| parse_guarded(t, &opts).ok()).unwrap();
        assert_eq!(one, many);
        let first = one[7].as_ref().unwrap();
        assert_eq!(first.headline.as_ref().unwrap().text, "Headline 7");
    }

    #[test]
    fn one_thread_runs_on_the_callers_thread() {
        let me = std::thread::current().id();
        let ids = map_ordered(&[1; 8], Some(1), |_| std::thread::current().id()).unwrap();
        assert!(ids.iter().all(|&id| id == me));
        let ids = map_ordered(&[0; 64], Some(2), |_| std::thread::current().id()).unwrap();
        assert!(ids.iter().all(|&id| id != me));
    }

    #[test]
    fn pools_are_reused() {
        let a = pool(3).unwrap();
        let b = pool(3).unwrap();
        assert!(Arc::ptr_eq(&a, &b));
    }
}
