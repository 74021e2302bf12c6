//! Contacts through `sendblue-client` (§9): the life of a contact, bulk upserts, parallel
//! writes, and the full walk past the 10,000 offset cap.

mod support;

use std::collections::{BTreeMap, HashSet};

use futures_util::TryStreamExt;
use sendblue_client::models::common::OrderDirection;
use sendblue_client::models::contacts::{
    BulkContact, ContactOrderBy, CreateContact, ListContacts, OptOut, UpdateContact,
};
use sendblue_client::ErrorCode;
use support::Sandbox;

fn vars(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[tokio::test]
async fn a_contact_is_created_read_updated_listed_and_deleted() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let contacts = client.contacts();

    let mut new = CreateContact::new("+14155550123");
    new.first_name = Some("Dana".into());
    new.tags = Some(vec!["vip".into()]);
    new.custom_variables = Some(vars(&[("Plan", "Pro"), ("Region", "West")]));
    let created = contacts.create(&new).await.unwrap();
    assert_eq!(created.phone, "+14155550123");
    assert!(created.contact_id.is_some());
    let err = contacts.create(&new).await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::Conflict);

    let got = contacts.get("+14155550123").await.unwrap();
    assert_eq!(got, created);

    let changes = UpdateContact {
        last_name: Some("Lee".into()),
        custom_variables: Some(vars(&[("Plan", "Team"), ("Seats", "4")])),
        opt_out: Some(true),
        ..UpdateContact::default()
    };
    let updated = contacts.update("+14155550123", &changes).await.unwrap();
    assert_eq!(updated.first_name.as_deref(), Some("Dana"));
    assert_eq!(updated.last_name.as_deref(), Some("Lee"));
    assert_eq!(
        updated.custom_variables,
        vars(&[("Plan", "Team"), ("Region", "West"), ("Seats", "4")]),
        "merged, not replaced"
    );
    assert_eq!(updated.tags, ["vip"]);
    assert_eq!(updated.opt_out, Some(true));

    let back_in = contacts
        .opt_out(&OptOut::new("+14155550123", false))
        .await
        .unwrap();
    assert_eq!(back_in.opted_out, Some(false));
    assert_eq!(back_in.number.as_deref(), Some("+14155550123"));
    contacts.verify("+14155550123").await.unwrap();
    let got = contacts.get("+14155550123").await.unwrap();
    assert_eq!((got.opt_out, got.verified), (Some(false), Some(true)));

    let mut upsert = CreateContact::new("+14155550123");
    upsert.company_name = Some("Acme".into());
    upsert.update_if_exists = Some(true);
    let upserted = contacts.create(&upsert).await.unwrap();
    assert_eq!(upserted.company_name.as_deref(), Some("Acme"));
    assert_eq!(upserted.contact_id, created.contact_id);

    let rows = contacts
        .bulk_create(&[
            BulkContact::new("+14155550124"),
            BulkContact::new("+14155550125"),
        ])
        .await
        .unwrap();
    assert_eq!(rows.len(), 2);
    assert_eq!(contacts.count().await.unwrap(), 3);

    let page = contacts
        .list(&ListContacts {
            order_by: Some(ContactOrderBy::Phone),
            order_direction: Some(OrderDirection::Asc),
            ..ListContacts::default()
        })
        .await
        .unwrap();
    let phones: Vec<&str> = page.iter().map(|c| c.phone.as_str()).collect();
    assert_eq!(phones, ["+14155550123", "+14155550124", "+14155550125"]);

    contacts.delete("+14155550123").await.unwrap();
    let err = contacts.get("+14155550123").await.unwrap_err();
    assert_eq!(err.code(), ErrorCode::NotFound);
    let deleted = contacts
        .bulk_delete(&["+14155550124".into(), "+14155550199".into()])
        .await
        .unwrap();
    assert_eq!(deleted.amount, 1);
    assert_eq!(contacts.count().await.unwrap(), 1);
}

#[tokio::test]
async fn twenty_parallel_bulk_writes_lose_nothing() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let writes = (0..20).map(|w| {
        let client = client.clone();
        async move {
            let rows: Vec<BulkContact> = (0..50)
                .map(|i| BulkContact::new(format!("+1415{w:03}{i:04}")))
                .collect();
            client.contacts().bulk_create(&rows).await.map(|r| r.len())
        }
    });
    let sizes = futures_util::future::try_join_all(writes).await.unwrap();
    assert_eq!(sizes, vec![50; 20]);
    assert_eq!(client.contacts().count().await.unwrap(), 1000);
}

#[tokio::test]
async fn the_walk_reads_12000_contacts_past_the_offset_cap() {
    let sb = Sandbox::start().await;
    let client = sb.client();
    let contacts = client.contacts();
    let mut want = HashSet::new();
    for batch in 0..12 {
        let rows: Vec<BulkContact> = (0..1000)
            .map(|i| BulkContact::new(format!("+1415{batch:03}{i:04}")))
            .collect();
        want.extend(rows.iter().map(|r| r.phone.clone()));
        assert_eq!(contacts.bulk_create(&rows).await.unwrap().len(), 1000);
    }
    assert_eq!(contacts.count().await.unwrap(), 12_000);

    // Offsets past the cap are clamped to it, not refused.
    let at_cap = ListContacts {
        limit: Some(5),
        offset: Some(10_000),
        order_by: Some(ContactOrderBy::CreatedAt),
        order_direction: Some(OrderDirection::Asc),
        ..ListContacts::default()
    };
    let past_cap = ListContacts {
        offset: Some(11_500),
        ..at_cap.clone()
    };
    let a = contacts.list(&at_cap).await.unwrap();
    let b = contacts.list(&past_cap).await.unwrap();
    assert_eq!(a.len(), 5);
    assert_eq!(a, b);

    let walked: Vec<_> = contacts.walk(1000).try_collect().await.unwrap();
    assert_eq!(walked.len(), 12_000);
    let phones: HashSet<String> = walked.iter().map(|c| c.phone.clone()).collect();
    assert_eq!(phones, want, "every contact exactly once");
    let order: Vec<&str> = walked.iter().map(|c| c.phone.as_str()).collect();
    assert_eq!(order.first(), Some(&"+14150000000"), "oldest first");
    assert_eq!(order.last(), Some(&"+14150110999"));

    // The gap-repair form: everything created since the 11th batch began.
    let since = walked[10_000].created_at.clone().unwrap();
    let recent: Vec<_> = contacts
        .created_since(since.clone(), 1000)
        .try_collect()
        .await
        .unwrap();
    assert!(recent
        .iter()
        .all(|c| c.created_at.as_deref().unwrap() >= since.as_str()));
    let recent: HashSet<&str> = recent.iter().map(|c| c.phone.as_str()).collect();
    assert!(order[10_000..].iter().all(|p| recent.contains(p)));
}
