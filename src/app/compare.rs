//! Scenarios side by side: the current one and up to two saved ones, with the rows that differ
//! highlighted — what a negotiator needs when trading a lower fee for a higher penalty.

use super::Ctx;
use crate::engine::scenario::Scenario;
use crate::present::compare::compare_with_what_if;
use crate::store::SavedMeta;
use crate::text::app::compare as ui;
use leptos::prelude::*;

/// The id that stands for the scenario being edited.
const CURRENT: &str = "";

/// The most scenarios side by side: three columns still fit a phone held sideways.
const MAX_PICKED: usize = 3;

#[component]
pub fn Compare() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let picked: RwSignal<Vec<String>> = RwSignal::new(vec![CURRENT.to_string()]);
    // Read again only when a saved scenario changes, not on every autosave of the draft.
    let saved = Memo::new(move |_| ctx.read(|st| st.list()));
    // A scenario deleted meanwhile (here or in another tab) no longer takes one of the three places.
    let full = Memo::new(move |_| {
        saved.with(|saved| {
            picked.with(|p| p.iter().filter(|id| still_there(saved, id)).count() >= MAX_PICKED)
        })
    });
    let toggle = move |id: String| {
        saved.with_untracked(|saved| {
            picked.update(|p| {
                p.retain(|x| still_there(saved, x));
                if let Some(i) = p.iter().position(|x| *x == id) {
                    p.remove(i);
                } else if p.len() < MAX_PICKED {
                    p.push(id);
                }
            })
        })
    };
    // Once three are picked, the others cannot be ticked, and the note says why.
    let closed = move |id: &str| full.get() && picked.with(|p| !p.iter().any(|x| x == id));
    let items = move || -> Vec<(String, Scenario)> {
        let lang = ctx.lang.get();
        picked
            .get()
            .iter()
            .filter_map(|id| {
                if id == CURRENT {
                    let (s, stale) = ctx
                        .shown
                        .with(|(f, stale)| f.as_ref().map(|f| (f.parts().0.clone(), *stale)))?;
                    Some((ui::current(&s.name, stale, lang), s))
                } else {
                    ctx.store
                        .with_value(|st| st.get(id))
                        .map(|x| (x.name, x.scenario))
                }
            })
            .collect()
    };
    view! {
        <section class="compare" aria-label=ctx.t(ui::COMPARE_SCENARIOS)>
            <h2>{ctx.t(ui::COMPARE_SCENARIOS)}</h2>
            <p class="muted">{ctx.t(ui::PICK_TWO_OR_THREE)}</p>
            <fieldset class="picker">
                <legend>{ctx.t(ui::SCENARIOS_TO_COMPARE)}</legend>
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || picked.with(|p| p.iter().any(|x| x == CURRENT))
                        prop:disabled=move || closed(CURRENT)
                        on:change=move |_| toggle(CURRENT.to_string())
                    />
                    <span>{ctx.t(ui::CURRENT_SCENARIO)}</span>
                </label>
                {move || {
                    saved
                        .get()
                        .into_iter()
                        .map(|m| {
                            let id = m.id.clone();
                            let id2 = m.id.clone();
                            let id3 = m.id.clone();
                            let id4 = m.id.clone();
                            view! {
                                <label class="toggle">
                                    <input
                                        type="checkbox"
                                        data-testid="compare-pick"
                                        prop:checked=move || picked.with(|p| p.contains(&id))
                                        prop:disabled=move || closed(&id3)
                                        on:change=move |_| toggle(id2.clone())
                                    />
                                    <span>
                                        {crate::text::neutral(&m.name)}
                                        {move || {
                                            (ctx.current_id.get().as_deref() == Some(id4.as_str()))
                                                .then(|| {
                                                    view! {
                                                        <span class="muted" data-testid="compare-open-now">
                                                            {ctx.t(ui::SAVED_VERSION_OF_CURRENT)}
                                                        </span>
                                                    }
                                                })
                                        }}
                                    </span>
                                </label>
                            }
                        })
                        .collect_view()
                }}
                <p class="muted" data-testid="compare-full" role="status">
                    {move || full.get().then(|| ui::THREE_PICKED.get(ctx.lang.get()))}
                </p>
            </fieldset>
            {move || {
                let list = items();
                if list.len() < 2 {
                    return view! {
                        <p class="muted" data-testid="compare-hint">
                            {ctx.t(ui::PICK_AT_LEAST_TWO)}
                        </p>
                    }
                        .into_any();
                }
                let lang = ctx.lang.get();
                let c = compare_with_what_if(&list, lang, ctx.what_if_days.get());
                let table = c.html(ui::ITEM.get(lang)).into_string();
                view! { <div class="table-wrap" inner_html=table></div> }.into_any()
            }}
        </section>
    }
}

/// Whether the picked `id` is the current scenario or one still saved.
fn still_there(saved: &[SavedMeta], id: &str) -> bool {
    id == CURRENT || saved.iter().any(|m| m.id == id)
}
