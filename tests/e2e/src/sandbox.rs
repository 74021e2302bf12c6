//! A second Sendblue emulator for a journey, separate from the one the app embeds: what a
//! "Live" profile points at. It runs in the test process on a free loopback port.

use sendblue_client::models::contacts::CreateContact;
use sendblue_client::{Client, ClientConfig};
use sendblue_sandbox::{RunningSandbox, SandboxConfig};
use tempfile::TempDir;

/// A running sandbox with its own database in a temporary folder, and the keys it accepts.
#[derive(Debug)]
pub struct Sandbox {
    running: Option<RunningSandbox>,
    key_id: String,
    secret: String,
    // Dropped after `running`: the database lives here.
    _dir: TempDir,
}

impl Sandbox {
    /// Starts an empty sandbox (the account and its three lines, no demo data) accepting
    /// `key_id` / `secret`, on `127.0.0.1` and a free port.
    pub async fn start(key_id: &str, secret: &str) -> Sandbox {
        let dir = tempfile::Builder::new()
            .prefix("e2e-sandbox-")
            .tempdir()
            .expect("temporary folder for the sandbox");
        let mut config = SandboxConfig::ephemeral(dir.path().join("sandbox.db"));
        config.key_id = key_id.to_owned();
        config.secret = secret.to_owned();
        config.seed_demo = false;
        let running = sendblue_sandbox::start(config)
            .await
            .expect("the journey's sandbox did not start");
        Sandbox {
            running: Some(running),
            key_id: key_id.to_owned(),
            secret: secret.to_owned(),
            _dir: dir,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        self.running().base_url()
    }

    /// The accepted key id.
    pub fn key_id(&self) -> &str {
        &self.key_id
    }

    /// The running emulator (its state: store, faults, request log).
    pub fn running(&self) -> &RunningSandbox {
        self.running.as_ref().expect("sandbox is running")
    }

    /// A `sendblue-client` talking to it with the accepted keys.
    pub fn client(&self) -> Client {
        let config = ClientConfig::new(self.key_id.clone(), self.secret.clone())
            .with_base_url(&self.base_url())
            .expect("sandbox base URL");
        Client::new(config).expect("client for the sandbox")
    }

    /// Creates `count` contacts (`+1650555` followed by 4 digits from 0001) through the API
    /// and returns their numbers.
    pub async fn add_contacts(&self, count: usize) -> Vec<String> {
        let client = self.client();
        let mut numbers = Vec::with_capacity(count);
        for i in 1..=count {
            let number = format!("+1650555{i:04}");
            let mut contact = CreateContact::new(number.clone());
            contact.first_name = Some(format!("E2E {i}"));
            client
                .contacts()
                .create(&contact)
                .await
                .unwrap_or_else(|e| panic!("creating contact {number} in the sandbox: {e}"));
            numbers.push(number);
        }
        numbers
    }

    /// Stops it and waits for its work to end.
    pub async fn shutdown(mut self) {
        if let Some(running) = self.running.take() {
            running.shutdown().await;
        }
    }
}
