//! The one path every item takes, live or repaired: the gate (exactly once, never
//! backwards), the contacts sink, then the output.

use std::collections::HashMap;
use std::sync::Arc;

use sendblue_client::models::contacts::Contact;
use sendblue_client::models::events::AccountEvent;
use sendblue_client::models::lines::{LineAssignment, LineStateSnapshot, LineStatus};
use sendblue_client::models::messages::MessageRecord;

use super::activity::{Activity, ConnectionState, LineActivity, LineChange};
use super::clock::parse_ms;
use super::convert::{self, Incoming};
use super::gate::Gate;
use super::output::{ActivityOutput, Closed, ContactSink};
use super::FollowerConfig;

/// Gate, sinks and the last connection state announced.
pub(crate) struct Pipeline {
    gate: Gate,
    lines: Lines,
    output: ActivityOutput,
    contacts: Option<Arc<dyn ContactSink>>,
    last_state: Option<ConnectionState>,
}

impl Pipeline {
    pub(crate) fn new(
        config: &FollowerConfig,
        output: ActivityOutput,
        contacts: Option<Arc<dyn ContactSink>>,
    ) -> Self {
        Self {
            gate: Gate::new(
                config.remembered_events,
                config.remembered_messages,
                config.remembered_contacts,
            ),
            lines: Lines::default(),
            output,
            contacts,
            last_state: None,
        }
    }

    /// Announces a connection state, unless it is the one announced last.
    pub(crate) async fn state(&mut self, state: ConnectionState) -> Result<(), Closed> {
        if self.last_state.as_ref() == Some(&state) {
            return Ok(());
        }
        self.last_state = Some(state.clone());
        self.output.send(Activity::ConnectionState(state)).await
    }

    /// True while the last state announced is `Polling`.
    pub(crate) fn is_polling(&self) -> bool {
        matches!(self.last_state, Some(ConnectionState::Polling { .. }))
    }

    /// A live stream event.
    pub(crate) async fn event(&mut self, event: AccountEvent) -> Result<(), Closed> {
        if !self.gate.first_event(&event.id) {
            return Ok(());
        }
        match convert::incoming(event) {
            Incoming::Message(activity) => self.message(activity).await,
            Incoming::Contact(contact, id) => self.contact(contact, Some(id)).await,
            Incoming::Typing(t) => self.output.send(Activity::Typing(t)).await,
            Incoming::Line(line) => {
                self.lines.apply(&line);
                self.output.send(Activity::LineChanged(line)).await
            }
            Incoming::Other(other) => self.output.send(Activity::Other(other)).await,
        }
    }

    /// A message row read back by a repair or a poll.
    pub(crate) async fn record(&mut self, row: MessageRecord) -> Result<(), Closed> {
        self.message(convert::message_record(row)).await
    }

    async fn message(&mut self, activity: Activity) -> Result<(), Closed> {
        let Some(m) = activity.message() else {
            return Ok(());
        };
        let updated = m.updated_at.as_deref().and_then(parse_ms);
        if self
            .gate
            .admit_message(&m.message_handle, m.status.as_ref(), updated)
        {
            self.output.send(activity).await?;
        }
        Ok(())
    }

    /// A new contact, live (`event_id`) or read back.
    pub(crate) async fn contact(
        &mut self,
        contact: Contact,
        event_id: Option<String>,
    ) -> Result<(), Closed> {
        let Some(identity) = contact.identity() else {
            return Ok(());
        };
        if !self.gate.admit_contact(&identity) {
            return Ok(());
        }
        if let Some(sink) = &self.contacts {
            if let Err(e) = sink.contact_created(&contact).await {
                tracing::warn!(code = ?e.code, "the contacts mirror refused a new contact: {}", e.message);
            }
        }
        let activity = convert::contact(&contact, event_id);
        self.output.send(Activity::ContactCreated(activity)).await
    }

