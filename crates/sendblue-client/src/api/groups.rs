//! Group chats: send, create, modify membership (§4.2, §4.3, §4.5) and the v2 group
//! metadata, name and photo endpoints (§8).

use std::path::Path;

use reqwest::Method;

use super::media::FileSource;
use super::messages::{check_content, is_empty_send};
use crate::error::{Error, Result};
use crate::models::common::DataOrBare;
use crate::models::groups::{
    CreateGroup, CreateGroupResponse, GroupInfo, GroupModifyResponse, GroupNameResult,
    GroupPhotoResult, ModifyGroup, SendGroupMessage, SetGroupName, SetGroupPhoto,
    GROUP_MAX_NUMBERS, GROUP_PHOTO_MAX_BYTES,
};
use crate::models::messages::MessageResponse;
use crate::pacing::PaceKey;
use crate::path::segment;
use crate::Client;

/// Groups: reached through [`Client::groups`].
#[derive(Debug, Clone, Copy)]
pub struct Groups<'c> {
    client: &'c Client,
}

impl Client {
    /// Group sends, creation, membership, and the v2 name/photo endpoints (§4.2–§4.5, §8).
    pub fn groups(&self) -> Groups<'_> {
        Groups { client: self }
    }
}

fn check_group_size(numbers: &[String]) -> Result<()> {
    if numbers.len() > GROUP_MAX_NUMBERS {
        return Err(Error::validation(
            "numbers",
            format!(
                "A group chat holds at most {GROUP_MAX_NUMBERS} people; this one lists {}.",
                numbers.len()
            ),
        ));
    }
    Ok(())
}

fn group_path(group_id: &str, tail: &str) -> String {
    format!("/api/v2/groups/{}{tail}", segment(group_id))
}

impl Groups<'_> {
    /// `POST /api/send-group-message` — send to an existing group or a set of numbers
    /// (§4.2, beta).
    ///
    /// Checks locally that a group or numbers are given, that there are at most 25 numbers,
    /// and that there is text (≤ 18 996 characters) or media. Paced per line; never retried
    /// once it may have been sent. Returns the queued message; keep its `group_id` to match
    /// later inbound group messages.
    pub async fn send(&self, message: &SendGroupMessage) -> Result<MessageResponse> {
        match &message.numbers {
            Some(numbers) if !numbers.is_empty() => check_group_size(numbers)?,
            _ if message.group_id.as_deref().is_some_and(|g| !g.is_empty()) => {}
            _ => {
                return Err(Error::validation(
                    "numbers",
                    "Say who gets the message: give a group id or a list of numbers.",
                ))
            }
        }
        check_content(message.content.as_deref())?;
        if is_empty_send(message.content.as_deref(), message.media_url.as_deref()) {
            return Err(Error::validation(
                "content",
                "The message is empty: add text or a media URL.",
            ));
        }
        self.client
            .call(Method::POST, "/api/send-group-message")
            .json(message)
            .paced(PaceKey::SendFrom(message.from_number.clone()))
            .send()
            .await
    }

    /// `POST /api/create-group` — create a group chat without sending a message (§4.3).
    ///
    /// **Experimental:** Sendblue publishes no schema for this endpoint; the body and answer
    /// follow the reference's recommended contract. Checks locally that there are at most
    /// 25 numbers. Never retried once it may have been sent. Returns the new `group_id`.
    pub async fn create(&self, group: &CreateGroup) -> Result<CreateGroupResponse> {
        check_group_size(&group.numbers)?;
        self.client
            .call(Method::POST, "/api/create-group")
            .json(group)
            .send()
            .await
    }

    /// `POST /api/modify-group` — add or remove a group member (§4.5, beta).
    ///
    /// iMessage groups only; succeeds once the device confirms. Never retried once it may
    /// have been sent. Returns `{status, group_id, modify_type, number, error,
    /// error_message}`.
    pub async fn modify(&self, change: &ModifyGroup) -> Result<GroupModifyResponse> {
        self.client
            .call(Method::POST, "/api/modify-group")
            .json(change)
            .send()
            .await
    }

    /// `GET /api/v2/groups/{group_id}` — a group's name, photo and members (§8.1).
    ///
    /// Returns the `data` object of the answer.
    pub async fn get(&self, group_id: &str) -> Result<GroupInfo> {
        let answer: DataOrBare<GroupInfo> = self
            .client
            .call(Method::GET, group_path(group_id, ""))
            .send()
            .await?;
        Ok(answer.into_data())
    }

    /// `POST /api/v2/groups/{group_id}/name` — rename a group, or clear its name with
    /// `None` / `""` (§8.2).
    ///
    /// Refuses a whitespace-only name locally. Verified on device before success; repeating
    /// it is safe, so it is retried like a GET. Returns `{group_id, group_name, from_number}`.
    pub async fn set_name(&self, group_id: &str, name: &SetGroupName) -> Result<GroupNameResult> {
        if let Some(n) = name.group_name.as_deref() {
            if !n.is_empty() && n.trim().is_empty() {
                return Err(Error::validation(
                    "group_name",
                    "The group name is only spaces. Use a real name, or leave it empty to clear it.",
                ));
            }
        }
        let answer: DataOrBare<GroupNameResult> = self
            .client
            .call(Method::POST, group_path(group_id, "/name"))
            .json(name)
            .repeatable()
            .send()
            .await?;
        Ok(answer.into_data())
    }

    /// `POST /api/v2/groups/{group_id}/photo` — set the group photo from a URL, or clear it
    /// with `None` (JSON form, §8.3).
    ///
    /// Repeating it is safe, so it is retried like a GET. Returns `{group_id, group_photo,
    /// from_number}`.
    pub async fn set_photo(
        &self,
        group_id: &str,
        photo: &SetGroupPhoto,
    ) -> Result<GroupPhotoResult> {
        let answer: DataOrBare<GroupPhotoResult> = self
            .client
            .call(Method::POST, group_path(group_id, "/photo"))
            .json(photo)
            .repeatable()
            .send()
            .await?;
        Ok(answer.into_data())
    }

    /// `POST /api/v2/groups/{group_id}/photo` — upload a local image as the group photo
    /// (multipart form, §8.3).
    ///
    /// The image (JPEG, PNG or GIF) travels as part `file`, plus `from_number` when given.
    /// Refuses files over 5 MB locally. Repeating it is safe, so it is retried (the file is
    /// reopened for each attempt). Returns `{group_id, group_photo, from_number}`.
    pub async fn upload_photo(
        &self,
        group_id: &str,
        path: impl AsRef<Path>,
        from_number: Option<&str>,
    ) -> Result<GroupPhotoResult> {
        let source = FileSource::check(path.as_ref(), GROUP_PHOTO_MAX_BYTES).await?;
        let fields = from_number
            .map(|n| vec![("from_number", n.to_owned())])
            .unwrap_or_default();
        let timeout = source.timeout(self.client.config());
        let answer: DataOrBare<GroupPhotoResult> = self
            .client
            .call(Method::POST, group_path(group_id, "/photo"))
            .multipart(source.form_factory(fields, None))
            .timeout(timeout)
            .repeatable()
            .send()
            .await?;
        Ok(answer.into_data())
    }
}
