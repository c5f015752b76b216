//! The results panel: the engine's figures as HTML from [`crate::present::report`], set in one step on
//! every change; the breakdown cards open and close on click (only open ones are built). When the
//! form is invalid the last valid figures stay, visibly marked stale.

use super::{Ctx, Figures};
use crate::engine::money::format_yuan;
use crate::present::report::{results_html, terms_html, Card, Open};
use crate::text::app::results as ui;
use crate::text::Text;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

#[component]
pub fn Results() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let stale = move || ctx.shown.with(|s| s.1);
    let error_count = move || ctx.errors.with(|e| e.len());
    let open = RwSignal::new(Open::AT_START);
    let refocus: StoredValue<Option<Card>> = StoredValue::new(None);
    let html = Memo::new(move |_| {
        let lang = ctx.lang.get();
        let open = open.get();
        ctx.shown
            .with(|(figures, _)| match figures.as_ref().map(Figures::parts) {
                Some((s, r)) => results_html(s, r, lang, open),
                None => String::new(),
            })
    });
    let printing = RwSignal::new(false);
    let before = window_event_listener(leptos::ev::beforeprint, move |_| printing.set(true));
    let after = window_event_listener(leptos::ev::afterprint, move |_| printing.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let terms = move || {
        if !printing.get() {
            return String::new();
        }
        let lang = ctx.lang.get();
        ctx.shown.with(|(f, _)| {
            f.as_ref()
                .map(Figures::parts)
                .map(|(s, r)| {
                    // The print is the lawyer's copy: the terms, then the settlement line by
                    // line, the 计算明细 and the payments, each under its heading when it has one.
                    let sections = [
                        (
                            ui::SETTLEMENT,
                            crate::present::report::settlement_table_html(s, r, lang),
                        ),
                        (
                            ui::PENALTY_COMPUTATION,
                            crate::present::claim::claim_table_html(r, lang),
                        ),
                        (
                            ui::PAYMENTS,
                            crate::present::claim::payments_html(s, r, lang),
                        ),
                    ];
                    let mut out = terms_html(s, lang);
                    for (heading, html) in sections {
                        if !html.is_empty() {
                            out.push_str(&format!("<h3>{}</h3>{html}", heading.get(lang)));
                        }
                    }
                    out
                })
                .unwrap_or_default()
        })
    };
    // A click on a card's summary opens or closes it: the panel is rebuilt with that card's
    // breakdown, and the keyboard focus goes back to the same summary.
    let copied = RwSignal::new(None::<bool>);
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if target
            .closest("[data-action=copy-claim]")
            .ok()
            .flatten()
            .is_some()
        {
            let lang = ctx.lang.get_untracked();
            let text = ctx.shown.with_untracked(|(f, _)| {
                f.as_ref()
                    .map(Figures::parts)
                    .map(|(_, r)| crate::present::claim::claim_text(r, lang))
            });
            if let Some(text) = text {
                leptos::task::spawn_local(async move {
                    copied.set(Some(super::dom::copy_text(text).await));
                });
            }
            return;
        }
        let Some(card) = target
            .closest("summary")
            .ok()
            .flatten()
            .and_then(|s| s.parent_element())
            .and_then(|d| d.get_attribute("data-card"))
            .and_then(|id| Card::from_id(&id))
        else {
            return;
        };
        ev.prevent_default();
        open.update(|o| o.toggle(card));
        refocus.set_value(Some(card));
    };
    Effect::new(move |_| {
        html.track();
        if let Some(card) = refocus.try_update_value(Option::take).flatten() {
            request_animation_frame(move || {
                let summary = document()
                    .query_selector(&format!("[data-card=\"{}\"] > summary", card.id()))
                    .ok()
                    .flatten();
                if let Some(el) = summary.and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            });
        }
    });
    // A field's label is read from the form: drawn before the form (the calculator shown again
    // after the comparison), the list is drawn once more on the next frame, when it is there.
    let relabel = Trigger::new();
    let relabelled = StoredValue::new(false);
    view! {
        <div class="results-inner" class:stale=stale data-testid="results">
            {move || {
                stale()
                    .then(|| {
                        view! {
                            <div class="stale-note" role="status" data-testid="stale">
                                <p>{move || ui::stale(error_count(), ctx.lang.get())}</p>
                                <ul>
                                    {move || {
                                        let lang = ctx.lang.get();
                                        relabel.track();
                                        let mut unlabelled = false;
                                        let list = ctx
                                            .errors
                                            .with(|errs| {
                                                errs.iter()
                                                    .take(5)
                                                    .map(|e| {
                                                        let text = e.message(lang);
                                                        if e.path.is_empty() {
                                                            view! { <li>{text}</li> }.into_any()
                                                        } else {
                                                            let id = super::inputs::dom_id(&e.path);
                                                            let label = field_label(&id, &e.path, lang)
                                                                .unwrap_or_else(|| {
                                                                    unlabelled = true;
                                                                    e.path.clone()
                                                                });
                                                            let href = format!("#{id}");
                                                            // To the field without touching the address: its fragment is a share link's.
                                                            view! {
                                                                <li>
                                                                    <a
                                                                        href=href
                                                                        on:click=move |ev| {
                                                                            ev.prevent_default();
                                                                            super::dom::go_to(&id);
                                                                        }
                                                                    >
                                                                        {ui::field_and_message(&label, &text, lang)}
                                                                    </a>
                                                                </li>
                                                            }
                                                                .into_any()
                                                        }
                                                    })
                                                    .collect_view()
                                            });
                                        if unlabelled && !relabelled.get_value() {
                                            request_animation_frame(move || relabel.notify());
                                        }
                                        relabelled.set_value(unlabelled);
                                        list
                                    }}
                                </ul>
                            </div>
                        }
                    })
            }}
            <div class="print-only" inner_html=terms></div>
            <UpdateToToday />
            <div class="figures" on:click=on_click inner_html=move || html.get()></div>
            <WhatIf />
            <p class="muted" role="status" data-testid="claim-copied">
                {move || match copied.get() {
                    Some(true) => ui::COPIED.get(ctx.lang.get()),
                    Some(false) => ui::COPY_REFUSED.get(ctx.lang.get()),
                    None => "",
                }}
            </p>
            {move || {
                html.with(String::is_empty)
                    .then(|| {
                        view! { <p class="muted">{ctx.t(ui::COMPLETE_FORM_SEE_FIGURES)}</p> }
                    })
            }}
        </div>
    }
}

