//! The first few items of a stable sort, kept as the items arrive, without
//! sorting them all: every pair's profile and gaps show only a handful of
//! the dozens of items the two careers rate.

/// Inserts `item` into `list`, which holds at most `k` items in the order
/// `before` gives (`before(x, y)`: x strictly goes first). Items inserted
/// in their original order end where a stable sort by `before` would put
/// them: a new item goes after every item it does not strictly precede.
#[inline]
pub(crate) fn insert<T>(list: &mut Vec<T>, k: usize, item: T, before: impl Fn(&T, &T) -> bool) {
    if list.len() == k && list.last().is_none_or(|last| !before(&item, last)) {
        return;
    }
    let at = list.iter().position(|old| before(&item, old)).unwrap_or(list.len());
    if list.len() == k {
        list.pop();
    }
    list.insert(at, item);
}

/// The first `k` of `items` in a stable sort by `before`, in that order.
pub(crate) fn first<T: Copy>(items: &[T], k: usize, before: impl Fn(&T, &T) -> bool) -> Vec<T> {
    let mut list = Vec::with_capacity(k.min(items.len()));
    for &item in items {
        insert(&mut list, k, item, &before);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::{first, insert};

    #[test]
    fn keeps_what_a_stable_sort_puts_first() {
        let items = [(3, 'a'), (5, 'b'), (3, 'c'), (9, 'd'), (5, 'e'), (1, 'f'), (9, 'g')];
        for k in 0..=items.len() {
            let mut sorted = items.to_vec();
            sorted.sort_by(|x, y| y.0.cmp(&x.0));
            sorted.truncate(k);
            let mut kept = Vec::new();
            for item in items {
                insert(&mut kept, k, item, |x, y| x.0 > y.0);
            }
            assert_eq!(kept, sorted, "k = {k}");
            assert_eq!(first(&items, k, |x, y| x.0 > y.0), sorted, "k = {k}");
        }
    }
}
