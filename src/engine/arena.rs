//! The graph's node store: a list indexed by position, kept in chunks of a fixed size rather
//! than one growing buffer.
//!
//! A `Vec` that doubles copies everything it holds into fresh memory each time it grows, so a
//! long chain of statements touches every byte of its nodes about three times (the copies, and
//! the new pages the kernel must clear), and at the moment of growing holds the old buffer and
//! the new one at once: half again the memory the nodes need. Here a full chunk stays where it
//! is and the next node goes into a new one, so a node is written once, and the memory held is
//! what the nodes take and at most one chunk's room for more.

/// How many items a chunk holds: 4096, so a chunk of graph nodes is a few hundred KB, large
/// enough that the chunk list stays short and small enough that the room left is no concern.
const CHUNK_BITS: usize = 12;
const CHUNK: usize = 1 << CHUNK_BITS;

/// Items by position, 0 first, in chunks of `CHUNK` (the first one grows as a `Vec` does, so
/// a small session holds little).
#[derive(Debug)]
pub struct Arena<T> {
    chunks: Vec<Vec<T>>,
    len: usize,
    /// The room of every chunk but the last, counted as chunks are added and dropped: the
    /// session asks for the capacity before every operation, and a long chain has hundreds of
    /// chunks.
    full_room: usize,
}

impl<T> Default for Arena<T> {
    fn default() -> Self {
        Arena {
            chunks: Vec::new(),
            len: 0,
            full_room: 0,
        }
    }
}

/// A clone's chunks hold only what they hold, so its room is counted again.
impl<T: Clone> Clone for Arena<T> {
    fn clone(&self) -> Self {
        let mut arena = Arena {
            chunks: self.chunks.clone(),
            len: self.len,
            full_room: 0,
        };
        arena.count_full_room();
        arena
    }
}

impl<T> Arena<T> {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Adds `item` at the end; its position is the old length.
    #[inline]
    pub fn push(&mut self, item: T) {
        match self.chunks.last_mut() {
            Some(chunk) if chunk.len() < CHUNK => chunk.push(item),
            _ => self.push_to_new_chunk(item),
        }
        self.len += 1;
    }

    /// Once in `CHUNK` pushes, out of the way of the others.
    #[cold]
    fn push_to_new_chunk(&mut self, item: T) {
        // Only the first chunk starts small: once one chunk has filled, the next will.
        let mut chunk = if self.chunks.is_empty() {
            Vec::new()
        } else {
            Vec::with_capacity(CHUNK)
        };
        chunk.push(item);
        self.full_room += self.chunks.last().map_or(0, Vec::capacity);
        self.chunks.push(chunk);
    }

    fn count_full_room(&mut self) {
        self.full_room = self.chunks.iter().rev().skip(1).map(Vec::capacity).sum();
    }

    #[inline]
    pub fn get(&self, index: usize) -> Option<&T> {
        self.chunks
            .get(index >> CHUNK_BITS)?
            .get(index & (CHUNK - 1))
    }

    pub fn get_mut(&mut self, index: usize) -> Option<&mut T> {
        self.chunks
            .get_mut(index >> CHUNK_BITS)?
            .get_mut(index & (CHUNK - 1))
    }

    /// The items from position `from` on, in order.
    pub fn iter_from(&self, from: usize) -> impl Iterator<Item = &T> {
        let chunk = from >> CHUNK_BITS;
        let (first, rest): (&[T], &[Vec<T>]) = match self.chunks.get(chunk) {
            Some(first) => (
                first.get(from & (CHUNK - 1)..).unwrap_or_default(),
                &self.chunks[chunk + 1..],
            ),
            None => (&[], &[]),
        };
        first.iter().chain(rest.iter().flatten())
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut T> {
        self.chunks.iter_mut().flatten()
    }

    /// Drops every item from position `len` on, and the chunks left empty.
    pub fn truncate(&mut self, len: usize) {
        if len >= self.len {
            return;
        }
        let chunks = len.div_ceil(CHUNK);
        if chunks < self.chunks.len() {
            self.chunks.truncate(chunks);
            self.count_full_room();
        }
        if let Some(last) = self.chunks.last_mut() {
            last.truncate(len - (len - 1) / CHUNK * CHUNK);
        }
        self.len = len;
    }

    /// Keeps the items whose position `keep` approves, in order, and drops the rest. The kept
    /// items move down in place, each into the first free position, and the positions left
    /// over at the end are dropped with the chunks they empty: no item is copied into fresh
    /// memory, the chunks that stay keep their room (a training loop's collection refills
    /// them without growing them again), and the memory held never exceeds what it was.
    pub fn retain(&mut self, mut keep: impl FnMut(usize) -> bool) {
        let mut write = 0;
        for read in 0..self.len {
            if keep(read) {
                if read != write {
                    self.swap_down(write, read);
                }
                write += 1;
            }
        }
        self.truncate(write);
    }

    /// Swaps the items at `low` and `high`, `low < high`.
    fn swap_down(&mut self, low: usize, high: usize) {
        let (low_chunk, high_chunk) = (low >> CHUNK_BITS, high >> CHUNK_BITS);
        let (low_at, high_at) = (low & (CHUNK - 1), high & (CHUNK - 1));
        if low_chunk == high_chunk {
            self.chunks[low_chunk].swap(low_at, high_at);
        } else {
            let (below, above) = self.chunks.split_at_mut(high_chunk);
            std::mem::swap(&mut below[low_chunk][low_at], &mut above[0][high_at]);
        }
    }

    /// How many items the chunks hold room for.
    pub fn capacity(&self) -> usize {
        self.full_room + self.chunks.last().map_or(0, Vec::capacity)
    }
}

impl<T> std::ops::Index<usize> for Arena<T> {
    type Output = T;