/// On a phone the results sit below the form: this bar keeps the headline figures in view while
/// typing, and jumps to the full results.
/// The headline figures the summary bar shows.
#[derive(Clone, PartialEq)]
struct Headline {
    total: String,
    penalty: String,
    stale: bool,
    /// The settlement's net, and who pays it: the bar says which way, as the card does.
    settlement: Option<(String, crate::engine::termination::Payer)>,
}

#[component]
pub fn SummaryBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // The bar is built once; a keystroke changes only its figures' text.
    let figures = Memo::new(move |_| {
        ctx.shown.with(|(f, stale)| {
            f.as_ref().map(Figures::parts).map(|(_, r)| Headline {
                total: format_yuan(r.total_fees.contract_total),
                penalty: format_yuan(r.late_payment.total_penalty),
                stale: *stale,
                settlement: r
                    .termination
                    .as_ref()
                    .map(|t| (format_yuan(t.net), t.payer)),
            })
        })
    });
    let shown = Memo::new(move |_| figures.with(Option::is_some));
    let stale = Memo::new(move |_| figures.with(|f| f.as_ref().is_some_and(|f| f.stale)));
    let has_settlement =
        Memo::new(move |_| figures.with(|f| f.as_ref().is_some_and(|f| f.settlement.is_some())));
    let text = move |pick: fn(&Headline) -> Option<String>| {
        move || figures.with(|f| f.as_ref().and_then(pick).unwrap_or_default())
    };
    view! {
        <a
            class="summary-bar"
            href="#results"
            data-testid="summary-bar"
            on:click=move |ev| {
                ev.prevent_default();
                super::dom::go_to("results");
            }
        >
            <Show when=move || shown.get()>
                <span class:stale=stale>
                    <small>{ctx.t(ui::TOTAL)}</small>
                    <strong>{text(|f| Some(f.total.clone()))}</strong>
                </span>
                <span class:stale=stale>
                    <small>{ctx.t(ui::LATE_PENALTIES)}</small>
                    <strong>{text(|f| Some(f.penalty.clone()))}</strong>
                </span>
                <Show when=move || has_settlement.get()>
                    <span class:stale=stale data-testid="summary-settlement">
                        <small>
                            {ctx.t(ui::SETTLEMENT)}" "
                            {move || {
                                figures
                                    .with(|f| {
                                        f.as_ref().and_then(|f| f.settlement.as_ref()).map(|s| s.1)
                                    })
                                    .map(|payer| {
                                        crate::text::report::payer_direction(payer)
                                            .get(ctx.lang.get())
                                    })
                            }}
                        </small>
                        <strong>{text(|f| f.settlement.as_ref().map(|s| s.0.clone()))}</strong>
                    </span>
                </Show>
                <span class="go" class:sample=move || ctx.sample_for_bad_link.get()>
                    {move || {
                        if stale.get() {
                            ctx.t(ui::FIX_INPUT_LAST_FIGURES)()
                        } else if ctx.sample_for_bad_link.get() {
                            ctx.t(ui::SAMPLE_FIGURES)()
                        } else {
                            ctx.t(ui::SEE_RESULTS)()
                        }
                    }}
                </span>
            </Show>
        </a>
    }
}

