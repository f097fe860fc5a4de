// renkei-cli commands: each opens the Session, does one thing, and maps errors to exit codes.
#include <signal.h>

#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <variant>

#include <nlohmann/json.hpp>

#include "cli.h"
#include "http/curl_transport.h"
#include "matrix/client.h"
#include "session/session.h"
#include "session/sync_engine.h"
#include "store/accounts.h"
#include "store/keys.h"

namespace renkei::cli {
namespace {

namespace fs = std::filesystem;

fs::path dataDir(const Args& args) {
    if (auto dir = args.get("--data-dir")) return *dir;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg != nullptr && *xdg == '/') {
        return fs::path(xdg) / "renkei";
    }
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr ? home : ".") / ".local" / "share" / "renkei";
}

// The account to open: --account (a user id or localpart), else the only one there is.
// Returns an exit code when there is none or the choice is ambiguous.
std::variant<store::LocalAccount, int> chooseAccount(const fs::path& root, const Args& args) {
    auto accounts = store::listAccounts(root);
    if (!accounts) return reportError("cannot list local accounts", accounts.error());
    if (auto wanted = args.get("--account")) {
        if (auto found = store::findAccount(*accounts, {}, *wanted)) return *found;
        return reportError("no such account on this computer",
                           makeError(ErrorKind::NotLoggedIn, "run `renkei-cli login` first"));
    }
    if (accounts->size() == 1) return accounts->front();
    if (accounts->empty()) {
        return reportError("not logged in", makeError(ErrorKind::NotLoggedIn, "run `renkei-cli login` first"));
    }
    std::cerr << "renkei-cli: several accounts on this computer; choose one with --account:\n";
    for (const auto& a : *accounts) {
        std::cerr << "  " << (a.binding.bound() ? a.binding.user_id : "(" + a.id + ", not signed in)") << '\n';
    }
    return kUsage;
}

// Opens the Session of the account in `dir`, unlocking it with the passphrase. Returns an
// exit code on failure.
std::variant<std::unique_ptr<session::Session>, int> openAccount(const fs::path& root, const fs::path& dir) {
    const bool first_use = !fs::exists(store::keyFileOf(dir));
    auto passphrase = readSecret("RENKEI_PASSPHRASE",
                                 first_use ? "New passphrase for local data: " : "Passphrase: ");
    if (!passphrase || passphrase->empty()) {
        std::cerr << "renkei-cli: a passphrase is needed (prompt or RENKEI_PASSPHRASE)\n";
        return kUsage;
    }
    store::PassphraseKeyProvider keys(store::keyFileOf(dir), std::move(*passphrase));
    session::SessionConfig config;
    config.data_dir = dir;
    config.accounts_root = root;
    auto opened = session::Session::open(std::move(config), keys);
    if (!opened) return reportError("cannot open local data", opened.error());
    return std::move(*opened);
}

// The Session of the chosen account (commands other than login).
std::variant<std::unique_ptr<session::Session>, int> openSession(const Args& args) {
    const fs::path root = dataDir(args);
    auto account = chooseAccount(root, args);
    if (auto* code = std::get_if<int>(&account)) return *code;
    return openAccount(root, std::get<store::LocalAccount>(account).dir);
}

// change-passphrase: the key file re-wrapped (store::changePassphrase); the databases stay.
int cmdChangePassphrase(const Args& args) {
    const fs::path root = dataDir(args);
    auto account = chooseAccount(root, args);
    if (auto* code = std::get_if<int>(&account)) return *code;
    auto current = readSecret("RENKEI_PASSPHRASE", "Current passphrase: ");
    if (!current) return kUsage;
    const bool typed = !secretInEnvironment("RENKEI_NEW_PASSPHRASE");
    auto replacement = readSecret("RENKEI_NEW_PASSPHRASE", "New passphrase: ");
    if (!replacement) return kUsage;
    if (typed) {
        // Typed: a typo would lock the data away, so it is typed twice.
        auto again = readSecret("RENKEI_NEW_PASSPHRASE", "New passphrase again: ");
        if (!again || *again != *replacement) {
            std::cerr << "renkei-cli: the two new passphrases differ; nothing changed\n";
            return kUsage;
        }
    }
    const fs::path key_file = store::keyFileOf(std::get<store::LocalAccount>(account).dir);
    if (auto r = store::changePassphrase(key_file, *current, *replacement); !r) {
        return reportError("the passphrase was not changed", r.error());
    }
    std::cout << "passphrase changed\n";
    return kOk;
}

