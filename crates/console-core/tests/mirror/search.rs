//! Search, filters and sorting on a small known set made through the sandbox's API (accents,
//! HTML in names, tags, custom variables, opt-out, verified, lines), then synced.

use std::collections::BTreeMap;

use console_core::mirror::{ContactQuery, ContactSortKey, Mirror, SortDirection};
use sendblue_client::models::contacts::{
    BulkContact, Contact, CreateContact, ListContacts, OptOut,
};
use tokio_util::sync::CancellationToken;

pub(super) const A: &str = "+14155550123"; // José Álvarez, Café Niño
pub(super) const B: &str = "+14155550124"; // HTML in the name
pub(super) const C: &str = "+442071838750"; // Zoë O'Brien, opted out
pub(super) const D: &str = "+12125550199"; // Zoe Adams, verified
pub(super) const E: &str = "+13105550100"; // no name
pub(super) const F: &str = "+16175550111"; // Émile Zola
const SCRIPT: &str = "<script>alert(1)</script>";

pub(super) fn sam(i: usize) -> String {
    format!("+1303555{:04}", 1000 + i)
}

fn create(phone: &str, first: Option<&str>, last: Option<&str>) -> CreateContact {
    CreateContact {
        first_name: first.map(Into::into),
        last_name: last.map(Into::into),
        ..CreateContact::new(phone)
    }
}

fn vars(pairs: &[(&str, &str)]) -> Option<BTreeMap<String, String>> {
    Some(
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    )
}

fn tags(list: &[&str]) -> Option<Vec<String>> {
    Some(list.iter().map(|t| t.to_string()).collect())
}

