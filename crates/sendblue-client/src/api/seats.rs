//! Seats endpoints (§13.4).

use reqwest::Method;
use serde::Serialize;

use crate::api::list_shape::decode_list;
use crate::error::Result;
use crate::models::seats::{ListSeats, Seat, SeatCount, SeatEnvelope};
use crate::path::segment;
use crate::Client;

/// Seats: reached through [`Client::seats`].
#[derive(Debug, Clone, Copy)]
pub struct Seats<'c> {
    client: &'c Client,
}

impl Client {
    /// Seats endpoints (§13.4).
    pub fn seats(&self) -> Seats<'_> {
        Seats { client: self }
    }
}

impl Seats<'_> {
    /// `GET /api/v2/seats` — one page of seats, optionally by exact email (§13.4). Returns the
    /// rows; the API sends a bare array (`{"seats":[…]}` / `{"data":[…]}` also accepted).
    pub async fn list(&self, query: &ListSeats) -> Result<Vec<Seat>> {
        let (status, bytes) = self
            .client
            .call(Method::GET, "/api/v2/seats")
            .query(query)
            .send_bytes()
            .await?;
        decode_list(status, &bytes, &["seats", "data"])
    }

    /// `GET /api/v2/seats/count` — how many seats there are, or have `email` (§13.4).
    pub async fn count(&self, email: Option<&str>) -> Result<u64> {
        #[derive(Serialize)]
        struct Query<'a> {
            #[serde(skip_serializing_if = "Option::is_none")]
            email: Option<&'a str>,
        }
        let answer: SeatCount = self
            .client
            .call(Method::GET, "/api/v2/seats/count")
            .query(&Query { email })
            .send()
            .await?;
        Ok(answer.count)
    }

    /// `GET /api/v2/seats/{seat_id}` — one seat by UUID or auth subject (§13.4). Returns the
    /// seat; an unknown one is `NotFound` (or `Validation`: the API may answer 400).
    pub async fn get(&self, seat_id: &str) -> Result<Seat> {
        let path = format!("/api/v2/seats/{}", segment(seat_id));
        let answer: SeatEnvelope = self.client.call(Method::GET, path).send().await?;
        Ok(answer.seat)
    }
}
