//! The notices at the top of the reader.

use crate::view_model::NoticeView;
use leptos::prelude::*;

/// Lists the problems met while reading the file, in full sentences.
#[component]
pub fn Notices(
    /// The article's notices; nothing is rendered when there are none.
    notices: Vec<NoticeView>,
) -> impl IntoView {
    (!notices.is_empty()).then(|| {
        view! {
            <section class="notices" aria-label="Notices about this file">
                <ul>
                    {notices
                        .into_iter()
                        .map(|n| {
                            view! {
                                <li class="notice">
                                    <span class="notice-icon" aria-hidden="true">
                                        "!"
                                    </span>
                                    <span class="notice-message">{n.message}</span>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
