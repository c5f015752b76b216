//! The browser app (wasm32 only, built by Trunk): a Leptos single-page calculator over the engine.
//! Every keystroke updates the form; the scenario and its figures are derived from it; an invalid
//! field shows its message beside it while the results keep the last valid figures, marked stale.
//!
//! - [`inputs`]: the form, in the contract's own order;
//! - [`results`]: headline figures and their breakdowns;
//! - [`library`]: the scenario bar, saved scenarios, import/export, storage banners;
//! - [`saving`]: autosave, Save, and keeping unsaved work before New / Open / Import;
//! - [`sync`]: what other tabs change in storage, shown live here;
//! - [`share`]: share links and QR codes; [`compare`]: scenarios side by side.

mod compare;
mod dom;
mod inputs;
mod library;
mod results;
mod saving;
mod share;
mod sync;
mod web_kv;

use crate::document::error::ValidationError;
use crate::engine::compute::{compute, ComputeResult};
use crate::engine::scenario::Scenario;
use crate::form::FormState;
use crate::present::markup::Markup;
use crate::store::keys::{OPEN_SAVED_KEY, OWN_DRAFT_KEY};
use crate::store::open_saved;
use crate::store::{Store, StoreError};
use crate::text::app::page as ui;
use crate::text::store::StoreText;
use crate::text::{Lang, Text};
use leptos::prelude::*;
pub use share::BootLink;
use std::sync::Arc;
use web_kv::WebKv;

