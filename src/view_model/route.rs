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
//!   `&at=<byte offset>` focuses the mention starting there,
//!   `&mark=<start>-<end>` scrolls to and marks that byte range, such as a
//!   search passage or an event's source sentence);
//! - `?view=timeline`: the timeline of events (`&event=<id>` scrolls to
//!   and focuses that entry);
//! - `&q=`, `&entity=`, `&outlet=`, `&type=`, `&after=`, `&before=`, on any
//!   of them: the [`Filter`], one model for search, facets, entity clicks
//!   and timeline filters. The library lists only the matching articles,
//!   the timeline only their events, the reader marks the entity and words.

use super::encode_query_value;

/// The query key naming the open article.
const ARTICLE_KEY: &str = "article";
/// The query key naming a view other than the library.
const VIEW_KEY: &str = "view";
/// The query key that shows removed text when set to [`ON`].
const REMOVED_KEY: &str = "removed";
/// The query key with the byte offset of a mention to focus in the reader.
const AT_KEY: &str = "at";
/// The query key of the byte range the reader marks (`<start>-<end>`).
const MARK_KEY: &str = "mark";
/// The query key of the timeline entry to scroll to and focus.
const EVENT_KEY: &str = "event";
/// The query key of the search words.
const QUERY_KEY: &str = "q";
/// The query key of the entity filter.
const ENTITY_KEY: &str = "entity";
/// The query key of the outlet filter.
const OUTLET_KEY: &str = "outlet";
/// The query key of the entity-type filter.
const TYPE_KEY: &str = "type";
/// The query key of the earliest date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
const AFTER_KEY: &str = "after";
/// The query key of the latest date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
const BEFORE_KEY: &str = "before";
/// The value of a switched-on flag.
const ON: &str = "1";
/// The `view` value of the Entities view.
const ENTITIES_VIEW: &str = "entities";
/// The `view` value of the timeline.
const TIMELINE_VIEW: &str = "timeline";

/// The views reachable from the header (the reader is chosen by `article`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// The list of articles.
    #[default]
    Library,
    /// Every entity, grouped by type.
    Entities,
    /// The events of the corpus, in time order.
    Timeline,
}

/// What the corpus is narrowed to. One value for every view — search
/// words, facets, an entity clicked anywhere and the timeline's period all
/// live here — so a filter chosen anywhere holds in the library, the
/// timeline and the reader alike.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search words, in the query language (`"phrase"`, `-word`, `OR`,
    /// `field:value`); empty for none.
    pub query: String,
    /// Only articles that mention this entity (canonical id, as corrected
    /// by the reader); its mentions are marked.
    pub entity: Option<String>,
    /// Only articles from this outlet (its name as the library shows it).
    pub outlet: Option<String>,
    /// Only articles mentioning an entity of this type (`person`, `org`,
    /// `place`, `norp`, `facility`, `quantity`).
    pub kind: Option<String>,
    /// Only articles dated, or reporting events, on or after this date
    /// (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub after: Option<String>,
    /// Only articles dated, or reporting events, on or before this date.
    pub before: Option<String>,
}

