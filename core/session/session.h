// Renkei core: the Session facade — one signed-in account, its encrypted local data, and
// the calls the GUI and renkei-cli make. Headless twin of the desktop app: both use this.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "care/care_record_acp.h"
#include "care/care_record_physician.h"
#include "care/care_trends.h"
#include "care/care_types.h"
#include "care/network_policy.h"
#include "session/care_records.h"
#include "session/urgent_records.h"
#include "common/result.h"
#include "export/export_document.h"
#include "http/transport.h"
#include "matrix/client.h"
#include "store/accounts.h"
#include "store/cache.h"
#include "store/access_log.h"
#include "store/export_log.h"
#include "store/keys.h"
#include "store/outbox.h"
#include "store/pending_rooms.h"
#include "store/record_drafts.h"
#include "store/vault.h"

namespace renkei::session {

/// What one Session::backfillHistory step did for a room.
struct HistoryStep {
    enum class Outcome {
        Fetched,   ///< one /messages page was stored (events_added may be 0: a filtered page)
        Complete,  ///< nothing to fetch: the room's whole history is cached
        Horizon,   ///< nothing to fetch: what is missing is older than the horizon
        NoToken,   ///< history is missing but there is no token to fetch it with (old cache)
    };
    Outcome outcome = Outcome::Complete;
    std::size_t events_added = 0;  ///< Fetched: timeline events newly stored
};

struct SessionConfig {
    std::filesystem::path data_dir;                 ///< one account's directory: vault.db, cache.db, keys file
    /// The data root whose accounts (store/accounts.h) a first login must not duplicate:
    /// signing in here as an account that already has a directory of its own is refused.
    /// Empty: no such check (tests, tools).
    std::filesystem::path accounts_root;
    std::shared_ptr<http::Transport> transport;     ///< null: a CurlTransport is made
    int timeline_limit = 50;                        ///< events per room in each /sync
};

/// Session::localDataCounts: what a wipe would delete that was never sent.
struct LocalDataCounts {
    std::int64_t unsent_posts = 0;   ///< outbox rows queued or failed
    std::int64_t drafts = 0;         ///< rooms with composer text saved
    std::int64_t record_drafts = 0;  ///< structured-post forms being written
    std::int64_t pending_rooms = 0;  ///< patient rooms queued to be opened
};

/// One account. Thread-safe: the SyncEngine's worker and the caller's thread may use it at
/// once; store access is serialised inside. Network calls block the calling thread.
class Session {
public:
    /// Unlocks the account's keys through `keys` and opens vault and cache in
    /// config.data_dir (created 0700 if missing; an existing one loses group and other
    /// access, its owner's bits stay). No network. A stored session is restored,
    /// and the directory's account.json is rewritten from the vault's binding (with the time
    /// of this unlock as its last use).
    /// A damaged cache (not a database any more) is erased and rebuilt by the next sync,
    /// keeping the session and the vault. Errors: WrongPassphrase (nothing touched),
    /// Storage (damaged or unreadable vault, read-only data directory, full or read-only
    /// disk, key file not writable; nothing is deleted).
    static Result<std::unique_ptr<Session>> open(SessionConfig config, store::KeyProvider& keys);
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    [[nodiscard]] bool loggedIn() const;
    /// The signed-in user id ("@name:server"), or empty.
    [[nodiscard]] std::string userId() const;
    [[nodiscard]] std::string homeserver() const;
    /// The device id of this session (kept across re-logins), or empty.
    [[nodiscard]] std::string deviceId() const;

    /// The (homeserver, user id) this local data belongs to; unbound until the first login.
    [[nodiscard]] store::AccountBinding binding() const;

    /// Resolves `homeserver` (domain or URL, via .well-known), logs in with the password and
    /// the persisted device id (so transaction ids stay de-duplicated across re-logins), and
    /// stores access and refresh tokens in the vault (spec: "Login", "Refreshing access
    /// tokens"). The first login binds this local data to (homeserver, user id) for good; a
    /// later login as another account, or on another homeserver, is refused before the
    /// password or device id is sent anywhere (a user id that differs only in the server's
    /// answer is logged out again at once), so sync token, receipts and drafts never reach
    /// another account. Errors: AccountMismatch (another account, or an account that has a
    /// directory of its own under config.accounts_root), Matrix M_FORBIDDEN (wrong
    /// password), Network, Tls, Parse, Storage.
    Result<void> login(const std::string& homeserver, const std::string& user,
                       const std::string& password);
    /// Logs out on the server (the token becomes invalid) and removes tokens from the vault;
    /// the device id, cache, drafts and outbox stay (ask the user, then clearOutbox()). A server that cannot be reached is not an error for
    /// the local part: the tokens are removed and the server error is returned.
    Result<void> logout();

    /// One /sync round: long-polls up to timeout_ms (0: return at once) and applies the
    /// response and its next_batch in one transaction. Refreshes an expired access token
    /// once; a refresh the server refuses is Matrix M_UNKNOWN_TOKEN (isAuthError, and
    /// needsReauthentication() from then on). Errors: as MatrixClient::sync, NotLoggedIn, Storage.
    Result<store::ChangeSet> syncOnce(int timeout_ms, const http::CancelToken* cancel = nullptr);

