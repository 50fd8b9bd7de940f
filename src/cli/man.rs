//! `otium man [--dir DIR]`: the manual page (roff, from the same clap definition as
//! `--help`), printed, or written as one page per verb (`otium.1`, `otium-start.1`, …).

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};

use super::Cli;
use crate::error::{Error, Result};
use crate::interop::atomic::{output_error, write_file};

// `man [--dir DIR]`.
#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write otium.1 and one otium-VERB.1 per verb into DIR (created if missing;
    /// pages already there are replaced) instead of printing otium.1.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

/// Prints the main page, or writes every page into `--dir`; returns the pages written.
pub fn run(args: &ManArgs, out: &mut dyn Write) -> Result<Vec<PathBuf>> {
    let cmd = Cli::command();
    let Some(dir) = &args.dir else {
        render(&cmd, out)?;
        return Ok(Vec::new());
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Error::keyed(
            crate::ErrorKind::InvalidInput,
            "admin-man-not-a-folder",
            vec![("path", dir.display().to_string())],
        ));
    }
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::keyed(
            crate::ErrorKind::Io,
            "admin-man-cannot-create",
            vec![
                ("path", dir.display().to_string()),
                ("error", e.to_string()),
            ],
        )
    })?;
    let mut written = vec![page(dir, "otium", &cmd)?];
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let name = format!("otium-{}", sub.get_name());
        let sub = sub
            .clone()
            .name(name.clone())
            .bin_name(format!("otium {}", sub.get_name()));
        written.push(page(dir, &name, &sub)?);
    }
    Ok(written)
}

fn page(dir: &Path, name: &str, cmd: &clap::Command) -> Result<PathBuf> {
    let path = dir.join(format!("{name}.1"));
    write_file(&path, true, |w| render(cmd, w))?;
    Ok(path)
}

fn render(cmd: &clap::Command, out: &mut dyn Write) -> Result<()> {
    clap_mangen::Man::new(cmd.clone())
        .render(out)
        .map_err(output_error)
}
