// Forward-only schema migrations. Each entry moves the database from version i to i + 1 and
// runs in one transaction with the user_version bump, so a crash leaves the old version intact.
// Never edit a migration that has shipped: add a new one.

export const migrations: readonly string[] = [
  // 1: the first schema
  `
  CREATE TABLE accounts (
    id                    TEXT PRIMARY KEY,
    name                  TEXT NOT NULL,
    email                 TEXT NOT NULL,
    display_name          TEXT NOT NULL,
    username              TEXT NOT NULL,
    imap_host             TEXT NOT NULL,
    imap_port             INTEGER NOT NULL,
    imap_security         TEXT NOT NULL CHECK (imap_security IN ('tls', 'starttls', 'plain')),
    smtp_host             TEXT NOT NULL,
    smtp_port             INTEGER NOT NULL,
    smtp_security         TEXT NOT NULL CHECK (smtp_security IN ('tls', 'starttls', 'plain')),
    signature             TEXT,
    server_saves_sent     INTEGER NOT NULL DEFAULT 0,
    sync_interval_seconds INTEGER NOT NULL DEFAULT 60,
    secret                BLOB,           -- SecretCipher output, never plaintext
    quota_used            INTEGER,
    quota_limit           INTEGER,
    created_at            INTEGER NOT NULL
  );

  CREATE TABLE mailboxes (
    id              INTEGER PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    path            TEXT NOT NULL,
    name            TEXT NOT NULL,
    parent_path     TEXT,
    delimiter       TEXT NOT NULL,
    role            TEXT,
    subscribed      INTEGER NOT NULL DEFAULT 1,
    selectable      INTEGER NOT NULL DEFAULT 1,
    server_unread   INTEGER,          -- STATUS UNSEEN, shown until the mailbox is synced
    server_total    INTEGER,
    -- sync state; UIDVALIDITY and HIGHESTMODSEQ are 64-bit: TEXT, never a JS number
    uidvalidity     TEXT,
    highestmodseq   TEXT,
    uidnext         INTEGER,
    synced_high_uid INTEGER NOT NULL DEFAULT 0,  -- every UID <= this and >= synced_low_uid is stored
    synced_low_uid  INTEGER,                      -- NULL: nothing synced yet; 1: fully backfilled
    UNIQUE (account_id, path)
  );

  CREATE TABLE messages (
    id              INTEGER PRIMARY KEY,
    mailbox_id      INTEGER NOT NULL REFERENCES mailboxes(id) ON DELETE CASCADE,
    uid             INTEGER,          -- NULL while a local move waits for the server's COPYUID
    message_id      TEXT,
    subject         TEXT NOT NULL DEFAULT '',
    from_json       TEXT NOT NULL DEFAULT '[]',
    to_json         TEXT NOT NULL DEFAULT '[]',
    cc_json         TEXT NOT NULL DEFAULT '[]',
    date            INTEGER NOT NULL,
    size            INTEGER NOT NULL DEFAULT 0,
    seen            INTEGER NOT NULL DEFAULT 0,
    flagged         INTEGER NOT NULL DEFAULT 0,
    answered        INTEGER NOT NULL DEFAULT 0,
    draft           INTEGER NOT NULL DEFAULT 0,
    keywords        TEXT,             -- other flags, space separated
    has_attachments INTEGER NOT NULL DEFAULT 0,
    snippet         TEXT,
    thread_key      TEXT NOT NULL,
    in_reply_to     TEXT,
    bodystructure   TEXT              -- imapflow's parsed BODYSTRUCTURE, JSON
  );
  CREATE UNIQUE INDEX messages_by_uid ON messages (mailbox_id, uid);
  -- the message list: newest first, a stable tie-break so keyset paging never skips a row
  CREATE INDEX messages_by_date ON messages (mailbox_id, date DESC, id DESC);
  CREATE INDEX messages_unread ON messages (mailbox_id, seen);
  CREATE INDEX messages_by_thread ON messages (thread_key);
  CREATE INDEX messages_by_message_id ON messages (message_id);

  CREATE TABLE message_bodies (
    message_id  INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    html        TEXT,
    text        TEXT,
    bcc_json    TEXT NOT NULL DEFAULT '[]',
    reply_to_json TEXT NOT NULL DEFAULT '[]',
    references_json TEXT NOT NULL DEFAULT '[]',
    fetched_at  INTEGER NOT NULL
  );

  CREATE TABLE attachments (
    message_id   INTEGER NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
    part         TEXT NOT NULL,
    filename     TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size         INTEGER NOT NULL,
    content_id   TEXT,
    inline       INTEGER NOT NULL DEFAULT 0,
    data         BLOB,               -- cached once downloaded, so it opens offline
    PRIMARY KEY (message_id, part)
  );

  -- RFC 4549: actions taken locally, replayed against the server in order
  CREATE TABLE pending_ops (
    id          INTEGER PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    kind        TEXT NOT NULL,
    payload     TEXT NOT NULL,
    attempts    INTEGER NOT NULL DEFAULT 0,
    last_error  TEXT,
    created_at  INTEGER NOT NULL
  );
  -- the messages an op touches, so sync never overwrites a local change the server has not seen
  CREATE TABLE pending_op_messages (
    op_id       INTEGER NOT NULL REFERENCES pending_ops(id) ON DELETE CASCADE,
    mailbox_id  INTEGER NOT NULL,
    uid         INTEGER NOT NULL,
    PRIMARY KEY (op_id, mailbox_id, uid)
  );
  CREATE INDEX pending_op_messages_by_uid ON pending_op_messages (mailbox_id, uid);

  CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    account_id    TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_id    TEXT NOT NULL UNIQUE,
    raw           BLOB NOT NULL,
    envelope_json TEXT NOT NULL,
    state         TEXT NOT NULL,
    send_after    INTEGER NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_error    TEXT,
    created_at    INTEGER NOT NULL
  );
  `,
  // 2: drafts (local copies, their attachment bytes, the server copy they replace) and what the
  // outbox needs beyond schema 1: the draft it came from, a summary for the list, the Sent copy's
  // extra headers (Bcc) and the recipients a server refused while it accepted the others
  `
  CREATE TABLE drafts (
    id              TEXT PRIMARY KEY,
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    message_id      TEXT NOT NULL,      -- the same for every server version, so old ones can be found
    draft_json      TEXT NOT NULL,      -- the ComposeDraft, attachments as stored references
    content_hash    TEXT NOT NULL,      -- a save of the same content writes nothing
    version         INTEGER NOT NULL DEFAULT 1,
    state           TEXT NOT NULL DEFAULT 'editing' CHECK (state IN ('editing', 'outbox', 'discarded')),
    sync_version    INTEGER NOT NULL DEFAULT 0,  -- the version the user asked to be on the server
    synced_version  INTEGER NOT NULL DEFAULT 0,  -- the version that is on the server
    server_path     TEXT,
    server_uid      INTEGER,
    server_uidvalidity TEXT,
    updated_at      INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    UNIQUE (account_id, message_id)
  );
  CREATE INDEX drafts_by_state ON drafts (state, account_id);

  CREATE TABLE draft_blobs (
    draft_id    TEXT NOT NULL REFERENCES drafts(id) ON DELETE CASCADE,
    blob_id     TEXT NOT NULL,          -- sha256 of data
    source_key  TEXT,                   -- the file or forwarded part it came from, so it is read once
    data        BLOB NOT NULL,
    PRIMARY KEY (draft_id, blob_id)
  );
  CREATE INDEX draft_blobs_by_source ON draft_blobs (draft_id, source_key);

  ALTER TABLE outbox ADD COLUMN draft_id TEXT REFERENCES drafts(id) ON DELETE SET NULL;
  ALTER TABLE outbox ADD COLUMN subject TEXT NOT NULL DEFAULT '';
  ALTER TABLE outbox ADD COLUMN sent_headers TEXT NOT NULL DEFAULT '';
  ALTER TABLE outbox ADD COLUMN rejected_json TEXT NOT NULL DEFAULT '[]';
  CREATE INDEX outbox_by_account ON outbox (account_id, state, send_after);
  `,
  // 3: account setup. Certificates the user trusted per server (host:port), the user's
  // confirmation of a cleartext login to a host that is not this computer, and whether the
  // password is stored (sealed) or kept in memory for the session only.
  `
  CREATE TABLE certificate_pins (
    host            TEXT NOT NULL,      -- lower case
    port            INTEGER NOT NULL,
    fingerprint256  TEXT NOT NULL,      -- "AB:CD:…", SHA-256 of the DER certificate
    pem             TEXT NOT NULL,      -- the certificate: the trust anchor for this server only
    subject         TEXT NOT NULL,
    issuer          TEXT NOT NULL,
    valid_to        INTEGER NOT NULL,
    created_at      INTEGER NOT NULL,
    PRIMARY KEY (host, port)
  );

  ALTER TABLE accounts ADD COLUMN plaintext_confirmed INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE accounts ADD COLUMN password_storage TEXT NOT NULL DEFAULT 'stored'
    CHECK (password_storage IN ('stored', 'session'));
  `,
  // 4: each mailbox's message and unread counts, kept by triggers. Every list paint and folder
  // list asked COUNT(*) over the mailbox: 5 ms at 100,000 messages, now one row read.
  `
  ALTER TABLE mailboxes ADD COLUMN message_count INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE mailboxes ADD COLUMN unread_count INTEGER NOT NULL DEFAULT 0;
  UPDATE mailboxes SET
    message_count = (SELECT COUNT(*) FROM messages m WHERE m.mailbox_id = mailboxes.id),
    unread_count = (SELECT COUNT(*) FROM messages m WHERE m.mailbox_id = mailboxes.id AND m.seen = 0);

  CREATE TRIGGER messages_counted_insert AFTER INSERT ON messages BEGIN
    UPDATE mailboxes SET message_count = message_count + 1, unread_count = unread_count + (NEW.seen = 0)
    WHERE id = NEW.mailbox_id;
  END;
  CREATE TRIGGER messages_counted_delete AFTER DELETE ON messages BEGIN
    UPDATE mailboxes SET message_count = message_count - 1, unread_count = unread_count - (OLD.seen = 0)
    WHERE id = OLD.mailbox_id;
  END;
  CREATE TRIGGER messages_counted_update AFTER UPDATE OF mailbox_id, seen ON messages BEGIN
    UPDATE mailboxes SET message_count = message_count - 1, unread_count = unread_count - (OLD.seen = 0)
    WHERE id = OLD.mailbox_id;
    UPDATE mailboxes SET message_count = message_count + 1, unread_count = unread_count + (NEW.seen = 0)
    WHERE id = NEW.mailbox_id;
  END;
  `,
  // 5: account settings. Whether remote images load for the account's mail ('ask' blocks them
  // behind the bar), and the senders whose remote images always load ("Always for this sender"),
  // which go with the account when it is removed.
  `
  ALTER TABLE accounts ADD COLUMN remote_images TEXT NOT NULL DEFAULT 'ask'
    CHECK (remote_images IN ('ask', 'always'));

  CREATE TABLE remote_content_senders (
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    address     TEXT NOT NULL,        -- lower case
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (account_id, address)
  );
  `,
  // 6: the full-text index. Contentless FTS5 keyed by messages.id, filled by the background
  // indexer (electron/core/search/), never by header sync: inserts pay nothing. search_state.indexed_through
  // says every row up to that id has been indexed; search_dirty holds ids whose text changed
  // (snippet, cached body) or that were deleted, for the indexer to redo or drop.
  `
  CREATE VIRTUAL TABLE search_index USING fts5(
    subject, sender, recipients, snippet, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
  );
  CREATE TABLE search_state (
    id              INTEGER PRIMARY KEY CHECK (id = 1),
    indexed_through INTEGER NOT NULL
  );
  INSERT INTO search_state (id, indexed_through) VALUES (1, 0);
  CREATE TABLE search_dirty (message_id INTEGER PRIMARY KEY);

  CREATE TRIGGER search_forget_deleted AFTER DELETE ON messages
  WHEN OLD.id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT OR IGNORE INTO search_dirty (message_id) VALUES (OLD.id);
  END;
  CREATE TRIGGER search_reindex_snippet AFTER UPDATE OF snippet ON messages
  WHEN NEW.id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT OR IGNORE INTO search_dirty (message_id) VALUES (NEW.id);
  END;
  CREATE TRIGGER search_index_body AFTER INSERT ON message_bodies
  WHEN NEW.message_id <= (SELECT indexed_through FROM search_state) BEGIN
    INSERT OR IGNORE INTO search_dirty (message_id) VALUES (NEW.message_id);
  END;
  `,
  // 7: header sync writes every row through each index of messages, and two of them were never
  // read by any query (threads and Message-ID look-ups do not exist yet): dropping them takes two
  // text-keyed b-tree inserts off every synced header. Whoever needs them adds them back.
  `
  DROP INDEX messages_by_thread;
  DROP INDEX messages_by_message_id;
  `,
  // 8: header sync again. The insert trigger ran an UPDATE of the mailbox's counts for every row
  // stored (a third of an insert's cost); MessagesRepo.insertHeaders, the only INSERT into
  // messages, now adds a batch's counts in one statement. Deletes and seen/mailbox changes keep
  // their triggers. The unread index holds only unread rows: the one query that uses it asks for
  // seen = 0, and most of a mailbox is read, so most inserts skip it.
  `
  DROP TRIGGER messages_counted_insert;
  DROP INDEX messages_unread;
  CREATE INDEX messages_unread ON messages (mailbox_id) WHERE seen = 0;
  `,
  // 9: header sync keeps at most 100 addresses per field (a message to 100,000 recipients
  // must not put megabytes into every list row); how many it left out is kept here.
  `
  ALTER TABLE messages ADD COLUMN addresses_omitted INTEGER NOT NULL DEFAULT 0;
  `,
  // 10: cached attachment bytes are evicted least recently used first, within a size budget
  // (BodiesRepo.cacheAttachmentData); this is when each part's bytes were last used.
  `
  ALTER TABLE attachments ADD COLUMN data_used_at INTEGER NOT NULL DEFAULT 0;
  `,
  // 11: what the user wrote (accounts, drafts, the outbox, trusted certificates, remote-content
  // senders) is copied to user-data.db beside the cache (store/user-data-backup.ts). A counter
  // bumped by triggers on those tables says whether the copy is behind, so an idle profile is
  // never copied again and sync's writes to the cache never count.
  `
  CREATE TABLE user_data_changes (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    counter INTEGER NOT NULL
  );
  INSERT INTO user_data_changes (id, counter) VALUES (1, 1);
  CREATE TRIGGER accounts_changed_insert AFTER INSERT ON accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER accounts_changed_update AFTER UPDATE ON accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER accounts_changed_delete AFTER DELETE ON accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER drafts_changed_insert AFTER INSERT ON drafts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER drafts_changed_update AFTER UPDATE ON drafts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER drafts_changed_delete AFTER DELETE ON drafts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER draft_blobs_changed_insert AFTER INSERT ON draft_blobs BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER draft_blobs_changed_update AFTER UPDATE ON draft_blobs BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER draft_blobs_changed_delete AFTER DELETE ON draft_blobs BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER outbox_changed_insert AFTER INSERT ON outbox BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER outbox_changed_update AFTER UPDATE ON outbox BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER outbox_changed_delete AFTER DELETE ON outbox BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER certificate_pins_changed_insert AFTER INSERT ON certificate_pins BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER certificate_pins_changed_update AFTER UPDATE ON certificate_pins BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER certificate_pins_changed_delete AFTER DELETE ON certificate_pins BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER remote_content_senders_changed_insert AFTER INSERT ON remote_content_senders BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER remote_content_senders_changed_update AFTER UPDATE ON remote_content_senders BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER remote_content_senders_changed_delete AFTER DELETE ON remote_content_senders BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  `,
  // 12: which cipher sealed each account's secret (secret-cipher.ts), so a profile opened by
  // another shell asks for the password instead of failing to open it on every connection, and
  // a weaker cipher never seals again what a stronger one sealed. NULL: sealed before this was
  // recorded (the older format, not bound to its account).
  `
  ALTER TABLE accounts ADD COLUMN secret_cipher TEXT CHECK (secret_cipher IN ('key-file', 'safe-storage'));
  `,
  // 13: conversations: threads by Message-ID, In-Reply-To and References (electron/core/threads/).
  // Header sync only stores the ids (thread_refs: the References between the first, kept as
  // thread_key, and the last); the threader assigns conversation_id later, off sync's insert path,
  // and thread_links remembers which conversation each id seen so far belongs to, per account.
  // conversation_heads is one row per conversation per folder (its newest message, counts),
  // kept by triggers, so a window of conversations is one index walk like the message list's.
  // A deleted row that was the highest id lowers threaded_through: SQLite may give that id again.
  `
  ALTER TABLE messages ADD COLUMN thread_refs TEXT;
  ALTER TABLE messages ADD COLUMN conversation_id INTEGER;
  CREATE INDEX messages_by_conversation ON messages (conversation_id, mailbox_id, date)
    WHERE conversation_id IS NOT NULL;
  CREATE TABLE thread_links (
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    ref             TEXT NOT NULL,
    conversation_id INTEGER NOT NULL,
    PRIMARY KEY (account_id, ref)
  ) WITHOUT ROWID;
  CREATE INDEX thread_links_by_conversation ON thread_links (conversation_id);
  CREATE TABLE thread_state (
    id                INTEGER PRIMARY KEY CHECK (id = 1),
    threaded_through  INTEGER NOT NULL,
    next_conversation INTEGER NOT NULL
  );
  INSERT INTO thread_state (id, threaded_through, next_conversation) VALUES (1, 0, 1);
  CREATE TABLE conversation_heads (
    mailbox_id      INTEGER NOT NULL,
    conversation_id INTEGER NOT NULL,
    newest_id       INTEGER NOT NULL,
    date            INTEGER NOT NULL,
    count           INTEGER NOT NULL,
    unread          INTEGER NOT NULL,
    flagged         INTEGER NOT NULL,
    PRIMARY KEY (mailbox_id, conversation_id)
  ) WITHOUT ROWID;
  CREATE INDEX conversation_heads_by_date ON conversation_heads (mailbox_id, date DESC, newest_id DESC);
  -- each folder's number of conversations, and a version any change of its heads bumps: what
  -- the window's count and its remembered deep-offset anchors (threads/conversation-anchors.ts) read
  CREATE TABLE conversation_counts (
    mailbox_id INTEGER PRIMARY KEY,
    count      INTEGER NOT NULL,
    version    INTEGER NOT NULL
  );
  CREATE TRIGGER conversation_counts_insert AFTER INSERT ON conversation_heads BEGIN
    INSERT OR IGNORE INTO conversation_counts (mailbox_id, count, version) VALUES (NEW.mailbox_id, 0, 0);
    UPDATE conversation_counts SET count = count + 1, version = version + 1 WHERE mailbox_id = NEW.mailbox_id;
  END;
  CREATE TRIGGER conversation_counts_delete AFTER DELETE ON conversation_heads BEGIN
    UPDATE conversation_counts SET count = count - 1, version = version + 1 WHERE mailbox_id = OLD.mailbox_id;
  END;

  CREATE TRIGGER conversation_heads_old AFTER UPDATE OF mailbox_id, conversation_id, date, seen, flagged ON messages
  WHEN OLD.conversation_id IS NOT NULL BEGIN
    DELETE FROM conversation_heads WHERE mailbox_id = OLD.mailbox_id AND conversation_id = OLD.conversation_id;
    INSERT INTO conversation_heads (mailbox_id, conversation_id, newest_id, date, count, unread, flagged)
    SELECT OLD.mailbox_id, OLD.conversation_id,
      (SELECT id FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id
       ORDER BY date DESC, id DESC LIMIT 1),
      MAX(date), COUNT(*), TOTAL(seen = 0), TOTAL(flagged)
    FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id HAVING COUNT(*) > 0;
  END;
  CREATE TRIGGER conversation_heads_new AFTER UPDATE OF mailbox_id, conversation_id ON messages
  WHEN NEW.conversation_id IS NOT NULL
    AND (OLD.conversation_id IS NOT NEW.conversation_id OR OLD.mailbox_id IS NOT NEW.mailbox_id) BEGIN
    DELETE FROM conversation_heads WHERE mailbox_id = NEW.mailbox_id AND conversation_id = NEW.conversation_id;
    INSERT INTO conversation_heads (mailbox_id, conversation_id, newest_id, date, count, unread, flagged)
    SELECT NEW.mailbox_id, NEW.conversation_id,
      (SELECT id FROM messages WHERE conversation_id = NEW.conversation_id AND mailbox_id = NEW.mailbox_id
       ORDER BY date DESC, id DESC LIMIT 1),
      MAX(date), COUNT(*), TOTAL(seen = 0), TOTAL(flagged)
    FROM messages WHERE conversation_id = NEW.conversation_id AND mailbox_id = NEW.mailbox_id HAVING COUNT(*) > 0;
  END;
  CREATE TRIGGER conversation_heads_deleted AFTER DELETE ON messages
  WHEN OLD.conversation_id IS NOT NULL BEGIN
    DELETE FROM conversation_heads WHERE mailbox_id = OLD.mailbox_id AND conversation_id = OLD.conversation_id;
    INSERT INTO conversation_heads (mailbox_id, conversation_id, newest_id, date, count, unread, flagged)
    SELECT OLD.mailbox_id, OLD.conversation_id,
      (SELECT id FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id
       ORDER BY date DESC, id DESC LIMIT 1),
      MAX(date), COUNT(*), TOTAL(seen = 0), TOTAL(flagged)
    FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id HAVING COUNT(*) > 0;
  END;
  CREATE TRIGGER thread_reuse_deleted_id AFTER DELETE ON messages
  WHEN OLD.id <= (SELECT threaded_through FROM thread_state) AND NOT EXISTS (SELECT 1 FROM messages WHERE id > OLD.id)
  BEGIN
    UPDATE thread_state SET threaded_through = OLD.id - 1 WHERE id = 1;
  END;
  `,
  // 14: POP3 accounts (electron/core/pop3/). An account with a pop3_accounts row reads its mail over
  // POP3 from that server (the accounts row's IMAP columns repeat it; they are NOT NULL) and keeps
  // its folders locally. pop3_messages is what the server has, by UIDL: the local row it became
  // (NULL once deleted here), a hash of its header (to recognise a message whose UIDL the server
  // changed) and when it was downloaded (for "remove after N days"). pop3_raw holds the whole
  // message of a local row once RETR brought it (none while only the header is in: the download
  // picks it up again); it lives as long as the local message, whatever the server forgets.
  `
  CREATE TABLE pop3_accounts (
    account_id            TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    host                  TEXT NOT NULL,
    port                  INTEGER NOT NULL,
    security              TEXT NOT NULL CHECK (security IN ('tls', 'starttls', 'plain')),
    leave_on_server       INTEGER NOT NULL DEFAULT 1,
    delete_after_days     INTEGER,          -- NULL: never (while leave_on_server)
    delete_when_deleted   INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE pop3_messages (
    account_id      TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    uidl            TEXT NOT NULL,
    message_row     INTEGER REFERENCES messages(id) ON DELETE SET NULL,
    header_hash     TEXT NOT NULL,
    downloaded_at   INTEGER NOT NULL,
    PRIMARY KEY (account_id, uidl)
  );
  CREATE TABLE pop3_raw (
    message_row     INTEGER PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
    raw             BLOB NOT NULL
  );
  CREATE INDEX pop3_messages_by_row ON pop3_messages (message_row);
  `,
  // 15: OAuth2 sign-in (accounts/auth/): the provider an account signs in with; NULL signs in with a
  // password. Such an account's sealed secret is its tokens, sealed as a password is.
  `
  ALTER TABLE accounts ADD COLUMN oauth_provider TEXT;
  `,
  // 16: the list sorts by sender, subject and size as well as date, and narrows to unread,
  // starred or with attachments (shared/list-order.ts). Each order has its own index so a window
  // of a 100,000-message folder is a short index walk, never a sort; each index carries the three
  // filter columns so a filtered window and its count read the index alone. Sender and subject
  // sort by an indexed expression (store/list-order-sql.ts has the same text; header sync writes
  // no new column): the sender's name or else address, and the subject without one
  // "Re:"/"Fwd:"/"Fw:", in lower case. The date index is rebuilt with the filter columns under
  // its old name.
  `
  DROP INDEX messages_by_date;
  CREATE INDEX messages_by_date ON messages (mailbox_id, date DESC, id DESC, seen, flagged, has_attachments);
  CREATE INDEX messages_by_sender ON messages (mailbox_id,
    lower(coalesce(nullif(json_extract(from_json, '$[0].name'), ''), json_extract(from_json, '$[0].address'), '')),
    id, seen, flagged, has_attachments);
  CREATE INDEX messages_by_subject ON messages (mailbox_id,
    lower(ltrim(CASE WHEN lower(substr(subject, 1, 3)) = 're:' THEN substr(subject, 4)
      WHEN lower(substr(subject, 1, 4)) = 'fwd:' THEN substr(subject, 5)
      WHEN lower(substr(subject, 1, 3)) = 'fw:' THEN substr(subject, 4) ELSE subject END)),
    id, seen, flagged, has_attachments);
  CREATE INDEX messages_by_size ON messages (mailbox_id, size, id, seen, flagged, has_attachments);
  -- Search finds attachments by name (filename: and plain words): the index gains a column for
  -- the names in each message's stored BODYSTRUCTURE and is built again by the background
  -- indexer from the first row.
  DROP TABLE search_index;
  CREATE VIRTUAL TABLE search_index USING fts5(
    subject, sender, recipients, snippet, body, attachments,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '2'
  );
  UPDATE search_state SET indexed_through = 0;
  DELETE FROM search_dirty;
  -- How far back each account keeps bodies for offline reading and search (offline-bodies-repo.ts);
  -- no row: the default, 90 days.
  CREATE TABLE offline_bodies (
    account_id TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    period     TEXT NOT NULL CHECK (period IN ('off', '30', '90', '365', 'all'))
  );
  `,
  // 17: send later (issue 19): the moment the user chose for a message to go out, or NULL
  // for one sent now. send_after moves with retries; this stays, so the outbox can say
  // "scheduled for" and a retry or an undo delay is never mistaken for a schedule.
  `
  ALTER TABLE outbox ADD COLUMN scheduled_for INTEGER;
  `,
  // 18: contacts (issue 19): the local address book the recipient fields autocomplete from. Rows
  // come from the cached mail (whom the user wrote to in Sent, whom they heard from elsewhere),
  // walked once by message id (contacts_harvest keeps how far), and from the user (added,
  // renamed, imported). The address is stored lower-cased: it is the key.
  `
  CREATE TABLE contacts (
    address          TEXT PRIMARY KEY,
    name             TEXT NOT NULL DEFAULT '',
    written_count    INTEGER NOT NULL DEFAULT 0,
    last_written_at  INTEGER NOT NULL DEFAULT 0,
    seen_count       INTEGER NOT NULL DEFAULT 0,
    last_seen_at     INTEGER NOT NULL DEFAULT 0,
    added_by_user    INTEGER NOT NULL DEFAULT 0,
    removed          INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE contacts_harvest (
    id               INTEGER PRIMARY KEY CHECK (id = 1),
    last_message_id  INTEGER NOT NULL
  );
  INSERT INTO contacts_harvest (id, last_message_id) VALUES (1, 0);
  `,
  // 19: identities (issue 19), the other From addresses of an account (aliases), each
  // with its own name and signature. The account's own address is not one of them.
  `
  CREATE TABLE identities (
    id          INTEGER PRIMARY KEY,
    account_id  TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    email       TEXT NOT NULL,
    name        TEXT NOT NULL DEFAULT '',
    signature   TEXT NOT NULL DEFAULT '',
    UNIQUE (account_id, email)
  );
  `,
  // 20: selective sync. A folder the user turned sync off for (or that is a view of other
  // folders, such as Gmail's All Mail) keeps sync_enabled = 0; an account may sync only the
  // headers of its last N months (NULL or no row: all of them).
  `
  ALTER TABLE mailboxes ADD COLUMN sync_enabled INTEGER NOT NULL DEFAULT 1;
  CREATE TABLE account_sync_window (
    account_id   TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    since_months INTEGER
  );
  `,
  // 21: rich signatures (issue 19): where a reply or forward puts the account's signature,
  // 'above' the quoted original (as before) or 'below' it.
  `
  ALTER TABLE accounts ADD COLUMN signature_placement TEXT NOT NULL DEFAULT 'above';
  `,
  // 22 (issue 19): an identity's own signature placement, 'above' or 'below' the quote of a reply;
  // NULL (every identity made before) places it as the account does. And identities and the
  // contacts the user made are the user's data (user-data-backup.ts): their changes move the
  // counter. Only the user's own contact rows count (added, renamed, imported, removed): the
  // harvest's counting, which sync's new mail sets off, is the cache's and comes back with it.
  `
  ALTER TABLE identities ADD COLUMN signature_placement TEXT;
  CREATE TRIGGER identities_changed_insert AFTER INSERT ON identities BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER identities_changed_update AFTER UPDATE ON identities BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER identities_changed_delete AFTER DELETE ON identities BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER contacts_changed_insert AFTER INSERT ON contacts
    WHEN NEW.added_by_user = 1 OR NEW.removed = 1 BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER contacts_changed_update AFTER UPDATE ON contacts
    WHEN (NEW.added_by_user = 1 OR NEW.removed = 1 OR OLD.added_by_user = 1 OR OLD.removed = 1)
      AND (NEW.name IS NOT OLD.name OR NEW.added_by_user IS NOT OLD.added_by_user OR NEW.removed IS NOT OLD.removed) BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER contacts_changed_delete AFTER DELETE ON contacts
    WHEN OLD.added_by_user = 1 OR OLD.removed = 1 BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  `,
  // 23: a POP3 account's server and options are in the user-data copy (user-data-backup.ts):
  // their changes move its counter, as the accounts row's do.
  `
  CREATE TRIGGER pop3_accounts_changed_insert AFTER INSERT ON pop3_accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER pop3_accounts_changed_update AFTER UPDATE ON pop3_accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER pop3_accounts_changed_delete AFTER DELETE ON pop3_accounts BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  `,
  // 24: Gmail labels (issue 20). A message's X-GM-LABELS, as a JSON array (labels may hold
  // spaces), NULL where the server is not Gmail; and a folder that syncs only while it is open
  // (sync_on_open = 1: a Gmail label folder, whose messages the Inbox and the labels on them
  // already show), until the user turns its sync on. And the authserv-id an account's sender
  // checks trust, where the user set one (else it is learned from the IMAP host): the user's
  // setting, so it is in the user-data copy and its changes move that copy's counter.
  `
  ALTER TABLE messages ADD COLUMN gmail_labels TEXT;
  ALTER TABLE mailboxes ADD COLUMN sync_on_open INTEGER NOT NULL DEFAULT 0;
  CREATE TABLE account_authserv_ids (
    account_id  TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
    authserv_id TEXT NOT NULL
  );
  CREATE TRIGGER account_authserv_ids_changed_insert AFTER INSERT ON account_authserv_ids BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER account_authserv_ids_changed_update AFTER UPDATE ON account_authserv_ids BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  CREATE TRIGGER account_authserv_ids_changed_delete AFTER DELETE ON account_authserv_ids BEGIN
    UPDATE user_data_changes SET counter = counter + 1 WHERE id = 1;
  END;
  `,
  // 25: a flag change (seen, flagged) that leaves a message in its folder, conversation and date
  // adjusts its conversation head's counts in place. The head was deleted and recomputed from all
  // of the conversation's rows, which also rewrote its entry in conversation_heads_by_date: a
  // reopen's resync of 2,373 changed flags at 250k spent 60-90 ms and 2,780 of 11,785 log pages
  // there. The version is bumped as the delete and insert did, so what reads it sees a change.
  `
  DROP TRIGGER conversation_heads_old;
  CREATE TRIGGER conversation_heads_old AFTER UPDATE OF mailbox_id, conversation_id, date, seen, flagged ON messages
  WHEN OLD.conversation_id IS NOT NULL
    AND (OLD.conversation_id IS NOT NEW.conversation_id OR OLD.mailbox_id IS NOT NEW.mailbox_id
         OR OLD.date IS NOT NEW.date) BEGIN
    DELETE FROM conversation_heads WHERE mailbox_id = OLD.mailbox_id AND conversation_id = OLD.conversation_id;
    INSERT INTO conversation_heads (mailbox_id, conversation_id, newest_id, date, count, unread, flagged)
    SELECT OLD.mailbox_id, OLD.conversation_id,
      (SELECT id FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id
       ORDER BY date DESC, id DESC LIMIT 1),
      MAX(date), COUNT(*), TOTAL(seen = 0), TOTAL(flagged)
    FROM messages WHERE conversation_id = OLD.conversation_id AND mailbox_id = OLD.mailbox_id HAVING COUNT(*) > 0;
  END;
  CREATE TRIGGER conversation_heads_flags AFTER UPDATE OF seen, flagged ON messages
  WHEN OLD.conversation_id IS NOT NULL AND OLD.conversation_id IS NEW.conversation_id
    AND OLD.mailbox_id IS NEW.mailbox_id AND OLD.date IS NEW.date
    AND (OLD.seen IS NOT NEW.seen OR OLD.flagged IS NOT NEW.flagged) BEGIN
    UPDATE conversation_heads
      SET unread = unread + (NEW.seen = 0) - (OLD.seen = 0), flagged = flagged + NEW.flagged - OLD.flagged
      WHERE mailbox_id = OLD.mailbox_id AND conversation_id = OLD.conversation_id;
    UPDATE conversation_counts SET version = version + 1 WHERE mailbox_id = OLD.mailbox_id;
  END;
  `,
  // 26: the sender checks' header fields (Authentication-Results, List-Unsubscribe), fetched in
  // the same FETCH as the body and kept beside it, so message.senderInfo answers from the cache
  // instead of asking the server once for every message opened. NULL: not fetched with it.
  `
  ALTER TABLE message_bodies ADD COLUMN sender_headers TEXT;
  `,
  // 27: a flag change (seen, flagged) rewrote its row and an entry in each of the four list
  // indexes of migration 16: about four pages per change, which a reopen after 1,000 changes
  // elsewhere pays a thousand times. The sender, subject and size indexes keep only the column a
  // flag change cannot move (has_attachments); the date index keeps seen and flagged, so every
  // filtered count, and a window narrowed to few rows, reads it alone (store/list-order-sql.ts).
  `
  DROP INDEX messages_by_sender;
  DROP INDEX messages_by_subject;
  DROP INDEX messages_by_size;
  CREATE INDEX messages_by_sender ON messages (mailbox_id,
    lower(coalesce(nullif(json_extract(from_json, '$[0].name'), ''), json_extract(from_json, '$[0].address'), '')),
    id, has_attachments);
  CREATE INDEX messages_by_subject ON messages (mailbox_id,
    lower(ltrim(CASE WHEN lower(substr(subject, 1, 3)) = 're:' THEN substr(subject, 4)
      WHEN lower(substr(subject, 1, 4)) = 'fwd:' THEN substr(subject, 5)
      WHEN lower(substr(subject, 1, 3)) = 'fw:' THEN substr(subject, 4) ELSE subject END)),
    id, has_attachments);
  CREATE INDEX messages_by_size ON messages (mailbox_id, size, id, has_attachments);
  `,
  // 28: each mailbox's starred count, kept as its unread count is (migrations 4 and 8: the
  // batch that inserts adds its own, triggers keep deletes, moves and flag changes). The starred
  // filter's count walked the date index after every flag change: ~5 ms of a 6 ms window at
  // 100,000 messages. A flag change that leaves the row in its folder now updates the mailbox
  // row once, for both counts (it was two UPDATEs, -1 then +1, for seen alone), and not at all
  // when neither flag moved (a resync's refresh writes the same flags back).
  `
  ALTER TABLE mailboxes ADD COLUMN flagged_count INTEGER NOT NULL DEFAULT 0;
  UPDATE mailboxes SET flagged_count = (SELECT COUNT(*) FROM messages m WHERE m.mailbox_id = mailboxes.id AND m.flagged = 1);

  DROP TRIGGER messages_counted_delete;
  DROP TRIGGER messages_counted_update;
  CREATE TRIGGER messages_counted_delete AFTER DELETE ON messages BEGIN
    UPDATE mailboxes SET message_count = message_count - 1, unread_count = unread_count - (OLD.seen = 0),
      flagged_count = flagged_count - (OLD.flagged = 1)
    WHERE id = OLD.mailbox_id;
  END;
  CREATE TRIGGER messages_counted_move AFTER UPDATE OF mailbox_id, seen, flagged ON messages
  WHEN OLD.mailbox_id IS NOT NEW.mailbox_id BEGIN
    UPDATE mailboxes SET message_count = message_count - 1, unread_count = unread_count - (OLD.seen = 0),
      flagged_count = flagged_count - (OLD.flagged = 1)
    WHERE id = OLD.mailbox_id;
    UPDATE mailboxes SET message_count = message_count + 1, unread_count = unread_count + (NEW.seen = 0),
      flagged_count = flagged_count + (NEW.flagged = 1)
    WHERE id = NEW.mailbox_id;
  END;
  CREATE TRIGGER messages_counted_flags AFTER UPDATE OF mailbox_id, seen, flagged ON messages
  WHEN OLD.mailbox_id IS NEW.mailbox_id AND (OLD.seen IS NOT NEW.seen OR OLD.flagged IS NOT NEW.flagged) BEGIN
    UPDATE mailboxes SET unread_count = unread_count + (NEW.seen = 0) - (OLD.seen = 0),
      flagged_count = flagged_count + (NEW.flagged = 1) - (OLD.flagged = 1)
    WHERE id = NEW.mailbox_id;
  END;
  `,
];

export const SCHEMA_VERSION = migrations.length;
