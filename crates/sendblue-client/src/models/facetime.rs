//! FaceTime audio calls (§17). The path has no `/api` prefix and the fields are camelCase.

use std::fmt;

use serde::{Deserialize, Serialize};

use super::common::Extra;

/// `POST /facetime/start-call` body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StartCallRequest {
    /// The callee, E.164.
    #[serde(rename = "phoneNumber")]
    pub phone_number: String,
    /// Your FaceTime line, E.164.
    #[serde(rename = "fromNumber")]
    pub from_number: String,
}

impl StartCallRequest {
    /// A call to `phone_number` from the FaceTime line `from_number`.
    pub fn new(phone_number: impl Into<String>, from_number: impl Into<String>) -> Self {
        Self {
            phone_number: phone_number.into(),
            from_number: from_number.into(),
        }
    }
}

/// `POST /facetime/start-call` answer: the call started, and how to join its audio.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StartCallResponse {
    /// `OK` on success.
    #[serde(default)]
    pub status: Option<String>,
    /// A human-readable note (`Call started`).
    #[serde(default)]
    pub message: Option<String>,
    /// Agora WebRTC credentials for the call's audio channel.
    pub agora: AgoraCredentials,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

/// Agora WebRTC credentials to join a call with the Agora Voice SDK.
///
/// `token` is a credential: anyone holding it can join the call's audio until it expires. It
/// stays a plain `String` because the page must hand it to the Agora SDK, but do not log it;
/// this type's `Debug` prints it as `<redacted>`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AgoraCredentials {
    /// Agora application id.
    #[serde(rename = "appId")]
    pub app_id: String,
    /// Agora channel to join.
    #[serde(rename = "channelName")]
    pub channel_name: String,
    /// Agora RTC token for the channel (a credential; see the type's docs).
    pub token: String,
    /// Agora user id; `0` lets Agora assign one.
    #[serde(default)]
    pub uid: u64,
    /// Anything else the server sent.
    #[serde(flatten)]
    pub extra: Extra,
}

impl fmt::Debug for AgoraCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AgoraCredentials")
            .field("app_id", &self.app_id)
            .field("channel_name", &self.channel_name)
            .field("token", &"<redacted>")
            .field("uid", &self.uid)
            .field("extra", &self.extra)
            .finish()
    }
}
