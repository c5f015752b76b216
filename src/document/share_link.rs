//! Share links (spec "Document": the same scenario document a share link carries). The scenario
//! travels in the URL fragment, which browsers never send to a server:
//! `#s1.` + base64url without padding of the raw-deflated compact JSON document.
//! Reading a link is defensive: a link longer than [`MAX_FRAGMENT`] is refused before any
//! decoding, inflation stops one byte past [`MAX_DOCUMENT_BYTES`] (the limit of every document,
//! [`crate::document::input`]), and what remains passes the full validation of
//! [`crate::document::read::parse_scenario`].

use crate::document::error::ValidationError;
use crate::document::input::{read_document, MAX_DOCUMENT_BYTES};
use crate::document::read::parse_scenario;
use crate::engine::scenario::Scenario;
use crate::text::Lang;
use base64::alphabet::URL_SAFE;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine;
use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use std::fmt;
use std::io::Write;

/// The format prefix of a link fragment; a new encoding gets a new prefix.
pub const PREFIX: &str = "s1.";
/// Longest fragment read at all (65,536 characters), before any decoding: 48 KiB of deflate,
/// some 30 times the ten-year benchmark's link (about 1,400 characters).
pub const MAX_FRAGMENT: usize = 64 * 1024;

/// base64url; writes no padding, and reads a link whether or not something padded it.
const B64: GeneralPurpose = GeneralPurpose::new(
    &URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a link fragment did not yield a scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Not a `s1.` link: another program's fragment, or a newer format.
    UnknownFormat,
    /// Not base64url, not a complete deflate stream, not UTF-8, or inflating to more than
    /// [`MAX_DOCUMENT_BYTES`] (no link this program makes does; a decompression bomb does): a
    /// damaged, truncated or hostile link.
    Corrupt,
    /// Longer than [`MAX_FRAGMENT`] characters: refused before any decoding.
    TooLarge,
    /// A readable document that is not a valid scenario.
    Invalid(ValidationError),
}

impl LinkError {
    /// What went wrong, for the person who opened the link, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        use crate::text::messages as m;
        match self {
            LinkError::UnknownFormat => m::LINK_UNKNOWN_FORMAT.get(lang).into(),
            LinkError::Corrupt => m::LINK_CORRUPT.get(lang).into(),
            LinkError::TooLarge => m::link_too_large(MAX_FRAGMENT, lang),
            LinkError::Invalid(e) => m::link_invalid(&e.display(lang), lang),
        }
    }
}

impl fmt::Display for LinkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(Lang::En))
    }
}

impl std::error::Error for LinkError {}

/// The fragment (without `#`) that carries `s`: [`PREFIX`] + base64url(raw deflate, best
/// compression, of the compact scenario document).
pub fn encode(s: &Scenario) -> String {
    fragment_of_document(&s.to_json())
}

/// The fragment that carries the document text `json` (what [`encode`] writes). The browser app
/// deflates with the browser's own `CompressionStream` instead (other bytes, the same document),
/// and with this, in the fallback module `src/bin/links.rs`, where the browser has none.
pub fn fragment_of_document(json: &str) -> String {
    let mut deflater = DeflateEncoder::new(Vec::new(), Compression::best());
    // Writing into a Vec cannot fail; an empty payload would read back as `Corrupt`.
    let compressed = deflater
        .write_all(json.as_bytes())
        .and_then(|()| deflater.finish())
        .unwrap_or_default();
    format!("{PREFIX}{}", B64.encode(compressed))
}

/// Whether a link made as `fragment` opens: no longer than [`MAX_FRAGMENT`], which every reader
/// refuses before decoding. A scenario of thousands of rows is made into a longer one; it is
/// sent as a file instead.
pub fn opens(fragment: &str) -> bool {
    fragment.len() <= MAX_FRAGMENT
}

/// Reads a fragment made by [`encode`], with or without its leading `#`.
pub fn decode(fragment: &str) -> Result<Scenario, LinkError> {
    scenario_of_document(&document_of(payload(fragment)?)?)
}

/// The base64url payload of a link fragment (with or without its leading `#`), before any
/// decoding: [`LinkError::TooLarge`] past [`MAX_FRAGMENT`], [`LinkError::UnknownFormat`]
/// without [`PREFIX`].
pub fn payload(fragment: &str) -> Result<&str, LinkError> {
    let fragment = fragment.trim();
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    if fragment.len() > MAX_FRAGMENT {
        return Err(LinkError::TooLarge);
    }
    fragment
        .strip_prefix(PREFIX)
        .ok_or(LinkError::UnknownFormat)
}

/// The document text a link's `payload` carries: base64url, one complete raw deflate stream,
/// inflated through `take`: a stream that stops early, is not deflate, or runs past the document
/// limit is refused, as are bytes after its end. The browser app has the browser inflate it
/// (`boot.js`, the same rules).
pub fn document_of(payload: &str) -> Result<String, LinkError> {
    let compressed = B64.decode(payload).map_err(|_| LinkError::Corrupt)?;
    let mut inflater = DeflateDecoder::new(compressed.as_slice());
    let text = read_document(&mut inflater, MAX_DOCUMENT_BYTES).map_err(|_| LinkError::Corrupt)?;
    if inflater.total_in() != compressed.len() as u64 {
        return Err(LinkError::Corrupt);
    }
    Ok(text)
}