/// Spec §13 for negotiators: what the terms cost if every invoice is paid D days late — figures
/// even before the contract starts, when the penalty to date is nil.
#[component]
fn WhatIf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    // After a termination for subcontracting no late penalty is owed (§6): no what-if either.
    let has_clause = Memo::new(move |_| {
        ctx.shown.with(|(f, _)| {
            f.as_ref().is_some_and(|f| {
                let (s, r) = f.parts();
                s.late_payment.is_some()
                    && !r.termination.as_ref().is_some_and(|t| t.fees_forfeited)
            })
        })
    });
    // One more computation, done after the figures are on screen and once typing pauses (a
    // tenth of a second), so that keystrokes stay quick.
    let figures = RwSignal::new(None::<WhatIfFigures>);
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |_| {
        let days = ctx.what_if_days.get();
        ctx.shown.track();
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let result = ctx.shown.with_untracked(|(f, _)| {
                    let (s, base) = f.as_ref()?.parts();
                    s.late_payment.as_ref()?;
                    crate::engine::what_if::what_if_late(s, days).ok().map(|r| {
                        let extra = crate::text::results::beyond(
                            &base.late_payment.assumed,
                            &r.late_payment.assumed,
                        );
                        let l = &r.late_payment;
                        let rights = match (
                            l.suspend_right_from.is_some(),
                            l.terminate_right_from.is_some(),
                        ) {
                            (true, true) => Some(ui::SUPPLIER_MAY_THEN_SUSPEND_AND_TERMINATE),
                            (true, false) => Some(ui::SUPPLIER_MAY_THEN_SUSPEND),
                            (false, true) => Some(ui::SUPPLIER_MAY_THEN_TERMINATE),
                            (false, false) => None,
                        };
                        (l.total_penalty, rights, extra)
                    })
                });
                figures.set(result);
            },
            std::time::Duration::from_millis(100),
        )
        .ok();
        pending.set_value(handle);
    });
    view! { <Show when=move || has_clause.get()>{what_if_row(ctx, figures)}</Show> }
}

/// The what-if's penalty, the rights it would give, and what it assumed beyond the page's
/// penalty.
type WhatIfFigures = (
    rust_decimal::Decimal,
    Option<Text>,
    Vec<crate::engine::warnings::Warning>,
);

