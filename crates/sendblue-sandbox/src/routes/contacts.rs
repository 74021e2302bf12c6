//! Contacts (§9): list (a bare array, `limit`/`offset` clamped to their caps), count, get,
//! create (takes `number`, returns `phone`), update (custom variables merged), delete, bulk
//! create (an all-or-nothing upsert), bulk delete (JSON body of phone numbers), opt-out and
//! verify. Every creation emits `contact.created` and the `contact_created` webhook after
//! the write commits.

use axum::extract::State;
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::{json, Value};

use crate::api_error::{ApiError, ApiResult};
use crate::extract::{Body, Params, PathParams};
use crate::notify::Notice;
use crate::routes::contacts_input::{
    bulk_rows, BulkBody, BulkDeleteBody, CreateBody, FieldsBody, NumberBody, OptOutBody, BULK_CAP,
};
use crate::routes::contacts_store::{self as store, ListQuery, OrderBy};
use crate::routes::numbers::{query_phone, require_phone};
use crate::state::AppState;
use crate::util::{is_e164, iso, parse_iso};

pub use crate::routes::contacts_store::contact_json;

/// This area's API paths.
pub fn router() -> Router<AppState> {
    Router::new()
        .route(
            "/api/v2/contacts",
            get(list).post(create).delete(bulk_delete),
        )
        .route("/api/v2/contacts/count", get(count))
        .route("/api/v2/contacts/bulk", post(bulk_create))
        .route("/api/v2/contacts/opt-out", post(opt_out))
        .route("/api/v2/contacts/verify", post(verify))
        .route(
            "/api/v2/contacts/{phone_number}",
            get(get_one).put(update).delete(delete_one),
        )
}

/// The default page size of the list.
const DEFAULT_LIMIT: i64 = 100;
/// The largest page size; larger values are clamped to it (§9.1).
const LIMIT_CAP: i64 = 1000;
/// The largest offset; larger values are clamped to it (§9.1).
const OFFSET_CAP: i64 = 10_000;

fn not_found() -> ApiError {
    ApiError::not_found("Contact not found")
}

/// A phone number from the path: already percent-decoded, so `%2B1…` and `+1…` both arrive
/// as `+1…`. Anything else is not a phone number.
fn path_phone(raw: &str) -> ApiResult<String> {
    let phone = raw.trim();
    if is_e164(phone) {
        Ok(phone.to_owned())
    } else {
        Err(ApiError::bad_request(
            "Invalid phone number: use E.164 format, URL-encoded (%2B14155550123)",
        ))
    }
}

fn emit_all(state: &AppState, notices: Vec<Notice>) {
    for notice in notices {
        state.emit(notice);
    }
}

#[derive(Debug, Deserialize)]
struct ListParams {
    limit: Option<i64>,
    offset: Option<i64>,
    order_by: Option<String>,
    order_direction: Option<String>,
    phone_number: Option<String>,
    cid: Option<String>,
    created_at_gte: Option<String>,
}

async fn list(
    State(state): State<AppState>,
    Params(p): Params<ListParams>,
) -> ApiResult<Json<Value>> {
    let order_by = match p.order_by.as_deref() {
        None | Some("") => OrderBy::CreatedAt,
        Some(raw) => OrderBy::parse(raw).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid order_by {raw:?}: use created_at, firstName, lastName or phone"
            ))
        })?,
    };
    let ascending = match p.order_direction.as_deref().map(str::to_ascii_lowercase) {
        None => false,
        Some(d) if d.is_empty() || d == "desc" => false,
        Some(d) if d == "asc" => true,
        Some(d) => {
            return Err(ApiError::bad_request(format!(
                "Invalid order_direction {d:?}: use asc or desc"
            )))
        }
    };
    let created_at_gte = match p.created_at_gte.as_deref() {
        None | Some("") => None,
        Some(raw) => Some(iso(parse_iso(raw.trim()).ok_or_else(|| {
            ApiError::bad_request(format!(
                "Invalid created_at_gte {raw:?}: use an ISO 8601 time such as 2026-01-05T12:00:00.000Z"
            ))
        })?)),
    };
    let query = ListQuery {
        limit: p.limit.unwrap_or(DEFAULT_LIMIT).clamp(1, LIMIT_CAP),
        offset: p.offset.unwrap_or(0).clamp(0, OFFSET_CAP),
        order_by,
        ascending,
        phone: p.phone_number.as_deref().map(query_phone),
        cid: p.cid.filter(|c| !c.is_empty()),
        created_at_gte,
    };
    let rows = state.store.with(|c| store::list(c, &query))?;
    Ok(Json(Value::Array(rows)))
}

async fn count(State(state): State<AppState>) -> ApiResult<Json<Value>> {
    let n = state.store.with(store::count)?;
    Ok(Json(json!({ "count": n })))
}

async fn get_one(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let phone = path_phone(&raw)?;
    let contact = state
        .store
        .with(|c| contact_json(c, &phone))?
        .ok_or_else(not_found)?;
    Ok(Json(json!({"status": "OK", "contact": contact})))
}

