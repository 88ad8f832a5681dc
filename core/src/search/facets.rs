//! Live facet counts over the current result set.

use super::index::Index;
use jiff::civil::Date;

/// At most this many values are listed per facet (the most frequent).
pub const MAX_FACET_VALUES: usize = 50;
/// Date histograms span at most this many months before switching to years.
pub const MAX_MONTH_BUCKETS: i32 = 36;

/// Counts over all matching articles.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Facets {
    /// Outlets, most frequent first.
    pub outlets: Vec<FacetCount>,
    /// Entities, most frequent first.
    pub entities: Vec<FacetCount>,
    /// Entity types: articles mentioning at least one entity of the type.
    pub entity_types: Vec<FacetCount>,
    /// Publication dates.
    pub dates: DateHistogram,
}

/// One facet value and how many matching articles have it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetCount {
    /// What to write after the field (`outlet:"…"`, `entity:…`, `type:…`).
    pub value: String,
    /// What to show.
    pub label: String,
    pub count: usize,
}

/// Bucket size of a date histogram.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DateUnit {
    #[default]
    Month,
    Year,
}

/// Publication dates of the matching articles, bucketed by month, or by
/// year when they span more than [`MAX_MONTH_BUCKETS`] months. Buckets are
/// contiguous (empty ones included), oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateHistogram {
    pub unit: DateUnit,
    pub buckets: Vec<DateBucket>,
    /// Matching articles without a publication date.
    pub undated: usize,
}

/// One bar of a date histogram.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateBucket {
    /// `2020` or `2020-01`: usable as `after:`/`before:` values.
    pub label: String,
    pub first: Date,
    pub last: Date,
    pub count: usize,
}

/// The [`MAX_FACET_VALUES`] values with the highest counts (most first,
/// then by label), of `counts[i]` for value `i`; `value_label(i)` names
/// value `i`. Only the values kept are named, so a corpus with a hundred
/// thousand entities costs one pass over the counts, not a copy of every
/// name. `rank(i)`, when given, is value `i`'s place in label order, so
/// ties are broken without comparing labels.
fn top<'a>(
    counts: &[usize],
    rank: Option<&[u32]>,
    value_label: impl Fn(usize) -> (&'a str, &'a str),
) -> Vec<FacetCount> {
    let mut kept: Vec<usize> = (0..counts.len()).filter(|&i| counts[i] > 0).collect();
    let order = |&a: &usize, &b: &usize| {
        let by_label = match rank {
            Some(r) => r[a].cmp(&r[b]),
            None => value_label(a).1.cmp(value_label(b).1),
        };
        counts[b].cmp(&counts[a]).then(by_label).then(a.cmp(&b))
    };
    if kept.len() > MAX_FACET_VALUES {
        kept.select_nth_unstable_by(MAX_FACET_VALUES - 1, order);
        kept.truncate(MAX_FACET_VALUES);
    }
    kept.sort_unstable_by(order);
    kept.into_iter()
        .map(|i| {
            let (value, label) = value_label(i);
            FacetCount { value: value.to_string(), label: label.to_string(), count: counts[i] }
        })
        .collect()
}

/// Counts the facets of articles `docs`.
pub(crate) fn count_facets(index: &Index, docs: &[u32]) -> Facets {
    let mut outlets = vec![0usize; index.outlet_names.len()];
    let mut entities = vec![0usize; index.entities.len()];
    let mut kinds = vec![0usize; index.kinds.len()];
    let mut months: Vec<i32> = Vec::new();
    let mut undated = 0;
    for &d in docs {
        let du = d as usize;
        if let Some(o) = outlets.get_mut(index.doc_outlet[du] as usize) {
            *o += 1;
        }
        for &e in index.doc_entity_ids(du) {
            entities[e as usize] += 1;
        }
        for &k in index.doc_kind_ids(du) {
            kinds[k as usize] += 1;
        }
        match index.published[du] {
            Some(date) => months.push(i32::from(date.year()) * 12 + i32::from(date.month()) - 1),
            None => undated += 1,
        }
    }
    Facets {
        outlets: top(&outlets, None, |i| (&index.outlet_names[i], &index.outlet_names[i])),
        entities: top(&entities, Some(&index.entity_rank), |i| {
            (&index.entities[i].id, &index.entities[i].name)
        }),
        entity_types: top(&kinds, None, |i| (&index.kinds[i], &index.kinds[i])),
        dates: histogram(&months, undated),
    }
}

fn histogram(months: &[i32], undated: usize) -> DateHistogram {
    let (Some(&lo), Some(&hi)) = (months.iter().min(), months.iter().max()) else {
        return DateHistogram { unit: DateUnit::Month, buckets: Vec::new(), undated };
    };
    let unit = if hi - lo < MAX_MONTH_BUCKETS { DateUnit::Month } else { DateUnit::Year };
    let key = |m: i32| match unit {
        DateUnit::Month => m,
        DateUnit::Year => m.div_euclid(12),
    };
    let (first, last) = (key(lo), key(hi));
    let mut counts = vec![0usize; (last - first + 1) as usize];
    for &m in months {
        counts[(key(m) - first) as usize] += 1;
    }
    let buckets = counts
        .into_iter()
        .enumerate()
        .filter_map(|(i, count)| {
            let k = first + i as i32;
            let (label, first, last) = match unit {
                DateUnit::Month => {
                    let (y, m) = (k.div_euclid(12) as i16, (k.rem_euclid(12) + 1) as i8);
                    let start = Date::new(y, m, 1).ok()?;
                    (format!("{y:04}-{m:02}"), start, start.last_of_month())
                }
                DateUnit::Year => {
                    let y = k as i16;
                    (format!("{y:04}"), Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?)
                }
            };
            Some(DateBucket { label, first, last, count })
        })
        .collect();
    DateHistogram { unit, buckets, undated }
}
