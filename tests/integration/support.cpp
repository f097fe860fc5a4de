#include "support.h"

#include <sodium.h>

#include <catch2/catch_test_macros.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "http/curl_transport.h"
#include "matrix/client.h"

namespace renkei::test {
namespace fs = std::filesystem;

static Homeserver loadHomeserver() {
    return [] {
        const char* override_path = std::getenv("RENKEI_HOMESERVER_STATE");
        const std::string path = override_path != nullptr
                                     ? std::string(override_path)
                                     : std::string(RENKEI_HOMESERVER_DIR) + "/state.json";
        std::ifstream in(path);
        if (!in) FAIL("cannot read the homeserver state file");
        Homeserver h;
        h.state = nlohmann::json::parse(in);
        h.base_url = h.state.at("base_url").get<std::string>();
        h.external = h.state.value("external", false);
        return h;
    }();
}

static Homeserver& cachedHomeserver() {
    static Homeserver hs = loadHomeserver();
    return hs;
}

const Homeserver& Homeserver::get() { return cachedHomeserver(); }

std::string Homeserver::userId(const std::string& name) const {
    return state.at("users").at(name).at("user_id").get<std::string>();
}
std::string Homeserver::password(const std::string& name) const {
    return state.at("users").at(name).at("password").get<std::string>();
}
std::string Homeserver::adminToken() const {
    return state.at("admin").at("access_token").get<std::string>();
}

static bool harness(const char* verb) {
    const std::string cmd = std::string("'") + RENKEI_PYTHON + "' '" + RENKEI_HARNESS + "' " + verb +
                            " --dir '" + RENKEI_HOMESERVER_DIR + "' >/dev/null";
    return std::system(cmd.c_str()) == 0;
}

matrix::LoginResponse loginAs(matrix::MatrixClient& client, const std::string& name,
                              std::optional<std::string> device_id, bool refresh_token) {
    const auto& hs = Homeserver::get();
    matrix::LoginRequest req;
    req.user = name;
    req.password = hs.password(name);
    req.device_id = std::move(device_id);
    req.initial_device_display_name = "Renkei integration test";
    req.refresh_token = refresh_token;
    auto r = client.login(req);
    if (!r) FAIL("login as " << name << ": " << r.error().describe());
    client.setAccessToken(r->access_token);
    return std::move(r).value();
}

std::string redactAs(const std::string& name, const std::string& room_id,
                     const std::string& event_id, const std::string& reason) {
    matrix::MatrixClient client(std::make_shared<http::CurlTransport>(), Homeserver::get().base_url);
    loginAs(client, name, std::nullopt, false);
    auto redaction = client.redactEvent(room_id, event_id, uniqueMarker("redact"), reason);
    static_cast<void>(client.logout());
    if (!redaction) FAIL("redact: " << redaction.error().describe());
    return *redaction;
}

std::string registerFreshUser(const std::string& prefix) {
    const std::string name = uniqueMarker(prefix).substr(0, prefix.size() + 13);
    registerUser(name);
    return name;
}

void registerUser(const std::string& name) {
    const std::string cmd = std::string("'") + RENKEI_PYTHON + "' '" + RENKEI_HARNESS +
                            "' start --dir '" + RENKEI_HOMESERVER_DIR + "' --users '" + name +
                            "' >/dev/null";
    if (std::system(cmd.c_str()) != 0) FAIL("the harness could not register " << name);
    cachedHomeserver() = loadHomeserver();  // the harness added the user to state.json
}

bool Homeserver::stop() const { return !external && harness("stop"); }
bool Homeserver::start() const { return !external && harness("start"); }

TempDir::TempDir(const std::string& tag) {
    std::string suffix(16, '0');
    for (auto& ch : suffix) ch = "0123456789abcdef"[randombytes_uniform(16)];
    path_ = fs::temp_directory_path() / ("renkei-it-" + tag + "-" + suffix);
    fs::create_directories(path_);
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
}

Client::Client(const fs::path& dir, std::shared_ptr<http::Transport> transport)
    : dir_(dir), transport_(std::move(transport)) {
    REQUIRE(sodium_init() >= 0);
    randombytes_buf(keys_.vault.data(), keys_.vault.size());
    randombytes_buf(keys_.cache.data(), keys_.cache.size());
    reopen();
}

void Client::reopen() {
    session_.reset();
    store::RawKeyProvider keys(keys_);
    session::SessionConfig config;
    config.data_dir = dir_;
    config.transport = transport_;
    auto opened = session::Session::open(std::move(config), keys);
    if (!opened) FAIL("Session::open: " << opened.error().describe());
    session_ = std::move(*opened);
}

void Client::login(const std::string& name) {
    const auto& hs = Homeserver::get();
    auto r = session_->login(hs.base_url, name, hs.password(name));
    if (!r) FAIL("login as " << name << ": " << r.error().describe());
}

bool syncUntil(session::Session& s, const std::function<bool()>& done, std::chrono::seconds deadline) {
    const auto until = std::chrono::steady_clock::now() + deadline;
    while (!done()) {
        if (std::chrono::steady_clock::now() > until) return false;
        auto r = s.syncOnce(1000);
        if (!r) FAIL("sync: " << r.error().describe());
    }
    return true;
}

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::vector<store::OutboxPost> flushOutbox(session::Session& s) {
    std::vector<store::OutboxPost> sent;
    for (;;) {
        auto step = s.sendNextQueued();
        if (!step) FAIL("send: " << step.error().describe());
        if (!*step) return sent;
        if ((*step)->state != store::OutboxState::Sent) FAIL("refused: " << (*step)->last_error->describe());
        sent.push_back(std::move(**step));
    }
}

std::string membership(session::Session& s, const std::string& room_id) {
    auto rooms = s.rooms();
    if (!rooms) FAIL("rooms: " << rooms.error().describe());
    for (const auto& r : *rooms) {
        if (r.room_id == room_id) return r.membership;
    }
    return {};
}

std::optional<store::StoredEvent> cachedEvent(session::Session& s, const std::string& room_id,
                                              const std::string& event_id, int limit) {
    auto events = s.timeline(room_id, limit, std::nullopt);
    if (!events) FAIL("timeline: " << events.error().describe());
    for (auto& e : *events) {
        if (e.event_id == event_id) return std::move(e);
    }
    return std::nullopt;
}

std::vector<std::string> messageBodies(session::Session& s, const std::string& room_id, int limit) {
    std::vector<std::string> bodies;
    auto events = s.timeline(room_id, limit, std::nullopt);
    if (!events) FAIL("timeline: " << events.error().describe());
    for (const auto& e : *events) {
        if (e.type == "m.room.message" && e.content.contains("body")) {
            bodies.push_back(e.content["body"].get<std::string>());
        }
    }
    return bodies;
}

std::string uniqueMarker(const std::string& prefix) {
    std::string hex(24, '0');
    for (auto& ch : hex) ch = "0123456789abcdef"[randombytes_uniform(16)];
    return prefix + "-" + hex;
}

std::string readFile(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

nlohmann::json adminRequest(const std::string& method, const std::string& path,
                            const nlohmann::json& body) {
    const auto& hs = Homeserver::get();
    http::CurlTransport transport;
    http::Request request;
    request.method = method;
    request.url = hs.base_url + path;
    request.headers.emplace_back("Authorization", "Bearer " + hs.adminToken());
    if (!body.is_null()) {
        request.body = body.dump();
        request.headers.emplace_back("Content-Type", "application/json");
    }
    auto response = transport.perform(request, nullptr);
    if (!response) FAIL("admin API: " << response.error().describe());
    if (response->status != 200) FAIL("admin API answered HTTP " << response->status);
    return nlohmann::json::parse(response->body);
}

nlohmann::json adminGet(const std::string& path) { return adminRequest("GET", path); }

std::vector<nlohmann::json> serverMessages(const std::string& room_id) {
    std::vector<nlohmann::json> events;
    std::string from;
    for (;;) {
        std::string path = "/_synapse/admin/v1/rooms/" + room_id + "/messages?dir=f&limit=1000";
        if (!from.empty()) path += "&from=" + from;
        const auto page = adminGet(path);
        for (const auto& e : page.value("chunk", nlohmann::json::array())) {
            if (e.value("type", "") == "m.room.message") events.push_back(e);
        }
        if (!page.contains("end") || !page["end"].is_string() || page["chunk"].empty()) break;
        from = page["end"].get<std::string>();
    }
    return events;
}

std::vector<std::string> serverBodies(const std::string& room_id) {
    std::vector<std::string> bodies;
    for (const auto& e : serverMessages(room_id)) bodies.push_back(e["content"].value("body", ""));
    return bodies;
}

}  // namespace renkei::test
