//! The app's state as it lives in the URL's query string, as plain data.
//!
//! [`RouteState`] says which view is on screen and how the corpus is
//! filtered. It is read from and written to the query string here, so the
//! round trip is tested natively; `ui::route` only connects it to the
//! router.
//!
//! - no query: the library;
//! - `?view=entities`: the Entities view;
//! - `?article=<id>`: the reader (`&removed=1` shows removed text in place,
//!   `&at=<byte offset>` focuses the mention starting there);
//! - `&entity=<id>`, on any of them: the [`Filter`] — the library lists only
//!   the articles that mention the entity, the reader marks its mentions.

use super::encode_query_value;

/// The query key naming the open article.
const ARTICLE_KEY: &str = "article";
/// The query key naming a view other than the library.
const VIEW_KEY: &str = "view";
/// The query key that shows removed text when set to [`ON`].
const REMOVED_KEY: &str = "removed";
/// The query key with the byte offset of a mention to focus in the reader.
const AT_KEY: &str = "at";
/// The query key of the entity filter.
const ENTITY_KEY: &str = "entity";
/// The value of a switched-on flag.
const ON: &str = "1";
/// The `view` value of the Entities view.
const ENTITIES_VIEW: &str = "entities";

/// The views reachable from the header (the reader is chosen by `article`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// The list of articles.
    #[default]
    Library,
    /// Every entity, grouped by type.
    Entities,
}

/// What the corpus is narrowed to. One value for every view, so a filter
/// chosen anywhere holds in the library and the reader alike; later filters
/// (a search query, a time range) become more fields here.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only articles that mention this entity; its mentions are marked.
    pub entity: Option<String>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.entity.is_none()
    }

    /// The filter's query pairs, in a fixed order.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        self.entity.iter().map(|id| (ENTITY_KEY, id.clone())).collect()
    }
}

/// Everything the URL says about what is on screen.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RouteState {
    /// The id of the open article; when set, the reader is shown.
    pub article: Option<String>,
    /// The view shown when no article is open.
    pub section: Section,
    /// Whether removed text is shown in place.
    pub show_removed: bool,
    /// The byte offset of a mention the reader should scroll to and focus.
    pub at: Option<usize>,
    /// What the corpus is narrowed to.
    pub filter: Filter,
}

impl RouteState {
    /// Reads the state from a query-string lookup (`get("article")`).
    /// Unknown keys and malformed values are ignored.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> RouteState {
        let non_empty = |key: &str| get(key).filter(|v| !v.is_empty());
        RouteState {
            article: non_empty(ARTICLE_KEY),
            section: match non_empty(VIEW_KEY).as_deref() {
                Some(ENTITIES_VIEW) => Section::Entities,
                _ => Section::Library,
            },
            show_removed: get(REMOVED_KEY).as_deref() == Some(ON),
            at: non_empty(AT_KEY).and_then(|v| v.parse().ok()),
            filter: Filter { entity: non_empty(ENTITY_KEY) },
        }
    }

    /// The query string for this state, starting with `?`, or empty for the
    /// unfiltered library. Reader-only keys are left out when no article is
    /// open, and the view key when one is.
    pub fn query(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        match &self.article {
            Some(id) => {
                pairs.push((ARTICLE_KEY, id.clone()));
                if self.show_removed {
                    pairs.push((REMOVED_KEY, ON.to_string()));
                }
                if let Some(at) = self.at {
                    pairs.push((AT_KEY, at.to_string()));
                }
            }
            None => {
                if self.section == Section::Entities {
                    pairs.push((VIEW_KEY, ENTITIES_VIEW.to_string()));
                }
            }
        }
        pairs.extend(self.filter.pairs());
        let mut out = String::new();
        for (i, (key, value)) in pairs.iter().enumerate() {
            out.push(if i == 0 { '?' } else { '&' });
            out.push_str(key);
            out.push('=');
            out.push_str(&encode_query_value(value));
        }
        out
    }

    /// The library, keeping this state's filter.
    pub fn library(&self) -> RouteState {
        RouteState { filter: self.filter.clone(), ..RouteState::default() }
    }

    /// The Entities view, keeping this state's filter.
    pub fn entities(&self) -> RouteState {
        RouteState {
            section: Section::Entities,
            filter: self.filter.clone(),
            ..RouteState::default()
        }
    }

    /// The reader for article `id`, keeping this state's filter; `at`
    /// focuses the mention that starts at that byte.
    pub fn reader(&self, id: &str, at: Option<usize>) -> RouteState {
        RouteState {
            article: Some(id.to_string()),
            at,
            filter: self.filter.clone(),
            ..RouteState::default()
        }
    }

    /// The same view with the entity filter set to `entity` (or removed).
    pub fn with_entity(&self, entity: Option<String>) -> RouteState {
        RouteState { filter: Filter { entity }, at: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(query: &str) -> RouteState {
        let map: HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_string(), v.replace("%3A", ":").replace("%20", " ")))
            .collect();
        RouteState::from_query(|k| map.get(k).cloned())
    }

    #[test]
    fn the_unfiltered_library_has_an_empty_query() {
        assert_eq!(RouteState::default().query(), "");
        assert_eq!(parse(""), RouteState::default());
    }

    #[test]
    fn states_survive_a_round_trip_through_the_query() {
        let table = [
            RouteState::default().entities(),
            RouteState::default().with_entity(Some("person:mark-esper".into())),
            RouteState::default().with_entity(Some("org:x y".into())).entities(),
            RouteState::default().reader("001_ab", Some(120)),
            RouteState {
                show_removed: true,
                ..RouteState::default().with_entity(Some("place:iraq".into())).reader("004", None)
            },
        ];
        for state in table {
            assert_eq!(parse(&state.query()), state, "query {}", state.query());
        }
    }

    #[test]
    fn the_entity_filter_is_kept_when_moving_between_views() {
        let filtered = RouteState::default().with_entity(Some("org:pmf".into()));
        assert_eq!(filtered.query(), "?entity=org%3Apmf");
        assert_eq!(filtered.entities().query(), "?view=entities&entity=org%3Apmf");
        assert_eq!(filtered.reader("002", Some(7)).query(), "?article=002&at=7&entity=org%3Apmf");
        assert_eq!(filtered.reader("002", None).library(), filtered);
        assert_eq!(filtered.with_entity(None), RouteState::default());
    }

    #[test]
    fn malformed_values_are_ignored() {
        let state = parse("?article=&at=abc&view=nowhere&removed=yes&entity=");
        assert_eq!(state, RouteState::default());
    }

    #[test]
    fn the_view_key_is_dropped_when_an_article_is_open() {
        let state = RouteState { article: Some("a".into()), ..RouteState::default().entities() };
        assert_eq!(state.query(), "?article=a");
    }
}
