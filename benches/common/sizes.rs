//! The sizes a benchmark file runs at, shared by `benches/*.rs`: the comma list in
//! `OTIUM_BENCH_SIZES` (`_` separators allowed), else `bench` under `cargo bench` and
//! `test` when divan runs each benchmark once as a test (`cargo test --all-targets`).

/// The sizes to run (see the file comment).
pub fn sizes(bench: &[usize], test: &[usize]) -> Vec<usize> {
    if let Ok(text) = std::env::var("OTIUM_BENCH_SIZES")
        && !text.trim().is_empty()
    {
        return text
            .split(',')
            .map(|part| {
                part.trim().replace('_', "").parse().unwrap_or_else(|_| {
                    panic!("OTIUM_BENCH_SIZES={text:?}: {part:?} is not a count; use e.g. 100000,1000000")
                })
            })
            .collect();
    }
    // Divan's own rule: it benchmarks only with `--bench` (which `cargo bench` passes)
    // and without `--test`; otherwise it runs each benchmark once as a test.
    let args: Vec<String> = std::env::args().collect();
    let bench_mode = args.iter().any(|a| a == "--bench") && !args.iter().any(|a| a == "--test");
    if bench_mode {
        bench.to_vec()
    } else {
        test.to_vec()
    }
}