/// The scenario of a link's document text.
pub fn scenario_of_document(text: &str) -> Result<Scenario, LinkError> {
    parse_scenario(text).map_err(LinkError::Invalid)
}

/// `text` (a whole share URL, typically) as a QR code in SVG: error correction level M, dark
/// modules #111 on #fff, at least 200 px, with the quiet zone. `None` when `text` does not fit
/// in a QR code.
pub fn qr_svg(text: &str) -> Option<String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    Some(
        code.render::<svg::Color>()
            .min_dimensions(200, 200)
            .dark_color(svg::Color("#111"))
            .light_color(svg::Color("#fff"))
            .quiet_zone(true)
            .build(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::error::ErrorKind;
    use crate::document::samples;
    use chrono::NaiveDate;

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
    }

    fn deflate(bytes: &[u8]) -> Vec<u8> {
        let mut e = DeflateEncoder::new(Vec::new(), Compression::best());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    fn link_of_bytes(bytes: &[u8]) -> String {
        format!("{PREFIX}{}", B64.encode(bytes))
    }

    #[test]
    fn starter_round_trips_and_its_link_is_short() {
        // The starter scenario's link was 578 characters when written: well under the
        // 2,000 characters that every chat app and browser address bar keeps intact.
        let s = starter();
        let link = encode(&s);
        println!("starter link: {} characters", link.len());
        assert!(link.starts_with("s1."));
        assert!(link.len() < 2_000, "{} characters", link.len());
        assert_eq!(decode(&link).unwrap(), s);
        assert_eq!(decode(&format!("#{link}")).unwrap(), s);
    }

    #[test]
    fn ten_year_contract_round_trips() {
        // 120 payments and every clause switched on: nothing is lost on the way.
        let s = samples::ten_year_monthly();
        let link = encode(&s);
        println!("ten-year link: {} characters", link.len());
        assert_eq!(decode(&link).unwrap(), s);
    }

    #[test]
    fn a_link_read_part_by_part_as_the_browser_app_does_is_the_link_decoded() {
        // The browser deflates with its own CompressionStream: other bytes than flate2's best
        // compression. A link deflated another way (here flate2's fastest) is the same link: the
        // app checks its payload, inflates it and reads the document back to the scenario sent.
        let s = starter();
        let mut fast = DeflateEncoder::new(Vec::new(), Compression::fast());
        fast.write_all(s.to_json().as_bytes()).unwrap();
        let other_bytes = format!("{PREFIX}{}", B64.encode(fast.finish().unwrap()));
        assert_ne!(other_bytes, encode(&s));
        let document = document_of(payload(&other_bytes).unwrap()).unwrap();
        assert_eq!(document, s.to_json());
        assert_eq!(scenario_of_document(&document), Ok(s.clone()));
        assert_eq!(decode(&other_bytes), Ok(s));
        assert_eq!(payload("#x1.abc"), Err(LinkError::UnknownFormat));
        let long = format!("{PREFIX}{}", "A".repeat(MAX_FRAGMENT));
        assert_eq!(payload(&long), Err(LinkError::TooLarge));
    }

    #[test]
    fn link_uses_only_url_safe_characters() {
        // No '+', '/' or '=' that a chat app or URL parser could mangle.
        let link = encode(&samples::ten_year_monthly());
        assert!(link
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.'));
    }

    #[test]
    fn wrong_prefix_is_unknown_format() {
        // A link from a future "s2." format, or someone else's fragment.
        let link = encode(&starter());
        let future = link.replacen("s1.", "s2.", 1);
        assert_eq!(decode(&future), Err(LinkError::UnknownFormat));
        assert_eq!(decode("#top"), Err(LinkError::UnknownFormat));
        assert_eq!(decode(""), Err(LinkError::UnknownFormat));
    }

    #[test]
    fn broken_base64_is_corrupt() {
        // '!' and '*' are not base64url.
        assert_eq!(decode("s1.abc!*def"), Err(LinkError::Corrupt));
    }

    #[test]
    fn valid_base64_of_garbage_is_corrupt() {
        // Decodes to bytes, but they are not a deflate stream.
        assert_eq!(
            decode(&link_of_bytes(b"hello, this is not deflate")),
            Err(LinkError::Corrupt)
        );
    }

    #[test]
    fn truncated_link_is_corrupt() {
        // A chat app that cut the link short, by any number of characters, must not yield
        // half a scenario: the deflate stream has no end, so the link is refused as a whole.
        let link = encode(&starter());
        for cut in 1..200 {
            assert_eq!(
                decode(&link[..link.len() - cut]),
                Err(LinkError::Corrupt),
                "cut {cut}"
            );
        }
    }

    #[test]
    fn bytes_after_the_stream_are_corrupt() {
        let mut bytes = deflate(starter().to_json().as_bytes());
        bytes.extend_from_slice(b"junk");
        assert_eq!(decode(&link_of_bytes(&bytes)), Err(LinkError::Corrupt));
    }

    /// A scenario document whose name is `spaces` spaces: valid JSON of any size, compressing
    /// about 1,000 to 1.
    /// The starter scenario with `spaces` blanks between two of its fields: valid JSON that
    /// compresses to almost nothing (a name that long would be refused for its length).
    fn padded_scenario(spaces: usize) -> Vec<u8> {
        let json = starter().to_json();
        let (head, tail) = json.split_at(json.find("\"name\":").unwrap());
        let mut doc = head.as_bytes().to_vec();
        doc.resize(doc.len() + spaces, b' ');
        doc.extend_from_slice(tail.as_bytes());
        doc
    }

    #[test]
    fn a_short_link_that_inflates_to_40_mib_is_damaged_and_not_inflated() {
        // A hostile link: 40 MiB of blanks between the scenario's fields, valid JSON all along,
        // deflates to about 40 KB, a 55,000-character link (under the length limit). Inflation
        // stops one byte past 1 MiB: the link is reported as damaged, and fast.
        let bomb = padded_scenario(40 << 20);
        let link = link_of_bytes(&deflate(&bomb));
        assert!(link.len() < MAX_FRAGMENT, "{} characters", link.len());
        let started = std::time::Instant::now();
        assert_eq!(decode(&link), Err(LinkError::Corrupt));
        let took = started.elapsed();
        println!(
            "{}-character link to 40 MiB refused in {took:?}",
            link.len()
        );
        assert!(took < std::time::Duration::from_secs(2), "{took:?}");
    }

    #[test]
    fn the_same_padding_within_the_document_limit_is_read() {
        // Exactly 1 MiB of document: not a bomb, it opens as the scenario it holds.
        let doc = padded_scenario(MAX_DOCUMENT_BYTES - starter().to_json().len());
        assert_eq!(doc.len(), MAX_DOCUMENT_BYTES);
        let s = decode(&link_of_bytes(&deflate(&doc))).unwrap();
        assert_eq!(s, starter());
        let mut over = doc.clone();
        over.insert(over.len() - 2, b' ');
        assert_eq!(
            decode(&link_of_bytes(&deflate(&over))),
            Err(LinkError::Corrupt)
        );
    }

    #[test]
    fn a_50_mib_bomb_is_too_long_a_link_before_any_decoding() {
        // 50 MiB of spaces deflate to about 50 KB: its link is over 65,536 characters and
        // refused by its length alone.
        let link = link_of_bytes(&deflate(&padded_scenario(50 << 20)));
        assert!(link.len() > MAX_FRAGMENT, "{} characters", link.len());
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn overlong_fragment_is_too_large_before_decoding() {
        // 64 KiB + 1 characters of otherwise valid base64.
        let link = format!("s1.{}", "A".repeat(MAX_FRAGMENT));
        assert_eq!(decode(&link), Err(LinkError::TooLarge));
    }

    #[test]
    fn not_utf8_is_corrupt() {
        assert_eq!(
            decode(&link_of_bytes(&deflate(&[0xff, 0xfe, 0x7b]))),
            Err(LinkError::Corrupt)
        );
    }

    #[test]
    fn link_to_an_invalid_scenario_names_the_field() {
        // A negative fee is refused by validation exactly as in an imported file.
        let json = starter().to_json().replace("\"45000.00\"", "\"-45000.00\"");
        let err = decode(&link_of_bytes(&deflate(json.as_bytes()))).unwrap_err();
        let LinkError::Invalid(v) = &err else {
            panic!("expected Invalid, got {err:?}");
        };
        assert_eq!(v.path, "fees.components[0].amount");
        assert!(matches!(v.kind, ErrorKind::Amount { .. }));
        assert!(err
            .message(Lang::Zh)
            .starts_with("分享链接中的方案有误：fees.components[0].amount: "));
        assert!(err
            .message(Lang::En)
            .contains("fees.components[0].amount: expected a non-negative amount"));
    }

    #[test]
    fn messages_in_both_languages() {
        assert_eq!(
            LinkError::Corrupt.message(Lang::Zh),
            "分享链接已损坏，无法读取。"
        );
        assert_eq!(
            LinkError::TooLarge.message(Lang::En),
            "The share link is too long to read (more than 65,536 characters)."
        );
        assert_eq!(
            LinkError::TooLarge.message(Lang::Zh),
            "分享链接过长（超过 65,536 个字符），无法读取。"
        );
        assert!(LinkError::UnknownFormat.message(Lang::Zh).contains("格式"));
    }

    #[test]
    fn starter_link_fits_a_qr_code() {
        let url = format!("https://example.org/contract-calc/#{}", encode(&starter()));
        let svg = qr_svg(&url).unwrap();
        assert!(svg.starts_with("<?xml") || svg.starts_with("<svg"));
        assert!(svg.contains("<svg"));
        assert!(svg.contains("fill=\"#111\"") && svg.contains("fill=\"#fff\""));
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        // Level M holds at most 2,331 bytes.
        assert_eq!(qr_svg(&"x".repeat(3_000)), None);
    }
}
