//! Group chats: sending (§4.2), creating (§4.3, the reference's assumed contract) and changing
//! membership (§4.5). The v2 metadata, name and photo endpoints are in `groups_v2.rs`.

use axum::extract::State;
use axum::routing::post;
use axum::{Json, Router};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{json, Value};

use super::group_store::{self, Group, MAX_MEMBERS};
use super::groups_v2;
use super::message_json::{relative, response_json};
use super::outbound::{self, not_registered, Draft};
use super::service_rule::{is_email, service_for, IMESSAGE};
use crate::api_error::{ApiError, ApiResult};
use crate::domain::{self, Line};
use crate::extract::Body;
use crate::state::AppState;
use crate::util::{is_e164, require_field};

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/api/send-group-message", post(send_group_message))
        .route("/api/create-group", post(create_group))
        .route("/api/modify-group", post(modify_group))
        .merge(groups_v2::router())
}

/// Checks a list of group members: E.164 numbers or iMessage emails, our own sending line
/// dropped, duplicates dropped, 2 to 25 people.
fn check_members(numbers: &[String], line: &str) -> ApiResult<Vec<String>> {
    let mut members: Vec<String> = Vec::new();
    for raw in numbers {
        let n = raw.trim();
        if !is_e164(n) && !is_email(n) {
            return Err(ApiError::bad_request(format!(
                "Invalid phone number in numbers: {n} (use E.164, for example +14155550123)"
            )));
        }
        if n != line && !members.iter().any(|m| m == n) {
            members.push(n.to_owned());
        }
    }
    if members.len() > MAX_MEMBERS {
        return Err(ApiError::bad_request(format!(
            "A group chat holds at most {MAX_MEMBERS} people; got {}",
            members.len()
        )));
    }
    if members.len() < 2 {
        return Err(ApiError::bad_request(
            "A group needs at least 2 other people; for one recipient use /api/send-message",
        ));
    }
    Ok(members)
}

/// The people a message to `group` reaches (members that are not our lines) and every
/// participant (members plus the sending line).
fn audience(conn: &Connection, group: &Group, line: &str) -> ApiResult<(Vec<String>, Vec<String>)> {
    let mut people = Vec::new();
    for m in &group.members {
        if domain::line(conn, m)?.is_none() {
            people.push(m.clone());
        }
    }
    let mut participants: Vec<String> = group
        .members
        .iter()
        .filter(|m| m.as_str() != line)
        .cloned()
        .collect();
    participants.push(line.to_owned());
    Ok((people, participants))
}

#[derive(Debug, Deserialize)]
struct GroupSendBody {
    from_number: Option<String>,
    content: Option<String>,
    numbers: Option<Vec<String>>,
    group_id: Option<String>,
    media_url: Option<String>,
    send_style: Option<String>,
    #[serde(alias = "statusCallback")]
    status_callback: Option<String>,
    reply_to: Option<Value>,
    seat_id: Option<String>,
}

/// `POST /api/send-group-message` (§4.2): to `group_id`, or to `numbers` (the group with
/// exactly those people on this line is reused, or created).
async fn send_group_message(
    State(state): State<AppState>,
    Body(body): Body<GroupSendBody>,
) -> ApiResult<Json<Value>> {
    let line = outbound::require_sending_line(&state, body.from_number.as_deref())?;
    let group_id = body.group_id.as_deref().map(str::trim).unwrap_or("");
    let numbers = body.numbers.unwrap_or_default();
    if group_id.is_empty() && numbers.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required field: numbers or group_id",
        ));
    }
    let members = if group_id.is_empty() {
        Some(check_members(&numbers, &line.number)?)
    } else {
        None
    };
    let content = outbound::check_content(body.content.as_deref())?;
    let media_url = outbound::check_url("media_url", body.media_url.as_deref(), &state.origin)?
        .map(|u| relative(&u, &state.origin))
        .unwrap_or_default();
    if content.is_empty() && media_url.is_empty() {
        return Err(ApiError::bad_request(
            "Missing required field: content (send content or media_url)",
        ));
    }
    let (status_callback, send_style) = outbound::check_options(
        &state.origin,
        body.status_callback.as_deref(),
        body.send_style.as_deref(),
        body.seat_id.as_deref(),
    )?;
    let (group, people, participants, reply_to) = state.store.tx(|tx| -> ApiResult<_> {
        let group = match &members {
            None => {
                let group = group_store::get(tx, group_id)?
                    .ok_or_else(|| ApiError::not_found("Group not found"))?;
                if !group_store::account_lines(tx, &group)?.contains(&line.number) {
                    return Err(ApiError::bad_request(
                        "The from_number is not in this group",
                    ));
                }
                group
            }
            Some(members) => match group_store::find_by_members(tx, &line.number, members)? {
                Some(id) => group_store::get(tx, &id)?
                    .ok_or_else(|| ApiError::internal("group vanished"))?,
                None => group_store::create(tx, &line.number, members, None)?,
            },
        };
        let (people, participants) = audience(tx, &group, &line.number)?;
        let reply_to = outbound::check_reply_to(
            tx,
            body.reply_to.as_ref(),
            "",
            &group.group_id,
            &line.number,
        )?;
        Ok((group, people, participants, reply_to))
    })?;
    let (row, ctx) = outbound::queue(
        &state,
        Draft {
            line: Some(line),
            to: people.first().cloned().unwrap_or_default(),
            members: people,
            participants,
            group_id: group.group_id.clone(),
            group_display_name: group.group_name.clone(),
            message_type: "group",
            content,
            media_url,
            send_style,
            status_callback,
            reply_to,
            ..Draft::default()
        },
    )?;
    Ok(Json(response_json(&row, &ctx)))
}