    /// Rooms from the cache, most recent activity first, without the archived ones (closed
    /// patient rooms: archivedRooms). No network. Name, topic (lines
    /// kept), last body and inviter are passed through matrix::displayText: no bidi controls,
    /// control characters or broken UTF-8 reach a front end (ids stay as they are: keys).
    Result<std::vector<store::RoomSummaryRow>> rooms() const;
    /// Up to `limit` cached events of a room, oldest first: the newest ones, or those just
    /// before `before_event_id`. No network. The body and filename of media posts (m.image,
    /// m.file, m.video, m.audio: a file name) are passed through matrix::displayText.
    Result<std::vector<store::StoredEvent>> timeline(const std::string& room_id, int limit,
                                                     const std::optional<std::string>& before_event_id) const;
    /// One cached event of a room as Session::timeline gives it (display-safe), or nullopt
    /// when the cache does not hold it. No network; read connection. Errors: Storage.
    Result<std::optional<store::StoredEvent>> cachedEvent(const std::string& room_id,
                                                          const std::string& event_id) const;
    /// One event of a room, e.g. the original a reply quotes: from the cache when it holds
    /// it, else from the server (spec: "GET /_matrix/client/v3/rooms/{roomId}/event/{eventId}").
    /// A fetched event is not stored (the room's cache keeps its order and gaps): it lives in
    /// the caller's memory only; its seq is 0, and one the server sent redacted comes back
    /// redacted with the content the redaction rules keep. Display-safe like timeline().
    /// Errors: Matrix M_NOT_FOUND (unknown, or not visible to us) or M_FORBIDDEN, Parse (a
    /// hostile answer, see matrix::parseRoomEventResponse), NotLoggedIn, Network…, Storage.
    /// Cached events relating to `target_event_id` with `rel_type` (e.g. "m.replace" for the
    /// edits of a post a reply quotes), oldest first, display-safe like timeline(); redacted
    /// ones included (spec: "Forming relationships between events"). Read connection, no
    /// network. Errors: Storage.
    Result<std::vector<store::StoredEvent>> relatedEvents(const std::string& room_id,
                                                          const std::string& target_event_id,
                                                          const std::string& rel_type) const;
    Result<store::StoredEvent> fetchEvent(const std::string& room_id, const std::string& event_id,
                                          const http::CancelToken* cancel = nullptr);
    /// The member's name to show in the room, disambiguated as the spec says ("Calculating
    /// the display name for a user", see matrix::memberDisplayName): the displayname, or
    /// "name (@id:server)" when another member shares it or it could pose as someone else,
    /// or the user id. Display-safe (matrix::displayText). The user id when the cache fails.
    std::string displayName(const std::string& room_id, const std::string& user_id) const;
    /// Content of the room's current state event (type, state_key) from the cache, or
    /// nullopt (e.g. "jp.renkei.patient", "" for the patient profile). No network.
    Result<std::optional<nlohmann::json>> stateContent(const std::string& room_id, const std::string& type,
                                                       const std::string& state_key) const;
    /// Read receipts stored for a room (spec: "Receipts"). No network.
    Result<std::vector<matrix::Receipt>> receipts(const std::string& room_id) const;
    /// Gaps of a room that back-pagination has not filled yet.
    Result<std::vector<store::Gap>> gaps(const std::string& room_id) const;
    /// Fetches one /messages page (up to `limit` events) into the gap nearest before
    /// `before_event_id` (the newest gap when absent); de-duplicates by event id. Returns
    /// the number of events added; 0 when there is no gap. (spec: "GET /rooms/{roomId}/messages")
    Result<std::size_t> fillGap(const std::string& room_id,
                                const std::optional<std::string>& before_event_id, int limit = 100);

    // ---- Offline history (session_history.cpp; session/history_backfill.h runs it)

    /// Joined rooms, most recent activity first, with how much of their history is cached
    /// (RoomHistory::complete()). No network; read connection.
    Result<std::vector<store::RoomHistory>> history() const;
    /// One step of back-filling the room's history: fills its newest gap with one /messages
    /// page of up to `limit` events (spec: "GET /rooms/{roomId}/messages", dir=b), or says
    /// why nothing is left to fetch. A gap whose newer side is older than `horizon_ms` (ms since
    /// the epoch; nullopt: all history) is not fetched. Each page is stored in one transaction
    /// with the gap's next token, so a crash between steps loses and repeats nothing.
    /// Errors: as MatrixClient::messages (RateLimited with retry_after), NotLoggedIn, Storage.
    Result<HistoryStep> backfillHistory(const std::string& room_id,
                                        std::optional<std::int64_t> horizon_ms, int limit,
                                        const http::CancelToken* cancel = nullptr);

    /// Test seam: runs `write` on the writer connection inside one write transaction, holding
    /// the writer's lock (as a large sync being applied does); commits if it succeeds.
    Result<void> writeCacheForTests(const std::function<Result<void>(store::Cache&)>& write);

