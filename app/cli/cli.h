// renkei-cli: the headless twin of the desktop app, for scripts, tests and benchmarks.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "care/care_types.h"
#include "common/error.h"

namespace renkei::session {
class Session;
}

namespace renkei::cli {

/// Exit codes a script can rely on (also listed in README.md and `renkei-cli --help`).
enum Exit : int {
    kOk = 0,
    kFailure = 1,          ///< anything not listed below
    kUsage = 2,            ///< bad command line
    kWrongPassphrase = 3,  ///< the local data could not be unlocked
    kNotLoggedIn = 4,      ///< run `renkei-cli login` first
    kOffline = 5,          ///< the homeserver could not be reached (network, timeout, TLS)
    kRejected = 6,         ///< the homeserver refused (wrong password, forbidden, unknown room)
    kStorage = 7,          ///< local storage failed (disk full, read-only, corrupt)
    kTampered = 8,         ///< access-log --verify: a record was changed or removed
};

/// A parsed command line: `renkei-cli [--data-dir D] COMMAND [ARGS] [--opt value] [--flag]`.
struct Args {
    std::string command;
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>> options;  ///< "--invite" may repeat
    [[nodiscard]] bool has(const std::string& name) const { return options.count(name) > 0; }
    [[nodiscard]] std::optional<std::string> get(const std::string& name) const;
};

/// Parses argv; returns nullopt (after printing why) on a malformed line.
std::optional<Args> parseArgs(int argc, char** argv);

/// Takes RENKEI_PASSWORD, RENKEI_PASSPHRASE and RENKEI_NEW_PASSPHRASE out of the environment (wiped and unset, see
/// takeEnvironmentSecret) into memory, for readSecret. Call at start, before threads run.
void takeSecretsFromEnvironment();
/// Reads a secret: from the environment variable `env_name` when set (taken at start or now,
/// and removed from the environment), else from the terminal without echo. Returns nullopt
/// when neither is available.
std::optional<std::string> readSecret(const char* env_name, const char* prompt);
/// Whether `env_name` was set at start (taken) or is set now.
bool secretInEnvironment(const char* env_name);
/// Reads one visible line from the terminal (for the homeserver and user name).
std::optional<std::string> readLine(const char* prompt);

/// Server text made safe for the terminal: controls, bidi overrides and broken bytes as
/// visible escapes (\u001b, \u202e, \xff), newlines as \n (matrix::escapeForTerminal).
std::string printable(std::string_view text);
/// One line of --json output: the JSON writer escapes C0 controls; DEL, C1 controls and bidi
/// overrides are escaped too, invalid UTF-8 becomes U+FFFD (matrix::escapeJsonForTerminal).
std::string jsonLine(const nlohmann::json& value);

/// Prints the error (escaped: its message may come from the server) to stderr and maps it
/// to an exit code.
int reportError(const char* what, const Error& error);

/// The post's clinical context from `--scene S` (a wire value of care::Scene) and `--urgent`;
/// nullopt (after saying why on stderr) for an unknown scene.
std::optional<care::PostContext> postContextOptions(const Args& args);
/// Outbox commands (outbox_commands.cpp). `queue ROOM TEXT [--scene S] [--urgent]`: the
/// post carries its scene (a wire value of care::Scene) and 至急 when given; an unknown
/// scene is a usage error (nothing queued).
int cmdQueue(session::Session& s, const Args& args);
int cmdOutbox(session::Session& s);
/// `retry-room CREATION_ID` (a refused queued patient room goes back into the queue) and
/// `discard-room CREATION_ID` (removes it and its scan from this computer).
int cmdPendingRoom(session::Session& s, const Args& args);
/// What flushOutbox did.
struct FlushResult {
    int sent = 0;    ///< posts the homeserver took
    int failed = 0;  ///< posts it refused for good
    std::map<std::string, std::string> opened_rooms;  ///< queued patient rooms opened: creation id → room id
    std::map<std::string, Error> refused_rooms;       ///< refused for good: creation id → why
    std::optional<Error> gave_up;  ///< the error that ended it early (transient past the patience, or auth)
};
/// Opens the queued patient rooms, then sends every queued post, retrying transient errors
/// for up to `patience`; prints refusals and retries to stderr.
FlushResult flushOutbox(session::Session& s, std::chrono::seconds patience);
/// `flush`: flushOutbox with a summary line; exit 5/4 when it gave up, 6 when something was refused.
int cmdFlush(session::Session& s, std::chrono::seconds patience);

/// `edit ROOM EVENT TEXT`, `reply ROOM EVENT TEXT [--scene S] [--urgent]`, `react ROOM EVENT
/// KEY`, `unreact ROOM EVENT KEY`, `delete ROOM EVENT [--reason R]` (correction_commands.cpp):
/// queued in the outbox, then flushed as `send` does (--patience S).
int cmdCorrection(session::Session& s, const Args& args);

/// `timeline ROOM` (timeline_commands.cpp): the room's cached timeline as items (edits
/// applied, deletions as placeholders, replies and reactions folded in); --raw: the events.
int cmdTimeline(session::Session& s, const Args& args);

/// ms since the Unix epoch as local "YYYY-MM-DD HH:MM" (timeline_commands.cpp).
std::string formatTime(std::int64_t ms);
/// The option `name`'s day "YYYY-MM-DD" (Japan time) as the ms its day starts, into `start_ms`
/// (left alone when the option is absent); false after saying why on stderr when malformed.
/// With `day_end`, the ms the next day starts instead (a --to that names the last day shown).
bool jstDayOption(const Args& args, const char* name, std::optional<std::int64_t>& start_ms, bool day_end = false);

/// `urgent [--json]` (urgent_commands.cpp): the 至急 view — urgent posts of the joined patient
/// rooms from the cache, newest first, with who of the care team has read each one and who
/// has not yet (name, profession, office). --json: one object per line.
int cmdUrgent(session::Session& s, const Args& args);

/// `backfill [--since YYYY-MM-DD] [--patience S]` (history_commands.cpp): syncs once, then
/// caches every joined room's history (back to that day, UTC) with one progress line per
/// page; gives up after S seconds (60) of transient errors.
int cmdBackfill(session::Session& s, const Args& args, std::chrono::seconds patience);
/// A date "YYYY-MM-DD" as ms since the Unix epoch (midnight UTC), or nullopt if malformed.
std::optional<std::int64_t> parseHorizon(const std::string& date);

/// Care commands (care_commands.cpp): `profile [--profession P --office NAME --office-kind K
/// --municipality M]` keeps (or shows) the own profile and writes it to every joined patient
/// room; `open-patient-room --patient FILE.json --consent FILE.json --member @user:server:role
/// … [--no-physician-reason TEXT] [--consent-scan FILE] [--patience S]` queues the room
/// (refused without consent, as in the app; nothing queued then) and flushes as `send` does:
/// offline, it stays queued for `flush` (exit 5); `patient ROOM
/// [--json]` prints the patient panel.
int cmdProfile(session::Session& s, const Args& args);
int cmdOpenPatientRoom(session::Session& s, const Args& args);
int cmdPatient(session::Session& s, const Args& args);

/// Closure commands (closure_commands.cpp): `close-room ROOM --reason death|facility|moved|other
/// [--note TEXT] [--date YYYY-MM-DD]` (default today) writes jp.renkei.closure and leaves;
/// `archived [--json]` lists the closed rooms kept here; `remove-archived ROOM` deletes one
/// room's local data.
int cmdCloseRoom(session::Session& s, const Args& args);
int cmdArchived(session::Session& s, const Args& args);
int cmdRemoveArchived(session::Session& s, const Args& args);

/// Structured posts (record_commands.cpp), queued then flushed as `send` does (exit codes
/// alike; a refused record exits 2 with nothing queued): `post-vitals ROOM [--bp S/D]
/// [--pulse N] [--temp C] [--spo2 N] [--resp N] [--weight KG] [--meal PCT] [--fluid ML]
/// [--stool yes|no|diarrhea|constipation] [--measured-at "YYYY-MM-DD HH:MM" (JST)] [--note T]`
/// and `post-record ROOM --kind vitals|medication|physician_update|acp|discharge_guidance --json
/// FILE` (the record object, SCHEMA.md "Structured posts"); both take [--scene S] [--urgent]
/// [--patience S].
int cmdPostVitals(session::Session& s, const Args& args);
int cmdPostRecord(session::Session& s, const Args& args);
/// Record drafts and corrections (record_commands.cpp): `draft-record ROOM --kind K --json
/// FILE` saves the draft (no network), `send-draft-record ROOM --kind K` queues it and deletes
/// it in one vault transaction, then flushes; `edit-record ROOM EVENT --kind K --json FILE`
/// queues a correction of one's own structured post (Session::queueRecordEdit), then flushes.
int cmdDraftRecord(session::Session& s, const Args& args);
int cmdSendDraftRecord(session::Session& s, const Args& args);
int cmdEditRecord(session::Session& s, const Args& args);

/// `export ROOM [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--layout timeline|support-record|
/// physician-updates] -o FILE.pdf` (export_commands.cpp): the room's posts from the cache (no
/// network) in that range (days in Japan time, --to included) as an A4 PDF, logged in the
/// vault's export log. checkExport runs before the session opens: exit 2 for a bad line, and
/// always in a build without the GUI (it has no PDF writer).
int checkExport(const Args& args);
int cmdExport(session::Session& s, const Args& args);

/// `access-log [--room ROOM] [--kind K] [--since YYYY-MM-DD] [--to YYYY-MM-DD] [--limit N]
/// [--json] [--csv FILE] [--verify]` (access_commands.cpp): the vault's access log, newest
/// first (days in Japan time, --to included; 100 records unless --limit, all up to 100,000 for
/// --csv), one tab-separated line or JSON object each; --csv writes them as the CSV of
/// store::toCsv instead; --verify checks the hash chain (exit 8 when it is broken). No network.
int cmdAccessLog(session::Session& s, const Args& args);

/// Runs one command; returns the process exit code.
int run(const Args& args);

}  // namespace renkei::cli
