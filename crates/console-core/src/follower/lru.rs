//! A small least-recently-used map, so what the follower remembers (event ids, each message's
//! latest status, contact ids) stays within a fixed size however long it runs.

use std::collections::{HashMap, VecDeque};
use std::hash::Hash;

/// A map holding at most `capacity` keys; inserting past it forgets the key touched longest
/// ago. Each touch appends to a queue (with a generation number so older queue entries of the
/// same key are recognised as stale); the queue is compacted when it grows past twice the
/// capacity, so every operation is amortised O(1) and memory stays within about 3× capacity
/// entries.
#[derive(Debug)]
pub(crate) struct Lru<K, V> {
    capacity: usize,
    map: HashMap<K, (V, u64)>,
    order: VecDeque<(K, u64)>,
    next_gen: u64,
}

impl<K: Eq + Hash + Clone, V> Lru<K, V> {
    /// An empty map for up to `capacity` keys (at least 1).
    pub(crate) fn new(capacity: usize) -> Self {
        Self {
            capacity: capacity.max(1),
            map: HashMap::new(),
            order: VecDeque::new(),
            next_gen: 0,
        }
    }

    /// The value of `key`, marking it as just used.
    pub(crate) fn get(&mut self, key: &K) -> Option<&V> {
        let gen = self.bump();
        let (_, g) = self.map.get_mut(key)?;
        *g = gen;
        self.order.push_back((key.clone(), gen));
        self.compact();
        self.map.get(key).map(|(v, _)| v)
    }

    /// Sets `key` to `value` (marking it as just used), forgetting the oldest key if full.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        let gen = self.bump();
        self.order.push_back((key.clone(), gen));
        self.map.insert(key, (value, gen));
        while self.map.len() > self.capacity {
            let Some((old, g)) = self.order.pop_front() else {
                break;
            };
            if self.map.get(&old).is_some_and(|(_, current)| *current == g) {
                self.map.remove(&old);
            }
        }
        self.compact();
    }

    /// True when `key` is remembered (does not count as a use).
    #[cfg(test)]
    pub(crate) fn contains(&self, key: &K) -> bool {
        self.map.contains_key(key)
    }

    /// How many keys are remembered.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.map.len()
    }

    fn bump(&mut self) -> u64 {
        self.next_gen += 1;
        self.next_gen
    }

    /// Drops queue entries that no longer match their key's generation.
    fn compact(&mut self) {
        if self.order.len() <= self.capacity * 2 {
            return;
        }
        let map = &self.map;
        self.order
            .retain(|(k, g)| map.get(k).is_some_and(|(_, current)| current == g));
    }
}

#[cfg(test)]
mod tests {
    use super::Lru;

    #[test]
    fn forgets_the_least_recently_used_key() {
        let mut lru = Lru::new(2);
        lru.insert("a", 1);
        lru.insert("b", 2);
        assert_eq!(lru.get(&"a"), Some(&1));
        lru.insert("c", 3);
        assert!(lru.contains(&"a") && lru.contains(&"c"));
        assert!(!lru.contains(&"b"), "b was touched longest ago");
        assert_eq!(lru.len(), 2);
    }

    #[test]
    fn stays_bounded_under_many_touches() {
        let mut lru = Lru::new(100);
        for i in 0..10_000u32 {
            lru.insert(i % 150, i);
            let _ = lru.get(&(i % 7));
        }
        assert_eq!(lru.len(), 100);
        assert!(lru.order.len() <= 200 + 1);
        for k in 0..7 {
            assert!(lru.contains(&k), "keys used all the time stay");
        }
    }
}
