//! The working draft: the scenario being edited, autosaved to `contract-calc/v1/working` as the
//! spec's scenario document. Two tabs share it, so every write is checked first: a tab writes
//! only over the text it last read or wrote itself (or over the very text it is writing). When
//! another tab has written a different draft since, the write is refused with
//! [`StoreError::DraftNewer`] and the other tab's draft stays; the app then keeps this tab's work
//! elsewhere (a saved copy) and tells the user. The draft's revision is its text: equal text is
//! the same revision, so a tab that merely rewrote what was there never counts as a conflict.
//! A reload opens a new store that reads the draft afresh ([`Store::load_working`]): a tab never
//! conflicts with what it wrote before it was reloaded.

use super::keys::WORKING_KEY;
use super::library::readable_json;
use super::{KeyValue, Store, StoreError};
use crate::document::read::parse_scenario;
use crate::engine::scenario::Scenario;

impl<K: KeyValue> Store<K> {
    /// The scenario being edited, if one is stored and reads. This tab now holds the draft as
    /// read: its next [`Store::save_working`] may replace it.
    pub fn load_working(&mut self) -> Option<Scenario> {
        if self.blocked.contains(WORKING_KEY) {
            return None;
        }
        let raw = self.kv.get(WORKING_KEY).ok().flatten()?;
        let s = parse_scenario(&raw).ok()?;
        self.working_seen = Some(raw);
        Some(s)
    }

    /// Writes `s` as the working draft, unless another tab has written a different draft since
    /// this one last read or wrote it ([`StoreError::DraftNewer`]: nothing is written).
    pub fn save_working(&mut self, s: &Scenario) -> Result<(), StoreError> {
        let json = readable_json(s)?;
        if self.blocked.contains(WORKING_KEY) {
            return Err(StoreError::Blocked(WORKING_KEY.to_string()));
        }
        let stored = self.kv.get(WORKING_KEY)?;
        match &stored {
            Some(now) if *now == json => {
                // Already there: nothing to write, and this tab holds the draft again.
                self.working_seen = stored;
                return Ok(());
            }
            Some(now) if self.working_seen.as_ref() != Some(now) => {
                return Err(StoreError::DraftNewer);
            }
            _ => {}
        }
        self.write(WORKING_KEY, &json)?;
        self.working_seen = Some(json);
        Ok(())
    }

    /// The draft this tab's next [`Store::save_working`] would write over: the stored draft, when
    /// it is the text this tab last read or wrote (a draft another tab wrote since is refused, so
    /// it is never at stake). `None` when nothing readable is stored. A tab showing something other
    /// than the draft it read (a share link) keeps this first ("never loses data", README).
    pub fn working_at_stake(&self) -> Option<Scenario> {
        if self.blocked.contains(WORKING_KEY) {
            return None;
        }
        let raw = self.kv.get(WORKING_KEY).ok().flatten()?;
        if self.working_seen.as_ref() != Some(&raw) {
            return None;
        }
        parse_scenario(&raw).ok()
    }