    /// Sends an m.text message now, bypassing the outbox (tests and tools); returns the
    /// event id. The app queues posts with queueText instead.
    Result<std::string> sendText(const std::string& room_id, const std::string& body);
    /// Uploads an image (spec: "POST /_matrix/media/v3/upload") and sends it as m.image with
    /// body = filename and info {mimetype, size, w, h} (spec: "m.image"); returns the event id.
    /// Nothing is written to disk. Errors: InvalidArgument (empty bytes or content type,
    /// width or height not positive), as MatrixClient::uploadMedia / sendMessageEvent.
    Result<std::string> sendImage(const std::string& room_id, std::string bytes,
                                  const std::string& content_type, const std::string& filename,
                                  int width, int height);
    /// The full-size bytes of a content URI and their declared type, through the
    /// authenticated media API. Not cached here (no plaintext copies on disk): the caller
    /// keeps them in memory. `cancel` (from any thread) ends a slow download within ~100 ms
    /// with Cancelled.
    /// Errors: InvalidArgument (not "mxc://server/id"), Matrix M_NOT_FOUND, Network…
    Result<matrix::DownloadedMedia> fetchMedia(const std::string& mxc_uri,
                                               const http::CancelToken* cancel = nullptr);
    /// A thumbnail of about width x height pixels (method=scale), as the server encodes it
    /// (its declared type may differ from the original's). Not cached here.
    /// Errors: as fetchMedia, InvalidArgument for a non-positive size.
    Result<matrix::DownloadedMedia> fetchThumbnail(const std::string& mxc_uri, int width,
                                                   int height,
                                                   const http::CancelToken* cancel = nullptr);
    /// Creates a private room; `room_type` goes to creation_content.type. Returns the room id.
    Result<std::string> createRoom(const std::string& name, const std::vector<std::string>& invite,
                                   const std::optional<std::string>& room_type = std::nullopt);
    /// Opens a patient room (部屋の開設) from `plan` (care::createRoomRequest: refused with
    /// InvalidArgument without a consent record, or without an attending physician and no
    /// reason). POST /createRoom has no transaction id, so the plan's creation id is the
    /// guard against a second room: a room that carries it (creation_content, among the
    /// cached and the joined rooms) is returned instead of creating another, before the
    /// first attempt and before the one retry after a transient failure (a reply lost after
    /// the server committed). Returns the room id. Errors: InvalidArgument, the server's.
    Result<std::string> openPatientRoom(const care::PatientRoomPlan& plan);
    // ---- Patient rooms opened offline (session_pending_rooms.cpp; store/pending_rooms.h)

    /// Queues a patient room to open when online (部屋の開設待ち), with the optional consent
    /// scan (kept in the vault, encrypted, until uploaded as the room's first file). Checked
    /// first exactly as openPatientRoom checks (care::createRoomRequest: "consent required",
    /// "attending physician or reason required", …) and, for the scan, as queueFile: a refused
    /// plan stores nothing. An empty creation id gets a new one. Returns the creation id. The
    /// SendQueue opens it (openNextPendingRoom). No network.
    /// Errors: InvalidArgument, TooLarge (the scan), Storage.
    Result<std::string> queuePatientRoom(care::PatientRoomPlan plan,
                                         std::optional<store::OutboxMedia> scan = std::nullopt);
    /// Patient rooms waiting to be opened (queued or failed), oldest first. No network.
    Result<std::vector<store::PendingRoom>> pendingRooms() const;
    /// A failed pending room goes back into the queue. False if not failed.
    Result<bool> retryPendingRoom(const std::string& creation_id);
    /// Removes a pending room and its scan. False if absent or being opened right now.
    Result<bool> discardPendingRoom(const std::string& creation_id);
    /// One step of opening the queued rooms, oldest first (the SendQueue runs it before
    /// posts): uploads the scan unless its mxc URI is saved already (saved at once: never
    /// uploaded twice), sets consent.scan_mxc, opens the room exactly once (openPatientRoom),
    /// then in one vault transaction queues the scan's m.image/m.file post (url set, body
    /// 「同意書の写し（<file name>）」) and deletes the row. Returns nullopt when nothing is
    /// queued, or the outcome: opened (room_id), or refused for good (state Failed: 4xx other
    /// than 401/408/429, InvalidArgument, a damaged row). Errors leave it queued (attempt
    /// counted): transient ones, authentication (isAuthError), Storage.
    Result<std::optional<store::PendingRoomOutcome>> openNextPendingRoom(const http::CancelToken* cancel = nullptr);

    /// Searches the server's user directory (MatrixClient::searchUserDirectory) for `term`
    /// (spaces around it dropped), for inviting a care team: at most 20 users, the own
    /// account left out. An empty term is an empty list without a request.
    /// Errors: Matrix, Parse, the transport's.
    Result<matrix::DirectorySearchResult> searchUsers(const std::string& term);
    /// The patient room's record from the cache (no network): patient, consent, rule
    /// exceptions, closure, who opened it when. Errors: Storage.
    Result<PatientRecord> patientRecord(const std::string& room_id) const;
    /// The joined and invited members with their own jp.renkei.member (one whose state key
    /// is not its sender is ignored), sorted by user id. Errors: Storage.
    Result<std::vector<CareTeamMember>> careTeam(const std::string& room_id) const;
    // ---- Structured posts as the cache holds them (session_records.cpp; read connection,
    // no network). A record whose current version breaks its kind's rules is left out.

