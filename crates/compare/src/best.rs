//! The first few items of a stable sort, kept as the items arrive, without
//! sorting them all: every pair's profile and gaps show only a handful of
//! the dozens of items the two careers rate.

/// The first `K` items of a stable sort by `before` (`before(x, y)`: x
/// strictly goes first), in that order, kept in place.
pub(crate) struct First<T, const K: usize> {
    items: [T; K],
    len: usize,
}

impl<T: Copy + Default, const K: usize> First<T, K> {
    /// The first `K` of `items` in a stable sort by `before`.
    pub(crate) fn of(items: &[T], before: impl Fn(&T, &T) -> bool) -> Self {
        const { assert!(K > 0) };
        let mut first = First { items: [T::default(); K], len: 0 };
        for &item in items {
            first.offer(item, &before);
        }
        first
    }

    /// Keeps `item` if it is among the first `K` so far. Items offered in
    /// their original order end where a stable sort would put them: a new
    /// item goes after every item it does not strictly precede.
    fn offer(&mut self, item: T, before: impl Fn(&T, &T) -> bool) {
        let mut at = if self.len < K {
            self.len += 1;
            self.len - 1
        } else if before(&item, &self.items[K - 1]) {
            K - 1
        } else {
            return;
        };
        while at > 0 && before(&item, &self.items[at - 1]) {
            self.items[at] = self.items[at - 1];
            at -= 1;
        }
        self.items[at] = item;
    }

    /// The items kept, first first.
    pub(crate) fn as_slice(&self) -> &[T] {
        &self.items[..self.len]
    }
}

#[cfg(test)]
mod tests {
    use super::First;

    fn check<const K: usize>(items: &[(u8, char)]) {
        let mut sorted = items.to_vec();
        sorted.sort_by(|x, y| y.0.cmp(&x.0));
        sorted.truncate(K);
        assert_eq!(First::<_, K>::of(items, |x, y| x.0 > y.0).as_slice(), sorted, "K = {K}");
    }

    #[test]
    fn keeps_what_a_stable_sort_puts_first() {
        let items = [(3, 'a'), (5, 'b'), (3, 'c'), (9, 'd'), (5, 'e'), (1, 'f'), (9, 'g')];
        check::<1>(&items);
        check::<2>(&items);
        check::<3>(&items);
        check::<5>(&items);
        check::<7>(&items);
        check::<9>(&items);
        check::<3>(&[]);
    }
}
