//! The results panel: the engine's figures as HTML from [`crate::present::report`], set in one step on
//! every change; the breakdown cards open and close on click (only open ones are built). When the
//! form is invalid the last valid figures stay, visibly marked stale.

use super::{Ctx, Figures};
use crate::engine::money::format_yuan;
use crate::present::report::{results_html, terms_html, Card, Open};
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
                    // The print is the lawyer's copy: the terms, then the 计算明细 and the payments.
                    let heading = |zh: &str, en: &str| {
                        format!(
                            r#"<h3>{}</h3>"#,
                            if lang == crate::text::Lang::Zh {
                                zh
                            } else {
                                en
                            }
                        )
                    };
                    let claim = crate::present::claim::claim_table_html(r, lang);
                    let payments = crate::present::claim::payments_html(s, lang);
                    format!(
                        "{}{}{}{}{}",
                        terms_html(s, lang),
                        if claim.is_empty() {
                            String::new()
                        } else {
                            heading("违约金计算明细", "Penalty computation")
                        },
                        claim,
                        if payments.is_empty() {
                            String::new()
                        } else {
                            heading("付款记录", "Payments")
                        },
                        payments
                    )
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
    view! {
        <div class="results-inner" class:stale=stale data-testid="results">
            {move || {
                stale()
                    .then(|| {
                        view! {
                            <div class="stale-note" role="status" data-testid="stale">
                                <p>
                                    {move || {
                                        if ctx.is_zh() {
                                            format!(
                                                "有 {} 处输入需要修改；下方为最后一次有效输入的结果。",
                                                error_count(),
                                            )
                                        } else {
                                            format!(
                                                "{} field(s) need fixing; the figures below are from the last valid input.",
                                                error_count(),
                                            )
                                        }
                                    }}
                                </p>
                                <ul>
                                    {move || {
                                        let lang = ctx.lang.get();
                                        ctx.errors
                                            .with(|errs| {
                                                errs.iter()
                                                    .take(5)
                                                    .map(|e| {
                                                        let text = e.message(lang);
                                                        if e.path.is_empty() {
                                                            view! { <li>{text}</li> }.into_any()
                                                        } else {
                                                            let id = super::inputs::dom_id(&e.path);
                                                            let label = field_label(&id)
                                                                .unwrap_or_else(|| e.path.clone());
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
                                                                        {format!("{label}：{text}")}
                                                                    </a>
                                                                </li>
                                                            }
                                                                .into_any()
                                                        }
                                                    })
                                                    .collect_view()
                                            })
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
                {move || match (copied.get(), ctx.is_zh()) {
                    (Some(true), true) => "计算明细已复制。",
                    (Some(true), false) => "The computation is copied.",
                    (Some(false), true) => {
                        "浏览器未允许复制：请在打印页中选取表格。"
                    }
                    (Some(false), false) => {
                        "The browser refused to copy: select the table in the print view."
                    }
                    (None, _) => "",
                }}
            </p>
            {move || {
                html.with(String::is_empty)
                    .then(|| {
                        view! {
                            <p class="muted">
                                {ctx
                                    .t(
                                        "请先完成输入。",
                                        "Complete the form to see figures.",
                                    )}
                            </p>
                        }
                    })
            }}
        </div>
    }
}

/// On a phone the results sit below the form: this bar keeps the headline figures in view while
/// typing, and jumps to the full results.
#[component]
pub fn SummaryBar() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let figures = move || {
        ctx.shown.with(|(f, stale)| {
            f.as_ref().map(Figures::parts).map(|(_, r)| {
                (
                    format_yuan(r.total_fees.contract_total),
                    format_yuan(r.late_payment.total_penalty),
                    *stale,
                    r.termination.as_ref().map(|t| format_yuan(t.net)),
                )
            })
        })
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
            {move || {
                figures()
                    .map(|(total, penalty, stale, settlement)| {
                        view! {
                            <span class:stale=stale>
                                <small>{ctx.t("合同总金额", "Total")}</small>
                                <strong>{total}</strong>
                            </span>
                            <span class:stale=stale>
                                <small>{ctx.t("逾期违约金", "Late penalties")}</small>
                                <strong>{penalty}</strong>
                            </span>
                            {settlement
                                .map(|net| {
                                    view! {
                                        <span class:stale=stale data-testid="summary-settlement">
                                            <small>{ctx.t("终止结算", "Settlement")}</small>
                                            <strong>{net}</strong>
                                        </span>
                                    }
                                })}
                            <span class="go">
                                {if stale {
                                    ctx.t(
                                        "输入有误，显示上次结果",
                                        "Fix input · last figures",
                                    )
                                } else {
                                    ctx.t("查看结果 ↓", "Results ↓")
                                }}
                            </span>
                        }
                    })
            }}
        </a>
    }
}

/// Spec §13 for negotiators: what the terms cost if every invoice is paid D days late — figures
/// even before the contract starts, when the penalty to date is nil.
#[component]
fn WhatIf() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let has_clause = Memo::new(move |_| {
        ctx.shown.with(|(f, _)| {
            f.as_ref()
                .is_some_and(|f| f.parts().0.late_payment.is_some())
        })
    });
    // One more computation, done after the figures are on screen and once typing pauses (a
    // tenth of a second), so that keystrokes stay quick.
    let figures = RwSignal::new(None::<(rust_decimal::Decimal, bool)>);
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
                    let (s, _) = f.as_ref()?.parts();
                    s.late_payment.as_ref()?;
                    crate::engine::what_if::what_if_late(s, days).ok().map(|r| {
                        (
                            r.late_payment.total_penalty,
                            r.late_payment.suspend_right_from.is_some(),
                        )
                    })
                });
                figures.set(result);
            },
            std::time::Duration::from_millis(100),
        )
        .ok();
        pending.set_value(handle);
    });
    view! {
        <Show when=move || has_clause.get()>
            <div class="what-if" data-testid="what-if">
                <label for="f-what-if-days">
                    {ctx.t("假设每期均迟付", "If every invoice is paid")}
                </label>
                <input
                    id="f-what-if-days"
                    data-testid="what-if-days"
                    type="number"
                    min="0"
                    max="3660"
                    inputmode="numeric"
                    prop:value=move || ctx.what_if_days.get_untracked().to_string()
                    on:input=move |ev| {
                        if let Ok(d) = event_target_value(&ev).trim().parse::<u32>() {
                            ctx.what_if_days.set(d.min(3660));
                        }
                    }
                />
                <span>{ctx.t("日：违约金合计", "days late, penalties total")}</span>
                <strong data-testid="what-if-penalty">
                    {move || figures.get().map(|(p, _)| format_yuan(p)).unwrap_or_default()}
                </strong>
                {move || {
                    figures
                        .get()
                        .is_some_and(|(_, s)| s)
                        .then(|| {
                            view! {
                                <span class="warn">
                                    {ctx
                                        .t(
                                            "（乙方届时有权暂停服务）",
                                            "(the supplier may then suspend service)",
                                        )}
                                </span>
                            }
                        })
                }}
            </div>
        </Show>
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
                    {move || {
                        if lang() == crate::text::Lang::Zh {
                            format!(
                                "以上数字截至{}，今天是{}。",
                                crate::text::date_words(d, lang()),
                                crate::text::date_words(today, lang()),
                            )
                        } else {
                            format!(
                                "These figures are as of {}; today is {}.",
                                crate::text::date_words(d, lang()),
                                crate::text::date_words(today, lang()),
                            )
                        }
                    }}
                    <button
                        type="button"
                        class="chip"
                        data-testid="update-to-today"
                        on:click=move |_| ctx.edit(|f| f.as_of = today.to_string())
                    >
                        {ctx.t("更新到今天", "Update to today")}
                    </button>
                </p>
            }
        })
    }
}

/// The label a field shows on the page (its `<label for>`), to name it in the list of problems.
fn field_label(id: &str) -> Option<String> {
    let doc = document();
    let label = doc
        .query_selector(&format!("label[for=\"{id}\"] .zh-en"))
        .ok()
        .flatten()
        .or_else(|| {
            doc.query_selector(&format!("label[for=\"{id}\"]"))
                .ok()
                .flatten()
        })?
        .text_content()?;
    let label = label.trim().to_string();
    (!label.is_empty()).then_some(label)
}