    /// Whether another tab has written a draft this one has not seen.
    #[cfg(test)]
    pub fn working_changed_elsewhere(&self) -> bool {
        match self.kv.get(WORKING_KEY) {
            Ok(Some(now)) => self.working_seen.as_ref() != Some(&now),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::document::samples;
    use crate::engine::scenario::Scenario;
    use crate::store::{KeyValue, MemoryKv, Store, StoreError};
    use chrono::NaiveDate;
    use rust_decimal::Decimal;

    const T: &str = "2025-09-30T08:00:00Z";

    fn starter() -> Scenario {
        samples::starter(NaiveDate::from_ymd_opt(2025, 9, 30).unwrap())
    }

    fn with_fee(fee: u32) -> Scenario {
        let mut s = starter();
        s.fees.components[0].amount = Decimal::from(fee);
        s
    }

    /// Two tabs over one storage: each opens its own store on a copy of the storage, and `sync`
    /// carries one tab's writes to the other, as the browser shares local storage.
    fn sync(from: &Store<MemoryKv>, to: &mut Store<MemoryKv>) {
        let entries = from.kv().entries().clone();
        let kv = to.kv_mut();
        for k in kv.entries().clone().keys() {
            kv.remove(k).unwrap();
        }
        for (k, v) in entries {
            kv.set(&k, &v).unwrap();
        }
    }

    #[test]
    fn working_scenario_round_trips() {
        let (mut store, _) = Store::open(MemoryKv::new(), T);
        assert_eq!(store.load_working(), None);
        store.save_working(&starter()).unwrap();
        assert_eq!(store.load_working(), Some(starter()));
    }

    #[test]
    fn a_tab_never_overwrites_a_draft_another_tab_wrote_since() {
        let (mut a, _) = Store::open(MemoryKv::new(), T);
        a.save_working(&starter()).unwrap();
        let (mut b, _) = Store::open(a.kv().clone(), T);
        assert_eq!(b.load_working(), Some(starter()));
        // Tab A goes on editing: its own draft, so its writes go through.
        a.save_working(&with_fee(40_000)).unwrap();
        a.save_working(&with_fee(41_000)).unwrap();
        sync(&a, &mut b);
        // Tab B still holds the starter: its write would undo A's work, so it is refused and
        // A's draft stays.
        assert!(b.working_changed_elsewhere());
        assert_eq!(
            b.save_working(&with_fee(30_000)),
            Err(StoreError::DraftNewer)
        );
        assert_eq!(b.load_working(), Some(with_fee(41_000)));
        // Having read it, B may write again; now A is the one behind.
        b.save_working(&with_fee(30_000)).unwrap();
        sync(&b, &mut a);
        assert_eq!(
            a.save_working(&with_fee(42_000)),
            Err(StoreError::DraftNewer)
        );
        // Writing the very text already stored is no conflict, and brings A up to date.
        a.save_working(&with_fee(30_000)).unwrap();
        assert!(!a.working_changed_elsewhere());
        a.save_working(&with_fee(42_000)).unwrap();
    }

    #[test]
    fn a_reload_takes_the_draft_up_where_the_tab_left_it_and_a_real_conflict_stays_one() {
        // Tab A types 40,000; tab B is open beside it, holding that draft.
        let (mut a, _) = Store::open(MemoryKv::new(), T);
        a.save_working(&with_fee(40_000)).unwrap();
        let (mut b, _) = Store::open(a.kv().clone(), T);
        assert_eq!(b.load_working(), Some(with_fee(40_000)));
        // A is reloaded: the page opens a new store on the same storage and reads the draft.
        let (mut a, _) = Store::open(b.kv().clone(), T);
        assert_eq!(a.load_working(), Some(with_fee(40_000)));
        // Nobody else wrote since: its next autosaves are no conflict.
        assert!(!a.working_changed_elsewhere());
        a.save_working(&with_fee(41_000)).unwrap();
        a.save_working(&with_fee(42_000)).unwrap();
        // B, still holding 40,000, really edits the same draft: refused, A's work stays.
        sync(&a, &mut b);
        assert_eq!(
            b.save_working(&with_fee(30_000)),
            Err(StoreError::DraftNewer)
        );
        assert_eq!(b.load_working(), Some(with_fee(42_000)));
    }

    #[test]
    fn the_draft_at_stake_is_the_one_this_tab_would_write_over() {
        // Tab A's work is autosaved; tab B opens (a share link) and reads it at start.
        let (mut a, _) = Store::open(MemoryKv::new(), T);
        a.save_working(&with_fee(40_000)).unwrap();
        let (mut b, _) = Store::open(a.kv().clone(), T);
        assert_eq!(
            b.working_at_stake(),
            None,
            "not read yet: never written over"
        );
        assert_eq!(b.load_working(), Some(with_fee(40_000)));
        // B's next write would replace A's work: that is the draft at stake.
        assert_eq!(b.working_at_stake(), Some(with_fee(40_000)));
        // A writes again: B's write would now be refused, so nothing of A's is at stake in B.
        a.save_working(&with_fee(41_000)).unwrap();
        sync(&a, &mut b);
        assert_eq!(b.working_at_stake(), None);
        assert_eq!(
            b.save_working(&with_fee(30_000)),
            Err(StoreError::DraftNewer)
        );
    }

    #[test]
    fn a_first_draft_needs_no_check() {
        // Nothing stored yet: any tab may write the first draft.
        let (mut a, _) = Store::open(MemoryKv::new(), T);
        let (mut b, _) = Store::open(MemoryKv::new(), T);
        b.save_working(&with_fee(1)).unwrap();
        a.save_working(&with_fee(2)).unwrap();
        assert_eq!(a.load_working(), Some(with_fee(2)));
    }
}