    /// The room's structured posts of `kind` (all kinds when nullopt), oldest first, each
    /// with its current version and, when `with_acknowledgements`, who acknowledged it
    /// (RecordPost). At most the newest 5,000. Unknown room: empty. Errors: Storage.
    Result<std::vector<RecordPost>> roomRecords(const std::string& room_id,
                                                std::optional<care::RecordKind> kind = std::nullopt,
                                                bool with_acknowledgements = true) const;
    /// Every member's vitals in the room (kind "vitals", corrections applied), oldest post
    /// first; measured_at is each point's time (care_record_vitals.h units). Errors: Storage.
    Result<std::vector<care::VitalsPoint>> vitalsSeries(const std::string& room_id) const;
    /// The trend rules that hold now (care::evaluateTrends over vitalsSeries, the session's
    /// clock): each with its reason and the posts behind it. Errors: Storage.
    Result<std::vector<care::TrendFlag>> trendFlags(const std::string& room_id) const;
    /// The room's 医師からの情報共有 posts with who acknowledged each (care::SharedUpdate,
    /// oldest first; group them with care::monthlyUpdates). Errors: Storage.
    Result<std::vector<care::SharedUpdate>> physicianUpdates(const std::string& room_id) const;
    /// The room's ACP versions newest first (care::acpHistory): front() is the current one.
    /// Errors: Storage.
    Result<std::vector<care::AcpPost>> acpHistory(const std::string& room_id) const;
    /// The member's own jp.renkei.member in the room from the cache, or nullopt (none, forged
    /// or malformed). Errors: Storage.
    Result<std::optional<care::MemberProfile>> memberProfile(const std::string& room_id,
                                                             const std::string& user_id) const;
    /// Writes the user's own jp.renkei.member (state key = own user id) in the room.
    /// Errors: InvalidArgument (a field breaks its rule), Matrix M_FORBIDDEN, the transport's.
    Result<std::string> setMemberProfile(const std::string& room_id, const care::MemberProfile& profile);
    /// The user's own profession and office (settings, kept in the vault: encrypted), or
    /// nullopt when not set yet. Errors: Storage.
    Result<std::optional<care::MemberProfile>> ownProfile() const;
    /// Keeps `profile` as the user's own (validated first: InvalidArgument naming the field).
    /// Errors: InvalidArgument, Storage. No network: see publishOwnProfile.
    Result<void> setOwnProfile(const care::MemberProfile& profile);
    /// Writes the own profile as jp.renkei.member into every joined patient room (from the
    /// cache) whose current one differs; returns how many were written. A room that refuses
    /// is skipped; the first transport error ends the round (the next one retries).
    /// Errors: NotLoggedIn, Storage, the transport's.
    Result<int> publishOwnProfile();
    // ---- Export and print (session_export.cpp; export/export_document.h)

    /// The room's posts as a document to print or write to PDF, from the cache only (no
    /// network): request.layout Timeline and SupportRecord take the room's readable posts
    /// (text, files by name, structured posts as their card, changes of the care record;
    /// deleted, encrypted and unreadable ones left out), PhysicianUpdates the physician's
    /// updates with who acknowledged each (physicianUpdates); those sent in
    /// [from_ms, to_ms) and, when request.event_ids is not empty, only those; oldest first.
    /// Reads back at most kMaxExportEvents cached events. Header: the patient's name
    /// (jp.renkei.patient, else the room's name); footer: the signed-in user and now.
    /// Errors: InvalidArgument (the room is not in the cache; from_ms not before to_ms), Storage.
    Result<exporting::ExportDocument> exportDocument(const std::string& room_id,
                                                     const exporting::ExportRequest& request) const;
    static constexpr std::size_t kMaxExportEvents = 50'000;
    /// Records in the vault's export log that `request`'s document of `post_count` posts
    /// from the room went to `target` ("pdf" or "print") now, by the signed-in user, and in
    /// the same transaction an Export or Print record in the access log. Never the file's path. Errors: InvalidArgument (as store::ExportLog::add), NotLoggedIn (nobody signed in here),
    /// Storage.
    Result<store::ExportLogEntry> recordExport(const std::string& room_id,
                                               const exporting::ExportRequest& request,
                                               std::size_t post_count, const std::string& target);
    /// The newest `limit` entries of the export log, newest first (one room's when room_id
    /// is not empty). Errors: InvalidArgument (limit outside 1 … 10,000), Storage.
    Result<std::vector<store::ExportLogEntry>> exportLog(int limit = 100, const std::string& room_id = {}) const;

    // ---- The network's policy (session_policy.cpp; care/network_policy.h, SECURITY.md)

    /// Reads jp.renkei.policy from the /.well-known/matrix/client the homeserver itself serves
    /// (its base URL's origin; Synapse: extra_well_known_client_content) and keeps it in the
    /// vault; login does this once. A document without the key keeps the default policy; a
    /// server that does not answer keeps the policy kept before. Returns the reading (its
    /// problems name keys that were ignored). Errors: NotLoggedIn, Network / Timeout (the
    /// policy kept stands), Storage.
    Result<care::PolicyReading> refreshNetworkPolicy(const http::CancelToken* cancel = nullptr);
    /// The policy kept in the vault (the default until one was read). No network.
    [[nodiscard]] care::NetworkPolicy networkPolicy() const;
    /// This device was removed from the account: a request was refused with M_UNKNOWN_TOKEN
    /// without soft_logout (not a refused refresh token, which may only have expired).
    /// Cleared by the next login.
    [[nodiscard]] bool deviceRemoved() const;

    // ---- Wiping this computer's copy (session_wipe.cpp)

    /// What only this computer holds, for the confirmation before a wipe: posts not yet sent
    /// (queued or refused), text drafts, record drafts, patient rooms waiting to be opened.
    /// Errors: Storage.
    Result<LocalDataCounts> localDataCounts() const;

    // ---- The access log (session_access.cpp; store/access_log.h)

    /// Appends to the vault's access log that the signed-in user (or, signed out, the account
    /// this data belongs to) did `kind` now, in `room_id` (empty: none) with `detail` (short
    /// text without patient data, names or paths). Export and print are recorded by
    /// recordExport, sign-in and sign-out by login and logout, in their own transactions.
    /// Errors: NotLoggedIn (no account on this data yet), InvalidArgument (as
    /// store::AccessLog::append), Storage.
    Result<store::AccessEntry> recordAccess(store::AccessKind kind, const std::string& room_id = {},
                                            const std::string& detail = {});
    /// The records that pass `filter`, newest first. Errors: InvalidArgument (limit), Storage.
    Result<std::vector<store::AccessEntry>> accessLog(const store::AccessFilter& filter = {}) const;
    /// Checks the log's hash chain (store::AccessLog::verify). Errors: Storage.
    Result<store::AccessLogCheck> verifyAccessLog() const;

