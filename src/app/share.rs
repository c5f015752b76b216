//! Share links: the whole scenario in the URL fragment (deflate + base64url, prefix `s1.`), and a
//! QR code of it. A link opened in a fresh browser shows the identical scenario, offers to save
//! it, and never overwrites a stored scenario silently; a damaged link is reported and ignored.
//!
//! The browser deflates and inflates: `boot.js` inflates the address's link before the app starts
//! and hands its document text over, with a function that makes a link of a document
//! ([`set_codec`]), so the app carries no deflate code (README "First figures"). The QR code is
//! drawn by a small module that `boot.js` loads the first time a link is shared (`src/bin/qr.rs`),
//! so the app carries no QR encoder either.

use super::{dom, BannerKind, Ctx};
use crate::document::share_link::{opens, payload, scenario_of_document, LinkError, MAX_FRAGMENT};
use crate::engine::scenario::Scenario;
use wasm_bindgen::{JsCast, JsValue};
// Unsaved edits to a scenario opened from a link are kept in this tab's session storage, so
// that a reload does not lose them (the stored scenarios stay untouched until the user saves).
use crate::store::keys::LINK_DRAFT_KEY;
use crate::text::app::share as ui;
use leptos::prelude::*;

thread_local! {
    /// The fragment the linked scenario on screen was opened from: its edits are kept under it,
    /// not under whatever the address shows when they are written (a link pasted since).
    static OPENED_FROM: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// The address's link as boot.js read it before the app started.
    static BOOT_LINK: std::cell::RefCell<BootLink> = std::cell::RefCell::new(BootLink::default());
    /// The scenario of the link opened at start, as it came (before this tab's edits).
    static LINKED: std::cell::RefCell<Option<Scenario>> = const { std::cell::RefCell::new(None) };
    /// boot.js's `makeLink(json)`: a promise of the fragment that carries the document `json`.
    static MAKE_LINK: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
    /// boot.js's `qrCode(text)`: a promise of the QR code's SVG markup (`null`: too long), which
    /// fails when its module cannot be loaded; `qrCode(null)` only loads the module.
    static QR_CODE: std::cell::RefCell<Option<js_sys::Function>> = const { std::cell::RefCell::new(None) };
}

/// The address's link as boot.js read it: the address's fragment (`#…`) it read, the document
/// text the browser inflated (`None`: no `s1.` link, or a damaged one), and whether the links
/// module such a browser needs could not be loaded.
#[derive(Default)]
pub struct BootLink {
    pub address: String,
    pub document: Option<String>,
    pub unavailable: bool,
}

/// What boot.js hands over at start: the address's link as it read it, the function that makes
/// links and the one that draws their QR code.
pub fn set_codec(link: BootLink, make_link: js_sys::Function, qr_code: js_sys::Function) {
    BOOT_LINK.with(|b| *b.borrow_mut() = link);
    MAKE_LINK.with(|m| *m.borrow_mut() = Some(make_link));
    QR_CODE.with(|q| *q.borrow_mut() = Some(qr_code));
}

/// Whether the address holds another link than the one boot.js read (pasted while the app
/// loaded).
fn link_changed_since_boot(fragment: &str) -> bool {
    payload(fragment).is_ok() && BOOT_LINK.with(|b| b.borrow().address != dom::address_hash())
}

/// The scenario of the link `fragment`: its format and length checked here, its document as
/// boot.js had the browser inflate it (none: damaged), read in full. `None` when the links
/// module such a browser needs could not be loaded: the link may be fine.
fn read_link(fragment: &str) -> Option<Result<Scenario, LinkError>> {
    if let Err(e) = payload(fragment) {
        return Some(Err(e));
    }
    BOOT_LINK.with(|b| {
        let b = b.borrow();
        (!b.unavailable).then(|| {
            b.document
                .as_deref()
                .ok_or(LinkError::Corrupt)
                .and_then(scenario_of_document)
        })
    })
}

/// The fragment that carries the document `json`, made by the browser (boot.js's `makeLink`).
async fn make_fragment(json: String) -> Option<String> {
    let made = call_boot(&MAKE_LINK, &JsValue::from_str(&json))
        .await
        .ok()?;
    made.as_string()
}

/// The share link's QR code as boot.js's QR module draws it: `Ok(None)` for a link too long for
/// one, `Err` when the module could not be loaded (offline, the first time).
async fn qr_markup(url: String) -> Result<Option<String>, ()> {
    Ok(call_boot(&QR_CODE, &JsValue::from_str(&url))
        .await?
        .as_string())
}

/// Calls one of boot.js's functions with `arg` and awaits the promise it returns.
async fn call_boot(
    f: &'static std::thread::LocalKey<std::cell::RefCell<Option<js_sys::Function>>>,
    arg: &JsValue,
) -> Result<JsValue, ()> {
    let f = f.with(|f| f.borrow().clone()).ok_or(())?;
    let promise = f.call1(&JsValue::NULL, arg).map_err(|_| ())?;
    let promise = promise.dyn_into::<js_sys::Promise>().map_err(|_| ())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|_| ())
}