// login: into the account's own directory when this computer has one for that user on that
// homeserver, else into a new one (removed again if the login fails).
int cmdLogin(const Args& args) {
    auto homeserver = args.get("--homeserver");
    if (!homeserver) homeserver = readLine("Homeserver: ");
    auto user = args.get("--user");
    if (!user) user = readLine("User: ");
    if (!homeserver || !user) return kUsage;
    const fs::path root = dataDir(args);
    http::CurlTransport transport;
    auto discovered = matrix::MatrixClient::discover(transport, *homeserver);
    if (!discovered) return reportError("login failed", discovered.error());
    auto accounts = store::listAccounts(root);
    if (!accounts) return reportError("cannot list local accounts", accounts.error());
    std::optional<fs::path> created;
    fs::path dir;
    if (auto existing = store::findAccount(*accounts, discovered->base_url, *user)) {
        dir = existing->dir;
    } else {
        auto fresh = store::createAccount(root);
        if (!fresh) return reportError("cannot create local data", fresh.error());
        dir = fresh->dir;
        created = dir;
    }
    const auto abandon = [&](int code) {
        if (created) (void)store::removeAccount(*created);
        return code;
    };
    auto opened = openAccount(root, dir);
    if (auto* code = std::get_if<int>(&opened)) return abandon(*code);
    auto session = std::move(std::get<std::unique_ptr<session::Session>>(opened));
    auto password = readSecret("RENKEI_PASSWORD", "Password: ");
    if (!password) return abandon(kUsage);
    if (auto r = session->login(discovered->base_url, *user, *password); !r) {
        session.reset();
        return abandon(reportError("login failed", r.error()));
    }
    std::cout << "logged in as " << printable(session->userId()) << '\n';
    return kOk;
}

// "synced N events in M rooms", and how many malformed events the server's answer had.
void printSynced(const store::ChangeSet& changes) {
    std::cout << "synced " << changes.events_added << " events in " << changes.rooms.size()
              << " rooms";
    if (changes.events_skipped > 0) {
        std::cout << " (skipped " << changes.events_skipped << " malformed events)";
    }
    std::cout << std::endl;
}

int cmdSync(session::Session& s, const Args& args) {
    if (!args.has("--follow")) {
        auto changes = s.syncOnce(0);
        if (!changes) return reportError("sync failed", changes.error());
        printSynced(*changes);
        return kOk;
    }
    // --follow: block SIGINT/SIGTERM here so the worker never sees them, then wait for one.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    int exit_code = kOk;
    session::SyncEngine engine(s, [&](const session::SyncNotification& n) {
        using State = session::SyncNotification::State;
        if (n.state == State::Synced &&
            (n.changes.events_added > 0 || n.changes.events_skipped > 0)) {
            printSynced(n.changes);
        } else if (n.state == State::Offline) {
            std::cerr << "offline (" << printable(n.error->describe()) << "), retrying in "
                      << n.retry_in.count() << " ms" << std::endl;
        } else if (n.state == State::Failed) {
            exit_code = reportError("sync stopped", *n.error);
            kill(getpid(), SIGTERM);
        }
    });
    engine.start();
    int received = 0;
    sigwait(&signals, &received);
    engine.stop();
    return exit_code;
}

int cmdRooms(session::Session& s, const Args& args) {
    auto rooms = s.rooms();
    if (!rooms) return reportError("cannot read rooms", rooms.error());
    for (const auto& r : *rooms) {
        if (args.has("--json")) {
            std::cout << jsonLine({{"room_id", r.room_id}, {"membership", r.membership},
                                   {"name", r.name}, {"unread", r.notification_count},
                                   {"urgent_unread", r.urgent_unread},
                                   {"last_ts", r.last_ts}, {"last_body", r.last_body},
                                   {"last_post_deleted", r.last_post_deleted},
                                   {"history_complete", r.history_complete}})
                      << '\n';
        } else {
            std::cout << printable(r.room_id) << '\t' << printable(r.membership) << '\t'
                      << r.notification_count << '\t'
                      << (r.history_complete ? "complete" : "partial") << '\t'
                      << printable(r.name) << '\t'
                      << (r.last_post_deleted ? std::string("(deleted)") : printable(r.last_body)) << '\n';
        }
    }
    return kOk;
}

template <class R>
int printOr(const R& result, const char* what) {
    if (!result) return reportError(what, result.error());
    if constexpr (!std::is_same_v<R, Result<void>>) std::cout << printable(*result) << '\n';
    return kOk;
}

}  // namespace