    // ---- Editing the care record (session_care_edit.cpp; care/SCHEMA.md "State events")

    /// Whether `user_id` (empty: the signed-in user) may write a state event of `event_type`
    /// in the room, by the cached m.room.power_levels and m.room.create: the user's level
    /// (users, users_default; room version 12 creators above all) at least events[type] or
    /// state_default (spec: "m.room.power_levels"). No network. False for a room the cache
    /// does not know or holds no synced power levels of (an invite). Errors: Storage.
    Result<bool> canSendState(const std::string& room_id, const std::string& event_type,
                              const std::string& user_id = {}) const;
    /// Changes the patient profile (jp.renkei.patient, key "", with its readable body);
    /// returns the event id. Refused before anything is sent: InvalidArgument (a field breaks
    /// its rule, named as at creation; not a patient room in the cache), Matrix M_FORBIDDEN
    /// with http_status 0 (canSendState says no: only the opener and the attending physician).
    /// Else the server's errors (its own M_FORBIDDEN when the cache was behind).
    Result<std::string> updatePatientProfile(const std::string& room_id, const care::Patient& patient);
    /// Changes the consent record (jp.renkei.consent, key ""), e.g. a scan or a withdrawal;
    /// checks and errors as updatePatientProfile.
    Result<std::string> updateConsent(const std::string& room_id, const care::Consent& consent);
    /// Records (or rewrites) a rule exception (jp.renkei.rule_exception, key = its rule);
    /// checks and errors as updatePatientProfile.
    Result<std::string> setRuleException(const std::string& room_id, const care::RuleException& exception);
    // ---- Closing a patient room and the archive (session_closure.cpp; care/SCHEMA.md)

    /// Closes a patient room (部屋の終了): writes `closure` as jp.renkei.closure (state key "",
    /// with its readable body), then leaves the room. The room's cached timeline and state
    /// stay: once the next sync has brought the closure, it is archived (archivedRooms), no
    /// longer listed by rooms(). Errors: InvalidArgument (a field breaks its rule, e.g. no
    /// date or その他 without a note; not a patient room in the cache; nothing sent), Matrix
    /// M_FORBIDDEN (power levels: only the opener and the attending physician close; nothing
    /// changed), the transport's. A closure written whose leave failed is left again by the
    /// next sync (see archiveClosedRooms).
    Result<void> closeRoom(const std::string& room_id, const care::Closure& closure);
    /// Whether the user may close the room now, from the cache (no network): a joined patient
    /// room without a closure whose cached m.room.power_levels give the user at least the
    /// level jp.renkei.closure needs (events, else state_default; users, else users_default;
    /// spec "m.room.power_levels"; from room version 12 the creators always may). The opener
    /// and the attending physician, as the room is opened. Errors: Storage.
    Result<bool> canCloseRoom(const std::string& room_id) const;
    /// Patient rooms with a valid jp.renkei.closure in the cache (closed by the team: left,
    /// or being left), most recent activity first, each with its closure. They read offline
    /// like any cached room (timeline, patientRecord). No network. Errors: Storage.
    Result<std::vector<ArchivedRoom>> archivedRooms() const;
    /// Deletes an archived room's local data from this computer: its cache rows (timeline,
    /// state, gaps, receipts), its text draft and its record drafts. Errors: InvalidArgument (not an archived room,
    /// or still joined: the leave has not been synced yet), Storage.
    Result<void> removeArchivedRoom(const std::string& room_id);
    /// Leaves every joined patient room whose cached state carries a valid closure (another
    /// member closed it); syncOnce calls it after each stored batch. Best effort: a leave
    /// that fails is tried again after the next sync. Returns how many rooms were left.
    int archiveClosedRooms();
    /// Every current state event of `type` in the room from the cache (store::Cache::stateOfType).
    Result<std::vector<store::StateEntry>> stateOfType(const std::string& room_id,
                                                       const std::string& type) const;
    /// The room (cached or joined on the server) whose m.room.create content carries this
    /// creation id, or nullopt. Errors: the server's (GET /joined_rooms, /state).
    Result<std::optional<std::string>> findRoomByCreationId(const std::string& creation_id);
    /// Joins the room; in a patient room, writes the own profile (ownProfile) as its
    /// jp.renkei.member right after (best effort). Returns the room id.
    Result<std::string> joinRoom(const std::string& room_id);
    Result<void> leaveRoom(const std::string& room_id);
    Result<void> invite(const std::string& room_id, const std::string& user_id);
    /// The 至急 view (session_urgent.cpp): urgent posts of the joined patient rooms from the
    /// cache, newest first (sent at or after query.since_ms, at most query.limit), each with
    /// the care team (careTeam, the sender left out) and whether each member has read it
    /// (their m.read/m.read.private receipt at or after the post in timeline order, or sent
    /// after it when the receipt's event is not cached; spec: "Receipts"). No network.
    /// Errors: InvalidArgument (limit outside 1 … 500), Storage.
    Result<std::vector<UrgentPost>> urgentPosts(const UrgentQuery& query = {}) const;
    /// Sends an m.read receipt for the event the user has seen.
    Result<void> sendReadReceipt(const std::string& room_id, const std::string& event_id);

    /// Writes pending WAL pages into the databases (call before closing or copying them).
    Result<void> checkpoint();

