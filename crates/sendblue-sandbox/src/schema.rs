//! The database schema as an append-only list of migrations. A database records how many it
//! has applied (`PRAGMA user_version`); new ones run at start-up. Never edit a released
//! migration: add the next one.

/// Migrations in order; entry `i` brings a database from version `i` to `i + 1`.
pub const MIGRATIONS: &[&str] = &[
    // 1: the account, its lines, contacts, opt-outs, messages, groups, webhooks, media,
    //    contact sharing and line provisioning.
    r#"
    CREATE TABLE account (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        email TEXT NOT NULL,
        plan TEXT NOT NULL,
        global_secret TEXT
    );
    CREATE TABLE lines (
        number TEXT PRIMARY KEY,
        worker_id TEXT NOT NULL,
        kind TEXT NOT NULL,                 -- 'v1' (classic) or 'v2' (Mac-based)
        assignment TEXT NOT NULL,           -- assigned | shared | grace_period
        status TEXT NOT NULL,               -- ONLINE | OFFLINE | DEGRADED | UNKNOWN
        status_changed_at TEXT,
        degraded_since TEXT,
        effective_until TEXT,
        read_receipts INTEGER NOT NULL DEFAULT 0,
        carousel INTEGER NOT NULL DEFAULT 0,
        contact_sharing INTEGER NOT NULL DEFAULT 0,
        facetime INTEGER NOT NULL DEFAULT 0,
        inbound_only INTEGER NOT NULL DEFAULT 0,
        forwarding_number TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE contacts (
        contact_id TEXT PRIMARY KEY,
        phone TEXT NOT NULL UNIQUE,
        first_name TEXT NOT NULL DEFAULT '',
        last_name TEXT NOT NULL DEFAULT '',
        company_name TEXT NOT NULL DEFAULT '',
        assigned_to_email TEXT NOT NULL DEFAULT '',
        sendblue_number TEXT NOT NULL DEFAULT '',
        tags TEXT NOT NULL DEFAULT '[]',             -- JSON array of strings
        custom_variables TEXT NOT NULL DEFAULT '{}', -- JSON object of strings
        verified INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,                    -- ISO 8601, sorts as text
        seq INTEGER NOT NULL                         -- creation order, breaks created_at ties
    );
    CREATE INDEX contacts_by_created ON contacts (created_at, seq);
    -- One record per recipient, shared by keyword opt-outs, /contacts/opt-out and contact
    -- updates (§9.11); a number can be opted out without being a contact.
    CREATE TABLE opt_outs (
        phone TEXT PRIMARY KEY,
        opted_out INTEGER NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE messages (
        message_handle TEXT PRIMARY KEY,
        content TEXT NOT NULL DEFAULT '',
        media_url TEXT NOT NULL DEFAULT '',
        media_urls TEXT,                    -- JSON array, carousels only
        is_outbound INTEGER NOT NULL,
        status TEXT NOT NULL,
        service TEXT NOT NULL,
        message_type TEXT NOT NULL,         -- message | group | carousel | location
        from_number TEXT NOT NULL,
        to_number TEXT NOT NULL,
        number TEXT NOT NULL,               -- the other party
        sendblue_number TEXT NOT NULL,      -- our line
        group_id TEXT NOT NULL DEFAULT '',
        group_display_name TEXT,
        participants TEXT NOT NULL DEFAULT '[]',
        send_style TEXT NOT NULL DEFAULT '',
        status_callback TEXT,
        reply_to TEXT,                      -- JSON object
        metadata TEXT,                      -- JSON object (carousels)
        error_code INTEGER,
        error_message TEXT,
        error_reason TEXT,
        error_detail TEXT,
        was_downgraded INTEGER,
        opted_out INTEGER NOT NULL DEFAULT 0,
        date_created TEXT NOT NULL,
        date_updated TEXT NOT NULL,
        next_step_ms INTEGER,               -- when the next status step is due; NULL when final
        deleted INTEGER NOT NULL DEFAULT 0,
        seq INTEGER NOT NULL
    );
    CREATE INDEX messages_by_created ON messages (date_created, seq);
    CREATE INDEX messages_by_updated ON messages (date_updated, seq);
    CREATE INDEX messages_by_number ON messages (number);
    CREATE INDEX messages_due ON messages (next_step_ms) WHERE next_step_ms IS NOT NULL;
    CREATE TABLE groups (
        group_id TEXT PRIMARY KEY,
        group_name TEXT,
        photo_url TEXT,
        photo_guid TEXT,
        from_number TEXT NOT NULL,
        latest_message_id TEXT,
        latest_comm_at TEXT,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE group_members (
        group_id TEXT NOT NULL,
        number TEXT NOT NULL,
        position INTEGER NOT NULL,
        PRIMARY KEY (group_id, number)
    );
    CREATE TABLE webhooks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        url TEXT NOT NULL,
        secret TEXT,
        sendblue_numbers TEXT,              -- JSON array, receive webhooks only
        plain INTEGER NOT NULL,             -- 1 when given as a bare URL string
        UNIQUE (type, url)
    );
    CREATE TABLE media (
        id TEXT PRIMARY KEY,                -- also the file name on disk
        file_name TEXT NOT NULL,
        content_type TEXT NOT NULL,
        size INTEGER NOT NULL,
        source_url TEXT,
        created_at TEXT NOT NULL
    );
    CREATE TABLE sharing_profiles (
        from_number TEXT PRIMARY KEY,
        first_name TEXT,
        last_name TEXT,
        display_name TEXT,
        photo_url TEXT,
        photo_media_id TEXT,
        sharing_enabled INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL
    );
    CREATE TABLE sharing_shares (
        from_number TEXT NOT NULL,
        to_number TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (from_number, to_number)
    );
    CREATE TABLE provision_previews (
        token TEXT PRIMARY KEY,
        expires_ms INTEGER NOT NULL,
        used INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
    );
    CREATE TABLE line_tickets (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        type TEXT NOT NULL,
        status TEXT NOT NULL,               -- OPEN | FULFILLED | CANCELLED
        desired_area_code TEXT,
        created_at TEXT NOT NULL,
        fulfilled_number TEXT,
        fulfilled_at TEXT,
        due_ms INTEGER                      -- when the ticket is fulfilled
    );
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    "#,
    // 2: messages: the App Card sent with a message; simulated people's pending replies (one
    //    per conversation: typing shows first, the reply follows a tick later).
    r#"
    ALTER TABLE messages ADD COLUMN app_card TEXT;
    CREATE TABLE auto_replies (
        number TEXT NOT NULL,               -- the simulated person
        sendblue_number TEXT NOT NULL,      -- our line they answer
        phase TEXT NOT NULL,                -- 'typing' (typing shows next) | 'reply' (reply next)
        due_ms INTEGER NOT NULL,
        PRIMARY KEY (number, sendblue_number)
    );
    CREATE INDEX auto_replies_due ON auto_replies (due_ms);
    "#,
];
