//! Which scenario the page opens with, decided from what the browser holds, read-only: the first
//! figures are painted from it before the app itself has loaded (README "First figures").
//!
//! The order is the app's (`app::App`, `app::share::open_from_link`): a share link in the
//! address (with this tab's unsaved edits of it, after a reload), else this tab's own draft,
//! else the autosaved working draft, else the starter scenario as of today. Whenever the app
//! might show something else — a link that does not open, a draft that does not read (the app
//! sets it aside and says so), a tab's own draft kept as a saved scenario — the answer is `None`
//! and no early figures are shown: never figures that differ from what the app then shows.

use crate::document::read::{parse_scenario, scenario_from_value};
use crate::document::samples::starter;
use crate::document::share_link::{decode, PREFIX};
use crate::engine::scenario::Scenario;
use crate::text::Lang;
use chrono::NaiveDate;

/// What the browser holds that decides the opening scenario, each as read (raw text).
#[derive(Debug, Clone, Copy, Default)]
pub struct Held<'a> {
    /// The address's fragment, without `#`.
    pub fragment: &'a str,
    /// Session storage `LINK_DRAFT_KEY`.
    pub link_draft: Option<&'a str>,
    /// Session storage `OWN_DRAFT_KEY`.
    pub own_draft: Option<&'a str>,
    /// Local storage `WORKING_KEY`.
    pub working: Option<&'a str>,
    /// Local storage `LANG_KEY`.
    pub lang: Option<&'a str>,
}

/// The interface language stored by the app (Chinese unless English was chosen).
pub fn stored_lang(raw: Option<&str>) -> Lang {
    match raw {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    }
}

/// The start of a form field's id (`#f-fees-components-0-amount`): an anchor, never a link.
pub const FIELD_ANCHOR: &str = "f-";

/// Whether a fragment is meant as a share link: `s1.…`, or anything long that is not a field's
/// anchor (a damaged link says so). `#results` and `#f-…`, opened in a new tab, are ignored.
pub fn is_link(fragment: &str) -> bool {
    fragment.starts_with(PREFIX) || (fragment.len() > 8 && !fragment.starts_with(FIELD_ANCHOR))
}

/// This tab's unsaved edits of the linked scenario behind `fragment`, from the session entry
/// `{"hash": fragment, "scenario": …}`.
pub fn link_draft(raw: &str, fragment: &str) -> Option<Scenario> {
    let doc: serde_json::Value = serde_json::from_str(raw).ok()?;
    if doc.get("hash")?.as_str()? != fragment {
        return None;
    }
    scenario_from_value(doc.get("scenario")?).ok()
}

/// The scenario the app will open with, when it can be known without the app (see the module),
/// reading a share link as the app does ([`decode`]).
pub fn opening(held: Held, today: NaiveDate) -> Option<Scenario> {
    opening_with(held, today, |fragment| decode(fragment).ok())
}

