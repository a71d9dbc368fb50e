//! The named variables of a module or a class body: a table from names to cells. A name keeps
//! its cell for as long as the table lives (`del x` empties the cell, it does not take it
//! away), so a name in the source finds its cell once and goes there directly every time
//! after: a module-level loop reads and binds its variables without hashing their names.

use std::cell::Cell;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::py::fasthash::NameMap;

/// Each table's own number, never reused: a name's remembered cell is for one table only. A
/// table takes its number when a name first remembers a cell in it (0: none yet).
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

fn new_id() -> u64 {
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

pub struct Vars<V> {
    id: u64,
    index: NameMap<u32>,
    /// In the order the names were first seen; `None` while a name is unbound.
    cells: Vec<(String, Option<V>)>,
    /// How many cells hold a value.
    bound: usize,
}

impl<V> Default for Vars<V> {
    fn default() -> Vars<V> {
        Vars {
            id: 0,
            index: NameMap::default(),
            cells: Vec::new(),
            bound: 0,
        }
    }
}

impl<V: Clone> Clone for Vars<V> {
    fn clone(&self) -> Vars<V> {
        Vars {
            id: 0,
            index: self.index.clone(),
            cells: self.cells.clone(),
            bound: self.bound,
        }
    }
}

impl<V> Vars<V> {
    pub fn get(&self, name: &str) -> Option<&V> {
        let &i = self.index.get(name)?;
        self.cells[i as usize].1.as_ref()
    }

    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Binds `name`, giving back what it held.
    pub fn insert(&mut self, name: String, v: V) -> Option<V> {
        match self.index.get(name.as_str()) {
            Some(&i) => self.put(i as usize, v),
            None => {
                self.index.insert(name.clone(), self.cells.len() as u32);
                self.cells.push((name, Some(v)));
                self.bound += 1;
                None
            }
        }
    }

    /// Binds `name`, making a key only for a name never seen.
    pub fn set(&mut self, name: &str, v: V) {
        match self.index.get(name) {
            Some(&i) => {
                self.put(i as usize, v);
            }
            None => {
                self.insert(name.to_string(), v);
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<V> {
        let &i = self.index.get(name)?;
        let old = self.cells[i as usize].1.take();
        if old.is_some() {
            self.bound -= 1;
        }
        old
    }

    pub fn len(&self) -> usize {
        self.bound
    }

    pub fn is_empty(&self) -> bool {
        self.bound == 0
    }

    /// The bound names with their values, in the order the names were first bound.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.cells
            .iter()
            .filter_map(|(k, v)| v.as_ref().map(|v| (k, v)))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.iter().map(|(k, _)| k)
    }

    pub fn extend(&mut self, items: impl IntoIterator<Item = (String, V)>) {
        for (k, v) in items {
            self.insert(k, v);
        }
    }

    /// Takes every binding out; the table starts anew (names' remembered cells no longer
    /// apply).
    pub fn drain(&mut self) -> impl Iterator<Item = (String, V)> + use<V> {
        let cells = std::mem::take(&mut self.cells);
        self.clear();
        cells.into_iter().filter_map(|(k, v)| v.map(|v| (k, v)))
    }

    #[inline]
    pub fn clear(&mut self) {
        // A call's scope keeps its locals in slots: its table is nearly always untouched.
        if self.id == 0 && self.cells.is_empty() && self.index.is_empty() && self.bound == 0 {
            return;
        }
        self.empty();
    }

    fn empty(&mut self) {
        self.id = 0;
        self.index.clear();
        self.cells.clear();
        self.bound = 0;
    }

    /// The bindings as a plain table (a class's attributes, a module's).
    pub fn into_map(mut self) -> NameMap<V> {
        self.drain().collect()
    }

    /// The cell of `name`, remembered in `memo` (a name in the source) for this table; a name
    /// never seen gets an empty cell, so that binding it later fills the same one.
    #[inline]
    pub fn cell_of(&mut self, name: &str, memo: &Cell<(u64, u32)>) -> usize {
        match self.known_cell(memo) {
            Some(at) => at,
            None => self.find_cell(name, memo),
        }
    }

    /// [`Vars::cell_of`] for a name its memo does not know here: looked up, or made.
    #[inline(never)]
    fn find_cell(&mut self, name: &str, memo: &Cell<(u64, u32)>) -> usize {
        if self.id == 0 {
            self.id = new_id();
        }
        let at = match self.index.get(name) {
            Some(&i) => i,
            None => {
                let i = self.cells.len() as u32;
                self.index.insert(name.to_string(), i);
                self.cells.push((name.to_string(), None));
                i
            }
        };
        memo.set((self.id, at));
        at as usize
    }

    /// Where `memo` remembers `name`'s cell in this table, if it does.
    #[inline]
    pub fn known_cell(&self, memo: &Cell<(u64, u32)>) -> Option<usize> {
        let (id, at) = memo.get();
        (id == self.id && id != 0).then_some(at as usize)
    }

    #[inline]
    pub fn get_at(&self, at: usize) -> Option<&V> {
        self.cells.get(at).and_then(|(_, v)| v.as_ref())
    }

    #[inline]
    pub fn set_at(&mut self, at: usize, v: V) {
        self.put(at, v);
    }

    fn put(&mut self, at: usize, v: V) -> Option<V> {
        let old = self.cells[at].1.replace(v);
        if old.is_none() {
            self.bound += 1;
        }
        old
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_cell_reads_and_binds_the_name() {
        let mut v = Vars::default();
        let memo = Cell::new((0, 0));
        v.insert("x".into(), 1);
        let at = v.cell_of("x", &memo);
        assert!(matches!(v.get_at(at), Some(&1)));
        v.set_at(at, 2);
        assert!(matches!(v.get("x"), Some(&2)));
        assert_eq!(v.known_cell(&memo), Some(at));
    }

    #[test]
    fn an_unbound_name_has_an_empty_cell_that_binding_fills() {
        let mut v = Vars::default();
        let memo = Cell::new((0, 0));
        let at = v.cell_of("y", &memo);
        assert!(v.get_at(at).is_none());
        assert!(!v.contains_key("y"));
        assert_eq!(v.len(), 0);
        assert_eq!(v.keys().count(), 0);
        v.set("y", 3);
        assert!(matches!(v.get_at(at), Some(&3)));
        assert_eq!(v.len(), 1);
        assert!(matches!(v.remove("y"), Some(3)));
        assert!(v.get_at(at).is_none());
        assert_eq!(v.len(), 0);
    }

    #[test]
    fn clearing_or_copying_forgets_remembered_cells() {
        let mut v = Vars::default();
        let memo = Cell::new((0, 0));
        v.insert("a".into(), 1);
        v.cell_of("a", &memo);
        let copy = v.clone();
        assert_eq!(copy.known_cell(&memo), None);
        v.clear();
        assert_eq!(v.known_cell(&memo), None);
        assert!(v.get("a").is_none());
    }

    #[test]
    fn names_come_back_in_the_order_first_bound() {
        let mut v = Vars::default();
        for (i, n) in ["b", "a", "c"].iter().enumerate() {
            v.insert(n.to_string(), i as i64);
        }
        v.remove("a");
        v.set("a", 9);
        let names: Vec<&String> = v.keys().collect();
        assert_eq!(names, ["b", "a", "c"]);
        let drained: Vec<String> = v.drain().map(|(k, _)| k).collect();
        assert_eq!(drained, ["b", "a", "c"]);
        assert!(v.is_empty());
    }
}
