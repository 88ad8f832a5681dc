//! Bytes → text, whatever arrives: UTF-8 with or without a byte-order mark,
//! UTF-16, Windows-1252, binary data, nothing at all, or far too much.
//!
//! Decoding never fails. Whatever was unusual becomes a [`Notice`] in
//! words a reader understands.

use super::{Notice, NoticeKind};
use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, WINDOWS_1252};

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
            let (text, _) =
                encoding.decode_without_bom_handling(&body[..body.len().min(MAX_TEXT_BYTES)]);
            (text.into_owned(), Some(encoding))
        }
    };
    let cut = bytes.len() > MAX_TEXT_BYTES;
    if let Some(encoding) = encoding {
        let name = match encoding.name() {
            "windows-1252" => "Windows-1252 (Western European)",
            other => other,
        };
        let message = if encoding == UTF_16LE || encoding == UTF_16BE {
            format!("This file is in {name}, not UTF-8; it was converted.")
        } else {
            format!("This file is not valid UTF-8; it was read as {name}, so some characters may be wrong.")
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
    Other(&'static Encoding, usize),
}

fn sniff(bytes: &[u8]) -> Sniffed {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        return if encoding == encoding_rs::UTF_8 {
            Sniffed::Utf8 { skip: bom }
        } else {
            Sniffed::Other(encoding, bom)
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
    Sniffed::Other(WINDOWS_1252, 0)
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
fn utf16_without_bom(head: &[u8]) -> Option<&'static Encoding> {
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let zero_even = head.iter().step_by(2).take(pairs).filter(|&&b| b == 0).count();
    let zero_odd = head.iter().skip(1).step_by(2).take(pairs).filter(|&&b| b == 0).count();
    let share = |n: usize| n as f32 / pairs as f32;
    if share(zero_odd) >= UTF16_ZERO_SHARE && zero_even == 0 {
        Some(UTF_16LE)
    } else if share(zero_even) >= UTF16_ZERO_SHARE && zero_odd == 0 {
        Some(UTF_16BE)
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