/// Entry point called by `src/bin/web.rs`, with what boot.js hands over for share links
/// ([`share::set_codec`]).
pub fn start(link: share::BootLink, make_link: js_sys::Function, qr_code: js_sys::Function) {
    console_error_panic_hook::set_once();
    share::set_codec(link, make_link, qr_code);
    // The static shell of index.html, with the first figures, gives way to the app.
    if let Some(shell) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("shell"))
    {
        shell.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// A figure set the results panel shows: the scenario and what the engine made of it, shared by
/// every view rather than copied, and equal only to itself (a new computation is a new figure
/// set), so passing it on costs nothing per keystroke.
#[derive(Debug, Clone)]
pub struct Figures(std::sync::Arc<(Scenario, ComputeResult)>);

impl Figures {
    pub fn parts(&self) -> (&Scenario, &ComputeResult) {
        (&self.0 .0, &self.0 .1)
    }
}

impl PartialEq for Figures {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Which main view is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Page {
    Calculator,
    Compare,
}

/// A message across the top of the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Banner {
    pub id: u32,
    pub kind: BannerKind,
    /// The words in Chinese and in English, as [`Ctx::say`] was given them.
    text: [String; 2],
}

impl Banner {
    pub fn text(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.text[0],
            Lang::En => &self.text[1],
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum BannerKind {
    Info,
    /// A file imported: the next import's note replaces it.
    Imported,
    /// Work kept as a draft before New, Open or Import: the next such note replaces it (New
    /// pressed three times stacked three).
    Replaced,
    Warning,
    /// A file not imported ("当前内容未改变"): refusals stay side by side, each naming its file,
    /// until a file is imported, which makes them untrue.
    ImportRefused,
    /// Corrupt storage set aside: offers the raw text for download.
    Quarantined {
        key: String,
        raw: String,
    },
    /// A scenario opened from a share link, not saved yet; `mine`: this device has work of its
    /// own to go back to (else "discard" starts a new scenario).
    FromLink {
        mine: bool,
    },
    /// A deleted saved scenario that can still be restored.
    Deleted,
    /// A share link that could not be read, saying what the form shows instead: untrue once
    /// another scenario is loaded, which takes it away.
    BadLink,
}

/// The figures to keep for a field holding `now`, a value that cannot be read: those of the last
/// valid value it held that `now` does not continue ("1" for "1e5", "4500" for "45000x" are
/// passing prefixes; "5万" replaced by "abc" is a value of its own), else those it had when it
/// took the focus (the first entry).
fn typed_over(typed: &[(String, Figures)], now: &str) -> Option<Figures> {
    typed
        .iter()
        .skip(1)
        .rev()
        .find(|(text, _)| !now.starts_with(text.as_str()))
        .or(typed.first())
        .map(|(_, f)| f.clone())
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub lang: RwSignal<Lang>,
    pub page: RwSignal<Page>,
    pub form: RwSignal<FormState>,
    /// Counts changes to the form made by anything but typing into a field (see [`Ctx::edit`]).
    pub generation: RwSignal<u32>,
    /// Counts other scenarios loaded whole ([`Ctx::load`]: opened, imported, from a link): a long
    /// list then starts again at its first rows, whatever its length.
    pub loads: RwSignal<u32>,
    /// The scenario the form describes, or every wrong field.
    pub parsed: Memo<Result<Scenario, Vec<ValidationError>>>,
    /// The figures to show (when the form is invalid, the last valid ones, passing over those of
    /// a value the wrong one continues: [`typed_over`]) and whether they are stale.
    pub shown: Memo<(Option<Figures>, bool)>,
    /// While a form field has the focus: what it held when it took it, and each valid value it
    /// held since, with their figures ([`typed_over`]); empty when no field has it.
    pub typed: StoredValue<Vec<(String, Figures)>>,
    /// The messages to show next to fields, by JSON path: a signal set only when they change,
    /// so that a keystroke which changes no message does not touch the many fields that show one.
    pub errors: RwSignal<Vec<ValidationError>>,
    /// Written only through [`Ctx::write`], read through [`Ctx::read`].
    pub store: StoredValue<Store<WebKv>>,
    /// Moves on every write to storage, by this tab ([`Ctx::write`]) or another (the `storage`
    /// event): whatever shows stored data reads it through [`Ctx::read`] and so follows.
    pub store_rev: RwSignal<u64>,
    /// The saved scenario the form was opened from or last saved as, if any.
    pub current_id: RwSignal<Option<String>>,
    /// The revision of that saved scenario this tab opened or last saved: saving over any other
    /// revision would undo another tab's save.
    pub current_rev: RwSignal<u64>,
    /// Set once another tab has taken the shared working draft: this tab then never writes it
    /// again, and keeps its unsaved work in a saved scenario of its own, `own_draft`.
    pub detached: RwSignal<bool>,
    pub own_draft: RwSignal<Option<String>>,
    /// That saved scenario as stored: saved scenarios change only when the user saves.
    pub saved_copy: RwSignal<Option<Scenario>>,
    /// Whether the form differs from `saved_copy`.
    pub dirty: Memo<bool>,
    /// Off while a scenario from a link is shown unsaved: the stored one must not be overwritten.
    pub autosave: RwSignal<bool>,
    pub banners: RwSignal<Vec<Banner>>,
    /// Whether storage works: false = the app runs in memory only.
    pub storage_ok: RwSignal<bool>,
    /// Spec §13's what-if: every invoice paid this many days late (the user's choice, 30 at first).
    pub what_if_days: RwSignal<u32>,
    /// The row a "×" just removed, offered back until anything else changes the form.
    pub removed_row: RwSignal<Option<Arc<RemovedRow>>>,
    /// The sample, shown because a share link could not be read on a first visit: while it is
    /// not edited, the bar and the title say its figures are the sample's, not the sender's.
    pub sample_for_bad_link: Memo<bool>,
    pub bad_link: RwSignal<bool>,
}

/// A row just removed with its "×": its list (JSON path), its index, the form before, and the
/// [`Ctx::generation`] the removal left, so that one click puts it back while nothing else has
/// changed ("never loses data": a mis-tap on a phone removed a payment for good), and a long
/// list's drawn rows follow the rows after it ([`crate::form::rows_shown::RowsShown::next`]).
pub struct RemovedRow {
    pub list: &'static str,
    pub row: usize,
    pub before: FormState,
    pub generation: u32,
}

impl Ctx {
    /// A fixed text in the current language, following the language toggle.
    pub fn t(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.get(self.lang.get())
    }

    /// The message for the field at `path`, in the current language.
    pub fn error_at(self, path: &str) -> Option<String> {
        let lang = self.lang.get();
        self.errors.with(|errs| {
            errs.iter()
                .find(|e| e.path == path)
                .map(|e| e.message(lang))
        })
    }

    /// A banner whose words `text` gives in each language. An import's note replaces the one
    /// before it (five imports leave one note, not five); every other note stays until closed.
    pub fn say(self, kind: BannerKind, text: impl Fn(Lang) -> String) {
        let text = [text(Lang::Zh), text(Lang::En)];
        self.banners.update(|b| {
            // The same notice again (a second file that is not a scenario) is not shown twice.
            if b.iter().any(|x| x.kind == kind && x.text == text) {
                return;
            }
            // Numbered before the note it replaces goes: ids are never given twice at once.
            let id = b.iter().map(|x| x.id).max().unwrap_or(0) + 1;
            if matches!(kind, BannerKind::Imported | BannerKind::Replaced) {
                b.retain(|x| x.kind != kind);
            }
            if kind == BannerKind::Imported {
                b.retain(|x| x.kind != BannerKind::ImportRefused);
            }
            b.push(Banner { id, kind, text });
        });
    }

    /// Runs one change to storage; when anything was written, moves `store_rev` so that every
    /// list re-reads. A disposed store (the page is closing) answers `Unavailable`.
    pub fn write<T>(
        self,
        change: impl FnOnce(&mut Store<WebKv>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let out = self.store.try_update_value(|st| {
            let before = st.writes();
            let out = change(st);
            (out, st.writes() != before)
        });
        match out {
            Some((out, wrote)) => {
                if wrote {
                    self.store_rev.update(|v| *v += 1);
                }
                out
            }
            None => Err(StoreError::Unavailable),
        }
    }

    /// Reads storage, and reads again whenever `store_rev` moves (inside a reactive scope).
    pub fn read<T>(self, look: impl FnOnce(&Store<WebKv>) -> T) -> T {
        self.store_rev.track();
        self.store.with_value(look)
    }

    pub fn dismiss(self, id: u32) {
        self.banners.update(|b| b.retain(|x| x.id != id));
    }

    /// Replaces the whole form with another scenario `s` (opening a saved scenario, a link or an
    /// import): long lists start again at their first rows.
    pub fn load(self, s: &Scenario) {
        self.loads.update(|n| *n = n.wrapping_add(1));
        self.replace(s);
        // What a damaged link's notice says the form shows is no longer on it.
        if self.bad_link.get_untracked() {
            self.bad_link.set(false);
        }
        if self
            .banners
            .with_untracked(|b| b.iter().any(|x| x.kind == BannerKind::BadLink))
        {
            self.banners
                .update(|b| b.retain(|x| x.kind != BannerKind::BadLink));
        }
    }

    /// Replaces the whole form with a newer version of the same scenario (another tab saved the
    /// one open here): long lists keep the rows shown.
    pub fn replace(self, s: &Scenario) {
        self.edit(|f| *f = FormState::from_scenario(s));
    }

    /// Changes the form other than by typing into a field, so the fields show the new text.
    pub fn edit(self, change: impl FnOnce(&mut FormState)) {
        self.form.update(change);
        self.generation.update(|g| *g = g.wrapping_add(1));
    }
}

#[component]
fn App() -> impl IntoView {
    let (mut store, _) = Store::open(WebKv::new(), &dom::now_iso());
    // Every entry still set aside, including those moved on earlier visits.
    let quarantined = store.quarantined();
    let storage_ok = store.open_error().is_none();
    let lang = match store.lang().as_deref() {
        Some("en") => Lang::En,
        _ => Lang::Zh,
    };
    let stored_working = store.load_working();
    let store = StoredValue::new(store);

    // A tab that had its own draft (another tab took the shared one) shows it again on reload.
    let own_draft =
        dom::session_get(OWN_DRAFT_KEY).and_then(|id| store.with_value(|st| st.get(&id)));
    let initial = own_draft
        .as_ref()
        .map(|d| d.scenario.clone())
        .or_else(|| stored_working.clone())
        .unwrap_or_else(|| crate::document::samples::starter(dom::today()));
    let form = RwSignal::new(FormState::from_scenario(&initial));
    let parsed = Memo::new(move |_| form.with(|f| f.to_scenario()));
    let computed: Memo<Result<Figures, Vec<ValidationError>>> = Memo::new(move |_| {
        parsed.with(|p| match p {
            Ok(s) => compute(s)
                .map(|r| Figures(std::sync::Arc::new((s.clone(), r))))
                .map_err(|e| vec![ValidationError::from(e)]),
            Err(e) => Err(e.clone()),
        })
    });
    // While a field has the focus, the figures of each valid value it held: a value typed wrong
    // there keeps those of the last value it is not a continuation of ("1e5" typed over 45000
    // passes through "1": 45000's figures are kept, not "1"'s), [`typed_over`].
    let typed: StoredValue<Vec<(String, Figures)>> = StoredValue::new(Vec::new());
    let shown = Memo::new(move |prev: Option<&(Option<Figures>, bool)>| {
        computed.with(|c| match c {
            Ok(f) => {
                typed.update_value(|t| {
                    if !t.is_empty() {
                        // A field typed into at length keeps its first and latest values.
                        if t.len() > 64 {
                            t.remove(1);
                        }
                        t.push((dom::focused_value().unwrap_or_default(), f.clone()));
                    }
                });
                (Some(f.clone()), false)
            }
            Err(_) => {
                let now = dom::focused_value().unwrap_or_default();
                let kept = typed.with_value(|t| typed_over(t, &now));
                (kept.or_else(|| prev.and_then(|p| p.0.clone())), true)
            }
        })
    });
    let errors = RwSignal::new(Vec::new());
    Effect::new(move |_| {
        computed.with(|c| {
            let now: &[ValidationError] = c.as_ref().err().map_or(&[], |e| e.as_slice());
            if errors.with_untracked(|shown| shown.as_slice() != now) {
                errors.set(now.to_vec());
            }
        })
    });

    let saved_copy: RwSignal<Option<Scenario>> = RwSignal::new(None);
    let bad_link = RwSignal::new(false);
    let ctx = Ctx {
        lang: RwSignal::new(lang),
        page: RwSignal::new(Page::Calculator),
        form,
        generation: RwSignal::new(0),
        loads: RwSignal::new(0),
        parsed,
        shown,
        typed,
        errors,
        store,
        store_rev: RwSignal::new(0),
        current_id: RwSignal::new(None),
        current_rev: RwSignal::new(0),
        detached: RwSignal::new(false),
        own_draft: RwSignal::new(None),
        saved_copy,
        dirty: Memo::new(move |_| {
            saved_copy.with(|saved| match saved {
                Some(saved) => parsed.with(|p| p.as_ref().is_ok_and(|s| s != saved)),
                None => false,
            })
        }),
        autosave: RwSignal::new(true),
        removed_row: RwSignal::new(None),
        banners: RwSignal::new(Vec::new()),
        storage_ok: RwSignal::new(storage_ok),
        what_if_days: RwSignal::new(crate::present::compare::WHAT_IF_DAYS),
        sample_for_bad_link: Memo::new(move |_| {
            bad_link.get()
                && parsed.with(|p| {
                    p.as_ref()
                        .is_ok_and(|s| *s == crate::document::samples::starter(s.as_of))
                })
        }),
        bad_link,
    };
    provide_context(ctx);
    // A removed row is offered back only while the form is as the removal left it: no other
    // change by a button ([`Ctx::edit`]), nothing typed since.
    Effect::new(move |_| {
        let generation = ctx.generation.get();
        if ctx
            .removed_row
            .with_untracked(|r| r.as_ref().is_some_and(|r| r.generation != generation))
        {
            ctx.removed_row.set(None);
        }
    });
    let _typed = window_event_listener(leptos::ev::input, move |_| {
        if ctx.removed_row.with_untracked(Option::is_some) {
            ctx.removed_row.set(None);
        }
    });
    if let Some(own) = own_draft {
        ctx.detached.set(true);
        ctx.own_draft.set(Some(own.id.clone()));
        ctx.current_id.set(Some(own.id));
        ctx.current_rev.set(own.rev);
        ctx.saved_copy.set(Some(own.scenario));
    }

    // A reload shows the saved scenario that was open, with its Save button, when the working
    // draft is still the one this tab wrote.
    if ctx.own_draft.get_untracked().is_none() && !crate::store::opening::is_link(&dom::hash()) {
        let open = dom::session_get(OPEN_SAVED_KEY).zip(stored_working.as_ref());
        if let Some((id, rev)) = open.and_then(|(raw, w)| open_saved::reattach(&raw, w)) {
            if let Some(saved) = ctx.store.with_value(|st| st.get(&id)) {
                ctx.current_id.set(Some(id));
                ctx.current_rev.set(rev);
                ctx.saved_copy.set(Some(saved.scenario));
            }
        }
    }

    library::report_quarantined(ctx, quarantined);
    if !storage_ok {
        ctx.say(BannerKind::Warning, |l| {
            StoreText::UnavailableAtStart.say(l)
        });
    }
    // Whether the screen holds the user's own work rather than the starter: a working draft, or
    // this tab's own draft.
    let had_stored = stored_working.is_some() || ctx.own_draft.with_untracked(Option::is_some);
    share::open_from_link(ctx, had_stored);
    share::follow_pasted_links(ctx);
    saving::autosave(ctx);
    sync::follow_other_tabs(ctx);

    let lang_warned = StoredValue::new(false);
    Effect::new(move |_| {
        let lang = ctx.lang.get();
        let code = if lang == Lang::Zh { "zh" } else { "en" };
        let stored = ctx.store.with_value(|s| s.lang());
        if stored.as_deref() != Some(code) {
            // Said once, and not at all when storage is known to be unavailable.
            if let Err(e) = ctx.write(|s| s.set_lang(code)) {
                if ctx.storage_ok.get_untracked() && !lang_warned.get_value() {
                    lang_warned.set_value(true);
                    ctx.say(BannerKind::Warning, |l| {
                        StoreText::LangNotSaved { err: &e.message(l) }.say(l)
                    });
                }
            }
        }
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            if let Some(root) = doc.document_element() {
                let _ = root.set_attribute("lang", if code == "zh" { "zh-CN" } else { "en" });
            }
            doc.set_title(ui::DOCUMENT_TITLE.get(lang));
        }
    });

    view! {
        <a
            class="skip-link"
            href="#results"
            data-testid="skip-to-results"
            on:click=move |ev| {
                ev.prevent_default();
                dom::go_to("results");
            }
        >
            {ctx.t(ui::SKIP_TO_RESULTS)}
        </a>
        <header class="top">
            <div class="brand">
                <h1>{ctx.t(ui::HEADING)}</h1>
                <p class="tagline">{ctx.t(ui::TAGLINE)}</p>
            </div>
            <nav
                class="actions"
                aria-label=ctx.t(ui::ACTIONS)
                on:click=move |ev| {
                    match library::clicked(&ev).map(|(action, _)| action).as_deref() {
                        Some("calculator") => ctx.page.set(Page::Calculator),
                        Some("compare") => ctx.page.set(Page::Compare),
                        Some("lang") => {
                            ctx.lang
                                .update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh })
                        }
                        _ => {}
                    }
                }
                inner_html=move || {
                    dom::keep_focus(".actions");
                    nav_html(ctx.page.get(), ctx.lang.get()).into_string()
                }
            ></nav>
        </header>
        <library::Banners />
        <main>
            {move || match ctx.page.get() {
                Page::Calculator => {
                    view! {
                        // A link's reader (a client, often on a phone) came for the figures: on a
                        // narrow screen they stay first, as the page showed them while it loaded,
                        // until the scenario is saved or left.
                        <div class="workspace" class:results-first=move || !ctx.autosave.get()>
                            <section class="inputs" aria-label=ctx.t(ui::CONTRACT_TERMS)>
                                <library::ScenarioBar />
                                <inputs::Form />
                            </section>
                            <aside
                                class="results"
                                id="results"
                                tabindex="-1"
                                aria-live="polite"
                                aria-label=ctx.t(ui::RESULTS)
                            >
                                <results::Results />
                            </aside>
                        </div>
                        <results::SummaryBar />
                    }
                        .into_any()
                }
                Page::Compare => view! { <compare::Compare /> }.into_any(),
            }}
        </main>
        <footer class="foot">
            <p>{ctx.t(ui::RULES_AND_SOURCES)}</p>
        </footer>
    }
}

/// The header's buttons: the calculator and the comparison (the one shown marked `active` and
/// `aria-current`), and the other language.
fn nav_html(page: Page, lang: Lang) -> Markup {
    let mut m = Markup::new();
    for (shown, action, testid, label) in [
        (
            Page::Calculator,
            "calculator",
            "open-calculator",
            ui::CALCULATOR,
        ),
        (Page::Compare, "compare", "open-compare", ui::COMPARE),
    ] {
        let mut attrs = vec![("data-testid", testid)];
        if page == shown {
            attrs.extend([("class", "tab active"), ("aria-current", "page")]);
        } else {
            attrs.push(("class", "tab"));
        }
        library::button(&mut m, action, &attrs, label.get(lang));
    }
    let lang_attrs = [
        ("class", "lang"),
        ("data-testid", "lang-toggle"),
        ("aria-label", ui::SWITCH_LANGUAGE.get(lang)),
    ];
    library::button(&mut m, "lang", &lang_attrs, ui::OTHER_LANGUAGE.get(lang));
    m
}
