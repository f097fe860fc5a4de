// Session: login and logout, and the binding of local data to one account (store/accounts.h).
#include <cctype>

#include "session/clock.h"
#include "session/session.h"

namespace renkei::session {
namespace {

using detail::nowMs;

constexpr char kBoundHomeserver[] = "account.homeserver";
constexpr char kBoundUserId[] = "account.user_id";

std::string trimmedUrl(std::string url) {
    while (!url.empty() && url.back() == '/') url.pop_back();
    return url;
}

// True when what the user typed names `user_id`: the full id, or its localpart (any case).
bool namesUser(const std::string& typed, const std::string& user_id) {
    if (!typed.empty() && typed.front() == '@') return typed == user_id;
    const auto colon = user_id.find(':');
    const std::string localpart = user_id.substr(1, colon == std::string::npos ? std::string::npos : colon - 1);
    if (typed.size() != localpart.size()) return false;
    for (std::size_t i = 0; i < typed.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(typed[i])) !=
            std::tolower(static_cast<unsigned char>(localpart[i]))) {
            return false;
        }
    }
    return true;
}

Failure mismatch(const std::string& message) { return fail(ErrorKind::AccountMismatch, message); }

}  // namespace

store::AccountBinding Session::binding() const {
    std::lock_guard lock(state_mutex_);
    return binding_;
}

// Reads the vault's binding at open. Data written before bindings existed has none: a stored
// session names its account, so it is bound to that one now.
Result<void> Session::loadBinding() {
    store::AccountBinding bound;
    {
        std::lock_guard lock(vault_mutex_);
        auto server = vault_.setting(kBoundHomeserver);
        if (!server) return server.failure();
        auto user = vault_.setting(kBoundUserId);
        if (!user) return user.failure();
        if (*server && *user) bound = {**server, **user};
    }
    if (!bound.bound() && stored_) return bindAccount(stored_->homeserver, stored_->user_id);
    {
        std::lock_guard lock(state_mutex_);
        binding_ = bound;
    }
    // The index is for listing accounts before an unlock; the vault stays the authority.
    (void)store::writeAccountIndex(config_.data_dir, bound, nowMs());
    return {};
}

Result<void> Session::bindAccount(const std::string& base_url, const std::string& user_id) {
    const store::AccountBinding bound{base_url, user_id};
    {
        std::lock_guard lock(vault_mutex_);
        auto written = vault_.database().transaction([&]() -> Result<void> {
            if (auto r = vault_.setSetting(kBoundHomeserver, bound.homeserver); !r) return r;
            return vault_.setSetting(kBoundUserId, bound.user_id);
        });
        if (!written) return written;
    }
    {
        std::lock_guard lock(state_mutex_);
        binding_ = bound;
    }
    (void)store::writeAccountIndex(config_.data_dir, bound, nowMs());
    return {};
}

// Refuses, before anything is sent, a login that would mix this account's data with
// another's: another homeserver or user than the bound one, or (unbound data) an account
// that already has its own directory under the accounts root.
Result<void> Session::checkAccount(const std::string& base_url, const std::string& user) const {
    const store::AccountBinding bound = binding();
    if (bound.bound()) {
        if (trimmedUrl(bound.homeserver) != trimmedUrl(base_url)) {
            return mismatch("this local data belongs to " + bound.user_id + " on another homeserver");
        }
        if (!namesUser(user, bound.user_id)) return mismatch("this local data belongs to " + bound.user_id);
        return {};
    }
    if (config_.accounts_root.empty()) return {};
    auto accounts = store::listAccounts(config_.accounts_root);
    if (!accounts) return accounts.failure();
    auto other = store::findAccount(*accounts, base_url, user);
    if (other && other->dir != config_.data_dir) {
        return mismatch(other->binding.user_id + " already has local data on this computer: open that account");
    }
    return {};
}

Result<void> Session::login(const std::string& homeserver, const std::string& user,
                            const std::string& password) {
    auto discovered = matrix::MatrixClient::discover(*config_.transport, homeserver);
    if (!discovered) return discovered.failure();
    if (auto r = checkAccount(discovered->base_url, user); !r) return r;
    std::optional<std::string> device_id;
    {
        std::lock_guard lock(vault_mutex_);
        auto stored_device = vault_.deviceId();
        if (!stored_device) return stored_device.failure();
        device_id = *stored_device;
    }
    auto client = std::make_shared<matrix::MatrixClient>(config_.transport, discovered->base_url);
    matrix::LoginRequest request;
    request.user = user;
    request.password = password;
    request.device_id = device_id;
    auto response = client->login(request);
    if (!response) return response.failure();
    client->setAccessToken(response->access_token);
    // The server may name another id than was typed (an alias, a case fold): check it again,
    // and end that fresh session at once if it is not this data's account.
    if (auto r = checkAccount(discovered->base_url, response->user_id); !r) {
        (void)client->logout();
        return r;
    }

    store::StoredSession stored;
    stored.homeserver = discovered->base_url;
    stored.user_id = response->user_id;
    stored.device_id = response->device_id;
    stored.access_token = response->access_token;
    stored.refresh_token = response->refresh_token;
    if (response->expires_in_ms) stored.access_token_expires_at_ms = nowMs() + *response->expires_in_ms;
    if (!binding().bound()) {
        if (auto r = bindAccount(stored.homeserver, stored.user_id); !r) return r;
    }
    {
        std::lock_guard lock(vault_mutex_);
        store::AccessEntry signed_in;
        signed_in.at_ms = nowMs();
        signed_in.user_id = stored.user_id;
        signed_in.kind = store::AccessKind::SignIn;
        auto written = vault_.database().transaction([&]() -> Result<void> {
            if (auto r = vault_.setDeviceId(stored.device_id); !r) return r;
            if (auto r = vault_.saveSession(stored); !r) return r;
            if (auto r = store::AccessLog(vault_.database()).append(std::move(signed_in)); !r) return r.failure();
            return {};
        });
        if (!written) return written;
    }
    {
        std::lock_guard lock(store_mutex_);
        if (auto r = cache_.setOwnUserId(stored.user_id); !r) return r;
    }
    {
        std::lock_guard lock(state_mutex_);
        stored_ = std::move(stored);
        client_ = std::move(client);
        filter_id_.clear();
        needs_reauthentication_ = false;
        device_removed_ = false;
    }
    // The network's policy from the first moment; a server that does not serve one keeps the
    // default, and one that cannot be reached now is read again at the next start.
    (void)refreshNetworkPolicy();
    return {};
}

Result<void> Session::logout() {
    auto client = clientOrNull();
    if (!client) return fail(ErrorKind::NotLoggedIn, "no session to log out of");
    Result<void> server = client->logout();
    const std::string user_id = userId();
    {
        std::lock_guard lock(vault_mutex_);
        store::AccessEntry signed_out;
        signed_out.at_ms = nowMs();
        signed_out.user_id = user_id;
        signed_out.kind = store::AccessKind::SignOut;
        signed_out.detail = server ? "server=confirmed" : "server=unconfirmed";
        auto cleared = vault_.database().transaction([&]() -> Result<void> {
            if (auto r = vault_.clearSession(); !r) return r;
            if (auto r = store::AccessLog(vault_.database()).append(std::move(signed_out)); !r) return r.failure();
            return {};
        });
        if (!cleared) return cleared;
    }
    {
        std::lock_guard lock(state_mutex_);
        stored_.reset();
        client_.reset();
        filter_id_.clear();
        needs_reauthentication_ = false;
    }
    return server;
}

}  // namespace renkei::session