/// Keeps the current (unsaved) edits of a linked scenario for this tab; false when the browser
/// refused to keep them (a reload would lose them).
pub fn keep_link_draft(s: &crate::engine::scenario::Scenario) -> bool {
    let Some(fragment) = OPENED_FROM.with(|f| f.borrow().clone()) else {
        return true;
    };
    let doc = serde_json::json!({ "hash": fragment, "scenario": s.to_json_value() });
    dom::session_set(LINK_DRAFT_KEY, &doc.to_string())
}

/// Forgets the tab's linked-scenario edits (saved or discarded).
pub fn forget_link_draft() {
    OPENED_FROM.with(|f| f.borrow_mut().take());
    LINKED.with(|l| l.borrow_mut().take());
    dom::session_remove(LINK_DRAFT_KEY);
}

/// The tab's unsaved edits of the scenario behind `fragment`, if any.
fn link_draft(fragment: &str) -> Option<crate::engine::scenario::Scenario> {
    crate::store::opening::link_draft(&dom::session_get(LINK_DRAFT_KEY)?, fragment)
}

/// Opens the scenario in the address's fragment, if there is one (with this tab's unsaved edits
/// of it, after a reload).
pub fn open_from_link(ctx: Ctx, had_stored: bool) {
    let fragment = dom::hash();
    if fragment.is_empty() {
        return;
    }
    if link_changed_since_boot(&fragment) {
        // Nothing is on screen yet: the page loads again and boot.js reads the new link.
        dom::reload();
        return;
    }
    let linked = read_link(&fragment);
    if let Some(Ok(s)) = &linked {
        LINKED.with(|l| *l.borrow_mut() = Some(s.clone()));
    }
    match link_draft(&fragment).map(Ok).or(linked) {
        None => {
            // The address keeps the link, so that a reload online tries again.
            ctx.say(BannerKind::Warning, |l| {
                ui::LINK_UNAVAILABLE.get(l).to_string()
            });
        }
        Some(Ok(s)) => {
            OPENED_FROM.with(|f| *f.borrow_mut() = Some(fragment.clone()));
            ctx.load(&s);
            // Tied to no saved scenario (not even this tab's own draft, which stays to go back
            // to): a Save would overwrite it with the link's scenario.
            ctx.current_id.set(None);
            ctx.saved_copy.set(None);
            ctx.autosave.set(false);
            let text = if had_stored {
                ui::FROM_LINK_STORED_UNTOUCHED
            } else {
                ui::FROM_LINK_NOT_SAVED
            };
            ctx.say(BannerKind::FromLink { mine: had_stored }, |l| {
                text.get(l).to_string()
            });
        }
        Some(Err(e)) if crate::store::opening::is_link(&fragment) => {
            ctx.bad_link.set(!had_stored);
            ctx.say(BannerKind::BadLink, |l| {
                ui::link_unreadable(&e.message(l), had_stored, l)
            });
            dom::clear_hash();
        }
        Some(Err(_)) => {}
    }
}

/// A share link pasted into the address bar of an open tab changes only the fragment, so the
/// browser does not load the page again. Work that would be lost is kept first (as New does);
/// the page then loads again and opens the link as a fresh tab would. When the work cannot be
/// kept, the tab stays and says why. The autosaved working draft needs no copy: opening a link
/// leaves it as it is, and it is written when the page goes. Nor does a linked scenario never
/// edited here ([`link_unedited`]), nor work a saved scenario already holds (kept once).
pub fn follow_pasted_links(ctx: Ctx) {
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let fragment = dom::hash();
        let opened = OPENED_FROM.with(|f| f.borrow().clone());
        if !crate::store::opening::is_link(&fragment) || opened.as_deref() == Some(&fragment) {
            return;
        }
        if link_unedited(ctx, opened.as_deref()) || super::saving::keep_before_reload(ctx) {
            dom::reload();
        } else {
            // Staying: the address goes back to what is on screen, so that a later reload does
            // not open the pasted link over the work that could not be kept.
            dom::set_fragment(opened.as_deref());
        }
    });
    on_cleanup(move || handle.remove());
}

/// Whether the form shows the scenario of the link `opened`, as it came, with no edit of this
/// tab: not work to keep when another link is pasted ("nothing unedited is copied"), since the
/// link stays in the tab's history (the pasted one is a new entry) and with whoever sent it.
fn link_unedited(ctx: Ctx, opened: Option<&str>) -> bool {
    let Some(linked) = opened.and_then(|_| LINKED.with(|l| l.borrow().clone())) else {
        return false;
    };
    !ctx.autosave.get_untracked() && ctx.parsed.with_untracked(|p| p.as_ref() == Ok(&linked))
}

