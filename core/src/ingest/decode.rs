//! Bytes → text, whatever arrives: UTF-8 with or without a byte-order mark,
//! UTF-16, Windows-1252, binary data, nothing at all, or far too much.
//!
//! Decoding never fails. Whatever was unusual becomes a [`Notice`] in
//! words a reader understands.
//!
//! Why not `encoding_rs` at run time: when the encoding is chosen at run
//! time, its `Encoding::decode` links every decoder it has, CJK tables
//! included, which cost about 290 KB of the browser app's wasm. The two
//! legacy encodings read here need far less: UTF-16 is decoded by the
//! standard library, and Windows-1252 differs from Latin-1 in 32 code
//! points, held in [`WINDOWS_1252_HIGH`]. The tests check that table
//! against `encoding_rs` byte for byte.

use super::{Notice, NoticeKind};

/// Text beyond this many bytes is cut off, so one huge file cannot stall
/// the reader.
pub const MAX_TEXT_BYTES: usize = 5 * 1024 * 1024;

/// How many leading bytes the binary check looks at.
const SNIFF_BYTES: usize = 8192;

/// Share of control bytes (other than tab, line breaks and form feed) above
/// which a file is binary.
const BINARY_CONTROL_SHARE: f32 = 0.1;

/// Share of bytes ≥ 0x80 above which a file that is not UTF-8 is binary:
/// Western text in a legacy encoding has few of them, random data half.
const BINARY_HIGH_BYTE_SHARE: f32 = 0.3;

/// Share of zero bytes at odd (or even) positions that marks UTF-16 text
/// without a byte-order mark.
const UTF16_ZERO_SHARE: f32 = 0.4;

/// The outcome of decoding one file.
#[derive(Debug)]
pub(crate) struct Decoded {
    /// The text; empty for binary files.
    pub text: String,
    /// What was unusual.
    pub notices: Vec<Notice>,
    /// Whether the text is worth reading (not empty, not binary).
    pub readable: bool,
}

/// Decodes `bytes` into text.
pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    let mut notices = Vec::new();
    let (text, encoding) = match sniff(bytes) {
        Sniffed::Binary => {
            notices.push(notice(
                NoticeKind::Binary,
                "This file looks like binary data (an image, archive or program), not text, so nothing is shown.",
            ));
            return Decoded { text: String::new(), notices, readable: false };
        }
        Sniffed::Utf8 { skip } => (utf8_prefix(&bytes[skip..]), None),
        Sniffed::Other(encoding, skip) => {
            let body = &bytes[skip..];
            (encoding.decode(&body[..body.len().min(MAX_TEXT_BYTES)]), Some(encoding))
        }
    };
    let cut = bytes.len() > MAX_TEXT_BYTES;
    if let Some(encoding) = encoding {
        let name = encoding.name();
        let message = if encoding == Legacy::Windows1252 {
            format!("This file is not valid UTF-8; it was read as {name}, so some characters may be wrong.")
        } else {
            format!("This file is in {name}, not UTF-8; it was converted.")
        };
        notices.push(notice(NoticeKind::Encoding, &message));
    }
    let mut text = text;
    if cut || text.len() > MAX_TEXT_BYTES {
        let total = bytes.len().max(text.len());
        text.truncate(floor_char_boundary(&text, MAX_TEXT_BYTES));
        notices.push(notice(
            NoticeKind::Truncated,
            &format!(
                "This file is very large ({} MB); only the first {} MB are shown.",
                total.div_ceil(1024 * 1024),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
        ));
    }
    let readable = !text.trim().is_empty();
    if !readable {
        notices.push(notice(NoticeKind::Empty, "This file holds no text."));
    }
    Decoded { text, notices, readable }
}

fn notice(kind: NoticeKind, message: &str) -> Notice {
    Notice { kind, message: message.to_string() }
}

enum Sniffed {
    Binary,
    /// UTF-8; skip a byte-order mark of `skip` bytes.
    Utf8 {
        skip: usize,
    },
    /// Another encoding, after a byte-order mark of this many bytes.
    Other(Legacy, usize),
}

/// The encodings other than UTF-8 that Crossread reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Legacy {
    Utf16Le,
    Utf16Be,
    /// Western European text from older Windows tools; also covers Latin-1.
    Windows1252,
}

/// Windows-1252 bytes 0x80..=0x9F; every other byte is its Latin-1 code
/// point. The five bytes the code page leaves undefined map to the C1
/// control of the same value, as browsers do.
const WINDOWS_1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

impl Legacy {
    /// The name a reader sees in the notice.
    fn name(self) -> &'static str {
        match self {
            Legacy::Utf16Le => "UTF-16 (little-endian)",
            Legacy::Utf16Be => "UTF-16 (big-endian)",
            Legacy::Windows1252 => "Windows-1252 (Western European)",
        }
    }

    /// Decodes `bytes`; anything malformed becomes U+FFFD.
    fn decode(self, bytes: &[u8]) -> String {
        match self {
            Legacy::Windows1252 => bytes
                .iter()
                .map(|&b| match b {
                    0x80..=0x9f => WINDOWS_1252_HIGH[usize::from(b - 0x80)],
                    _ => char::from(b),
                })
                .collect(),
            Legacy::Utf16Le | Legacy::Utf16Be => {
                let units = bytes.chunks(2).map(|pair| match (pair, self) {
                    ([lo, hi], Legacy::Utf16Le) => u16::from_le_bytes([*lo, *hi]),
                    ([hi, lo], _) => u16::from_be_bytes([*hi, *lo]),
                    // An odd byte at the end cannot be a code unit.
                    _ => 0xfffd,
                });
                char::decode_utf16(units)
                    .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
                    .collect()
            }
        }
    }
}

