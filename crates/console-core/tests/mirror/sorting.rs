//! Sorting and paging on the known set of `search.rs`: folded sort keys, blanks last, stable
//! tie-breaks, pages that join up exactly under both query plans, page bounds, and the
//! whole-mirror reads of export and duplicate checks.

use console_core::mirror::{ContactQuery, ContactSortKey, SortDirection};
use console_core::ErrorCode;
use sendblue_client::models::contacts::Contact;

use super::search::{known_set, opted, phones, phones_of, sam, sorted, tag, A, B, C, D, E, F};

#[tokio::test]
async fn sorting_and_paging_on_a_known_set() {
    let env = super::env().await;
    let server = known_set(&env).await;
    let m = &env.mirror;

    // Sorting: accents and case folded, blanks after Z, ties broken by phone.
    let sams: Vec<String> = (0..40).map(sam).collect();
    let mut by_name = vec![B.to_owned(), F.into(), A.into()];
    by_name.extend(sams.iter().cloned());
    by_name.extend([D.to_owned(), C.into(), E.into()]);
    assert_eq!(
        phones_of(m, sorted(ContactSortKey::Name, SortDirection::Asc)),
        by_name
    );
    let mut reversed = by_name.clone();
    reversed.reverse();
    assert_eq!(
        phones_of(m, sorted(ContactSortKey::Name, SortDirection::Desc)),
        reversed
    );
    let mut by_company = vec![D.to_owned(), A.into(), F.into(), B.into()];
    by_company.extend(sams.iter().cloned());
    by_company.extend([E.to_owned(), C.into()]);
    assert_eq!(
        phones_of(m, sorted(ContactSortKey::Company, SortDirection::Asc)),
        by_company
    );
    assert_eq!(
        phones_of(m, sorted(ContactSortKey::Phone, SortDirection::Asc)),
        phones(&server)
    );
    let mut by_created = server.clone();
    by_created.sort_by(|x, y| (&x.created_at, &x.phone).cmp(&(&y.created_at, &y.phone)));
    let by_created: Vec<String> = by_created.into_iter().map(|c| c.phone).collect();
    assert_eq!(
        phones_of(m, sorted(ContactSortKey::CreatedAt, SortDirection::Asc)),
        by_created
    );

    // Pages of 7 put together give the whole list: nothing twice, nothing skipped.
    for sort in [
        ContactSortKey::Name,
        ContactSortKey::Company,
        ContactSortKey::CreatedAt,
        ContactSortKey::Phone,
    ] {
        for direction in [SortDirection::Asc, SortDirection::Desc] {
            let whole = phones_of(m, sorted(sort, direction));
            let mut paged = Vec::new();
            for offset in (0..50).step_by(7) {
                let page = m
                    .search(&ContactQuery {
                        offset,
                        limit: 7,
                        ..sorted(sort, direction)
                    })
                    .unwrap();
                assert_eq!((page.total, page.offset), (46, offset));
                paged.extend(page.rows.into_iter().map(|c| c.phone));
            }
            assert_eq!(paged, whole, "{sort:?} {direction:?}");
        }
    }

    // The same with filters: many matches walk the sort order, few are collected and
    // sorted (pages of 7 of 46 rows choose both ways); either way pages join up exactly.
    let filters = [
        opted(false),
        tag("bulk"),
        tag("vip"),
        ContactQuery {
            text: Some("555".into()),
            ..ContactQuery::default()
        },
        ContactQuery {
            sendblue_number: Some("+14155550101".into()),
            verified: Some(false),
            ..ContactQuery::default()
        },
    ];
    for filter in filters {
        for sort in [
            ContactSortKey::Name,
            ContactSortKey::Company,
            ContactSortKey::CreatedAt,
        ] {
            for direction in [SortDirection::Asc, SortDirection::Desc] {
                let q = ContactQuery {
                    sort,
                    direction,
                    ..filter.clone()
                };
                let whole = phones_of(m, q.clone());
                let mut paged = Vec::new();
                for offset in (0..50).step_by(7) {
                    let page = m
                        .search(&ContactQuery {
                            offset,
                            limit: 7,
                            ..q.clone()
                        })
                        .unwrap();
                    assert_eq!(page.total as usize, whole.len());
                    paged.extend(page.rows.into_iter().map(|c| c.phone));
                }
                assert_eq!(paged, whole, "{q:?}");
            }
        }
    }

    // Page bounds.
    let err = m
        .search(&ContactQuery {
            limit: 501,
            ..ContactQuery::default()
        })
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::Validation);
    let counted = m
        .search(&ContactQuery {
            limit: 0,
            ..ContactQuery::default()
        })
        .unwrap();
    assert_eq!((counted.total, counted.rows.len()), (46, 0));
    let past = m
        .search(&ContactQuery {
            offset: 1_000,
            ..ContactQuery::default()
        })
        .unwrap();
    assert_eq!((past.total, past.rows.len()), (46, 0));

    // Export walk and duplicate checks.
    let rows = m
        .iter_contacts(&ContactQuery {
            direction: SortDirection::Desc,
            ..sorted(ContactSortKey::Phone, SortDirection::Desc)
        })
        .unwrap();
    assert_eq!(rows.total(), 46);
    let walked: Vec<String> = rows.map(|c| c.unwrap().phone).collect();
    let mut all = phones(&server);
    all.reverse();
    assert_eq!(walked, all);
    let vip_rows: Vec<Contact> = m
        .iter_contacts(&tag("vip"))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        vip_rows
            .iter()
            .map(|c| c.phone.as_str())
            .collect::<Vec<_>>(),
        [A, C]
    );
    let known = m
        .known_phones(&[A.into(), "+19998887777".into(), sam(3)])
        .unwrap();
    assert_eq!(known.len(), 2);
    assert!(known.contains(A) && known.contains(&sam(3)));
    assert_eq!(m.all_phones().unwrap(), phones(&server));
}
