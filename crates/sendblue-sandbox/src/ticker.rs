//! The sandbox's clock: every tick, due work moves one step (message statuses, simulated
//! replies, line tickets).

use tokio::sync::watch;

use crate::routes;
use crate::state::AppState;
use crate::util::now_ms;

/// Runs until `stopped` flips.
pub async fn run(state: AppState, mut stopped: watch::Receiver<bool>) {
    let mut interval = tokio::time::interval(state.config.tick);
    interval.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
    loop {
        tokio::select! {
            _ = stopped.changed() => return,
            _ = interval.tick() => {
                let now = now_ms();
                routes::messages::on_tick(&state, now);
                routes::provisioning::on_tick(&state, now);
            }
        }
    }
}