impl Filter {
    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.query.trim().is_empty()
            && self.entity.is_none()
            && self.outlet.is_none()
            && self.kind.is_none()
            && self.after.is_none()
            && self.before.is_none()
    }

    /// True when some field other than the search words is set.
    pub fn has_facets(&self) -> bool {
        self.entity.is_some()
            || self.outlet.is_some()
            || self.kind.is_some()
            || self.after.is_some()
            || self.before.is_some()
    }

    /// The facet part of the filter (outlet, type and period) written in
    /// the query language, to be searched together with [`query`]
    /// (Self::query). The entity is left out: it is matched against the
    /// reader's corrected entities, which the search index does not know.
    pub fn facet_query(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if let Some(outlet) = &self.outlet {
            parts.push(format!("outlet:{}", quoted(outlet)));
        }
        if let Some(kind) = &self.kind {
            parts.push(format!("type:{}", quoted(kind)));
        }
        if let Some(after) = &self.after {
            parts.push(format!("after:{}", quoted(after)));
        }
        if let Some(before) = &self.before {
            parts.push(format!("before:{}", quoted(before)));
        }
        parts.join(" ")
    }

    /// The filter's query pairs, in a fixed order.
    fn pairs(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        if !self.query.trim().is_empty() {
            pairs.push((QUERY_KEY, self.query.clone()));
        }
        let fields = [
            (ENTITY_KEY, &self.entity),
            (OUTLET_KEY, &self.outlet),
            (TYPE_KEY, &self.kind),
            (AFTER_KEY, &self.after),
            (BEFORE_KEY, &self.before),
        ];
        for (key, value) in fields {
            if let Some(value) = value {
                pairs.push((key, value.clone()));
            }
        }
        pairs
    }

    /// Reads the filter from a query-string lookup; empty values are unset.
    fn from_query(get: &impl Fn(&str) -> Option<String>) -> Filter {
        let non_empty = |key: &str| get(key).filter(|v| !v.trim().is_empty());
        Filter {
            query: non_empty(QUERY_KEY).unwrap_or_default(),
            entity: non_empty(ENTITY_KEY),
            outlet: non_empty(OUTLET_KEY),
            kind: non_empty(TYPE_KEY),
            after: non_empty(AFTER_KEY),
            before: non_empty(BEFORE_KEY),
        }
    }
}

/// Reads `<start>-<end>` with `start < end`.
fn parse_range(value: &str) -> Option<(usize, usize)> {
    let (start, end) = value.split_once('-')?;
    let (start, end) = (start.parse().ok()?, end.parse().ok()?);
    (start < end).then_some((start, end))
}

