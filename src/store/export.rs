//! The export file format: one scenario as its pretty scenario document, or several saved
//! scenarios as a bundle,
//! `{"format":"contract-calc/bundle","version":1,"scenarios":[{"id","name","updated","rev","scenario"}…]}`.
//! Import reads either, all or nothing.

use super::saved::SavedScenario;
use crate::document::error::{ErrorKind, ValidationError};
use crate::document::input::{MAX_DOCUMENT_BYTES, MAX_IMPORT_BYTES};
use crate::document::read::{parse_json_within, scenario_noting_unknown, show, Obj};
use crate::engine::scenario::Scenario;
use serde_json::{json, Value};

/// The `format` of an export of several scenarios.
pub const BUNDLE_FORMAT: &str = "contract-calc/bundle";
pub const BUNDLE_VERSION: u64 = 1;

/// One scenario as a downloadable file: the pretty scenario document, or the compact one when
/// the pretty one would pass the document limit that its import is held to.
pub fn export_one(s: &Scenario) -> String {
    let pretty = s.to_json_pretty();
    if pretty.len() <= MAX_DOCUMENT_BYTES {
        pretty
    } else {
        s.to_json()
    }
}

/// Several saved scenarios as one bundle file: pretty, or compact when the pretty one would pass
/// the import limit.
pub fn export_all(list: &[SavedScenario]) -> String {
    let doc = json!({
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "scenarios": list.iter().map(SavedScenario::to_value).collect::<Vec<_>>(),
    });
    let pretty = serde_json::to_string_pretty(&doc).unwrap_or_default();
    if pretty.len() <= MAX_IMPORT_BYTES {
        pretty
    } else {
        doc.to_string()
    }
}

/// Reads an exported file: one scenario document, or a bundle. Any invalid entry refuses the
/// whole file, its error path naming the entry (`scenarios[2].scenario.fees.cycle`), so that a
/// bad file changes nothing. A bundle entry may also be a bare scenario document.
pub fn import(text: &str) -> Result<Vec<Scenario>, ValidationError> {
    import_noting_unknown(text).map(|(list, _)| list)
}

/// [`import`], with the paths of the scenarios' fields this version does not know: kept, used in
/// no figure, and said, since a misspelt key (`late_payment.cap_fractoin`) would otherwise
/// silently take no effect.
pub fn import_noting_unknown(text: &str) -> Result<(Vec<Scenario>, Vec<String>), ValidationError> {
    // Past one document's limit only a bundle is read on: a file that does not even name the
    // bundle format is refused before the whole document is built in memory.
    let too_large = || {
        ValidationError::new(
            "",
            ErrorKind::DocumentTooLarge {
                max_bytes: MAX_DOCUMENT_BYTES,
            },
        )
    };
    if text.len() > MAX_DOCUMENT_BYTES && !is_bundle(text) {
        return Err(too_large());
    }
    let value = parse_json_within(text, MAX_IMPORT_BYTES)?;
    let budget = crate::document::read::Shared::default();
    let root = Obj::new(String::new(), &value, &budget)?;
    if root.get("format").and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        // One scenario is one document, held to the document's limit.
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(too_large());
        }
        return scenario_noting_unknown(&value).map(|(s, unknown)| (vec![s], unknown));
    }
    let version = root.get("version").unwrap_or(&Value::Null);
    if version.as_u64() != Some(BUNDLE_VERSION) {
        return Err(ValidationError::new(
            "version",
            ErrorKind::Version { got: show(version) },
        ));
    }
    let entries = root.array("scenarios")?;
    if entries.is_empty() {
        return Err(ValidationError::new("", ErrorKind::NoScenarios));
    }
    let values = value
        .get("scenarios")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default();
    let mut unknown = Vec::new();
    let mut list = Vec::with_capacity(entries.len());
    for (i, (entry, raw)) in entries.iter().zip(values).enumerate() {
        let path = format!("scenarios[{i}]");
        let Some(doc) = entry.get("scenario") else {
            let (s, u) = scenario_noting_unknown(raw).map_err(|e| e.within(&path))?;
            unknown.extend(u.into_iter().map(|p| format!("{path}.{p}")));
            list.push(one_document(s, &path)?);
            continue;
        };
        let inner = format!("{path}.scenario");
        let (mut s, u) = scenario_noting_unknown(doc).map_err(|e| e.within(&inner))?;
        unknown.extend(u.into_iter().map(|p| format!("{inner}.{p}")));
        // The entry's name, read as a scenario's name is (a text, within its length).
        let name = entry.opt_short_text("name", crate::engine::scenario::MAX_NAME_CHARS)?;
        if s.name.is_empty() {
            s.name = name.unwrap_or_default();
        }
        list.push(one_document(s, &inner)?);
    }
    Ok((list, unknown))
}

