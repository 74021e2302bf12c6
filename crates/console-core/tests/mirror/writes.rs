//! The mirror kept fresh between syncs: `contact.created` events (with and without a client to
//! fetch the whole contact) and the console's own upserts and removals.

use std::collections::BTreeMap;

use console_core::mirror::ContactQuery;
use console_core::ErrorCode;
use sendblue_client::models::contacts::{Contact, CreateContact};
use sendblue_client::models::events::ContactEventData;

use super::env;

#[tokio::test]
async fn a_new_contact_event_is_stored_then_completed_from_the_api() {
    let env = env().await;
    let server = env
        .client
        .contacts()
        .create(&CreateContact {
            last_name: Some("Lovelace".into()),
            company_name: Some("Analytical Engines".into()),
            tags: Some(vec!["vip".into()]),
            custom_variables: Some(BTreeMap::from([("Plan".into(), "Pro".into())])),
            ..CreateContact::new("+14155550188")
        })
        .await
        .unwrap();
    let event = ContactEventData {
        contact_id: server.contact_id.clone(),
        phone: Some(server.phone.clone()),
        first_name: Some("Ada".into()),
        last_name: Some("Lovelace".into()),
        created_at: server.created_at.clone(),
        ..ContactEventData::default()
    };

    // Without a client: what the event knows.
    let partial = env
        .mirror
        .apply_contact_created(&event, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(partial.first_name.as_deref(), Some("Ada"));
    assert_eq!(partial.company_name, None);
    assert_eq!(env.mirror.get(&server.phone).unwrap(), Some(partial));
    let by_name = |text: &str| {
        env.mirror
            .search(&ContactQuery {
                text: Some(text.into()),
                ..ContactQuery::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(by_name("ada love"), 1);
    assert_eq!(by_name("analytical"), 0);

    // With a client: the full contact from the API.
    let full = env
        .mirror
        .apply_contact_created(&event, Some(&env.client))
        .await
        .unwrap()
        .unwrap();
    let from_api = env.client.contacts().get(&server.phone).await.unwrap();
    assert_eq!(full, from_api);
    assert_eq!(env.mirror.get(&server.phone).unwrap(), Some(from_api));
    assert_eq!(by_name("analytical"), 1);
    assert_eq!(by_name("pro"), 1);

    // A later event with fewer fields keeps what the mirror knows.
    let thin = ContactEventData {
        phone: Some(server.phone.clone()),
        first_name: Some("Augusta".into()),
        ..ContactEventData::default()
    };
    let merged = env
        .mirror
        .apply_contact_created(&thin, None)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(merged.first_name.as_deref(), Some("Augusta"));
    assert_eq!(merged.company_name.as_deref(), Some("Analytical Engines"));
    assert_eq!(merged.tags, vec!["vip".to_owned()]);
    assert_eq!(by_name("ada"), 0);
    assert_eq!(by_name("augusta"), 1);

    // A contact already deleted again: gone from the mirror too.
    let ghost = ContactEventData {
        phone: Some("+14155550199".into()),
        first_name: Some("Ghost".into()),
        ..ContactEventData::default()
    };
    let stored = env
        .mirror
        .apply_contact_created(&ghost, Some(&env.client))
        .await;
    assert_eq!(stored.unwrap(), None);
    assert_eq!(env.mirror.get("+14155550199").unwrap(), None);
    assert_eq!(by_name("ghost"), 0);

    // No phone number: nothing to key it by.
    let nameless = ContactEventData::default();
    assert_eq!(
        env.mirror
            .apply_contact_created(&nameless, None)
            .await
            .unwrap(),
        None
    );
    // The follower's own `Contact` works the same way.
    let as_contact = Contact {
        phone: "+14155550177".into(),
        first_name: Some("Grace".into()),
        ..Contact::default()
    };
    env.mirror
        .apply_contact_created(&as_contact, None)
        .await
        .unwrap();
    assert_eq!(by_name("grace"), 1);
    assert_eq!(env.mirror.count().unwrap(), 2);
}

#[tokio::test]
async fn upsert_and_remove_keep_rows_search_and_tags_in_step() {
    let env = env().await;
    let mk = |phone: &str, first: &str, tags: &[&str]| Contact {
        phone: phone.into(),
        first_name: Some(first.into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..Contact::default()
    };
    let m = &env.mirror;
    m.upsert_many(&[
        mk("+15555550001", "Alice", &["vip"]),
        mk("+15555550002", "Bob", &["vip", "lead"]),
        mk("+15555550003", "Carol", &["lead"]),
    ])
    .unwrap();
    let find = |text: &str| -> Vec<String> {
        m.search(&ContactQuery {
            text: Some(text.into()),
            ..ContactQuery::default()
        })
        .unwrap()
        .rows
        .into_iter()
        .map(|c| c.phone)
        .collect()
    };
    let tag_counts = || -> Vec<(String, u64)> {
        m.tags()
            .unwrap()
            .into_iter()
            .map(|t| (t.tag, t.count))
            .collect()
    };
    assert_eq!(tag_counts(), [("lead".into(), 2), ("vip".into(), 2)]);

    // An update replaces the row, its search text and its tags.
    m.upsert(&mk("+15555550001", "Alicia", &["customer"]))
        .unwrap();
    assert_eq!(find("alice"), Vec::<String>::new());
    assert_eq!(find("alicia"), ["+15555550001"]);
    assert_eq!(
        tag_counts(),
        [
            ("lead".into(), 2),
            ("customer".into(), 1),
            ("vip".into(), 1)
        ]
    );
    assert_eq!(m.count().unwrap(), 3);

    assert!(m.remove("+15555550002").unwrap());
    assert!(!m.remove("+15555550002").unwrap());
    assert_eq!(find("bob"), Vec::<String>::new());
    assert_eq!(tag_counts(), [("customer".into(), 1), ("lead".into(), 1)]);
    let removed = m
        .remove_many(&[
            "+15555550001".into(),
            "+15555550003".into(),
            "+19999999999".into(),
        ])
        .unwrap();
    assert_eq!(removed, 2);
    assert_eq!(m.count().unwrap(), 0);
    assert!(m.tags().unwrap().is_empty());
    assert_eq!(find("carol"), Vec::<String>::new());

    let err = m.upsert(&mk("", "Nobody", &[])).unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
}
