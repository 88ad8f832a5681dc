//! The query language, explained next to the search box.

use leptos::prelude::*;

/// The syntax of the query language, with an example of each: (syntax,
/// meaning, example).
const SYNTAX: [(&str, &str, &str); 10] = [
    ("word word", "articles with every word (any form, small typos forgiven)", "militia embassy"),
    ("\"exact phrase\"", "the words side by side, in this order", "\"tear gas\""),
    ("-word", "leave out articles that match", "embassy -protest"),
    ("a OR b", "either one (OR in capitals)", "Iraq OR Syria"),
    ("outlet:name", "published by that outlet", "outlet:\"Middle East Eye\""),
    ("entity:name", "mentions that entity, by any of its names", "entity:pentagon"),
    ("type:kind", "mentions a person, org, place, norp, facility or quantity", "type:person"),
    ("after:date", "dated (or reporting events) on or after a year, month or day", "after:2019-12"),
    ("before:date", "dated (or reporting events) on or before it", "before:2020-01-05"),
    ("undated", "articles with no publication date", "undated"),
];

/// A "?" disclosure listing the query language with examples.
#[component]
pub fn SearchHelp() -> impl IntoView {
    view! {
        <details class="search-help">
            <summary id="search-help-summary" aria-label="Search help" title="Search help">
                "?"
            </summary>
            <div class="search-help-panel">
                <p class="search-help-lead">
                    "Results update as you type; the last word is completed. Press "
                    <kbd>"/"</kbd> " to search from anywhere, " <kbd>"↓"</kbd> " and "
                    <kbd>"↑"</kbd> " to move through results, " <kbd>"Enter"</kbd> " to open one."
                </p>
                <table>
                    <thead>
                        <tr>
                            <th scope="col">"Write"</th>
                            <th scope="col">"To find"</th>
                            <th scope="col">"Example"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {SYNTAX
                            .iter()
                            .map(|&(syntax, meaning, example)| {
                                view! {
                                    <tr>
                                        <td>
                                            <code>{syntax}</code>
                                        </td>
                                        <td>{meaning}</td>
                                        <td>
                                            <code>{example}</code>
                                        </td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </details>
    }
}