/// Whether `text` may be a bundle: it names [`BUNDLE_FORMAT`] as a JSON string somewhere. A
/// scan, not a parse (no JSON machinery more in the app for it): a larger file that merely
/// names it is then read and refused as any other non-bundle.
fn is_bundle(text: &str) -> bool {
    text.contains(&format!("\"{BUNDLE_FORMAT}\""))
}

/// A bundle's scenario at `path`, held to one document's limit as it will be stored: a larger
/// one would be saved and then not read back.
fn one_document(s: Scenario, path: &str) -> Result<Scenario, ValidationError> {
    if s.to_json().len() > MAX_DOCUMENT_BYTES {
        return Err(ValidationError::new(
            path,
            ErrorKind::DocumentTooLarge {
                max_bytes: MAX_DOCUMENT_BYTES,
            },
        ));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples;
    use chrono::NaiveDate;

    const T1: &str = "2025-09-30T08:00:00Z";
    const T2: &str = "2025-09-30T09:30:00Z";

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
    }

    fn saved(id: &str, name: &str, updated: &str, scenario: Scenario) -> SavedScenario {
        SavedScenario {
            id: id.into(),
            name: name.into(),
            updated: updated.into(),
            rev: 1,
            scenario,
        }
    }

    #[test]
    fn import_a_single_document() {
        let text = export_one(&starter());
        assert_eq!(import(&text).unwrap(), vec![starter()]);
    }

    #[test]
    fn import_a_bundle() {
        let list = vec![
            saved("a", "甲", T1, starter()),
            saved("b", "十年", T2, samples::ten_year_monthly()),
        ];
        let text = export_all(&list);
        assert!(text.contains("\"format\": \"contract-calc/bundle\""));
        let back = import(&text).unwrap();
        assert_eq!(back, vec![starter(), samples::ten_year_monthly()]);
    }

    #[test]
    fn import_of_a_bundle_with_one_bad_entry_imports_nothing() {
        // The third entry has a billing cycle this version does not know.
        let good = saved("a", "甲", T1, starter());
        let mut doc: Value =
            serde_json::from_str(&export_all(&[good.clone(), good.clone(), good])).unwrap();
        doc["scenarios"][2]["scenario"]["fees"]["cycle"] = json!("weekly");
        let err = import(&doc.to_string()).unwrap_err();
        assert_eq!(err.path, "scenarios[2].scenario.fees.cycle");
        assert!(matches!(err.kind, ErrorKind::Choice { .. }));
        // A bare scenario document as an entry reads too; a broken one names its place.
        doc["scenarios"][2] = json!({"format": "contract-calc/scenario", "version": 1});
        assert_eq!(
            import(&doc.to_string()).unwrap_err().path,
            "scenarios[2].as_of"
        );
        doc["scenarios"][2] = json!(7);
        assert_eq!(import(&doc.to_string()).unwrap_err().path, "scenarios[2]");
        // An entry's name (taken when its scenario has none) is held to a name's length, at its
        // own place, not refused later when the scenario is saved.
        doc["scenarios"][2] = doc["scenarios"][0].clone();
        doc["scenarios"][1]["name"] =
            json!("长".repeat(crate::engine::scenario::MAX_NAME_CHARS + 1));
        let err = import(&doc.to_string()).unwrap_err();
        assert_eq!(err.path, "scenarios[1].name");
        assert!(matches!(err.kind, ErrorKind::TextTooLong { .. }));
    }

    #[test]
    fn a_field_this_version_does_not_know_is_kept_and_named() {
        // "cap_fractoin", a misspelt cap: kept for re-saving, used in no figure, and named so
        // that whoever imports the file knows the cap did not take.
        let mut doc = starter().to_json_value();
        doc["late_payment"]["cap_fractoin"] = json!("0.3");
        let (list, unknown) = import_noting_unknown(&doc.to_string()).unwrap();
        assert_eq!(unknown, ["late_payment.cap_fractoin"]);
        assert_eq!(
            list[0].late_payment.as_ref().and_then(|l| l.cap_fraction),
            None
        );
        // In a bundle, named with its entry; the bundle's own id, updated and rev are no such field.
        let good = saved("a", "甲", T1, list[0].clone());
        let (_, unknown) = import_noting_unknown(&export_all(&[good])).unwrap();
        assert_eq!(unknown, ["scenarios[0].scenario.late_payment.cap_fractoin"]);
    }

    #[test]
    fn an_export_of_many_scenarios_imports_again_though_larger_than_one_document() {
        // 120 copies of the ten-year benchmark (120 monthly payments each): some 1.8 MB as an
        // export, past the 1 MiB a single document may have. Every export must import again;
        // a backup that cannot be restored loses the data it was made to keep.
        let one = crate::document::samples::ten_year_monthly();
        let list: Vec<SavedScenario> = (0..120)
            .map(|i| saved(&format!("id{i}"), &format!("方案{i}"), T1, one.clone()))
            .collect();
        let bundle = export_all(&list);
        assert!(bundle.len() > MAX_DOCUMENT_BYTES, "{} bytes", bundle.len());
        assert_eq!(import(&bundle).unwrap().len(), 120);
        // One scenario is one document: held to its limit.
        let mut big = one.to_json_value();
        big["name"] = json!("x");
        big["padding"] = json!("x".repeat(MAX_DOCUMENT_BYTES));
        assert!(matches!(
            import(&big.to_string()).unwrap_err().kind,
            ErrorKind::DocumentTooLarge { max_bytes } if max_bytes == MAX_DOCUMENT_BYTES
        ));
        // Even when it names the bundle format (in its name), it is read and refused as one.
        big["name"] = json!(BUNDLE_FORMAT);
        assert!(matches!(
            import(&big.to_string()).unwrap_err().kind,
            ErrorKind::DocumentTooLarge { max_bytes } if max_bytes == MAX_DOCUMENT_BYTES
        ));
        // So is each scenario of a bundle, at its place: stored, it could not be read back.
        let mut huge = one.clone();
        huge.fees.components[0].label = "长".repeat(100);
        huge.fees.components = vec![huge.fees.components[0].clone(); 4_000];
        let bundle = export_all(&[
            saved("a", "甲", T1, one.clone()),
            saved("b", "乙", T1, huge),
        ]);
        let err = import(&bundle).unwrap_err();
        assert_eq!(err.path, "scenarios[1].scenario");
        assert!(matches!(err.kind, ErrorKind::DocumentTooLarge { .. }));
    }

    #[test]
    fn import_refuses_other_files() {
        assert!(matches!(
            import("not json").unwrap_err().kind,
            ErrorKind::Json { .. }
        ));
        assert_eq!(
            import("{\"format\":\"contract-calc/bundle\",\"version\":3,\"scenarios\":[]}")
                .unwrap_err()
                .path,
            "version"
        );
        // A bundle of no scenarios imports nothing, and says so rather than "0 imported".
        let empty = import("{\"format\":\"contract-calc/bundle\",\"version\":1,\"scenarios\":[]}")
            .unwrap_err();
        assert_eq!(
            (empty.path.as_str(), empty.kind),
            ("", ErrorKind::NoScenarios)
        );
        assert_eq!(
            import("{\"format\":\"contract-calc/bundle\",\"version\":1}")
                .unwrap_err()
                .path,
            "scenarios"
        );
        assert_eq!(import("{\"format\":\"other\"}").unwrap_err().path, "format");
    }
}