/// [`opening`], with the share link in the address read by `read_link`. The first-figures module
/// is given the link's document already inflated by the browser (boot.js), so that it carries no
/// inflate code of its own.
pub fn opening_with(
    held: Held,
    today: NaiveDate,
    read_link: impl FnOnce(&str) -> Option<Scenario>,
) -> Option<Scenario> {
    if !held.fragment.is_empty() && is_link(held.fragment) {
        return held
            .link_draft
            .and_then(|raw| link_draft(raw, held.fragment))
            .or_else(|| read_link(held.fragment));
    }
    if held.own_draft.is_some() {
        return None;
    }
    match held.working {
        Some(raw) => parse_scenario(raw).ok(),
        None => Some(starter(today)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::samples::ten_year_monthly;
    use crate::document::share_link::encode;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 22).unwrap()
    }

    #[test]
    fn a_first_visit_opens_the_starter_as_of_today() {
        let s = opening(Held::default(), today()).unwrap();
        assert_eq!(s, starter(today()));
    }

    #[test]
    fn the_autosaved_draft_wins_over_the_starter_and_a_draft_that_does_not_read_gives_nothing() {
        let draft = ten_year_monthly().to_json();
        let held = Held {
            working: Some(&draft),
            ..Held::default()
        };
        assert_eq!(opening(held, today()), Some(ten_year_monthly()));
        let held = Held {
            working: Some("{not json"),
            ..Held::default()
        };
        assert_eq!(
            opening(held, today()),
            None,
            "the app sets it aside and says so"
        );
    }

    #[test]
    fn a_link_wins_over_the_draft_and_a_damaged_link_gives_nothing() {
        let draft = starter(today()).to_json();
        let link = encode(&ten_year_monthly());
        let held = Held {
            fragment: &link,
            working: Some(&draft),
            ..Held::default()
        };
        assert_eq!(opening(held, today()), Some(ten_year_monthly()));
        let held = Held {
            fragment: "s1.AAAA",
            working: Some(&draft),
            ..Held::default()
        };
        assert_eq!(
            opening(held, today()),
            None,
            "the app warns and shows the stored scenario"
        );
    }

    #[test]
    fn a_short_fragment_that_is_no_link_is_ignored() {
        let held = Held {
            fragment: "results",
            ..Held::default()
        };
        assert_eq!(opening(held, today()), Some(starter(today())));
    }

    #[test]
    fn after_a_reload_the_tabs_edits_of_a_link_are_shown_but_only_for_that_link() {
        let link = encode(&starter(today()));
        let mut edited = starter(today());
        edited.name = "改过的".into();
        let session =
            serde_json::json!({"hash": link, "scenario": edited.to_json_value()}).to_string();
        let held = Held {
            fragment: &link,
            link_draft: Some(&session),
            ..Held::default()
        };
        assert_eq!(opening(held, today()), Some(edited));
        let other = encode(&ten_year_monthly());
        let held = Held {
            fragment: &other,
            link_draft: Some(&session),
            ..Held::default()
        };
        assert_eq!(opening(held, today()), Some(ten_year_monthly()));
    }

    #[test]
    fn a_tab_with_its_own_draft_waits_for_the_app() {
        let held = Held {
            own_draft: Some("abc"),
            ..Held::default()
        };
        assert_eq!(opening(held, today()), None);
    }

    #[test]
    fn english_only_when_chosen() {
        assert_eq!(stored_lang(Some("en")), Lang::En);
        assert_eq!(stored_lang(Some("zh")), Lang::Zh);
        assert_eq!(stored_lang(Some("garbage")), Lang::Zh);
        assert_eq!(stored_lang(None), Lang::Zh);
    }

    /// index.html's inline script decides the first figures before any wasm runs: it must read
    /// the same keys as the store and take the same fragments for links as [`is_link`].
    #[test]
    fn the_pages_inline_script_reads_the_stores_keys_and_links_as_the_app_does() {
        use crate::store::keys::{LANG_KEY, OWN_DRAFT_KEY, WORKING_KEY};
        let html = include_str!("../../index.html");
        for read in [
            format!("localStorage.getItem('{LANG_KEY}')"),
            format!("sessionStorage.getItem('{OWN_DRAFT_KEY}')"),
            format!("localStorage.getItem('{WORKING_KEY}')"),
        ] {
            assert!(html.contains(&read), "index.html does not read {read}");
        }
        let rule = "const link = hash.startsWith('";
        let at = html.find(rule).expect("index.html's link rule") + rule.len();
        let (prefix, rest) = html[at..].split_once("')").expect("the link prefix");
        assert_eq!(prefix, PREFIX);
        let rest = rest
            .trim_start()
            .strip_prefix("|| (hash.length > ")
            .expect("the length rule");
        let (longer_than, rest) = rest.split_once(' ').expect("a length");
        let longer_than: usize = longer_than.parse().expect("a length");
        let anchor = rest
            .strip_prefix("&& !hash.startsWith('")
            .and_then(|r| r.split_once("')"))
            .expect("the anchor rule")
            .0;
        assert_eq!(anchor, FIELD_ANCHOR);
        let fragments = [
            "",
            "results",
            "results-",
            "123456789",
            "s1.",
            "s1.abc",
            "anything-longer",
            "f-fees-components-0-amount",
        ];
        for f in fragments {
            let script = f.starts_with(prefix) || (f.len() > longer_than && !f.starts_with(anchor));
            assert_eq!(is_link(f), script, "#{f}: the app and the page disagree");
        }
    }

    /// boot.js inflates a link's document for the first-figures module and the app: with the
    /// limits of [`decode`], so that a link reads in the browser as in the CLI.
    #[test]
    fn boot_js_reads_links_within_the_apps_limits() {
        use crate::document::input::MAX_DOCUMENT_BYTES;
        use crate::document::share_link::MAX_FRAGMENT;
        let boot = include_str!("../../boot.js");
        for line in [
            format!("const MAX_FRAGMENT = {MAX_FRAGMENT};"),
            format!("const MAX_DOCUMENT_BYTES = {MAX_DOCUMENT_BYTES};"),
            format!("if (!fragment.startsWith('{PREFIX}') || fragment.length > MAX_FRAGMENT) return {{ document: null }};"),
            format!("const b64 = fragment.slice({});", PREFIX.len()),
        ] {
            assert!(boot.contains(&line), "boot.js does not have {line}");
        }
    }

    #[test]
    fn the_module_reads_a_link_from_the_document_it_is_given() {
        // The ten-year sample's link: the document boot.js inflates opens the same scenario, and
        // a link boot.js could not read (no document) opens none, even with a working draft.
        let fragment = encode(&ten_year_monthly());
        let held = Held {
            fragment: &fragment,
            working: Some("{}"),
            ..Held::default()
        };
        let json = ten_year_monthly().to_json();
        assert_eq!(opening(held, today()), Some(ten_year_monthly()));
        assert_eq!(
            opening_with(held, today(), |_| parse_scenario(&json).ok()),
            opening(held, today())
        );
        assert_eq!(opening_with(held, today(), |_| None), None);
    }
}