#[derive(Debug, Deserialize)]
struct CreateBody {
    from_number: Option<String>,
    numbers: Option<Vec<String>>,
    group_name: Option<String>,
}

/// `POST /api/create-group` (§4.3, the reference's assumed contract): always a new group.
async fn create_group(
    State(state): State<AppState>,
    Body(body): Body<CreateBody>,
) -> ApiResult<Json<Value>> {
    let line = outbound::require_sending_line(&state, body.from_number.as_deref())?;
    let numbers = body
        .numbers
        .filter(|n| !n.is_empty())
        .ok_or_else(|| ApiError::bad_request("Missing required field: numbers"))?;
    let members = check_members(&numbers, &line.number)?;
    let name = body
        .group_name
        .as_deref()
        .map(str::trim)
        .filter(|n| !n.is_empty());
    let group = state
        .store
        .tx(|tx| group_store::create(tx, &line.number, &members, name))?;
    Ok(Json(json!({
        "status": "OK",
        "group_id": group.group_id,
        "numbers": group.members,
        "from_number": group.from_number,
    })))
}

#[derive(Debug, Deserialize)]
struct ModifyBody {
    group_id: Option<String>,
    modify_type: Option<String>,
    number: Option<String>,
    from_number: Option<String>,
}

/// The line that acts on `group`: `from_number` when given (it must be the account's and in
/// the group), else the only account line in the group.
pub fn acting_line(conn: &Connection, group: &Group, from: Option<&str>) -> ApiResult<Line> {
    let in_group = group_store::account_lines(conn, group)?;
    let number = match from.map(str::trim).filter(|f| !f.is_empty()) {
        Some(from) => {
            if domain::line(conn, from)?.is_none() {
                return Err(not_registered().code("line_not_registered"));
            }
            if !in_group.iter().any(|l| l == from) {
                return Err(
                    ApiError::bad_request("The from_number is not in this group")
                        .code("line_not_registered"),
                );
            }
            from.to_owned()
        }
        None if in_group.len() > 1 => {
            return Err(ApiError::bad_request(
                "Several of your lines are in this group; say which one acts with from_number",
            )
            .code("ambiguous_sending_line"))
        }
        None => in_group[0].clone(),
    };
    domain::line(conn, &number)?.ok_or_else(|| not_registered().code("line_not_registered"))
}

/// `POST /api/modify-group` (§4.5): iMessage groups only; removal needs at least 4 people in
/// the group (our line counted) first.
async fn modify_group(
    State(state): State<AppState>,
    Body(body): Body<ModifyBody>,
) -> ApiResult<Json<Value>> {
    let group_id = require_field("group_id", body.group_id.as_deref())?.to_owned();
    let modify_type = require_field("modify_type", body.modify_type.as_deref())?.to_owned();
    if modify_type != "add_recipient" && modify_type != "remove_recipient" {
        return Err(ApiError::bad_request(
            "Invalid modify_type: must be add_recipient or remove_recipient",
        ));
    }
    let number = require_field("number", body.number.as_deref())?.to_owned();
    if !is_e164(&number) && !is_email(&number) {
        return Err(ApiError::bad_request(
            "Invalid number: use an E.164 phone number or an iMessage email address",
        ));
    }
    state.store.tx(|tx| -> ApiResult<()> {
        let group = group_store::get(tx, &group_id)?
            .ok_or_else(|| ApiError::not_found("Group not found"))?;
        let line = acting_line(tx, &group, body.from_number.as_deref())?;
        if domain::line(tx, &number)?.is_some() {
            return Err(ApiError::bad_request(
                "Your own lines can't be added to or removed from a group",
            ));
        }
        let (people, _) = audience(tx, &group, &line.number)?;
        if people.iter().any(|p| service_for(p, &line).0 != IMESSAGE) {
            return Err(ApiError::bad_request(
                "Only iMessage groups can be modified",
            ));
        }
        let is_member = group.members.contains(&number);
        if modify_type == "add_recipient" {
            if is_member {
                return Err(ApiError::bad_request(format!(
                    "{number} is already in the group"
                )));
            }
            if group.members.len() >= MAX_MEMBERS {
                return Err(ApiError::bad_request(format!(
                    "A group chat holds at most {MAX_MEMBERS} people"
                )));
            }
            if service_for(&number, &line).0 != IMESSAGE {
                return Err(ApiError::bad_request(format!(
                    "{number} is not on iMessage; only iMessage users can join an iMessage group"
                )));
            }
            group_store::add_member(tx, &group_id, &number)?;
        } else {
            if !is_member {
                return Err(ApiError::bad_request(format!(
                    "{number} is not in the group"
                )));
            }
            if group.members.len() + 1 < 4 {
                return Err(ApiError::bad_request(
                    "A member can only be removed from a group of at least 4 people",
                ));
            }
            group_store::remove_member(tx, &group_id, &number)?;
        }
        Ok(())
    })?;
    Ok(Json(json!({
        "status": "OK",
        "group_id": group_id,
        "modify_type": modify_type,
        "number": number,
        "error": null,
        "error_message": null,
    })))
}
