//! Scenarios side by side: the current one and up to two saved ones, with the rows that differ
//! highlighted — what a negotiator needs when trading a lower fee for a higher penalty.

use super::Ctx;
use crate::engine::scenario::Scenario;
use crate::present::compare::compare_with_what_if;
use leptos::prelude::*;

/// The id that stands for the scenario being edited.
const CURRENT: &str = "";

#[component]
pub fn Compare() -> impl IntoView {
    let ctx = expect_context::<Ctx>();
    let picked: RwSignal<Vec<String>> = RwSignal::new(vec![CURRENT.to_string()]);
    let saved = move || ctx.read(|st| st.list());
    let toggle = move |id: String| {
        picked.update(|p| {
            if let Some(i) = p.iter().position(|x| *x == id) {
                p.remove(i);
            } else if p.len() < 3 {
                p.push(id);
            }
        })
    };
    let items = move || -> Vec<(String, Scenario)> {
        let lang_zh = ctx.is_zh();
        picked
            .get()
            .iter()
            .filter_map(|id| {
                if id == CURRENT {
                    let s = ctx
                        .shown
                        .with(|f| f.0.as_ref().map(|f| f.parts().0.clone()))?;
                    let label = if lang_zh {
                        format!("当前：{}", s.name)
                    } else {
                        format!("Current: {}", s.name)
                    };
                    Some((label, s))
                } else {
                    ctx.store
                        .with_value(|st| st.get(id))
                        .map(|x| (x.name, x.scenario))
                }
            })
            .collect()
    };
    view! {
        <section class="compare" aria-label=ctx.t("方案对比", "Compare scenarios")>
            <h2>{ctx.t("方案对比", "Compare scenarios")}</h2>
            <p class="muted">
                {ctx
                    .t(
                        "选择两到三个方案（当前方案或已保存的方案），差异所在的行会高亮显示。",
                        "Pick two or three scenarios (the current one or saved ones); rows that differ are highlighted.",
                    )}
            </p>
            <fieldset class="picker">
                <legend>
                    {ctx
                        .t(
                            "参与对比的方案（最多3个）",
                            "Scenarios to compare (up to 3)",
                        )}
                </legend>
                <label class="toggle">
                    <input
                        type="checkbox"
                        prop:checked=move || picked.with(|p| p.iter().any(|x| x == CURRENT))
                        on:change=move |_| toggle(CURRENT.to_string())
                    />
                    <span>{ctx.t("当前方案", "Current scenario")}</span>
                </label>
                <For each=saved key=|m| (m.id.clone(), m.name.clone()) let:m>
                    {
                        let id = m.id.clone();
                        let id2 = m.id.clone();
                        view! {
                            <label class="toggle">
                                <input
                                    type="checkbox"
                                    data-testid="compare-pick"
                                    prop:checked=move || picked.with(|p| p.contains(&id))
                                    on:change=move |_| toggle(id2.clone())
                                />
                                <span>{crate::text::neutral(&m.name)}</span>
                            </label>
                        }
                    }
                </For>
            </fieldset>
            {move || {
                let list = items();
                if list.len() < 2 {
                    return view! {
                        <p class="muted" data-testid="compare-hint">
                            {ctx
                                .t(
                                    "请至少选择两个方案。还没有保存的方案？在“计算”页的“我的方案”中另存当前方案，修改后再另存一个。",
                                    "Pick at least two scenarios. None saved yet? On the calculator, use My scenarios → Save as, change a term, and save again.",
                                )}
                        </p>
                    }
                        .into_any();
                }
                let c = compare_with_what_if(&list, ctx.lang.get(), ctx.what_if_days.get());
                view! {
                    <div class="table-wrap">
                        <table class="comparison" data-testid="comparison">
                            <thead>
                                <tr>
                                    <th scope="col">{ctx.t("项目", "Item")}</th>
                                    {c
                                        .columns
                                        .iter()
                                        .map(|n| view! { <th scope="col">{n.clone()}</th> })
                                        .collect_view()}
                                </tr>
                            </thead>
                            <tbody>
                                {c
                                    .rows
                                    .into_iter()
                                    .map(|r| {
                                        view! {
                                            <tr class:differs=r.differs data-key=r.key>
                                                <th scope="row">{r.label}</th>
                                                {r
                                                    .values
                                                    .into_iter()
                                                    .map(|v| view! { <td>{v}</td> })
                                                    .collect_view()}
                                            </tr>
                                        }
                                    })
                                    .collect_view()}
                            </tbody>
                        </table>
                    </div>
                }
                    .into_any()
            }}
        </section>
    }
}