async fn create(
    State(state): State<AppState>,
    Body(body): Body<CreateBody>,
) -> ApiResult<Json<Value>> {
    let phone = match body.number.as_deref().map(str::trim) {
        None | Some("") => return Err(ApiError::bad_request("Missing fields")),
        Some(p) if !is_e164(p) => return Err(ApiError::bad_request("Invalid phone number")),
        Some(p) => p.to_owned(),
    };
    let fields = body.fields.into_fields(false)?;
    let update_if_exists = body.update_if_exists == Some(true);
    let (contact, notice) = state.store.tx(|tx| -> ApiResult<_> {
        let notice = if store::exists(tx, &phone)? {
            if !update_if_exists {
                return Err(ApiError::conflict("Contact already exists"));
            }
            store::update(tx, &phone, &fields)?;
            None
        } else {
            Some(store::insert(tx, &phone, &fields)?)
        };
        let contact = contact_json(tx, &phone)?.ok_or_else(not_found)?;
        Ok((contact, notice))
    })?;
    emit_all(&state, notice.into_iter().collect());
    Ok(Json(json!({"status": "OK", "contact": contact})))
}

async fn update(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
    Body(body): Body<FieldsBody>,
) -> ApiResult<Json<Value>> {
    let phone = path_phone(&raw)?;
    let fields = body.into_fields(true)?;
    let contact = state.store.tx(|tx| -> ApiResult<_> {
        if !store::update(tx, &phone, &fields)? {
            return Err(not_found());
        }
        contact_json(tx, &phone)?.ok_or_else(not_found)
    })?;
    Ok(Json(json!({"status": "OK", "contact": contact})))
}

async fn delete_one(
    State(state): State<AppState>,
    PathParams(raw): PathParams<String>,
) -> ApiResult<Json<Value>> {
    let phone = path_phone(&raw)?;
    if !state.store.tx(|tx| store::delete(tx, &phone))? {
        return Err(not_found());
    }
    Ok(Json(json!({"status": "OK"})))
}

async fn bulk_create(
    State(state): State<AppState>,
    Body(body): Body<BulkBody>,
) -> ApiResult<Json<Value>> {
    let rows = body
        .contacts
        .ok_or_else(|| ApiError::bad_request("Missing fields: contacts"))?;
    let rows = bulk_rows(rows)?;
    let (contacts, notices) = state.store.tx(|tx| -> rusqlite::Result<_> {
        let mut notices = Vec::new();
        // One answer row per distinct number, in the order first given, with its final state
        // (a number given twice is upserted twice).
        let mut order: Vec<&str> = Vec::new();
        for (phone, fields) in &rows {
            if !order.contains(&phone.as_str()) {
                order.push(phone);
            }
            notices.extend(store::upsert(tx, phone, fields)?);
        }
        let mut contacts = Vec::with_capacity(order.len());
        for phone in order {
            contacts.extend(contact_json(tx, phone)?);
        }
        Ok((contacts, notices))
    })?;
    emit_all(&state, notices);
    Ok(Json(json!({"status": "OK", "contacts": contacts})))
}

async fn bulk_delete(
    State(state): State<AppState>,
    Body(body): Body<BulkDeleteBody>,
) -> ApiResult<Json<Value>> {
    let phones = body
        .contact_ids
        .ok_or_else(|| ApiError::bad_request("Missing fields: contact_ids"))?;
    if phones.len() > BULK_CAP {
        return Err(ApiError::bad_request(format!(
            "Too many contact_ids: at most {BULK_CAP} per request, got {}",
            phones.len()
        )));
    }
    let amount = state.store.tx(|tx| -> rusqlite::Result<usize> {
        let mut amount = 0;
        for phone in &phones {
            amount += usize::from(store::delete(tx, phone.trim())?);
        }
        Ok(amount)
    })?;
    Ok(Json(json!({"status": "OK", "amount": amount})))
}

async fn opt_out(
    State(state): State<AppState>,
    Body(body): Body<OptOutBody>,
) -> ApiResult<Json<Value>> {
    let number = require_phone(
        "number",
        body.number.as_deref(),
        "Invalid phone number in number: use E.164 format, for example +14155550123",
    )?;
    let opted_out = body.opted_out.unwrap_or(true);
    state
        .store
        .tx(|tx| crate::domain::set_opted_out(tx, &number, opted_out))?;
    Ok(Json(
        json!({"status": "OK", "number": number, "opted_out": opted_out}),
    ))
}

/// The sandbox has no person to confirm a verification, so the contact counts as verified at
/// once; a number that is not a contact is 404.
async fn verify(
    State(state): State<AppState>,
    Body(body): Body<NumberBody>,
) -> ApiResult<Json<Value>> {
    let number = crate::util::require_e164("number", body.number.as_deref())?;
    if !state.store.tx(|tx| store::mark_verified(tx, &number))? {
        return Err(not_found());
    }
    Ok(Json(json!({"status": "OK"})))
}