#[component]
pub fn ShareButton() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let open = RwSignal::new(false);
    let link = RwSignal::new(String::new());
    let copied: RwSignal<Option<bool>> = RwSignal::new(None);
    // The QR code of the link shown: `None` until drawn, `Some(Err)` when it could not be.
    let qr: RwSignal<Option<Result<String, ()>>> = RwSignal::new(None);
    let current = move || {
        ctx.shown
            .with_untracked(|f| f.0.as_ref().map(|f| f.parts().0.to_json()))
    };
    // A link made longer than any reader opens: its length, said instead of the link.
    let too_long: RwSignal<Option<usize>> = RwSignal::new(None);
    let show = move |fragment: Option<String>| {
        too_long.set(fragment.as_ref().filter(|f| !opens(f)).map(String::len));
        let url = fragment
            .filter(|f| opens(f))
            .map(|f| format!("{}#{f}", dom::base_url()));
        link.set(url.clone().unwrap_or_default());
        copied.set(url.is_none().then_some(false));
        qr.set(None);
        open.set(true);
        if let Some(url) = url {
            let drawn = url.clone();
            leptos::task::spawn_local(async move {
                copied.set(Some(dom::copy_text(url).await));
            });
            leptos::task::spawn_local(async move {
                let markup = qr_markup(drawn.clone()).await;
                // The panel may be gone by now (another page shown): then nothing to draw.
                if link.try_with_untracked(|l| *l == drawn) == Some(true) {
                    qr.try_set(Some(markup.map(Option::unwrap_or_default)));
                }
            });
        }
    };
    // A tap presses before it clicks: the link is made in between, so that the click copies it
    // at once (Safari lets a page copy only within the click itself, not after an await).
    let prepared: StoredValue<Option<(String, String)>> = StoredValue::new(None);
    let prepare = move || {
        leptos::task::spawn_local(async {
            let _ = call_boot(&QR_CODE, &JsValue::NULL).await;
        });
        let Some(json) = current() else {
            return;
        };
        leptos::task::spawn_local(async move {
            if let Some(fragment) = make_fragment(json.clone()).await {
                prepared.set_value(Some((json, fragment)));
            }
        });
    };
    let make_link = move |_| {
        let Some(json) = current() else {
            return;
        };
        match prepared.get_value() {
            Some((made, fragment)) if made == json => show(Some(fragment)),
            _ => leptos::task::spawn_local(async move { show(make_fragment(json).await) }),
        }
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
        }
    });
    on_cleanup(move || esc.remove());
    view! {
        <button
            type="button"
            data-testid="copy-link"
            on:pointerdown=move |_| prepare()
            on:focus=move |_| prepare()
            on:click=make_link
        >
            {ctx.t(ui::COPY_LINK)}
        </button>
        <Show when=move || open.get()>
            <div
                class="share-panel"
                role="dialog"
                aria-label=ctx.t(ui::SHARE_LINK)
                data-testid="share-panel"
            >
                <p class="muted">
                    {move || match copied.get() {
                        Some(false) if link.with(String::is_empty) => {
                            match too_long.get() {
                                Some(n) => ui::link_too_long(n, MAX_FRAGMENT, ctx.lang.get()),
                                None => ui::LINK_NOT_MADE.get(ctx.lang.get()).into(),
                            }
                        }
                        Some(false) => ui::COPY_REFUSED.get(ctx.lang.get()).into(),
                        Some(true) => ui::LINK_COPIED.get(ctx.lang.get()).into(),
                        None => "…".into(),
                    }}
                </p>
                {move || {
                    (ctx.parsed.with(Result::is_err) && !link.with(String::is_empty))
                        .then(|| {
                            view! {
                                <p class="warn" data-testid="link-of-last-valid">
                                    {ctx.t(ui::LINK_OF_LAST_VALID)}
                                </p>
                            }
                        })
                }}
                <input
                    class="link-text"
                    data-testid="link-text"
                    type="text"
                    readonly
                    hidden=move || link.with(String::is_empty)
                    prop:value=move || link.get()
                    aria-label=ctx.t(ui::SHARE_LINK)
                    on:focus=move |ev| {
                        use wasm_bindgen::JsCast;
                        if let Some(i) = ev
                            .target()
                            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            i.select();
                        }
                    }
                />
                <p class="muted small">
                    {move || {
                        link.with(|l| {
                            (!l.is_empty())
                                .then(|| ui::link_length(l.chars().count(), ctx.lang.get()))
                        })
                    }}
                </p>
                <div
                    class="qr"
                    data-testid="qr"
                    data-loading=move || {
                        (qr.with(Option::is_none) && link.with(|l| !l.is_empty())).then_some("")
                    }
                    inner_html=move || {
                        qr.with(|q| q.clone().and_then(Result::ok).unwrap_or_default())
                    }
                ></div>
                <Show when=move || qr.with(|q| matches!(q, Some(Err(()))))>
                    <p class="muted small" data-testid="qr-unavailable">
                        {ctx.t(ui::QR_UNAVAILABLE)}
                    </p>
                </Show>
                <button type="button" on:click=move |_| open.set(false)>
                    {ctx.t(ui::CLOSE)}
                </button>
            </div>
        </Show>
    }
}
