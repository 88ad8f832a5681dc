//! Crossread's browser app. `main` only mounts the app; everything else lives
//! in the `ui` modules, which render what `crossread_core` computed.

#[cfg(target_arch = "wasm32")]
mod ui;

#[cfg(any(target_arch = "wasm32", test))]
mod view_model;

/// The article files bundled at build time (see `build.rs`).
mod bundled {
    include!(concat!(env!("OUT_DIR"), "/bundled.rs"));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(ui::App);
}

/// The app only runs in a browser; natively this binary just says so.
#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "crossread-app is the browser app: build it with `trunk build` \
         ({} bundled articles). For the command line use `crossread`.",
        bundled::BUNDLED.len()
    );
}
