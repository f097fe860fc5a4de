// renkei-cli entry point: parse the command line and dispatch; all work is in commands.cpp.
#include <iostream>
#include <set>

#include "cli.h"
#include "common/process_hardening.h"

namespace {

constexpr const char* kUsage = R"(usage: renkei-cli [--data-dir DIR] [--account USER] COMMAND [ARGS]

commands:
  login [--homeserver URL|DOMAIN] [--user NAME]   sign in (password: prompt or RENKEI_PASSWORD)
  sync [--once|--follow]                         fetch new events into the encrypted cache
  rooms [--json]                                 list cached rooms, latest activity first,
                                                 with "complete" when the room's whole
                                                 history is cached (else "partial")
  backfill [--since YYYY-MM-DD] [--patience S]   cache every joined room's whole history
                                                 (or back to that day) for offline reading;
                                                 one line per page: history DONE/TOTAL ROOM +N
  timeline ROOM [--limit N] [--before EVENT] [--json|--raw] [--fill]
                                                 cached posts, oldest first, as shown (edits
                                                 applied, deletions, replies, reactions);
                                                 --raw the stored events; --fill first
                                                 fills gaps from the server
  send ROOM TEXT [--scene S] [--urgent] [--patience S]
                                                 queue a text post and flush the outbox;
                                                 --scene admission_discharge|daily_care|
                                                 acute_change|end_of_life, --urgent: 至急
  queue ROOM TEXT [--scene S] [--urgent]         queue a text post (sent by `flush` or the app)
  flush [--patience S]                           create queued patient rooms, then send
                                                 every queued post, oldest first; retry
                                                 offline/5xx/429 for up to S seconds (60)
  post-vitals ROOM [--bp S/D] [--pulse N] [--temp C] [--spo2 N] [--resp N] [--weight KG]
      [--meal PCT] [--fluid ML] [--stool yes|no|diarrhea|constipation]
      [--measured-at "YYYY-MM-DD HH:MM"] [--note T] [--scene S] [--urgent] [--patience S]
                                                 post バイタル (measured in Japan time; a value
                                                 out of range exits 2, nothing queued)
  post-record ROOM --kind K --json FILE (K: vitals, medication, physician_update, acp,
      discharge_guidance)
      [--scene S] [--urgent] [--patience S]      post a structured record from FILE (the
                                                 record object, core/care/SCHEMA.md)
  draft-record ROOM --kind K --json FILE         save FILE's record object as the room's
                                                 draft of kind K (vitals, medication, …; no
                                                 network, checked only when sent)
  send-draft-record ROOM --kind K [--scene S] [--urgent] [--patience S]
                                                 post the room's draft of kind K and delete
                                                 it in the same step (a refused one stays)
  edit-record ROOM EVENT --kind K --json FILE [--patience S]
                                                 correct one's own structured post (the
                                                 edit history keeps each version)
  edit ROOM EVENT TEXT [--patience S]            correct one's own post (queued, then flushed)
  reply ROOM EVENT TEXT [--scene S] [--urgent] [--patience S]
                                                 answer a post (scene and 至急 as for send)
  react ROOM EVENT KEY [--patience S]            react to a post (e.g. 確認しました)
  unreact ROOM EVENT KEY [--patience S]          take one's reaction back
  delete ROOM EVENT [--reason R] [--patience S]  delete a post (with an optional reason)
  outbox                                         list posts not yet confirmed by sync and
                                                 patient rooms waiting to be created
  retry-room ID | discard-room ID                a refused queued patient room: queue it
                                                 again, or delete it from this computer
  create-room NAME [--invite USER]...            create a private room
  profile [--profession P --office NAME --office-kind K --municipality M]
                                                 keep (or show) your profession and office
  open-patient-room --patient FILE.json --consent FILE.json [--member @USER:ROLE]...
                    [--no-physician-reason TEXT] [--consent-scan FILE] [--patience S]
                                                 open a patient room (consent required),
                                                 the scan as its first file; offline it
                                                 stays queued and `flush` creates it
  patient ROOM [--json]                          the patient panel: profile, consent, team,
                                                 closure
  close-room ROOM --reason death|facility|moved|other [--note TEXT] [--date YYYY-MM-DD]
                                                 close a patient room (部屋の終了) and leave;
                                                 its posts stay here, archived
  archived [--json]                              closed patient rooms kept on this computer
  remove-archived ROOM                           delete an archived room's local data
  urgent [--json]                                urgent posts (至急) of the last 30 days,
                                                 newest first, with who of the care team
                                                 has read each one and who has not yet
  export ROOM [--from YYYY-MM-DD] [--to YYYY-MM-DD]
      [--layout timeline|support-record|physician-updates] [--no-images] -o FILE.pdf
                                                 the room's posts from this computer as an
                                                 A4 PDF (days in Japan time, --to included;
                                                 timeline by default), the pictures of image
                                                 posts fetched into memory unless
                                                 --no-images; each export is logged
  access-log [--room ROOM] [--kind K] [--since YYYY-MM-DD] [--to YYYY-MM-DD]
      [--limit N] [--json] [--csv FILE] [--verify]
                                                 the access log (アクセス記録): rooms
                                                 opened, exports, prints, files, sign-in,
                                                 sign-out, unlocks; newest first; --csv
                                                 writes it for the office; --verify checks
                                                 its hash chain (exit 8 when broken)
  change-passphrase                              protect the local data with a new
                                                 passphrase (RENKEI_PASSPHRASE, then
                                                 RENKEI_NEW_PASSPHRASE, or prompts); the
                                                 databases keep their keys
  join ROOM                                      accept an invitation
  leave ROOM                                     leave a room
  logout                                         end the session on the server