/// The encoding a byte-order mark announces, and the mark's length.
fn bom(bytes: &[u8]) -> Option<(Option<Legacy>, usize)> {
    match bytes {
        [0xef, 0xbb, 0xbf, ..] => Some((None, 3)),
        [0xff, 0xfe, ..] => Some((Some(Legacy::Utf16Le), 2)),
        [0xfe, 0xff, ..] => Some((Some(Legacy::Utf16Be), 2)),
        _ => None,
    }
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if let Some((encoding, skip)) = bom(bytes) {
        return match encoding {
            None => Sniffed::Utf8 { skip },
            Some(encoding) => Sniffed::Other(encoding, skip),
        };
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if let Some(encoding) = utf16_without_bom(head) {
        return Sniffed::Other(encoding, 0);
    }
    let controls =
        head.iter().filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)).count();
    if head.contains(&0) || controls as f32 > head.len() as f32 * BINARY_CONTROL_SHARE {
        return Sniffed::Binary;
    }
    if is_utf8(bytes) {
        return Sniffed::Utf8 { skip: 0 };
    }
    let high = head.iter().filter(|&&b| b >= 0x80).count();
    if high as f32 > head.len() as f32 * BINARY_HIGH_BYTE_SHARE {
        return Sniffed::Binary;
    }
    Sniffed::Other(Legacy::Windows1252, 0)
}

/// Whether the first [`MAX_TEXT_BYTES`] of `bytes` are UTF-8, allowing a
/// char cut off by the limit.
fn is_utf8(bytes: &[u8]) -> bool {
    let limited = &bytes[..bytes.len().min(MAX_TEXT_BYTES)];
    match std::str::from_utf8(limited) {
        Ok(_) => true,
        Err(e) => e.error_len().is_none() && limited.len() < bytes.len(),
    }
}

/// The UTF-8 text of at most the first [`MAX_TEXT_BYTES`] of `bytes`.
fn utf8_prefix(bytes: &[u8]) -> String {
    let limited = &bytes[..bytes.len().min(MAX_TEXT_BYTES)];
    let valid = match std::str::from_utf8(limited) {
        Ok(_) => limited,
        Err(e) => &limited[..e.valid_up_to()],
    };
    String::from_utf8_lossy(valid).into_owned()
}

/// UTF-16 without a byte-order mark shows as a zero byte in every other
/// position (for Latin text).
fn utf16_without_bom(head: &[u8]) -> Option<Legacy> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_even = head.iter().step_by(2).take(pairs).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).take(pairs).filter(|&&b| b == 0).count();
    let share = |n: usize| n as f32 / pairs as f32;
    if share(zero_odd) >= UTF16_ZERO_SHARE && zero_even == 0 {
        Some(Legacy::Utf16Le)
    } else if share(zero_even) >= UTF16_ZERO_SHARE && zero_odd == 0 {
        Some(Legacy::Utf16Be)
    } else {
        None
    }
}

/// The largest char boundary of `text` at or below `at`.
fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(d: &Decoded) -> Vec<NoticeKind> {
        d.notices.iter().map(|n| n.kind).collect()
    }

    #[test]
    fn utf8_is_read_as_is_and_a_bom_is_dropped() {
        let d = decode("\u{feff}Kata’ib".as_bytes());
        assert_eq!(d.text, "Kata’ib");
        assert!(d.notices.is_empty() && d.readable);
    }

    #[test]
    fn windows_1252_is_decoded_with_a_notice() {
        let d = decode(b"Caf\xe9 \x93quoted\x94");
        assert_eq!(d.text, "Café “quoted”");
        assert_eq!(kinds(&d), [NoticeKind::Encoding]);
        assert!(d.notices[0].message.contains("Windows-1252"));
    }

    #[test]
    fn utf16_with_and_without_bom_is_decoded() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(decode(&le).text, "Hi there");
        let bare: Vec<u8> = "Hi there".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&bare).text, "Hi there");
    }

    #[test]
    fn windows_1252_agrees_with_encoding_rs_on_every_byte() {
        let all: Vec<u8> = (0..=255).collect();
        let (expected, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&all);
        assert_eq!(Legacy::Windows1252.decode(&all), expected);
    }

    #[test]
    fn utf16_agrees_with_encoding_rs_on_surrogates_and_broken_input() {
        let text = "Kata’ib 𝒳 Бағдад بغداد";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(Legacy::Utf16Le.decode(&le), text);
        assert_eq!(Legacy::Utf16Be.decode(&be), text);
        // A lone surrogate and an odd trailing byte.
        let broken = [0x00, 0xd8, b'a', 0x00, 0x41];
        let (expected, _) = encoding_rs::UTF_16LE.decode_without_bom_handling(&broken);
        assert_eq!(Legacy::Utf16Le.decode(&broken), expected);
    }

    #[test]
    fn binary_data_shows_nothing_and_says_why() {
        let d = decode(&[0x89, b'P', b'N', b'G', 0, 0, 0, 0x0d, 1, 2, 3, 0xff]);
        assert_eq!(kinds(&d), [NoticeKind::Binary]);
        assert!(d.text.is_empty() && !d.readable);
    }

    #[test]
    fn empty_and_blank_files_say_so() {
        assert_eq!(kinds(&decode(b"")), [NoticeKind::Empty]);
        assert_eq!(kinds(&decode(b" \n\r\n\t ")), [NoticeKind::Empty]);
    }

    #[test]
    fn huge_text_is_cut_at_a_char_boundary_with_a_notice() {
        let big = "é".repeat(MAX_TEXT_BYTES / 2 + 10);
        let d = decode(big.as_bytes());
        assert!(d.text.len() <= MAX_TEXT_BYTES);
        assert_eq!(kinds(&d), [NoticeKind::Truncated]);
    }
}
