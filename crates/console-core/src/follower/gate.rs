//! The exactly-once, never-backwards filter every item passes before it is delivered, whether
//! it came live, from a gap repair or from polling.
//!
//! Memory is bounded: it remembers the most recently used event ids, messages and contacts
//! (see [`super::FollowerConfig`]; a few thousand of each, about 2 MB at most). A message
//! forgotten that way could only move backwards if a stale status for it arrived after
//! thousands of newer messages — the repair windows are seconds long, so in practice never.

use sendblue_client::MessageStatus;

use super::lru::Lru;

/// The latest status delivered for one message.
#[derive(Debug, Clone)]
struct Delivered {
    status: MessageStatus,
    updated_ms: Option<i64>,
}

/// Decides what may be delivered.
#[derive(Debug)]
pub(crate) struct Gate {
    events: Lru<String, ()>,
    messages: Lru<String, Delivered>,
    contacts: Lru<String, ()>,
}

impl Gate {
    /// A gate remembering up to this many event ids, messages and contacts.
    pub(crate) fn new(events: usize, messages: usize, contacts: usize) -> Self {
        Self {
            events: Lru::new(events),
            messages: Lru::new(messages),
            contacts: Lru::new(contacts),
        }
    }

    /// True the first time an event id is seen (the stream may repeat events around a
    /// reconnect).
    pub(crate) fn first_event(&mut self, id: &str) -> bool {
        let key = id.to_owned();
        if self.events.get(&key).is_some() {
            return false;
        }
        self.events.insert(key, ());
        true
    }

    /// True when this status of `handle` is news: the first status seen, or one that ranks
    /// higher than the one delivered, or a different status of the same rank that is not
    /// older. A lower rank (backwards) or the same status again (a repeat) is refused. A
    /// status-less item can't be judged and passes.
    pub(crate) fn admit_message(
        &mut self,
        handle: &str,
        status: Option<&MessageStatus>,
        updated_ms: Option<i64>,
    ) -> bool {
        let Some(status) = status else {
            return true;
        };
        let key = handle.to_owned();
        if let Some(prev) = self.messages.get(&key) {
            let (rank, prev_rank) = (status.rank(), prev.status.rank());
            let older = matches!((updated_ms, prev.updated_ms), (Some(a), Some(b)) if a < b);
            if rank < prev_rank || *status == prev.status || (rank == prev_rank && older) {
                return false;
            }
        }
        self.messages.insert(
            key,
            Delivered {
                status: status.clone(),
                updated_ms,
            },
        );
        true
    }

    /// True the first time a contact (by id, else phone) is seen.
    pub(crate) fn admit_contact(&mut self, identity: &str) -> bool {
        let key = identity.to_owned();
        if self.contacts.get(&key).is_some() {
            return false;
        }
        self.contacts.insert(key, ());
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use MessageStatus as S;

    #[test]
    fn statuses_only_move_forward_and_each_arrives_once() {
        let mut gate = Gate::new(10, 10, 10);
        assert!(gate.admit_message("m", Some(&S::Queued), Some(1)));
        assert!(
            !gate.admit_message("m", Some(&S::Queued), Some(1)),
            "a repeat"
        );
        assert!(gate.admit_message("m", Some(&S::Delivered), Some(3)));
        assert!(
            !gate.admit_message("m", Some(&S::Sent), Some(2)),
            "backwards"
        );
        assert!(
            !gate.admit_message("m", Some(&S::Delivered), Some(3)),
            "repaired again"
        );
        assert!(
            gate.admit_message("m", Some(&S::Read), Some(4)),
            "same rank, newer"
        );
        assert!(
            !gate.admit_message("m", Some(&S::Error), Some(2)),
            "same rank, older"
        );
        assert!(gate.admit_message("other", Some(&S::Sent), None));
        assert!(
            gate.admit_message("m", None, None),
            "no status: can't judge"
        );
    }

    #[test]
    fn event_ids_and_contacts_pass_once() {
        let mut gate = Gate::new(2, 2, 2);
        assert!(gate.first_event("e1"));
        assert!(!gate.first_event("e1"));
        assert!(gate.admit_contact("c1"));
        assert!(!gate.admit_contact("c1"));
        assert!(gate.admit_contact("c2"));
    }
}