/// Makes the known set in the sandbox, syncs, and returns the account's contacts as listed.
pub(super) async fn known_set(env: &super::Env) -> Vec<Contact> {
    let contacts = env.client.contacts();
    let rows = [
        CreateContact {
            company_name: Some("Café Niño".into()),
            assigned_to_email: Some("ann@acme.test".into()),
            sendblue_number: Some("+14155550100".into()),
            tags: tags(&["vip", "customer"]),
            custom_variables: vars(&[("Plan", "Enterprise"), ("City", "São Paulo")]),
            ..create(A, Some("José"), Some("Álvarez"))
        },
        CreateContact {
            company_name: Some(r#"Ore & Mining "Quoted" *Star*"#.into()),
            sendblue_number: Some("+14155550101".into()),
            tags: tags(&["lead"]),
            custom_variables: vars(&[("Favorite color", "teal")]),
            ..create(B, Some(SCRIPT), Some("<b>Bold</b>"))
        },
        CreateContact {
            tags: tags(&["vip"]),
            ..create(C, Some("Zoë"), Some("O'Brien"))
        },
        CreateContact {
            company_name: Some("acme".into()),
            ..create(D, Some("Zoe"), Some("Adams"))
        },
        CreateContact {
            company_name: Some("Zeta".into()),
            tags: tags(&["customer", "churn-risk"]),
            ..create(E, None, None)
        },
        CreateContact {
            company_name: Some("Émile SARL".into()),
            ..create(F, Some("Émile"), Some("Zola"))
        },
    ];
    for row in &rows {
        contacts.create(row).await.unwrap();
    }
    let sams: Vec<BulkContact> = (0..40)
        .map(|i| BulkContact {
            first_name: Some("Sam".into()),
            last_name: Some("Same".into()),
            company_name: Some("Same Co".into()),
            tags: tags(&["bulk"]),
            ..BulkContact::new(sam(i))
        })
        .collect();
    contacts.bulk_create(&sams).await.unwrap();
    contacts.opt_out(&OptOut::new(C, true)).await.unwrap();
    contacts.verify(D).await.unwrap();
    env.mirror
        .sync(&env.client, |_| {}, &CancellationToken::new())
        .await
        .unwrap();
    contacts
        .list(&ListContacts {
            limit: Some(1000),
            ..ListContacts::default()
        })
        .await
        .unwrap()
}

pub(super) fn phones_of(mirror: &Mirror, query: ContactQuery) -> Vec<String> {
    let page = mirror
        .search(&ContactQuery {
            limit: 500,
            ..query
        })
        .unwrap();
    assert_eq!(page.total as usize, page.rows.len(), "one page holds all");
    page.rows.into_iter().map(|c| c.phone).collect()
}

fn text(mirror: &Mirror, words: &str) -> Vec<String> {
    phones_of(
        mirror,
        ContactQuery {
            text: Some(words.into()),
            ..ContactQuery::default()
        },
    )
}

pub(super) fn sorted(sort: ContactSortKey, direction: SortDirection) -> ContactQuery {
    ContactQuery {
        sort,
        direction,
        ..ContactQuery::default()
    }
}

pub(super) fn tag(t: &str) -> ContactQuery {
    ContactQuery {
        tag: Some(t.into()),
        ..ContactQuery::default()
    }
}

pub(super) fn opted(v: bool) -> ContactQuery {
    ContactQuery {
        opted_out: Some(v),
        ..ContactQuery::default()
    }
}

/// The account's phone numbers, sorted.
pub(super) fn phones(server: &[Contact]) -> Vec<String> {
    let mut v: Vec<String> = server.iter().map(|c| c.phone.clone()).collect();
    v.sort();
    v
}

#[tokio::test]
async fn search_and_filters_on_a_known_set() {
    let env = super::env().await;
    let server = known_set(&env).await;
    let m = &env.mirror;
    assert_eq!(server.len(), 46);
    assert_eq!(m.count().unwrap(), 46);
    // Every field comes back as the API listed it; HTML is text, untouched.
    for contact in &server {
        assert_eq!(m.get(&contact.phone).unwrap().as_ref(), Some(contact));
    }
    let b = m.get(B).unwrap().unwrap();
    assert_eq!(b.first_name.as_deref(), Some(SCRIPT));
    assert_eq!(b.last_name.as_deref(), Some("<b>Bold</b>"));

    // Full text: names (accents folded), phone digits in any grouping, company, email,
    // tags, custom-variable labels and values.
    for words in [
        "jose",
        "JOSÉ",
        "álvarez alv",
        "4155550123",
        "555 0123",
        "+1 (415) 555-0123",
        "cafe",
        "CAFÉ NIÑO",
        "ann@acme",
        "enterprise",
        "sao paulo",
        "São",
        "city",
        "customer jose",
    ] {
        assert_eq!(text(m, words), [A], "{words}");
    }
    assert_eq!(text(m, "zoe"), [D, C], "both spellings, by name");
    assert_eq!(text(m, "o'brien"), [C]);
    assert_eq!(text(m, "emile"), [F]);
    assert_eq!(text(m, "favorite teal"), [B]);
    assert_eq!(text(m, "<script>"), [B]);
    assert_eq!(text(m, "vip"), [A, C]);
    assert_eq!(text(m, "442071"), [C]);
    assert_eq!(text(m, "555").len(), 45, "every number but the UK one");
    assert_eq!(text(m, "nobody-here"), Vec::<String>::new());

    // FTS syntax in the query is plain text: no error, no operator.
    assert_eq!(text(m, "-vip"), [A, C], "not a negation");
    assert_eq!(text(m, "OR"), [B], "a word (Ore), not an operator");
    assert_eq!(
        text(m, "vip OR lead"),
        Vec::<String>::new(),
        "all words must match"
    );
    assert_eq!(text(m, "\"Quoted\""), [B]);
    assert_eq!(text(m, "*Star*"), [B]);
    assert_eq!(text(m, "NEAR(zoe adams)"), Vec::<String>::new());
    assert_eq!(
        text(m, "name:jose"),
        Vec::<String>::new(),
        "no column filter either"
    );
    for odd in [
        "\"",
        "\"\"",
        "*",
        "-",
        "^",
        "(",
        ")",
        ":",
        "'",
        "\\",
        "%",
        "_",
        "{}",
        "+",
        "—",
        "😀",
        "\u{0}",
        "AND",
        "NOT",
        "NEAR",
        "\"unbalanced",
        "jose\"",
        "jose*",
        "a:b",
        "^jose",
        "(jose",
        "jose OR",
        "NOT jose",
        "' OR 1=1 --",
    ] {
        let page = m
            .search(&ContactQuery {
                text: Some(odd.into()),
                ..ContactQuery::default()
            })
            .unwrap_or_else(|e| panic!("{odd:?}: {e:?}"));
        assert!(page.total <= 46, "{odd:?}");
    }
    assert_eq!(text(m, "*").len(), 46, "no words: no text filter");

    // Filters, checked against the account's own data.
    let expect = |keep: &dyn Fn(&Contact) -> bool| -> Vec<String> {
        let mut v: Vec<String> = server
            .iter()
            .filter(|c| keep(c))
            .map(|c| c.phone.clone())
            .collect();
        v.sort();
        v
    };
    let by_phone = |q: ContactQuery| {
        phones_of(
            m,
            ContactQuery {
                sort: ContactSortKey::Phone,
                ..q
            },
        )
    };
    assert_eq!(by_phone(tag("vip")), [A, C]);
    assert_eq!(by_phone(tag("bulk")).len(), 40);
    assert_eq!(by_phone(opted(true)), [C]);
    let no_words = ContactQuery {
        text: Some("*".into()),
        ..opted(true)
    };
    assert_eq!(
        by_phone(no_words),
        [C],
        "symbols only: the filter alone counts"
    );
    assert_eq!(by_phone(opted(true)), expect(&|c| c.opt_out == Some(true)));
    assert_eq!(by_phone(opted(false)), expect(&|c| c.opt_out != Some(true)));
    let verified = ContactQuery {
        verified: Some(true),
        ..ContactQuery::default()
    };
    assert!(by_phone(verified.clone()).contains(&D.to_owned()));
    assert_eq!(by_phone(verified), expect(&|c| c.verified == Some(true)));
    for line in ["+14155550100", "+14155550101"] {
        let on_line = by_phone(ContactQuery {
            sendblue_number: Some(line.into()),
            ..ContactQuery::default()
        });
        assert_eq!(
            on_line,
            expect(&|c| c.sendblue_number.as_deref() == Some(line))
        );
    }
    assert!(by_phone(ContactQuery {
        sendblue_number: Some("+14155550101".into()),
        ..ContactQuery::default()
    })
    .contains(&B.to_owned()));
    let vip_in = ContactQuery {
        opted_out: Some(false),
        ..tag("vip")
    };
    assert_eq!(by_phone(vip_in.clone()), [A]);
    assert_eq!(m.count_matching(&vip_in).unwrap(), 1);
    assert_eq!(
        by_phone(ContactQuery {
            text: Some("zoe".into()),
            ..tag("vip")
        }),
        [C]
    );

    // The filter menu's tags, most used first; the export's column labels.
    let tag_list: Vec<(String, u64)> = m
        .tags()
        .unwrap()
        .into_iter()
        .map(|t| (t.tag, t.count))
        .collect();
    let want: Vec<(String, u64)> = [
        ("bulk", 40),
        ("customer", 2),
        ("vip", 2),
        ("churn-risk", 1),
        ("lead", 1),
    ]
    .iter()
    .map(|(t, n)| (t.to_string(), *n))
    .collect();
    assert_eq!(tag_list, want);
    assert_eq!(
        m.custom_variable_keys(&ContactQuery::default()).unwrap(),
        ["City", "Favorite color", "Plan"]
    );
    assert_eq!(
        m.custom_variable_keys(&tag("lead")).unwrap(),
        ["Favorite color"]
    );
}
