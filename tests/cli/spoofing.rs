//! Text that acts on a terminal or misleads a reader: control characters never reach
//! an ICS file raw, C1 controls and bidi overrides are escaped in JSON (losslessly),
//! and invisible characters are refused in project names and tags and shown escaped
//! in notes.

use crate::env::{TestEnv, code};

/// ESC (an OSC that retitles the terminal), BEL, DEL, a C1 CSI (U+009B, an 8-bit
/// escape some terminals obey), a C1 NEL and a bidi override.
const HOSTILE: &str = "x\u{1b}]0;owned\u{7} d\u{7f} c\u{9b}2J n\u{85} \u{202e}gnp.exe";

fn has(bytes: &[u8], needle: &[u8]) -> bool {
    bytes.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn ics_export_writes_no_raw_control_characters() {
    let env = TestEnv::new();
    env.ok(&[
        "add", "coding", "+review", "--from", "9:00", "--for", "1h", "--note", HOSTILE,
    ]);
    let file = env.dir.path().join("cal.ics");
    env.ok(&["export", "--format", "ics", "-o", file.to_str().unwrap()]);
    let stdout = env.run(&["export", "--format", "ics"]).stdout;
    for bytes in [std::fs::read(&file).unwrap(), stdout] {
        // No C0 control but CR LF (line ends) and no DEL; no C1 (UTF-8 C2 80..C2 9F).
        let bad: Vec<usize> = bytes
            .iter()
            .enumerate()
            .filter(|&(i, &b)| {
                (b < 0x20 && b != b'\r' && b != b'\n' && b != b'\t')
                    || b == 0x7f
                    || (b == 0xc2 && bytes.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
            })
            .map(|(i, _)| i)
            .collect();
        assert!(bad.is_empty(), "raw controls at {bad:?}");
        let text = String::from_utf8(bytes).unwrap().replace("\r\n ", "");
        // Each one is visible text instead (TEXT escapes the backslash as `\\`).
        assert!(
            text.contains(
                "DESCRIPTION:x\\\\u{1b}]0\\;owned\\\\u{7} d\\\\u{7f} c\\\\u{9b}2J n\\\\u{85} \\\\u{202e}gnp.exe\\n+review"
            ),
            "{text}"
        );
    }
}

#[test]
fn json_escapes_c1_and_bidi_and_reads_back_the_exact_note() {
    let env = TestEnv::new();
    env.ok(&[
        "add", "coding", "--from", "9:00", "--for", "1h", "--note", HOSTILE,
    ]);
    for args in [
        &["log", "--today", "--json"][..],
        &["export", "--format", "json"][..],
    ] {
        let out = env.run(args);
        assert!(out.status.success(), "{args:?}");
        let bytes = out.stdout;
        assert!(!has(&bytes, "\u{9b}".as_bytes()), "{args:?}: raw CSI");
        assert!(!has(&bytes, "\u{85}".as_bytes()), "{args:?}: raw NEL");
        assert!(!has(&bytes, "\u{202e}".as_bytes()), "{args:?}: raw RLO");
        assert!(!has(&bytes, b"\x1b") && !has(&bytes, b"\x7f"), "{args:?}");
        let text = String::from_utf8(bytes).unwrap();
        assert!(
            text.contains("c\\u009b2J n\\u0085 \\u202egnp"),
            "{args:?}: {text}"
        );
    }
    // Lossless: a JSON parser reads the stored note back exactly.
    assert_eq!(env.json(&["log", "--today"])[0]["note"], HOSTILE);
}

#[test]
fn invisible_characters_are_refused_in_project_names_and_tags() {
    let env = TestEnv::new();
    let cases: &[(&[&str], &str)] = &[
        (&["start", "pay\u{202e}roll"], "invisible character U+202E"),
        (&["start", "pay\u{2066}roll"], "invisible character U+2066"),
        (&["start", "payroll\u{200b}"], "invisible character U+200B"),
        (&["start", "\u{feff}payroll"], "invisible character U+FEFF"),
        (
            &["start", "coding", "+re\u{200d}view"],
            "invisible character U+200D",
        ),
        (
            &[
                "add",
                "coding",
                "+a\u{202a}",
                "--from",
                "9:00",
                "--for",
                "1h",
            ],
            "invisible character U+202A",
        ),
    ];
    for (args, expected) in cases {
        let err = env.fails(args, code::INVALID);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(expected), "{args:?}: {err}");
        // The message quotes the name with the character escaped, never raw.
        assert!(
            !err.contains(['\u{202e}', '\u{2066}', '\u{200b}', '\u{200d}']),
            "{err}"
        );
    }
    assert_eq!(env.json(&["log", "--all"]), serde_json::json!([]));
    // An import carrying one is refused the same way, and writes nothing.
    let file = env.dir.path().join("in.csv");
    std::fs::write(
        &file,
        "id,uuid,project,tags,note,start,end,duration_seconds,zone\n\
         ,,pay\u{202e}roll,,,2026-03-02T09:00:00+01:00,2026-03-02T10:00:00+01:00,,Europe/Berlin\n",
    )
    .unwrap();
    let err = env.fails(&["import", "csv", file.to_str().unwrap()], code::INVALID);
    assert!(err.contains("invisible character U+202E"), "{err}");
    assert_eq!(env.json(&["log", "--all"]), serde_json::json!([]));
}

#[test]
fn bidi_in_a_note_is_printed_escaped() {
    let env = TestEnv::new();
    let note = "see \u{202e}fdp.exe\u{202c} and a\u{200b}b";
    env.ok(&[
        "add", "coding", "--from", "9:00", "--for", "1h", "--note", note,
    ]);
    let text = env.ok(&["log", "--today"]);
    assert!(
        !text.contains(['\u{202e}', '\u{202c}', '\u{200b}']),
        "{text:?}"
    );
    assert!(
        text.contains("see \\u{202e}fdp.exe\\u{202c} and a\\u{200b}b"),
        "{text}"
    );
    assert_eq!(env.json(&["log", "--today"])[0]["note"], note);
}