int run(const Args& args) {
    static const std::map<std::string, std::size_t> kArity = {
        {"login", 0}, {"sync", 0},   {"rooms", 0}, {"timeline", 1}, {"send", 2}, {"backfill", 0},
        {"queue", 2}, {"flush", 0}, {"outbox", 0}, {"create-room", 1}, {"join", 1}, {"leave", 1}, {"logout", 0},
        {"edit", 3}, {"reply", 3}, {"react", 3}, {"unreact", 3}, {"delete", 2},
        {"profile", 0}, {"open-patient-room", 0}, {"patient", 1}, {"urgent", 0},
        {"close-room", 1}, {"archived", 0}, {"remove-archived", 1}, {"retry-room", 1}, {"discard-room", 1},
        {"post-vitals", 1}, {"post-record", 1},
        {"draft-record", 1}, {"send-draft-record", 1}, {"edit-record", 2}, {"export", 1},
        {"access-log", 0}, {"change-passphrase", 0}};
    auto arity = kArity.find(args.command);
    if (arity == kArity.end() || args.positional.size() != arity->second) {
        std::cerr << "renkei-cli: unknown command or wrong number of arguments: " << args.command << '\n';
        return kUsage;
    }
    if (args.command == "export") {
        if (const int checked = checkExport(args); checked != kOk) return checked;
    }
    // Data of the layout before per-account directories moves into one first.
    if (auto moved = store::takeOverLegacyLayout(dataDir(args)); !moved) {
        return reportError("cannot take over the local data", moved.error());
    }
    if (args.command == "login") return cmdLogin(args);
    if (args.command == "change-passphrase") return cmdChangePassphrase(args);
    auto opened = openSession(args);
    if (auto* code = std::get_if<int>(&opened)) return *code;
    auto& s = *std::get<std::unique_ptr<session::Session>>(opened);
    const auto& p = args.positional;

    if (args.command == "rooms") return cmdRooms(s, args);
    if (args.command == "queue") return cmdQueue(s, args);
    if (args.command == "outbox") return cmdOutbox(s);
    if (args.command == "retry-room" || args.command == "discard-room") return cmdPendingRoom(s, args);
    if (args.command == "timeline") return cmdTimeline(s, args);
    if (args.command == "patient") return cmdPatient(s, args);
    if (args.command == "urgent") return cmdUrgent(s, args);
    if (args.command == "archived") return cmdArchived(s, args);
    if (args.command == "remove-archived") return cmdRemoveArchived(s, args);
    if (args.command == "draft-record") return cmdDraftRecord(s, args);
    if (args.command == "export") return cmdExport(s, args);
    if (args.command == "access-log") return cmdAccessLog(s, args);
    if (!s.loggedIn()) return reportError("not logged in", makeError(ErrorKind::NotLoggedIn, "run `renkei-cli login` first"));
    if (args.command == "sync") return cmdSync(s, args);
    if (args.command == "post-vitals") return cmdPostVitals(s, args);
    if (args.command == "post-record") return cmdPostRecord(s, args);
    if (args.command == "send-draft-record") return cmdSendDraftRecord(s, args);
    if (args.command == "edit-record") return cmdEditRecord(s, args);
    if (args.command == "backfill") {
        const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
        if (patience < 0) return kUsage;
        return cmdBackfill(s, args, std::chrono::seconds(patience));
    }
    if (args.command == "flush" || args.command == "send") {
        if (args.command == "send") {
            if (const int queued = cmdQueue(s, args); queued != kOk) return queued;
        }
        const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
        if (patience < 0) return kUsage;
        return cmdFlush(s, std::chrono::seconds(patience));
    }
    if (args.command == "edit" || args.command == "reply" || args.command == "react" ||
        args.command == "unreact" || args.command == "delete") {
        return cmdCorrection(s, args);
    }
    if (args.command == "create-room") {
        std::vector<std::string> invites;
        if (auto it = args.options.find("--invite"); it != args.options.end()) invites = it->second;
        return printOr(s.createRoom(p[0], invites), "cannot create room");
    }
    if (args.command == "profile") return cmdProfile(s, args);
    if (args.command == "open-patient-room") return cmdOpenPatientRoom(s, args);
    if (args.command == "close-room") return cmdCloseRoom(s, args);
    if (args.command == "join") return printOr(s.joinRoom(p[0]), "cannot join");
    if (args.command == "leave") return printOr(s.leaveRoom(p[0]), "cannot leave");
    if (args.command == "logout") {
        auto r = s.logout();
        if (!r) return reportError("logged out locally; the server did not confirm", r.error());
        std::cout << "logged out\n";
        return kOk;
    }
    return kUsage;
}

}  // namespace renkei::cli