    #[inline]
    fn index(&self, index: usize) -> &T {
        &self.chunks[index >> CHUNK_BITS][index & (CHUNK - 1)]
    }
}

impl<T> std::ops::IndexMut<usize> for Arena<T> {
    fn index_mut(&mut self, index: usize) -> &mut T {
        &mut self.chunks[index >> CHUNK_BITS][index & (CHUNK - 1)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_keep_their_positions_across_chunks() {
        let mut arena = Arena::default();
        for i in 0..3 * CHUNK + 5 {
            arena.push(i);
        }
        assert_eq!(arena.len(), 3 * CHUNK + 5);
        assert_eq!(arena[CHUNK], CHUNK);
        assert_eq!(arena.get(3 * CHUNK + 4), Some(&(3 * CHUNK + 4)));
        assert_eq!(arena.get(3 * CHUNK + 5), None);
        assert_eq!(arena.capacity(), 4 * CHUNK);
        let copy = arena.clone();
        assert_eq!(
            copy.capacity(),
            3 * CHUNK + 5,
            "a clone holds no spare room"
        );
        assert_eq!(arena.iter_from(CHUNK - 1).next(), Some(&(CHUNK - 1)));
        assert_eq!(arena.iter_from(2 * CHUNK + 1).count(), CHUNK + 4);
    }

    #[test]
    fn truncating_drops_the_emptied_chunks_and_pushing_goes_on_from_there() {
        let mut arena = Arena::default();
        for i in 0..2 * CHUNK + 1 {
            arena.push(i);
        }
        arena.truncate(2 * CHUNK);
        assert_eq!(arena.chunks.len(), 2);
        arena.truncate(CHUNK + 1);
        assert_eq!(arena.len(), CHUNK + 1);
        arena.push(7);
        assert_eq!(arena[CHUNK + 1], 7);
        assert_eq!(arena.capacity(), 2 * CHUNK);
        arena.truncate(0);
        assert!(arena.is_empty() && arena.chunks.is_empty());
        assert_eq!(arena.capacity(), 0);
        arena.push(1);
        assert_eq!(arena[0], 1);
    }

    #[test]
    fn retain_keeps_the_order_of_what_it_keeps() {
        let mut arena = Arena::default();
        for i in 0..2 * CHUNK + 3 {
            arena.push(i);
        }
        arena.retain(|i| i % 3 == 0);
        let kept: Vec<usize> = arena.iter_from(0).copied().collect();
        assert_eq!(kept, (0..2 * CHUNK + 3).step_by(3).collect::<Vec<_>>());
        assert_eq!(arena.len(), kept.len());
        assert_eq!(arena.chunks.len(), 1, "the chunks it emptied are gone");
        assert_eq!(
            arena.capacity(),
            CHUNK,
            "the chunk that stays keeps its room"
        );
        arena.push(1);
        assert_eq!(arena[kept.len()], 1);
    }

    #[test]
    fn retain_drops_each_item_it_lets_go_once_and_keeps_the_rest_alive() {
        use std::rc::Rc;
        let items: Vec<Rc<usize>> = (0..CHUNK + 10).map(Rc::new).collect();
        let mut arena = Arena::default();
        for item in &items {
            arena.push(Rc::clone(item));
        }
        arena.retain(|i| i >= CHUNK);
        assert_eq!(arena.len(), 10);
        assert_eq!(*arena[0], CHUNK, "the first kept item moved to the front");
        for (i, item) in items.iter().enumerate() {
            assert_eq!(Rc::strong_count(item), if i >= CHUNK { 2 } else { 1 });
        }
        arena.retain(|_| false);
        assert!(arena.is_empty());
        assert!(items.iter().all(|item| Rc::strong_count(item) == 1));
    }
}
