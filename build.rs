//! Link settings for the `otium` binary on Linux (issue 21): fewer pages and fewer
//! shared objects for the loader to map before `main`. Only the binaries are
//! affected; tests, benches, the library and the fuzz targets link as usual.
//!
//! **Position-dependent.** A position-independent executable carries one relative
//! relocation per pointer in its read-only data (chrono-tz's zone tables, clap's and
//! the catalogue's strings): about 34,000 here, so before `main` the loader reads
//! 0.8 MB of relocations and writes 1.1 MB of `.data.rel.ro`, some 400 page faults
//! for `otium --version` against about 70 for an empty Rust program. Linked without
//! PIE, the linker resolves them once at link time and the pages stay untouched until
//! used. The objects stay position-independent (rustc's default), so this is only a
//! link flag; the cost is that the binary's own code is not placed at a random
//! address (ASLR for the stack, the heap and any shared library is unchanged).
//!
//! **`libgcc_s` linked in.** Each shared object the loader maps, relocates and
//! initialises costs about 0.13 ms of a 1.3 ms process start here, and otium needs
//! only the unwinder from `libgcc_s`. GCC ships it as a static archive too,
//! `libgcc_eh.a` (what `gcc -static-libgcc` links), so a folder on the binaries'
//! library path holds a `libgcc_s.a` that names it, and the `-lgcc_s` rustc passes
//! finds that first. Where the compiler has no such archive (Clang without GCC's
//! runtime, a cross build) the shared one is linked as before: the binary behaves
//! the same, only its start is slower.
//!
//! **glibc linked in.** Looking up glibc's functions in `libc.so.6` was 14% of
//! `otium status`. Where the compiler also has every one of glibc's static archives,
//! the same folder holds a `libX.so` script naming `libX.a` for each library rustc
//! asks for, and the binaries link with `-static` (see [`link_runtime_statically`]);
//! `libm.a`'s CPU-specific `exp`/`log`/`pow` need exactly that, a fully static
//! program. Where any archive is missing, glibc stays shared.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=RUSTC_LINKER");
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    // GNU ld, gold, lld and mold all take `-no-pie` through the C compiler driver
    // rustc links with on Linux; other systems keep their default.
    if os == "linux" && (env == "gnu" || env == "musl") {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    if os == "linux" && env == "gnu" && is_native_build() {
        link_runtime_statically();
    }
}

/// Whether the binary is built for the machine that builds it: the compiler found
/// below is then the one that links it.
fn is_native_build() -> bool {
    let target = std::env::var("TARGET").unwrap_or_default();
    let host = std::env::var("HOST").unwrap_or_default();
    !target.is_empty() && target == host
}

/// The C libraries rustc links a Rust program with on glibc (`-lutil -lrt -lpthread
/// -lm -ldl -lc`), all linked from their static archives when every one is there.
const C_LIBRARIES: [&str; 6] = ["util", "rt", "pthread", "m", "dl", "c"];

/// Writes linker scripts into a folder of `OUT_DIR` that name static archives, and puts
/// the folder first on the binaries' library path: `libgcc_s.a` for the unwinder and,
/// when the compiler has every C library's archive, `libX.so` for each of
/// [`C_LIBRARIES`], and links with `-static`. rustc asks for those libraries after
/// `-Bdynamic`, which makes the linker look for `libX.so` in each folder first; these
/// are the first it finds, and each names `libX.a`. Any step that fails leaves what it
/// covers shared, as before.
fn link_runtime_statically() {
    let Some(out) = std::env::var_os("OUT_DIR").map(PathBuf::from) else {
        return;
    };
    let dir = out.join("static-runtime");
    if std::fs::create_dir_all(&dir).is_err() {
        return;
    }
    // The linker rustc calls (`-C linker`, else `cc`) knows where its archives are.
    let linker = std::env::var("RUSTC_LINKER").unwrap_or_else(|_| "cc".to_string());
    let unwinder = script(&dir, &linker, "libgcc_s.a", "libgcc_eh.a");
    // All or none: a program with some C libraries static and the rest shared has two
    // copies of glibc's state.
    let static_c = unwinder
        && C_LIBRARIES.iter().all(|lib| {
            script(
                &dir,
                &linker,
                &format!("lib{lib}.so"),
                &format!("lib{lib}.a"),
            )
        });
    if !static_c {
        for lib in C_LIBRARIES {
            let _ = std::fs::remove_file(dir.join(format!("lib{lib}.so")));
        }
    }
    if unwinder {
        // `-L` applies to every `-l` wherever it stands on the line, and the folders
        // given with `-L` are searched before the system's.
        println!("cargo:rustc-link-arg-bins=-L{}", dir.display());
    }
    if static_c {
        // The compiler driver then picks the start files of a static program and
        // leaves out the dynamic loader.
        println!("cargo:rustc-link-arg-bins=-static");
    }
}

/// Writes the linker script `name` into `dir`, naming the archive `archive` as `linker`
/// finds it; `false` (and no script left) when it finds none.
fn script(dir: &Path, linker: &str, name: &str, archive: &str) -> bool {
    let path = dir.join(name);
    // Removed first, so that a link left at the path is never written through, and a
    // script left from an earlier build never outlives its archive.
    let _ = std::fs::remove_file(&path);
    archive_path(linker, archive).is_some_and(|found| {
        // A linker script, as glibc's own `libm.a` is: `INPUT` links the named
        // archive as if it stood on the command line.
        std::fs::write(&path, format!("INPUT({})\n", found.display())).is_ok()
    })
}

/// The full path of `archive` as `linker` would find it, if it has one. GCC and
/// Clang print the bare name back when they find nothing.
fn archive_path(linker: &str, archive: &str) -> Option<PathBuf> {
    let output = Command::new(linker)
        .arg(format!("-print-file-name={archive}"))
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let text = String::from_utf8(output.stdout).ok()?;
    let path = Path::new(text.trim());
    // A path with a space or parenthesis would need quoting in the script.
    let plain = !text.trim().contains([' ', '(', ')', '"']);
    (path.is_absolute() && path.is_file() && plain).then(|| path.to_path_buf())
}