    // ---- Offline first: drafts and the outbox (session_outbox.cpp; ARCHITECTURE "Data flow")

    /// Saves the room's composer text to the vault (an empty body deletes the draft).
    /// No network. Errors: Storage (e.g. disk full: the previous draft stays).
    Result<void> saveDraft(const std::string& room_id, const std::string& body);
    /// The room's saved draft, or nullopt. Errors: Storage.
    Result<std::optional<std::string>> draft(const std::string& room_id) const;

    /// Queues an m.text post: one vault transaction inserts it into the outbox with a new
    /// transaction id and deletes the room's draft. The SendQueue sends it. No network.
    /// Errors: InvalidArgument (empty room or body), Storage (nothing changed, draft kept).
    Result<store::OutboxPost> queueText(const std::string& room_id, const std::string& body);
    /// Queues an m.text post with its clinical context beside the readable body, as
    /// queueText does: content {msgtype "m.text", body (the user's text, unchanged),
    /// "jp.renkei.scene": wire value (when set), "jp.renkei.urgent": true (when urgent)}
    /// (care::addPostContext; SCHEMA.md). Exactly once through the outbox. No network.
    /// Errors: as queueText.
    Result<store::OutboxPost> queueText(const std::string& room_id, const std::string& body,
                                        const care::PostContext& context);
    /// Queues a structured post (care/care_record.h): `content` is the m.room.message content
    /// a kind's writer built (vitalsContent, medicationContent, …: body, formatted_body and
    /// jp.renkei.record), with the post's scene and 至急 added (care::addPostContext). Through
    /// the outbox like queueText: transaction id fixed now, sent exactly once; the composer's
    /// text draft is kept. With `draft_kind` (a kind's wire value), that record draft of the
    /// room (saveRecordDraft) is deleted in the same vault transaction: a sent form never
    /// lingers as a draft and a draft is never lost without its post. No network.
    /// Errors: InvalidArgument (empty room id, no known record in `content`, more than
    /// care::kMaxRecordContentBytes, a number that is not a canonical-JSON integer, which the
    /// homeserver would refuse: spec, "Canonical JSON"), Storage (nothing queued, draft kept).
    Result<store::OutboxPost> queueRecord(const std::string& room_id, nlohmann::json content,
                                          const care::PostContext& context = {},
                                          const std::string& draft_kind = {});
    /// Queues a correction of our own structured post `target_event_id` (an edit's id means
    /// its original): an m.replace whose m.new_content is `content` (a kind's writer's output,
    /// as queueRecord takes) with the original's scene and 至急 (spec: "Event replacements").
    /// The original and each version stay in the edit history. No network.
    /// Errors: InvalidArgument (the post is not cached, another user's, deleted, or no record
    /// of the same kind; `content` as queueRecord refuses), Storage.
    Result<store::OutboxPost> queueRecordEdit(const std::string& room_id,
                                              const std::string& target_event_id,
                                              nlohmann::json content);
    /// Saves the form of a structured post being written (store/record_drafts.h): `record` is
    /// its fields as an object, complete or not (checked when sent); null or {} deletes it.
    /// Kept per room and kind in the vault, encrypted; no network. Errors: InvalidArgument
    /// (empty room or kind, not an object), Storage (disk full: the previous draft stays).
    Result<void> saveRecordDraft(const std::string& room_id, const std::string& kind,
                                 const nlohmann::json& record);
    /// The room's record draft of `kind`, or nullopt. Errors: Storage.
    Result<std::optional<store::RecordDraft>> recordDraft(const std::string& room_id,
                                                          const std::string& kind) const;
    /// The room's record drafts, newest first. Errors: Storage.
    Result<std::vector<store::RecordDraft>> recordDrafts(const std::string& room_id) const;
    /// Queues an m.image post; the bytes are copied into the vault (encrypted) now and
    /// uploaded when online. body = filename, info {mimetype, size, w, h} (spec: "m.image").
    /// Errors: InvalidArgument (no bytes, no content type, width/height ≤ 0), as queueFile.
    Result<store::OutboxPost> queueImage(const std::string& room_id, store::OutboxMedia media);
    /// Queues any file as a post, like queueImage: m.audio for audio/*, m.video for video/*,
    /// m.image for image/* with width and height, else m.file (msgTypeForFile), with content
    /// {msgtype, body: filename, filename, info: {mimetype, size[, w, h]}} and "url" added
    /// once uploaded (spec: "m.file", "m.audio", "m.video"). The file name is the user's and
    /// kept as given. No network. Errors: InvalidArgument (no bytes, content type or file
    /// name), TooLarge (more bytes than uploadLimit(): nothing queued), Storage.
    Result<store::OutboxPost> queueFile(const std::string& room_id, store::OutboxMedia media);
    /// The content repository's configuration (MatrixClient::mediaConfig), asked once per
    /// session: after an answer (even one without a usable size) it is not asked again;
    /// a network error is returned and the next call asks again. Errors: as mediaConfig,
    /// NotLoggedIn.
    Result<matrix::MediaConfig> mediaConfig(const http::CancelToken* cancel = nullptr);
    /// The largest file queueFile takes, in bytes, without network: the server's
    /// m.upload.size once mediaConfig() has it, else kUnknownUploadLimitBytes; never more
    /// than kMaxUploadBytes.
    [[nodiscard]] std::uint64_t uploadLimit() const;
    // ---- Corrections through the outbox (session_corrections.cpp). Each is queued like a
    // post, with a transaction id fixed now and reused on every retry (exactly once, offline
    // included), sent by sendNextQueued / the SendQueue, and confirmed by its sync echo. No
    // network. Errors: InvalidArgument (as said), Storage (nothing queued).