    /// The line state snapshot: announces the lines that differ from what was known (none
    /// the first time, which only learns them).
    pub(crate) async fn lines(&mut self, snapshot: &LineStateSnapshot) -> Result<(), Closed> {
        for change in self.lines.replace(snapshot) {
            self.output.send(Activity::LineChanged(change)).await?;
        }
        Ok(())
    }
}

/// What is known about each line (by number, else worker): few, so not bounded.
#[derive(Debug, Default)]
struct Lines {
    known: HashMap<String, (Option<LineStatus>, Option<LineAssignment>)>,
    seeded: bool,
}

impl Lines {
    fn key(number: Option<&str>, worker: Option<&str>) -> Option<String> {
        number
            .or(worker)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
    }

    /// A live line event.
    fn apply(&mut self, line: &LineActivity) {
        let Some(key) = Self::key(line.sendblue_number.as_deref(), line.worker_id.as_deref())
        else {
            return;
        };
        if line.change == LineChange::Unassigned {
            self.known.remove(&key);
            return;
        }
        let entry = self.known.entry(key).or_default();
        if line.status.is_some() {
            entry.0 = line.status.clone();
        }
        if line.assignment.is_some() {
            entry.1 = line.assignment.clone();
        }
    }

    /// Takes the snapshot as the truth; returns the differences (after the first).
    fn replace(&mut self, snapshot: &LineStateSnapshot) -> Vec<LineActivity> {
        let mut changes = Vec::new();
        let mut next = HashMap::new();
        for line in &snapshot.data {
            let Some(key) = Self::key(line.sendblue_number.as_deref(), Some(&line.worker_id))
            else {
                continue;
            };
            let state = (line.status.clone(), line.assignment.clone());
            if self.seeded && self.known.get(&key) != Some(&state) {
                let change = if self.known.contains_key(&key) {
                    LineChange::Snapshot
                } else {
                    LineChange::Assigned
                };
                changes.push(convert::line_state(
                    change,
                    line,
                    snapshot.snapshot_at.clone(),
                ));
            }
            next.insert(key, state);
        }
        if self.seeded {
            for (gone, (_, assignment)) in self.known.iter().filter(|(k, _)| !next.contains_key(*k))
            {
                changes.push(LineActivity {
                    change: LineChange::Unassigned,
                    sendblue_number: Some(gone.clone()),
                    worker_id: None,
                    status: None,
                    assignment: assignment.clone(),
                    occurred_at: snapshot.snapshot_at.clone(),
                    event_id: None,
                    repaired: true,
                });
            }
        }
        self.known = next;
        self.seeded = true;
        changes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sendblue_client::models::lines::LineState;

    fn snapshot(lines: &[(&str, LineStatus)]) -> LineStateSnapshot {
        let data = lines.iter().map(|(number, status)| {
            serde_json::json!({"worker_id": "w", "sendblue_number": number, "status": status})
        });
        let data: Vec<LineState> = data.map(|v| serde_json::from_value(v).unwrap()).collect();
        LineStateSnapshot {
            status: None,
            snapshot_at: None,
            data,
            extra: Default::default(),
        }
    }

    #[test]
    fn line_snapshots_announce_only_differences() {
        let mut lines = Lines::default();
        let first = snapshot(&[("+1", LineStatus::Online), ("+2", LineStatus::Online)]);
        assert!(
            lines.replace(&first).is_empty(),
            "the first snapshot only teaches"
        );
        assert!(lines.replace(&first).is_empty(), "nothing changed");
        let changes = lines.replace(&snapshot(&[
            ("+1", LineStatus::Offline),
            ("+3", LineStatus::Online),
        ]));
        let summary: Vec<(LineChange, Option<&str>)> = changes
            .iter()
            .map(|c| (c.change, c.sendblue_number.as_deref()))
            .collect();
        assert_eq!(
            summary,
            [
                (LineChange::Snapshot, Some("+1")),
                (LineChange::Assigned, Some("+3")),
                (LineChange::Unassigned, Some("+2")),
            ]
        );
        assert!(changes.iter().all(|c| c.repaired));
    }
}
