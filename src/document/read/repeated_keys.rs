//! A field written twice in one object (`"as_of": "2025-12-31", …, "as_of": "2026-12-31"`):
//! JSON readers keep the last and say nothing, so a hand-edited or tampered document would give
//! other figures than its first reading suggests. Refused with the field named, like any other
//! wrong field.

use serde_json::{Map, Value};

enum Open {
    /// An object: the keys seen so far (in the map type serde_json already reads objects into,
    /// which the wasm holds anyway), the last one (whose value is being read), and whether a key
    /// comes next.
    Object {
        keys: Map<String, Value>,
        key: String,
        key_next: bool,
    },
    /// An array: the index of the element being read.
    Array(usize),
}

/// The path (`late_payment.rate_changes[2].from`) of the first key written twice in one object
/// of `json`, which serde_json has already read as valid JSON.
pub(super) fn first_repeated_key(json: &str) -> Option<String> {
    let bytes = json.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => stack.push(Open::Object {
                keys: Map::new(),
                key: String::new(),
                key_next: true,
            }),
            b'[' => stack.push(Open::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Open::Object { key_next, .. }) => *key_next = true,
                Some(Open::Array(n)) => *n += 1,
                None => {}
            },
            b'"' => {
                let end = string_end(bytes, i);
                if let Some(Open::Object {
                    keys,
                    key,
                    key_next: key_next @ true,
                }) = stack.last_mut()
                {
                    *key = serde_json::from_str(json.get(i..end)?).ok()?;
                    *key_next = false;
                    if keys.insert(key.clone(), Value::Null).is_some() {
                        return Some(path(&stack));
                    }
                }
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index just past the string whose opening quote is at `start`.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            _ => i += 1,
        }
    }
    bytes.len()
}

fn path(stack: &[Open]) -> String {
    let mut out = String::new();
    for open in stack {
        match open {
            Open::Object { key, .. } => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Open::Array(n) => out.push_str(&format!("[{n}]")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::first_repeated_key;

    #[test]
    fn a_field_written_twice_is_named_by_its_path() {
        // Two evaluation dates: the second would silently win (¥4,506.02 of penalties instead of
        // ¥2,573.31 in the reviewer's example).
        assert_eq!(
            first_repeated_key(r#"{"as_of": "2025-12-31", "name": "x", "as_of": "2026-12-31"}"#),
            Some("as_of".into())
        );
        assert_eq!(
            first_repeated_key(
                r#"{"late_payment": {"rate_changes": [{"from": "2025-01-01"},
                    {"from": "2025-02-01", "rate": {"fraction": "0.1", "fraction": "0.2"}}]}}"#
            ),
            Some("late_payment.rate_changes[1].rate.fraction".into())
        );
        // The same key in two objects, in strings, or escaped differently but equal.
        assert_eq!(
            first_repeated_key(
                r#"{"a": {"x": 1}, "b": {"x": "\"x\": {"}, "c": [{"x": 1}, {"x": 2}]}"#
            ),
            None
        );
        assert_eq!(
            first_repeated_key(r#"{"ab": 1, "a\u0062": 2}"#),
            Some("ab".into())
        );
    }
}
