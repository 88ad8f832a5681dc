//! Compact notice badges for the library list.

use crate::view_model::NoticeView;
use leptos::prelude::*;

/// Shows each notice as a short badge; the full message is its tooltip
/// and its accessible description.
#[component]
pub fn NoticeBadges(
    /// The article's notices; nothing is rendered when there are none.
    notices: Vec<NoticeView>,
) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <ul class="notice-badges" aria-label="Notices">
                {notices
                    .into_iter()
                    .map(|n| {
                        view! {
                            <li class="notice" title=n.message.clone()>
                                <span class="notice-icon" aria-hidden="true">
                                    "!"
                                </span>
                                {n.badge}
                                <span class="visually-hidden">{format!(": {}", n.message)}</span>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        }
    })
}
