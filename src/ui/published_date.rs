//! A publication date, with how it is known.

use crate::view_model::DateView;
use leptos::either::EitherOf3;
use leptos::prelude::*;

/// Shows a date: stated dates plainly, inferred dates marked "inferred"
/// with the reason on hover (and in the text with `explain`), unknown
/// dates as "undated".
#[component]
pub fn PublishedDate(
    /// The date to show.
    date: DateView,
    /// Show an inferred date's reason in the text, not only on hover (the
    /// reader has room for it; the library does not).
    #[prop(optional)]
    explain: bool,
) -> impl IntoView {
    match date {
        DateView::Stated { iso, human } => EitherOf3::A(view! {
            <time class="date stated" datetime=iso>
                {human}
            </time>
        }),
        DateView::Inferred { iso, human, reason } => {
            // The reason may already start by saying it is inferred.
            let tooltip = if reason.get(..8).is_some_and(|w| w.eq_ignore_ascii_case("inferred")) {
                let mut chars = reason.chars();
                chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
            } else {
                format!("Inferred: {reason}")
            };
            EitherOf3::B(view! {
                <span class="date inferred" title=tooltip>
                    <time datetime=iso>{human}</time>
                    " "
                    <span class="basis">"inferred"</span>
                    {(!explain).then(|| view! { <span class="visually-hidden">{format!(" ({reason})")}</span> })}
                </span>
                {explain.then(|| view! { <span class="date-reason">{format!("Why: {reason}")}</span> })}
            })
        }
        DateView::Undated => EitherOf3::C(view! { <span class="date undated">"undated"</span> }),
    }
}
