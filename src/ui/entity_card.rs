//! The card of the mention under the pointer or keyboard focus.

use super::card_mentions::CardMentions;
use super::card_state::{use_card, Opened};
use super::correction_actions::CorrectionActions;
use super::entity_state::use_entities;
use super::route::{href, RouteState};
use crate::view_model::entity_list::EntityCard;
use crate::view_model::highlight::type_class;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The gap between the card and the page edge or its mention, in CSS px.
const GAP: f64 = 8.0;
/// The card's widest width, in CSS px.
const MAX_WIDTH: f64 = 360.0;

/// True when `el` is inside the card or is the mention it belongs to.
fn inside_card_or_mention(el: &web_sys::Element, start: usize) -> bool {
    el.closest("#entity-card").ok().flatten().is_some()
        || el.get_attribute("data-start").as_deref() == Some(start.to_string().as_str())
}

/// A card next to the open mention of article `article`: the entity's
/// canonical name, type, roles, aliases, its mentions per article with
/// links to them, and correction actions. It stays on screen at any width
/// (below the mention, or above it when there is no room), closes on
/// Escape (focus returns to the mention), when the pointer leaves a card
/// opened by hovering, or when focus leaves a card opened by focus.
#[component]
pub fn EntityCardPopup(
    /// The open article's corpus position.
    article: usize,
) -> impl IntoView {
    let card = use_card();
    let entities = use_entities();

    // The open mention as the corrected index has it now, with its card.
    let current = Memo::new(move |_| {
        let target = card.target.get().filter(|t| t.article == article)?;
        entities.index.with(|ix| {
            let mention = ix
                .mentions
                .get(article)?
                .iter()
                .find(|m| m.span.start == target.start && m.span.end == target.end)?
                .clone();
            let view = EntityCard::of(ix, &mention.entity)?;
            Some((target, mention, view))
        })
    });
    // A correction can make the mention vanish; then the card goes too.
    Effect::new(move |_| {
        if current.with(Option::is_none) && card.target.with(Option::is_some) {
            card.close();
        }
    });

    let node = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let (Some(target), Some(el)) = (card.target.get(), node.get()) else {
            return;
        };
        place(&el, target.left, target.top, target.bottom);
    });

    let on_key = move |ev: ev::KeyboardEvent| {
        if ev.key() == "Escape" {
            ev.stop_propagation();
            card.close_to_mention();
        }
    };
    let on_focusout = move |ev: ev::FocusEvent| {
        let Some(target) = card.target.get_untracked() else {
            return;
        };
        let stays = ev
            .related_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| inside_card_or_mention(&el, target.start));
        if !stays && target.via == Opened::Focus {
            card.close();
        }
    };

    move || {
        current.get().map(|(target, mention, view)| {
            let kind = view.kind;
            let filter_href = href(&RouteState::default().with_entity(Some(view.id.clone())));
            let roles = (!view.roles.is_empty()).then(|| view.roles.join(", "));
            let aliases = view.aliases.join(" · ");
            let merges = view.merges.clone();
            view! {
                <div
                    id="entity-card"
                    class="entity-card"
                    role="dialog"
                    aria-labelledby="entity-card-title"
                    tabindex="-1"
                    node_ref=node
                    on:mouseenter=move |_| card.keep()
                    on:mouseleave=move |_| card.close_soon()
                    on:keydown=on_key
                    on:focusout=on_focusout
                >
                    <div class="card-head">
                        <span class=format!("type-badge {}", type_class(kind))>{kind.label()}</span>
                        <button
                            type="button"
                            class="card-close"
                            aria-label="Close"
                            on:click=move |_| card.close_to_mention()
                        >
                            "×"
                        </button>
                    </div>
                    <h2 id="entity-card-title" class="card-title">
                        <a
                            class="card-focus entity-link"
                            href=filter_href
                            title="Show the articles that mention it"
                        >
                            {view.name.clone()}
                        </a>
                    </h2>
                    <dl class="card-facts">
                        {roles
                            .map(|r| {
                                view! {
                                    <div>
                                        <dt>"Role"</dt>
                                        <dd class="card-roles">{r}</dd>
                                    </div>
                                }
                            })}
                        <div>
                            <dt>"Names seen"</dt>
                            <dd class="card-aliases">{aliases}</dd>
                        </div>
                    </dl>
                    {(!merges.is_empty())
                        .then(|| {
                            view! {
                                <details class="card-merges">
                                    <summary>"Why these names are one"</summary>
                                    <ul>
                                        {merges
                                            .into_iter()
                                            .map(|m| {
                                                view! {
                                                    <li>
                                                        {format!("“{}”: {} ({}%)", m.alias, m.reason, m.percent)}
                                                    </li>
                                                }
                                            })
                                            .collect_view()}
                                    </ul>
                                </details>
                            }
                        })}
                    <CardMentions article start=target.start card=view.clone() />
                    <CorrectionActions article mention card=view />
                </div>
            }
        })
    }
}

/// Puts the card below its mention, or above it when it does not fit below
/// but does above, always inside the page's width.
fn place(el: &web_sys::HtmlDivElement, left: f64, top: f64, bottom: f64) {
    let doc = document().document_element();
    let view_w = doc.as_ref().map_or(0.0, |d| f64::from(d.client_width()));
    let view_h = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    let (sx, sy) = (window().scroll_x().unwrap_or(0.0), window().scroll_y().unwrap_or(0.0));
    let width = (view_w - 2.0 * GAP).clamp(0.0, MAX_WIDTH);
    let x = left.min(sx + view_w - width - GAP).max(sx + GAP);
    let _ =
        el.set_attribute("style", &format!("left:{x}px;top:{}px;width:{width}px", bottom + 4.0));
    let height = f64::from(el.offset_height());
    let fits_below = bottom - sy + 4.0 + height + GAP <= view_h;
    let fits_above = top - sy - 4.0 - height >= GAP;
    if !fits_below && fits_above {
        let y = top - 4.0 - height;
        let _ = el.set_attribute("style", &format!("left:{x}px;top:{y}px;width:{width}px"));
    }
}
