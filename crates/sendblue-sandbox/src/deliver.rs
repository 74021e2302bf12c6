//! (being written) Webhook and status-callback deliveries.

use tokio::sync::{mpsc, watch};

use crate::notify::Delivery;
use crate::state::AppState;

/// Sends queued deliveries until `stopped` flips.
pub async fn run(
    _state: AppState,
    mut deliveries: mpsc::UnboundedReceiver<Delivery>,
    mut stopped: watch::Receiver<bool>,
) {
    loop {
        tokio::select! {
            _ = stopped.changed() => return,
            next = deliveries.recv() => if next.is_none() { return },
        }
    }
}
