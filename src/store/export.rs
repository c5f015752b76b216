//! The export file format: one scenario as its pretty scenario document, or several saved
//! scenarios as a bundle,
//! `{"format":"contract-calc/bundle","version":1,"scenarios":[{"id","name","updated","rev","scenario"}…]}`.
//! Import reads either, all or nothing.

use super::saved::SavedScenario;
use crate::document::error::{ErrorKind, ValidationError};
use crate::document::read::{parse_json, scenario_from_value, show, Obj};
use crate::engine::scenario::Scenario;
use serde_json::{json, Value};

/// The `format` of an export of several scenarios.
pub const BUNDLE_FORMAT: &str = "contract-calc/bundle";
pub const BUNDLE_VERSION: u64 = 1;

/// One scenario as a downloadable file: the pretty scenario document.
pub fn export_one(s: &Scenario) -> String {
    s.to_json_pretty()
}

/// Several saved scenarios as one bundle file.
pub fn export_all(list: &[SavedScenario]) -> String {
    let doc = json!({
        "format": BUNDLE_FORMAT,
        "version": BUNDLE_VERSION,
        "scenarios": list.iter().map(SavedScenario::to_value).collect::<Vec<_>>(),
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default()
}

/// Reads an exported file: one scenario document, or a bundle. Any invalid entry refuses the
/// whole file, its error path naming the entry (`scenarios[2].scenario.fees.cycle`), so that a
/// bad file changes nothing. A bundle entry may also be a bare scenario document.
pub fn import(text: &str) -> Result<Vec<Scenario>, ValidationError> {
    let value = parse_json(text)?;
    let budget = std::cell::Cell::new(0);
    let root = Obj::new(String::new(), &value, &budget)?;
    if root.get("format").and_then(Value::as_str) != Some(BUNDLE_FORMAT) {
        return scenario_from_value(&value).map(|s| vec![s]);
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
    entries
        .iter()
        .zip(values)
        .enumerate()
        .map(|(i, (entry, raw))| {
            let path = format!("scenarios[{i}]");
            let Some(doc) = entry.get("scenario") else {
                return scenario_from_value(raw).map_err(|e| e.within(&path));
            };
            let mut s =
                scenario_from_value(doc).map_err(|e| e.within(&format!("{path}.scenario")))?;
            // The entry's name, read as a scenario's name is (a text, within its length).
            let name = entry.opt_short_text("name", crate::engine::scenario::MAX_NAME_CHARS)?;
            if s.name.is_empty() {
                s.name = name.unwrap_or_default();
            }
            Ok(s)
        })
        .collect()
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
