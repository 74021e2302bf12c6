//! The console session as managed state, reached through [`ConsoleExt`] from anything that
//! knows the app (`app.console()`), instead of `State<…>` parameters in every command.

use std::sync::Arc;

use console_core::{AppError, AppResult, Console, ErrorCode, Live};
use sendblue_client::Client;
use tauri::{Manager, Runtime};

/// Access to the console session from an `App`, `AppHandle` or window.
pub trait ConsoleExt<R: Runtime> {
    /// The session.
    fn console(&self) -> AppResult<Arc<Console>>;

    /// The active profile's client.
    fn client(&self) -> AppResult<Client> {
        self.console()?.client()
    }

    /// The active profile's live data (mirror, jobs, audit log, connection).
    fn live(&self) -> AppResult<Arc<Live>> {
        self.console()?.live()
    }
}

impl<R: Runtime, M: Manager<R>> ConsoleExt<R> for M {
    fn console(&self) -> AppResult<Arc<Console>> {
        self.try_state::<Arc<Console>>()
            .map(|state| state.inner().clone())
            // Only between the window opening and the session being ready.
            .ok_or_else(|| {
                AppError::new(
                    ErrorCode::Io,
                    "The console is still starting. Try again in a moment.",
                )
            })
    }
}
