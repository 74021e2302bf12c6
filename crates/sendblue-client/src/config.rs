//! Where and how the client talks to Sendblue: base URL, keys, timeouts, retries, pacing.

use std::net::IpAddr;
use std::time::Duration;

use url::Url;

use crate::error::{Error, Result};
use crate::pacing::PacingPolicy;
use crate::retry::RetryPolicy;
use crate::secret::Secret;

/// The SDK's default host.
pub const DEFAULT_BASE_URL: &str = "https://api.sendblue.co";

/// Everything a [`crate::Client`] needs. Build it with [`ClientConfig::new`] and adjust fields.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    /// Scheme, host and port of the API (a path prefix is kept).
    pub base_url: Url,
    /// Value of the `sb-api-key-id` header.
    pub key_id: String,
    /// Value of the `sb-api-secret-key` header.
    pub secret: Secret,
    /// Time allowed for one whole request and answer (uploads get more, sized to the file).
    pub timeout: Duration,
    /// Time allowed to open a connection.
    pub connect_timeout: Duration,
    /// When and how often failed requests are repeated.
    pub retry: RetryPolicy,
    /// Optional client-side pacing under the documented rate limits.
    pub pacing: Option<PacingPolicy>,
    /// Slowest upload speed still considered healthy; sizes the upload timeout.
    pub upload_min_bytes_per_sec: u64,
    /// `User-Agent` header.
    pub user_agent: String,
}

impl ClientConfig {
    /// A configuration for the default host with the SDK's defaults (60 s timeout, 2 retries).
    pub fn new(key_id: impl Into<String>, secret: impl Into<Secret>) -> Self {
        Self {
            base_url: Url::parse(DEFAULT_BASE_URL).expect("default base URL is valid"),
            key_id: key_id.into(),
            secret: secret.into(),
            timeout: Duration::from_secs(60),
            connect_timeout: Duration::from_secs(10),
            retry: RetryPolicy::default(),
            pacing: None,
            upload_min_bytes_per_sec: 128 * 1024,
            user_agent: format!("sendblue-console/{}", env!("CARGO_PKG_VERSION")),
        }
    }

    /// Sets the base URL after checking it: HTTPS anywhere, plain HTTP only on loopback.
    pub fn with_base_url(mut self, base_url: &str) -> Result<Self> {
        self.base_url = parse_base_url(base_url)?;
        Ok(self)
    }
}

/// Parses and checks a base URL: HTTPS anywhere, plain HTTP only for loopback hosts.
pub fn parse_base_url(raw: &str) -> Result<Url> {
    let url = Url::parse(raw.trim()).map_err(|_| {
        Error::validation(
            "base_url",
            "The server address is not a valid URL (for example https://api.sendblue.co).",
        )
    })?;
    match url.scheme() {
        "https" => {}
        "http" if is_loopback(&url) => {}
        "http" => {
            return Err(Error::validation(
                "base_url",
                "The server address must start with https:// (plain http is only allowed for this computer: 127.0.0.1 or localhost).",
            ))
        }
        _ => {
            return Err(Error::validation(
                "base_url",
                "The server address must start with https://.",
            ))
        }
    }
    if url.host().is_none() {
        return Err(Error::validation(
            "base_url",
            "The server address has no host name.",
        ));
    }
    Ok(url)
}

/// True for `localhost`, 127.0.0.0/8 and `::1`.
pub fn is_loopback(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_anywhere_http_only_on_loopback() {
        assert!(parse_base_url("https://api.sendblue.co").is_ok());
        assert!(parse_base_url("http://127.0.0.1:7878").is_ok());
        assert!(parse_base_url("http://127.8.0.1:7878").is_ok());
        assert!(parse_base_url("http://localhost:7878").is_ok());
        assert!(parse_base_url("http://[::1]:7878").is_ok());
        assert!(parse_base_url("http://api.sendblue.co").is_err());
        assert!(parse_base_url("http://10.0.0.1").is_err());
        assert!(parse_base_url("ftp://api.sendblue.co").is_err());
        assert!(parse_base_url("not a url").is_err());
    }
}
