// Integration-test support: the real Synapse started by tests/homeserver/harness.py (its
// state.json), temporary account directories, and waiting on conditions with deadlines.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "matrix/client.h"
#include "session/session.h"
#include "store/keys.h"

namespace renkei::test {

/// The homeserver under test, from $RENKEI_HOMESERVER_STATE (written by the harness).
struct Homeserver {
    std::string base_url;
    bool external = false;         ///< an already running server: the suite must not stop it
    nlohmann::json state;          ///< the harness's whole state.json

    static const Homeserver& get();
    std::string userId(const std::string& name) const;
    std::string password(const std::string& name) const;
    std::string adminToken() const;
    /// Stops / starts the server through the harness (data kept). False for an external one.
    bool stop() const;
    bool start() const;
};

/// A directory removed (with everything in it) when the test ends.
class TempDir {
public:
    explicit TempDir(const std::string& tag);
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// One clinician's client: an account directory with fixed random keys (the key seam; the
/// passphrase path is tested separately) and a Session opened on it.
class Client {
public:
    /// `transport`: null for the real CurlTransport, or a seam (e.g. routing through a
    /// fault-injecting proxy).
    explicit Client(const std::filesystem::path& dir, std::shared_ptr<http::Transport> transport = nullptr);
    session::Session& operator*() { return *session_; }
    session::Session* operator->() { return session_.get(); }
    /// Closes and reopens the Session on the same directory (a restart of the app).
    void reopen();
    void close() { session_.reset(); }
    /// The account's raw keys (a test opens the vault itself, e.g. to damage it, while closed).
    const store::AccountKeys& keys() const { return keys_; }
    const std::filesystem::path& dir() const { return dir_; }
    /// Logs in as one of the harness's users; REQUIREs success.
    void login(const std::string& name);

private:
    std::filesystem::path dir_;
    std::shared_ptr<http::Transport> transport_;
    store::AccountKeys keys_{};
    std::unique_ptr<session::Session> session_;
};

/// Syncs (short long-polls) until `done()` holds or `deadline` passes; returns done().
bool syncUntil(session::Session& s, const std::function<bool()>& done,
               std::chrono::seconds deadline = std::chrono::seconds(30));

/// The wall clock in ms since the epoch, as origin_server_ts and measured_at count.
std::int64_t nowMs();

/// Sends everything queued in the session's outbox, oldest first (Session::sendNextQueued);
/// FAILs on an error or a refusal. Returns the sent posts.
std::vector<store::OutboxPost> flushOutbox(session::Session& s);

/// The user's membership of a room as the cache lists it ("join", "invite", …), or "" when
/// the room is not listed. Waits use this with the room id the test created: an account
/// keeps rooms from earlier runs, so "some room appeared" proves nothing.
std::string membership(session::Session& s, const std::string& room_id);

/// The cached event with this id among the newest `limit` of the room, or nullopt.
std::optional<store::StoredEvent> cachedEvent(session::Session& s, const std::string& room_id,
                                              const std::string& event_id, int limit = 100);

/// Bodies of the cached m.room.message events of a room, oldest first (up to `limit`).
std::vector<std::string> messageBodies(session::Session& s, const std::string& room_id, int limit = 5000);

/// A string no other test run will post: "<prefix>-<random hex>".
std::string uniqueMarker(const std::string& prefix);

/// The whole file as bytes (empty if unreadable).
std::string readFile(const std::filesystem::path& file);

/// Minimal HTTP GET with the admin token against the homeserver (admin API assertions).
nlohmann::json adminGet(const std::string& path);
/// Any admin API call (method "POST", "DELETE", …) with an optional JSON body; FAILs unless
/// HTTP 200.
nlohmann::json adminRequest(const std::string& method, const std::string& path,
                            const nlohmann::json& body = nullptr);
/// The bodies of every m.room.message in a room as the server stores them, oldest first
/// (admin API "Room messages"): what the care team would see, independent of our client.
std::vector<std::string> serverBodies(const std::string& room_id);
/// The m.room.message events of a room as the server stores them (admin API), oldest first.
std::vector<nlohmann::json> serverMessages(const std::string& room_id);

/// Logs `client` in as the harness user `name` on a new device (or `device_id`), asking for
/// a refresh token when `refresh_token`, and keeps the access token; FAILs unless it worked.
matrix::LoginResponse loginAs(matrix::MatrixClient& client, const std::string& name,
                              std::optional<std::string> device_id = std::nullopt,
                              bool refresh_token = true);

/// Redacts `event_id` in a room as the harness user `name` would from another client of
/// theirs (MatrixClient::redactEvent), from a
/// device of its own that is logged out again. Returns the redaction's event id; FAILs unless
/// the server accepts it.
std::string redactAs(const std::string& name, const std::string& room_id,
                     const std::string& event_id, const std::string& reason);

/// Registers a new user "<prefix>-<hex>" through the harness and returns its name (its
/// password is then in Homeserver::get()). For tests that change the account's state.
std::string registerFreshUser(const std::string& prefix);
/// Registers the harness user `name` unless it exists (its password is then in
/// Homeserver::get()), for tests that keep data on the server between runs.
void registerUser(const std::string& name);

}  // namespace renkei::test
