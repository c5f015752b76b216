//! Reading a document's text from bytes that arrive from outside — a file, standard input, an
//! inflated share link — with a bound: at most [`MAX_DOCUMENT_BYTES`] + 1 bytes are ever read,
//! so `/dev/zero`, an endless pipe or a decompression bomb stops there and is refused. A UTF-8
//! byte-order mark at the start (Windows Notepad writes one) is dropped, as browsers do.

use crate::document::error::{ErrorKind, ValidationError};
use std::fmt;
use std::io::{self, Read};

/// The largest scenario document read (1 MiB). The ten-year benchmark with 120 payments is
/// 11 KB as pretty JSON; a contract shorter than 100 years, with a payment per month (1,200),
/// stays far below.
pub const MAX_DOCUMENT_BYTES: usize = 1024 * 1024;

/// The largest file imported (16 MiB): a bundle of every saved scenario, which may be larger
/// than one document; more than a browser's local storage holds of them (5 million characters
/// per site), so that every export imports again. A single scenario in it is still held to
/// [`MAX_DOCUMENT_BYTES`].
pub const MAX_IMPORT_BYTES: usize = 16 * 1024 * 1024;

/// The byte-order mark U+FEFF in UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Why a document's text could not be read.
#[derive(Debug)]
pub enum InputError {
    /// The source failed.
    Io(io::Error),
    /// Longer than the limit ([`ErrorKind::DocumentTooLarge`]), or not UTF-8
    /// ([`ErrorKind::NotUtf8`]).
    Refused(ValidationError),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Io(e) => e.fmt(f),
            InputError::Refused(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for InputError {}

/// The text `source` holds, reading at most `max_bytes` + 1 bytes of it: more than `max_bytes`
/// is refused without reading on. A leading byte-order mark is dropped (and not counted).
pub fn read_document(source: impl Read, max_bytes: usize) -> Result<String, InputError> {
    let limit = u64::try_from(max_bytes)
        .unwrap_or(u64::MAX)
        .saturating_add(1);
    let mut bytes = Vec::new();
    source
        .take(limit.saturating_add(BOM.len() as u64))
        .read_to_end(&mut bytes)
        .map_err(InputError::Io)?;
    document_text(&bytes, max_bytes).map_err(InputError::Refused)
}

/// The text of a document's bytes, read already (a file the browser handed over): a leading
/// byte-order mark dropped, more than `max_bytes` refused, and bytes that are not UTF-8
/// refused, never read with their characters replaced.
pub fn document_text(bytes: &[u8], max_bytes: usize) -> Result<String, ValidationError> {
    let body = bytes.strip_prefix(BOM).unwrap_or(bytes);
    if body.len() > max_bytes {
        return Err(ValidationError::new(
            "",
            ErrorKind::DocumentTooLarge { max_bytes },
        ));
    }
    // Checked before it is copied: a photo chosen by mistake is refused without a second copy.
    std::str::from_utf8(body)
        .map(str::to_owned)
        .map_err(|_| ValidationError::new("", ErrorKind::NotUtf8))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    /// A source that never ends and counts what was taken from it.
    struct Endless {
        taken: usize,
    }

    impl Read for Endless {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            buf.fill(b' ');
            self.taken += buf.len();
            Ok(buf.len())
        }
    }

    #[test]
    fn a_document_at_the_limit_is_read_whole() {
        let text = " ".repeat(MAX_DOCUMENT_BYTES);
        assert_eq!(
            read_document(text.as_bytes(), MAX_DOCUMENT_BYTES).unwrap(),
            text
        );
    }

    #[test]
    fn one_byte_more_is_refused_naming_the_limit() {
        let text = " ".repeat(MAX_DOCUMENT_BYTES + 1);
        let err = read_document(text.as_bytes(), MAX_DOCUMENT_BYTES).unwrap_err();
        let InputError::Refused(v) = &err else {
            panic!("expected a refusal, got {err:?}");
        };
        assert_eq!(
            v.display(Lang::En),
            "document too large: more than 1,048,576 bytes (1 MiB)"
        );
        assert_eq!(
            v.display(Lang::Zh),
            "方案文件过大：超过 1,048,576 字节（1 MiB）"
        );
    }

    #[test]
    fn an_endless_source_is_read_only_up_to_the_limit() {
        // `/dev/zero` or `yes |`: reading stops one byte past the limit (plus a BOM's length),
        // it does not run until memory is gone.
        let mut source = Endless { taken: 0 };
        let err = read_document(&mut source, MAX_DOCUMENT_BYTES).unwrap_err();
        assert!(matches!(err, InputError::Refused(_)));
        assert!(
            source.taken <= MAX_DOCUMENT_BYTES + 64 * 1024,
            "{}",
            source.taken
        );
    }

    #[test]
    fn a_byte_order_mark_is_dropped_and_not_counted() {
        // Notepad's "UTF-8" files start with EF BB BF.
        let mut bytes = BOM.to_vec();
        bytes.extend_from_slice(b"{\"a\": 1}");
        assert_eq!(read_document(&bytes[..], 100).unwrap(), "{\"a\": 1}");
        let mut full = BOM.to_vec();
        full.extend_from_slice(&[b' '; 100]);
        assert_eq!(read_document(&full[..], 100).unwrap().len(), 100);
        // Only at the start: one inside the text is kept (and then refused as JSON by the reader).
        assert_eq!(
            read_document("a\u{feff}".as_bytes(), 100).unwrap(),
            "a\u{feff}"
        );
    }

    #[test]
    fn a_file_saved_as_gbk_is_refused_not_read_with_replaced_characters() {
        // {"name":"方案"} saved by an older Notepad in GBK: 方 = B7 BD, 案 = B0 B8.
        let gbk = b"{\"name\":\"\xB7\xBD\xB0\xB8\"}";
        let Err(InputError::Refused(e)) = read_document(&gbk[..], 100) else {
            panic!("a GBK file must be refused");
        };
        assert_eq!(e.kind, ErrorKind::NotUtf8);
        assert_eq!(
            e.message(Lang::Zh),
            "文件不是 UTF-8 文本（可能是 GBK 等编码）：请在编辑器中“另存为”UTF-8 编码后再导入"
        );
    }
}
