//! Links the `otium` binary as a position-dependent executable on Linux (issue 21).
//!
//! A position-independent executable carries one relative relocation per pointer in
//! its read-only data (chrono-tz's zone tables, clap's and the catalogue's strings):
//! about 34,000 here, so before `main` the loader reads 0.8 MB of relocations and
//! writes 1.1 MB of `.data.rel.ro`, some 400 page faults for `otium --version`
//! against about 70 for an empty Rust program. Linked without PIE, the linker
//! resolves them once at link time and the pages stay untouched until used. The
//! objects stay position-independent (rustc's default), so this is only a link flag,
//! for the binaries alone (tests, benches and the library are unchanged); the cost is
//! that the binary's own code is not placed at a random address (ASLR for the
//! libraries, stack and heap is unchanged).

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // GNU ld, gold, lld and mold all take `-no-pie` through the C compiler driver
    // rustc links with on Linux; other systems keep their default.
    if os == "linux" && (env == "gnu" || env == "musl") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
}
