//! Leptos' counter example: a button row and a value, mounted to the body.
use leptos::prelude::*;

#[component]
fn SimpleCounter(initial_value: i32, step: i32) -> impl IntoView {
    let (value, set_value) = signal(initial_value);
    view! {
        <div>
            <button on:click=move |_| set_value.set(0)>"Clear"</button>
            <button on:click=move |_| *set_value.write() -= step>"-1"</button>
            <span data-testid="counter-value">"Value: " {value} "!"</span>
            <button on:click=move |_| set_value.update(|value| *value += step)>"+1"</button>
        </div>
    }
}

fn main() {
    console_error_panic_hook::set_once();
    mount_to_body(|| view! { <SimpleCounter initial_value=0 step=1 /> })
}
