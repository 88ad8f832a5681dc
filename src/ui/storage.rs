//! `localStorage`, where it is available. Private windows and locked-down
//! browsers may refuse it; then reads find nothing and writes say so.

use leptos::prelude::window;

/// The page's `localStorage`, if the browser allows it.
fn local() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// The text stored under `key`, if any.
pub fn get(key: &str) -> Option<String> {
    local()?.get_item(key).ok().flatten()
}

/// Stores `value` under `key`; false when the browser refused.
pub fn set(key: &str, value: &str) -> bool {
    local().is_some_and(|s| s.set_item(key, value).is_ok())
}
