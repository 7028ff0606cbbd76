//! Instructions spent turning web archives into Arrow record batches, for before/after
//! comparisons under callgrind (steady on a shared machine, unlike seconds).
//!
//!     cargo build --profile profile --example warc_costs --features jemalloc
//!     valgrind --tool=callgrind target/profile/examples/warc_costs A.warc.gz [--read-only]
//!
//! Reads every archive in order with `warc::Archive` (gunzip, WARC and HTTP parsing, picking
//! the HTML responses); without `--read-only` it also parses the pages in batches of 64 on
//! one thread and builds the Arrow batches, as `iter_warc(output="arrow")` does. Prints the
//! pages, the MB of HTML and the seconds; asserts nothing. Instructions per HTML byte: the
//! callgrind total over the printed byte count (the difference of the two runs is the parse).

use newsparse::arrow::{record_batch_with_sources, Item, Source};
use newsparse::record::Options;
use newsparse::warc::{parse_batch, Archive, Entry};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let read_only = args.iter().any(|a| a == "--read-only");
    let paths: Vec<&String> = args.iter().filter(|a| !a.starts_with("--")).collect();
    if paths.is_empty() {
        eprintln!("usage: warc_costs ARCHIVE... [--read-only]");
        std::process::exit(2);
    }
    let opts = Options::default();
    let t0 = std::time::Instant::now();
    let (mut pages, mut bytes, mut rows) = (0usize, 0usize, 0usize);
    for path in paths {
        if !std::path::Path::new(path).exists() {
            println!("skipped: {path} not found");
            continue;
        }
        let mut archive = Archive::open(path, 1 << 30);
        loop {
            let mut batch = Vec::new();
            while batch.len() < 64 {
                match archive.next_entry() {
                    Some(e) => {
                        if let Entry::Page(p) = &e {
                            pages += 1;
                            bytes += p.html.len();
                        }
                        batch.push(e);
                    }
                    None => break,
                }
            }
            if batch.is_empty() {
                break;
            }
            if read_only {
                continue;
            }
            let Ok(parsed) = parse_batch(batch, &opts, Some(1)) else {
                eprintln!("batch failed");
                continue;
            };
            let items: Vec<(Item, Source)> = parsed
                .iter()
                .map(|(o, r)| {
                    let src = Source {
                        path: Some(o.path.as_str()),
                        url: o.url.as_deref(),
                        warc_date: o.warc_date.as_deref(),
                        warc_record_id: o.record_id.as_deref(),
                    };
                    match r {
                        Ok(p) => (Item::Parsed(p), src),
                        Err(e) => (Item::Failed(e), src),
                    }
                })
                .collect();
            match record_batch_with_sources(&items) {
                Ok(b) => rows += b.num_rows(),
                Err(e) => eprintln!("arrow: {}", e.message),
            }
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{pages} pages, {:.1} MB of HTML, {rows} rows, {secs:.2} s ({:.1} MB/s)",
        bytes as f64 / 1e6,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
}
