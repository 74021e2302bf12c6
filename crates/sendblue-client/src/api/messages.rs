//! Messaging endpoints (§4) and single-message history (§5.2, §5.3). The paged history list
//! is in [`super::message_list`].

use reqwest::Method;

use crate::error::{Error, Result};
use crate::models::common::DataOrBare;
use crate::models::common::StatusResponse;
use crate::models::message_send::{
    EvaluateServiceResponse, RequestLocation, RequestLocationResponse, SendCarousel, SendMessage,
    UpdateAppCard,
};
use crate::models::messages::{MessageRecord, MessageResponse};
use crate::pacing::PaceKey;
use crate::path::segment;
use crate::Client;

/// Longest `content` the API takes, in characters (§4.1).
pub const CONTENT_MAX_CHARS: usize = 18_996;

/// Fewest and most images in one carousel (§4.7).
pub const CAROUSEL_IMAGES: std::ops::RangeInclusive<usize> = 2..=20;

/// Messaging: reached through [`Client::messages`].
#[derive(Debug, Clone, Copy)]
pub struct Messages<'c> {
    pub(super) client: &'c Client,
}

impl Client {
    /// Sending, status, App Cards, carousels, capability checks and message history
    /// (§4, §5).
    pub fn messages(&self) -> Messages<'_> {
        Messages { client: self }
    }
}

/// Refuses text longer than the API takes.
pub(crate) fn check_content(content: Option<&str>) -> Result<()> {
    if let Some(text) = content {
        let chars = text.chars().count();
        if chars > CONTENT_MAX_CHARS {
            return Err(Error::validation(
                "content",
                format!(
                    "The message is {chars} characters long; Sendblue takes at most {CONTENT_MAX_CHARS}."
                ),
            ));
        }
    }
    Ok(())
}

fn is_blank(value: Option<&str>) -> bool {
    value.is_none_or(str::is_empty)
}

/// True when a send would carry neither text nor media.
pub(crate) fn is_empty_send(content: Option<&str>, media_url: Option<&str>) -> bool {
    is_blank(content) && is_blank(media_url)
}

impl Messages<'_> {
    /// `POST /api/send-message` — send a 1:1 message (§4.1).
    ///
    /// Checks locally that there is text, media or an App Card and that the text fits
    /// (18 996 characters). Paced per sending line; never retried once it may have been
    /// sent. Returns the queued message; its `message_handle` is the key for status,
    /// reactions and replies.
    pub async fn send(&self, message: &SendMessage) -> Result<MessageResponse> {
        check_content(message.content.as_deref())?;
        if is_empty_send(message.content.as_deref(), message.media_url.as_deref())
            && message.app_card.is_none()
        {
            return Err(Error::validation(
                "content",
                "The message is empty: add text, a media URL or an App Card.",
            ));
        }
        self.client
            .call(Method::POST, "/api/send-message")
            .json(message)
            .paced(PaceKey::SendFrom(message.from_number.clone()))
            .send()
            .await
    }

    /// `GET /api/status?handle=…` — the current state of a message (§4.4).
    ///
    /// Returns the message object with its latest `status`.
    pub async fn status(&self, message_handle: &str) -> Result<MessageResponse> {
        self.client
            .call(Method::GET, "/api/status")
            .query(&[("handle", message_handle)])
            .send()
            .await
    }

    /// `POST /api/messages/{message_handle}/update-app-card` — push a follow-up state of an
    /// App Card (§4.6).
    ///
    /// Returns the follow-up message (its own handle); `app_card.updateMessageHandle` is the
    /// original card's handle. Not retried once it may have been sent (use
    /// `idempotency_key` to make a repeat safe).
    pub async fn update_app_card(
        &self,
        message_handle: &str,
        update: &UpdateAppCard,
    ) -> Result<MessageResponse> {
        let path = format!("/api/messages/{}/update-app-card", segment(message_handle));
        self.client
            .call(Method::POST, path)
            .json(update)
            .send()
            .await
    }

    /// `POST /api/send-carousel` — send 2–20 images as one swipeable carousel (§4.7).
    ///
    /// Checks the image count locally. Paced per sending line; never retried once it may
    /// have been sent. Returns the queued message (`message_type: carousel`, `media_url` =
    /// first image).
    pub async fn send_carousel(&self, carousel: &SendCarousel) -> Result<MessageResponse> {
        let n = carousel.media_urls.len();
        if !CAROUSEL_IMAGES.contains(&n) {
            return Err(Error::validation(
                "media_urls",
                format!(
                    "A carousel needs 2 to 20 images; this one has {n}. For a single image, send a message with a media URL."
                ),
            ));
        }
        self.client
            .call(Method::POST, "/api/send-carousel")
            .json(carousel)
            .paced(PaceKey::SendFrom(carousel.from_number.clone()))
            .send()
            .await
    }

    /// `GET /api/evaluate-service?number=…` — whether a number or email is reachable on
    /// iMessage (§4.8).
    ///
    /// Returns `iMessage` or `SMS`; `iMessage` is not a delivery guarantee.
    pub async fn evaluate_service(&self, number: &str) -> Result<EvaluateServiceResponse> {
        self.client
            .call(Method::GET, "/api/evaluate-service")
            .query(&[("number", number)])
            .send()
            .await
    }

    /// `POST /api/request-location` — ask a contact to share their Find My location (§4.9).
    ///
    /// Dedicated Mac-backed lines only. Paced per line; never retried once it may have been
    /// sent. Returns the queued request; the location arrives later as an inbound
    /// `location` message.
    pub async fn request_location(
        &self,
        request: &RequestLocation,
    ) -> Result<RequestLocationResponse> {
        self.client
            .call(Method::POST, "/api/request-location")
            .json(request)
            .paced(PaceKey::SendFrom(request.from_number.clone()))
            .send()
            .await
    }

    /// `GET /api/v2/messages/{message_id}` — one stored message by handle (§5.2).
    ///
    /// Returns the record from the `{status, data}` answer.
    pub async fn get(&self, message_id: &str) -> Result<MessageRecord> {
        let path = format!("/api/v2/messages/{}", segment(message_id));
        let answer: DataOrBare<MessageRecord> = self.client.call(Method::GET, path).send().await?;
        Ok(answer.into_data())
    }

    /// `DELETE /api/message/{message_handle}` — remove a message from Sendblue's stored
    /// history (§5.3).
    ///
    /// A soft delete on Sendblue's side only: nothing is unsent on the recipient's device.
    /// Returns `{"status":"OK","message":"Message deleted"}`.
    pub async fn delete(&self, message_handle: &str) -> Result<StatusResponse> {
        let path = format!("/api/message/{}", segment(message_handle));
        self.client.call(Method::DELETE, path).send().await
    }
}