    /// Queues an edit of our own text post `target_event_id` (an edit's id means its original)
    /// to `new_body`, keeping its msgtype (spec: "Event replacements"; content:
    /// matrix::content::editContent). Errors: InvalidArgument (empty body; the post is not in
    /// the cache, is another user's, was deleted, or is no m.text/m.notice/m.emote post,
    /// or is a structured post: queueRecordEdit corrects those).
    Result<store::OutboxPost> queueEdit(const std::string& room_id, const std::string& target_event_id,
                                        const std::string& new_body);
    /// Queues an m.text reply to `in_reply_to_event_id` (cached or not), without a fallback,
    /// mentioning the replied-to author when cached (spec v1.13: "Rich replies"), with its own
    /// scene and 至急 beside the body as a post has them (care::addPostContext); the room's
    /// draft is deleted with it, as queueText does. Errors: InvalidArgument (empty body, bad id).
    Result<store::OutboxPost> queueReply(const std::string& room_id, const std::string& in_reply_to_event_id,
                                         const std::string& body, const care::PostContext& context = {});
    /// Queues our m.reaction `key` (e.g. "確認しました", "👍") to `target_event_id` (an edit's id
    /// means its original). Errors: InvalidArgument (bad id or key; we already reacted with
    /// this key, in the cache or the outbox, and are not taking it back).
    Result<store::OutboxPost> queueReaction(const std::string& room_id, const std::string& target_event_id,
                                            const std::string& key);
    /// Queues a deletion of `target_event_id` with an optional `reason` (spec: "Redactions";
    /// sent through PUT /rooms/{roomId}/redact/{eventId}/{txnId}). Deleting another user's
    /// post needs the power level; the server's 403 then marks it Failed.
    /// Errors: InvalidArgument (bad id).
    Result<store::OutboxPost> queueRedaction(const std::string& room_id, const std::string& target_event_id,
                                             const std::string& reason = {});
    /// What removeReaction did.
    struct Unreaction {
        /// The reaction was still unsent in the outbox and was discarded (no network): its
        /// transaction id (RoomTimeline::removeLocalEcho).
        std::optional<std::string> discarded_txn_id;
        /// Otherwise the queued redactions of our reaction event(s) with that key.
        std::vector<store::OutboxPost> redactions;
    };
    /// Takes back our reaction `key` to `target_event_id`: discards it from the outbox while
    /// unsent, else queues a redaction of our reaction event (from the outbox's returned
    /// event id or the cache). Errors: InvalidArgument (no such reaction of ours; or it is
    /// being sent right now with no answer yet: try again once it has arrived), Storage.
    Result<Unreaction> removeReaction(const std::string& room_id, const std::string& target_event_id,
                                      const std::string& key);

    /// Posts not yet confirmed by sync (queued, sent, failed), in queue order; all rooms
    /// when room_id is empty. No network.
    Result<std::vector<store::OutboxPost>> outbox(const std::string& room_id = {}) const;
    /// Posts waiting to be sent (state Queued), for the UI's "N 件送信待ち".
    Result<std::int64_t> queuedCount() const;
    /// A failed post goes back into the queue (same transaction id). False if not failed.
    Result<bool> retryPost(const std::string& txn_id);
    /// Removes a queued or failed post. False if it is absent, already sent, being sent right
    /// now, or in doubt after a PUT whose answer was lost (OutboxPost::in_doubt): the server
    /// may already have it, and the next answer for its transaction id will tell.
    Result<bool> discardPost(const std::string& txn_id);
    /// Empties the outbox and the patient rooms queued to open (before a sign-out the user
    /// confirmed), in one vault transaction. Drafts stay. Errors: Storage (nothing removed).
    Result<void> clearOutbox();

    /// One step of the send queue: sends the oldest queued post (uploading its image first
    /// and saving the content URI), reusing its transaction id (spec: "PUT
    /// /rooms/{roomId}/send/{eventType}/{txnId}"). Returns nullopt when nothing is queued, or
    /// the post with state Sent (event_id set) or Failed (last_error: an error retrying
    /// cannot fix: 4xx other than 429/401, e.g. M_FORBIDDEN, M_TOO_LARGE, unknown room).
    /// Errors leave the post queued: transient ones (Network, Timeout, 5xx, RateLimited
    /// with retry_after, Parse), Storage (the answer could not be recorded: the retry reuses
    /// the txn id, so the server does not post twice), authentication (see isAuthError).
    Result<std::optional<store::OutboxPost>> sendNextQueued(const http::CancelToken* cancel = nullptr);

    /// True once the server has rejected the session's tokens for good (revoked, or the
    /// refresh failed): the password must be entered again (reauthenticate). Drafts, outbox
    /// and cache are kept.
    [[nodiscard]] bool needsReauthentication() const;
    /// Logs in again as the same user with the same device id (spec: "Soft logout"), so
    /// queued posts keep their de-duplication. Errors: as login, NotLoggedIn (no user).
    Result<void> reauthenticate(const std::string& password);

private:
    Session(SessionConfig config, store::Vault vault, store::Cache cache, store::Cache reader);
    Result<void> ensureFilter();
    Result<void> refreshAccessToken();
    std::shared_ptr<matrix::MatrixClient> clientOrNull() const;
    template <class F>
    auto withAuth(F&& call) -> decltype(call(std::declval<matrix::MatrixClient&>()));

