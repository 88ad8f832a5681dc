//! Placeholder UI; replaced by the real views.
use leptos::prelude::*;

#[component]
pub fn App() -> impl IntoView {
    let n = crate::bundled::BUNDLED.len();
    view! { <p>{format!("{n} articles")}</p> }
}