/// `value` as one query-language term: quoted when it holds a space or a
/// quotation mark (inner quotation marks are dropped, as the language has
/// no escapes).
fn quoted(value: &str) -> String {
    if value.chars().any(|c| c.is_whitespace() || c == '"') {
        format!("\"{}\"", value.replace('"', ""))
    } else {
        value.to_string()
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
    /// A byte range of the open article to scroll to and mark, `(start,
    /// end)`, half-open, `start < end`.
    pub mark: Option<(usize, usize)>,
    /// On the timeline: the id of the event to scroll to and focus.
    pub event: Option<String>,
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
                Some(TIMELINE_VIEW) => Section::Timeline,
                _ => Section::Library,
            },
            show_removed: get(REMOVED_KEY).as_deref() == Some(ON),
            at: non_empty(AT_KEY).and_then(|v| v.parse().ok()),
            mark: non_empty(MARK_KEY).and_then(|v| parse_range(&v)),
            event: non_empty(EVENT_KEY),
            filter: Filter::from_query(&get),
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
                if let Some((start, end)) = self.mark {
                    pairs.push((MARK_KEY, format!("{start}-{end}")));
                }
            }
            None => match self.section {
                Section::Library => {}
                Section::Entities => pairs.push((VIEW_KEY, ENTITIES_VIEW.to_string())),
                Section::Timeline => {
                    pairs.push((VIEW_KEY, TIMELINE_VIEW.to_string()));
                    if let Some(event) = &self.event {
                        pairs.push((EVENT_KEY, event.clone()));
                    }
                }
            },
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

    /// The timeline, keeping this state's filter.
    pub fn timeline(&self) -> RouteState {
        RouteState {
            section: Section::Timeline,
            filter: self.filter.clone(),
            ..RouteState::default()
        }
    }

    /// The timeline scrolled to the entry of event `id`, keeping this
    /// state's filter.
    pub fn timeline_event(&self, id: &str) -> RouteState {
        RouteState { event: Some(id.to_string()), ..self.timeline() }
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

    /// The reader for article `id`, keeping this state's filter, scrolled
    /// to the byte range `start..end` of its text, which is marked.
    pub fn reader_marked(&self, id: &str, start: usize, end: usize) -> RouteState {
        RouteState { mark: (start < end).then_some((start, end)), ..self.reader(id, None) }
    }

    /// The same view with the entity filter set to `entity` (or removed).
    pub fn with_entity(&self, entity: Option<String>) -> RouteState {
        self.with_filter(Filter { entity, ..self.filter.clone() })
    }

    /// The same view with `filter` instead of this state's filter.
    pub fn with_filter(&self, filter: Filter) -> RouteState {
        RouteState { filter, at: None, mark: None, event: None, ..self.clone() }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Undoes `encode_query_value` (ASCII percent escapes are enough here).
    fn decode(value: &str) -> String {
        let bytes = value.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            if bytes[i] == b'%' && i + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("");
                if let Ok(b) = u8::from_str_radix(hex, 16) {
                    out.push(b);
                    i += 3;
                    continue;
                }
            }
            out.push(bytes[i]);
            i += 1;
        }
        String::from_utf8(out).unwrap_or_default()
    }

    fn parse(query: &str) -> RouteState {
        let map: HashMap<String, String> = query
            .trim_start_matches('?')
            .split('&')
            .filter_map(|pair| pair.split_once('='))
            .map(|(k, v)| (k.to_string(), decode(v)))
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
            RouteState::default().timeline(),
            RouteState::default().timeline_event("2019-12-31-protesters-stormed"),
            RouteState::default().reader_marked("003", 40, 95),
            RouteState::default()
                .with_filter(Filter {
                    query: "\"tear gas\" -embassy OR é&x=1".into(),
                    entity: Some("org:kataib-hezbollah".into()),
                    outlet: Some("Middle East Eye".into()),
                    kind: Some("person".into()),
                    after: Some("2019-12".into()),
                    before: Some("2020".into()),
                })
                .timeline(),
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
    fn facets_are_written_in_the_query_language() {
        let filter = Filter {
            outlet: Some("Middle East \"Eye\"".into()),
            kind: Some("person".into()),
            after: Some("2019-12".into()),
            before: Some("2020-01-03".into()),
            ..Filter::default()
        };
        assert_eq!(
            filter.facet_query(),
            "outlet:\"Middle East Eye\" type:person after:2019-12 before:2020-01-03"
        );
        assert!(filter.has_facets() && !filter.is_empty());
        let words = Filter { query: "  ".into(), ..Filter::default() };
        assert!(words.is_empty(), "blank words filter nothing");
        assert_eq!(RouteState::default().with_filter(words).query(), "");
    }

    #[test]
    fn the_whole_filter_is_kept_when_moving_between_views() {
        let filter =
            Filter { query: "militia".into(), outlet: Some("Reuters".into()), ..Filter::default() };
        let state = RouteState::default().with_filter(filter.clone());
        assert_eq!(state.query(), "?q=militia&outlet=Reuters");
        assert_eq!(state.timeline().query(), "?view=timeline&q=militia&outlet=Reuters");
        assert_eq!(state.timeline().reader("003", None).filter, filter);
        assert_eq!(state.with_entity(Some("x".into())).filter.outlet.as_deref(), Some("Reuters"));
    }

    #[test]
    fn a_marked_range_belongs_to_the_reader_only() {
        let state = RouteState::default().reader_marked("003", 40, 95);
        assert_eq!(state.query(), "?article=003&mark=40-95");
        assert_eq!(state.library().mark, None);
        assert_eq!(RouteState::default().reader_marked("003", 9, 9).mark, None, "empty range");
        for bad in ["9-3", "3-3", "a-9", "9", "-9", "9-", "1-2-3"] {
            assert_eq!(parse(&format!("?article=a&mark={bad}")).mark, None, "{bad}");
        }
    }

    #[test]
    fn malformed_values_are_ignored() {
        let state = parse("?article=&at=abc&view=nowhere&removed=yes&entity=&q=%20&outlet=");
        assert_eq!(state, RouteState::default());
    }

    #[test]
    fn the_view_key_is_dropped_when_an_article_is_open() {
        let state = RouteState { article: Some("a".into()), ..RouteState::default().entities() };
        assert_eq!(state.query(), "?article=a");
    }
}