    // Writes one care-record state after the checks updatePatientProfile names.
    Result<std::string> putCareState(const std::string& room_id, const char* type,
                                     const std::string& state_key, const Result<nlohmann::json>& content);
    // Every cached room, the archived ones included (rooms() leaves them out).
    Result<std::vector<store::RoomSummaryRow>> allRooms() const;
    // Moves the closed patient rooms out of `rows` (into `archived` when not null).
    Result<void> splitArchived(std::vector<store::RoomSummaryRow>& rows,
                               std::vector<ArchivedRoom>* archived) const;
    void noteAuthFailure(const Error& error);
    /// Appends a post to the outbox with a new transaction id; in the same vault transaction
    /// the room's text draft goes when `clear_draft`, and its record draft of `record_draft_kind`
    /// when that is not empty.
    Result<store::OutboxPost> enqueue(const std::string& room_id, const std::string& event_type,
                                      const nlohmann::json& content, const store::OutboxMedia* media,
                                      bool clear_draft, const std::string& record_draft_kind = {});
    Result<std::optional<store::StoredEvent>> cachedPost(const std::string& room_id,
                                                         const std::string& event_id) const;
    Result<std::optional<store::OutboxPost>> settleSendError(store::OutboxPost post,
                                                             const Error& error, bool in_doubt);
    // Refuses a file queueFile would refuse (no bytes, type or name; over uploadLimit()).
    Result<void> checkFile(const store::OutboxMedia& media) const;
    Result<std::optional<store::PendingRoomOutcome>> settlePendingRoom(store::PendingRoom room,
                                                                       const Error& error);
    Result<void> loadBinding();
    Result<void> checkAccount(const std::string& base_url, const std::string& user) const;
    Result<void> bindAccount(const std::string& base_url, const std::string& user_id);
    Result<std::vector<std::string>> confirmEchoes(const matrix::SyncResponse& response,
                                                   std::int64_t request_started_ms);

    SessionConfig config_;
    // After a join: the own profile into the room when it is a patient room (best effort;
    // publishOwnProfile catches up on a failure).
    void introduceIn(const std::string& room_id);

    // Lock order: never hold two; vault_mutex_ is short (drafts, outbox, session row).
    mutable std::mutex store_mutex_;   // guards cache_ (the writer: sync, back-fill)
    mutable std::mutex reader_mutex_;  // guards reader_ (the GUI's reads)
    mutable std::mutex vault_mutex_;   // guards vault_
    store::Vault vault_;
    std::string sending_txn_;          // the post sendNextQueued is sending (under vault_mutex_)
    std::string opening_id_;           // the room openNextPendingRoom is opening (under vault_mutex_)
    store::Cache cache_;
    // A second, read-only connection to cache.db: in WAL mode its reads see the last commit
    // and never wait behind the writer's transaction (ARCHITECTURE "Data flow" 3).
    store::Cache reader_;
    std::mutex refresh_mutex_;         // one token refresh at a time
    mutable std::mutex state_mutex_;   // guards the fields below
    std::optional<store::StoredSession> stored_;
    std::shared_ptr<matrix::MatrixClient> client_;
    std::string filter_id_;
    bool needs_reauthentication_ = false;
    bool device_removed_ = false;  // see deviceRemoved (under state_mutex_)
    store::AccountBinding binding_;
    std::optional<matrix::MediaConfig> media_config_;  // once the server has answered
};


/// The largest attachment queued while the server's upload limit is not known (offline
/// since the session opened, or a server that does not say): 20 MiB, below Synapse's
/// default of 50 MiB, so that what is queued offline can usually be sent later.
inline constexpr std::uint64_t kUnknownUploadLimitBytes = std::uint64_t{20} << 20;
/// The largest attachment ever queued, whatever the server allows: 200 MiB (the bytes are
/// held in memory and in one vault row until sent).
inline constexpr std::uint64_t kMaxUploadBytes = std::uint64_t{200} << 20;

/// The msgtype of a file post by its MIME type (case-insensitive): "m.audio" for audio/*,
/// "m.video" for video/*, "m.image" for image/* when `has_dimensions`, else "m.file".
const char* msgTypeForFile(std::string_view content_type, bool has_dimensions);

/// The content of a file post (spec: "m.file", "m.image", …): {msgtype (msgTypeForFile),
/// body, filename, info {mimetype, size (bytes)[, w, h]}}; "url" is added once uploaded.
nlohmann::json filePostContent(const store::OutboxMedia& media, std::uint64_t size,
                               const std::string& body);

/// A new transaction id: unique per device, URL-safe, 26 characters
/// (spec: "Transaction identifiers").
std::string newTransactionId();

/// True for errors that need the user's password again: M_UNKNOWN_TOKEN / M_MISSING_TOKEN
/// that a refresh could not cure, or NotLoggedIn.
bool isAuthError(const Error& error);

/// True for a failed send that retrying cannot fix: 4xx answers other than 401, 408 and 429
/// (M_FORBIDDEN, M_TOO_LARGE, M_NOT_FOUND, M_BAD_JSON…) and InvalidArgument. Everything
/// else (network, timeout, 5xx, 408, 429, an unreadable answer, storage) is retried.
bool isPermanentSendError(const Error& error);

/// True unless a failed PUT's `error` shows the server did not take the request: a 4xx
/// answer (429 and 401 included), or a request that never left (http::requestNeverSent).
/// True for 5xx, timeouts, lost answers, cancellation and unreadable 2xx answers.
bool mayHaveReachedServer(const Error& error);

}  // namespace renkei::session