The passphrase that protects local data comes from a prompt or RENKEI_PASSPHRASE.
Data directory: --data-dir, else $XDG_DATA_HOME/renkei, else ~/.local/share/renkei; each
account has its own folder in it (DIR/accounts/ID). --account (user id or name) chooses
one when there are several; `login` uses the user's folder or makes a new one.
Exit codes: 0 ok, 1 other failure, 2 usage, 3 wrong passphrase, 4 not logged in,
            5 homeserver unreachable, 6 refused by the homeserver, 7 local storage failed,
            8 the access log's hash chain is broken.
)";

const std::set<std::string> kValueOptions = {"--data-dir", "--account", "--homeserver", "--user", "--limit",
                                             "--before", "--invite", "--patience", "--reason", "--since",
                                             "--profession", "--office", "--office-kind", "--municipality",
                                             "--patient", "--consent", "--member", "--no-physician-reason",
                                             "--scene", "--note", "--date", "--consent-scan",
                                             "--bp", "--pulse", "--temp", "--spo2", "--resp", "--weight",
                                             "--meal", "--fluid", "--stool", "--measured-at", "--kind",
                                             "--from", "--to", "--layout", "--output", "--room", "--csv"};
const std::set<std::string> kFlags = {"--once",  "--follow", "--json",   "--raw",
                                      "--fill",  "--help",   "--version", "--urgent", "--no-images",
                                      "--verify"};

// Commands whose --json names the record file (elsewhere --json asks for JSON output).
bool takesJsonFile(const std::string& command) {
    return command == "post-record" || command == "draft-record" || command == "edit-record";
}

}  // namespace

namespace renkei::cli {

std::optional<Args> parseArgs(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string word = argv[i];
        if (word == "-o" && i + 1 < argc) {
            args.options["--output"].emplace_back(argv[++i]);  // export -o FILE
        } else if (word.starts_with("--")) {
            if (word == "--json" && takesJsonFile(args.command) && i + 1 < argc) {
                args.options[word].emplace_back(argv[++i]);  // post-record … --json FILE
            } else if (kFlags.count(word) != 0) {
                args.options[word].emplace_back();
            } else if (kValueOptions.count(word) != 0 && i + 1 < argc) {
                args.options[word].emplace_back(argv[++i]);
            } else {
                std::cerr << "renkei-cli: unknown option or missing value: " << word << '\n';
                return std::nullopt;
            }
        } else if (args.command.empty()) {
            args.command = word;
        } else {
            args.positional.push_back(word);
        }
    }
    return args;
}

}  // namespace renkei::cli

int main(int argc, char** argv) {
    // First: a crash must not write decrypted posts or keys to disk, and no secret stays
    // readable in this process's environment.
    if (!renkei::disableCoreDumps()) std::cerr << "renkei-cli: warning: core dumps stay on\n";
    renkei::cli::takeSecretsFromEnvironment();
    auto args = renkei::cli::parseArgs(argc, argv);
    if (!args) {
        std::cerr << kUsage;
        return renkei::cli::kUsage;
    }
    if (args->has("--version")) {
        std::cout << "renkei-cli " << RENKEI_VERSION << '\n';
        return renkei::cli::kOk;
    }
    if (args->has("--help") || args->command.empty()) {
        std::cout << kUsage;
        return args->has("--help") ? renkei::cli::kOk : renkei::cli::kUsage;
    }
    const int code = renkei::cli::run(*args);
    if (code == renkei::cli::kUsage) std::cerr << kUsage;
    return code;
}