/// The what-if's row, made anew each time it is shown. Days typed that are not a whole number
/// from 0 to 3,660 are said to be wrong, and no figure is shown for them; the input shows the
/// last right days when it is made, so it starts right.
fn what_if_row(ctx: Ctx, figures: RwSignal<Option<WhatIfFigures>>) -> impl IntoView {
    let wrong = RwSignal::new(false);
    view! {
        <div class="what-if no-print" data-testid="what-if">
            <label for="f-what-if-days">{ctx.t(ui::IF_EVERY_INVOICE_PAID)}</label>
            <input
                id="f-what-if-days"
                data-testid="what-if-days"
                type="text"
                inputmode="numeric"
                aria-invalid=move || if wrong.get() { "true" } else { "false" }
                aria-describedby="what-if-problem"
                prop:value=move || ctx.what_if_days.get_untracked().to_string()
                on:input=move |ev| {
                    let typed = event_target_value(&ev);
                    let days = crate::form::typed_days(&typed);
                    match days.filter(|d| *d <= crate::engine::what_if::MAX_LATE_DAYS) {
                        Some(d) => {
                            wrong.set(false);
                            ctx.what_if_days.set(d);
                        }
                        None => wrong.set(true),
                    }
                }
            />
            <span>{ctx.t(ui::DAYS_LATE_PENALTIES_TOTAL)}</span>
            <strong data-testid="what-if-penalty">
                {move || {
                    if wrong.get() {
                        "—".to_string()
                    } else {
                        figures.get().map(|(p, _, _)| format_yuan(p)).unwrap_or_default()
                    }
                }}
            </strong>
            {move || {
                figures
                    .get()
                    .and_then(|(_, rights, _)| rights)
                    .filter(|_| !wrong.get())
                    .map(|t| view! { <span class="warn">{t.get(ctx.lang.get())}</span> })
            }}
            {move || {
                figures
                    .get()
                    .map(|(_, _, extra)| extra)
                    .filter(|extra| !extra.is_empty() && !wrong.get())
                    .map(|extra| {
                        let text = crate::text::results::also_assumes(&extra, ctx.lang.get());
                        view! {
                            <span class="muted" data-testid="what-if-assumes">
                                {text}
                            </span>
                        }
                    })
            }}
            <p class="field-error" id="what-if-problem" role="alert" data-testid="what-if-problem">
                {move || wrong.get().then(|| ui::WHAT_IF_DAYS_INVALID.get(ctx.lang.get()))}
            </p>
        </div>
    }
}

/// "至今" figures of a link opened later, or of a draft reloaded months later, are as of the date
/// stated; this says so and brings them to today on request.
#[component]
fn UpdateToToday() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let today = super::dom::today();
    let stated = Memo::new(move |_| {
        ctx.form
            .with(|f| crate::document::read::parse_date(f.as_of.trim()))
            .filter(|d| *d < today)
    });
    move || {
        stated.get().map(|d| {
            let lang = move || ctx.lang.get();
            view! {
                <p class="as-of-note no-print" data-testid="as-of-note">
                    {move || ui::as_of_before_today(d, today, lang())}
                    <button
                        type="button"
                        class="chip"
                        data-testid="update-to-today"
                        on:click=move |_| ctx.edit(|f| f.as_of = today.to_string())
                    >
                        {ctx.t(ui::UPDATE_TO_TODAY)}
                    </button>
                </p>
            }
        })
    }
}

/// The label a field shows on the page (its `<label for>`), to name it in the list of problems;
/// for a field not drawn now (an imported file's), the label the form gives it when drawn.
pub(super) fn field_label(id: &str, path: &str, lang: crate::text::Lang) -> Option<String> {
    drawn_label(id, path, lang).or_else(|| {
        let name = crate::form::labels::field_name(path)?;
        let label = name.label.get(lang);
        Some(match name.list {
            Some((list, row)) => ui::row_field(Some(list.get(lang)), row, label, lang),
            None => label.to_string(),
        })
    })
}

/// The label of a field drawn on the page.
fn drawn_label(id: &str, path: &str, lang: crate::text::Lang) -> Option<String> {
    let doc = document();
    // Each name in the user's language, whichever language the page shows now (a notice is
    // worded in both when it is given).
    let in_lang = |e: &web_sys::Element| {
        let key = match lang {
            crate::text::Lang::Zh => "data-zh",
            crate::text::Lang::En => "data-en",
        };
        e.get_attribute(key)
    };
    let label = match doc
        .query_selector(&format!("label[for=\"{id}\"] .zh-en"))
        .ok()
        .flatten()
    {
        Some(span) => in_lang(&span).or_else(|| span.text_content())?,
        None => doc
            .query_selector(&format!("label[for=\"{id}\"]"))
            .ok()
            .flatten()?
            .text_content()?,
    };
    let label = label.trim().to_string();
    if label.is_empty() {
        return None;
    }
    // A row's field is named with its row (and its list, when the list has a name), so that
    // two amounts wrong are told apart.
    let Some(row) = crate::form::paths::first_index(path) else {
        return Some(label);
    };
    let list = doc
        .get_element_by_id(id)
        .and_then(|e| e.closest("[role=group][aria-label]").ok().flatten())
        .and_then(|g| in_lang(&g).or_else(|| g.get_attribute("aria-label")));
    Some(ui::row_field(list.as_deref(), row + 1, &label, lang))
}
