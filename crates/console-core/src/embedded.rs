//! The built-in sandbox: the emulator running in-process on 127.0.0.1, its database and media
//! in the app data folder, seeded with the demo account, so the console works with no account.

use std::path::Path;

use sendblue_client::Secret;
use sendblue_sandbox::{RunningSandbox, SandboxConfig};

use crate::error::{AppError, AppResult};
use crate::profiles::{Profile, ProfileKind, EMBEDDED_BASE_URL};

/// A running built-in sandbox and the key pair it accepts.
#[derive(Debug)]
pub struct Embedded {
    running: RunningSandbox,
    key_id: String,
    secret: Secret,
}

impl Embedded {
    /// Starts the sandbox on a free loopback port with its files under `data_dir/sandbox/`.
    pub async fn start(data_dir: &Path, key_id: &str, secret: &Secret) -> AppResult<Self> {
        let mut config = SandboxConfig::ephemeral(data_dir.join("sandbox").join("sandbox.db"));
        config.key_id = key_id.to_owned();
        config.secret = secret.expose().to_owned();
        config.seed_demo = true;
        let running = sendblue_sandbox::start(config)
            .await
            .map_err(|e| AppError::io("start the built-in sandbox", e))?;
        Ok(Self {
            running,
            key_id: key_id.to_owned(),
            secret: secret.clone(),
        })
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        self.running.base_url()
    }

    /// Whether it was started with this key pair.
    pub fn accepts(&self, key_id: &str, secret: &Secret) -> bool {
        self.key_id == key_id && &self.secret == secret
    }

    /// Stops it and waits for its work to end.
    pub async fn stop(self) {
        self.running.shutdown().await;
    }
}

/// The "Sandbox" profile created on first launch.
pub fn new_profile() -> Profile {
    Profile {
        id: uuid::Uuid::new_v4().to_string(),
        name: "Sandbox".to_owned(),
        base_url: EMBEDDED_BASE_URL.to_owned(),
        key_id: format!(
            "sandbox-{}",
            &uuid::Uuid::new_v4().simple().to_string()[..8]
        ),
        kind: ProfileKind::Sandbox,
    }
}

/// A random secret for the built-in sandbox (it never leaves this computer).
pub fn new_secret() -> Secret {
    Secret::new(format!("sbx_{}", uuid::Uuid::new_v4().simple()))
}
