// renkei-cli: the care domain — the own profile, opening a patient room (consent required,
// queued, exactly once, with the consent scan as its first file), and the patient panel as
// text or JSON. Same core refusals as the app.
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <tuple>
#include <iostream>
#include <sstream>

#include "care/care_types.h"
#include "cli.h"
#include "session/session.h"

namespace renkei::cli {
namespace {

constexpr std::size_t kMaxInputFile = 64 * 1024;  // a patient or consent record is small

// The JSON object in `path` (at most 64 KiB). Errors: InvalidArgument naming the option.
Result<nlohmann::json> readJsonFile(const std::string& path, const char* option) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorKind::InvalidArgument, std::string(option) + ": cannot read the file");
    std::ostringstream text;
    text << in.rdbuf();
    if (text.str().size() > kMaxInputFile) {
        return fail(ErrorKind::InvalidArgument, std::string(option) + ": file too large");
    }
    auto doc = nlohmann::json::parse(text.str(), nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) {
        return fail(ErrorKind::InvalidArgument, std::string(option) + ": not a JSON object");
    }
    return doc;
}

// Width and height of a PNG from its IHDR chunk, or {0, 0} (not a PNG: sent as a file).
std::pair<int, int> pngSize(const std::string& bytes) {
    static const std::string kSignature("\x89PNG\r\n\x1a\n", 8);
    if (bytes.size() < 24 || bytes.compare(0, 8, kSignature) != 0 || bytes.compare(12, 4, "IHDR") != 0) return {0, 0};
    auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(bytes[at + i]);
        return v;
    };
    const std::uint32_t w = be32(16), h = be32(20);
    if (w == 0 || h == 0 || w > 100000 || h > 100000) return {0, 0};
    return {static_cast<int>(w), static_cast<int>(h)};
}

// The consent scan in `path`: its bytes (the core refuses more than the upload limit), type by
// extension (.png, .jpg/.jpeg, .pdf; else application/octet-stream) and file name.
Result<store::OutboxMedia> readScan(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(ErrorKind::InvalidArgument, "--consent-scan: cannot read the file");
    std::ostringstream bytes;
    bytes << in.rdbuf();
    store::OutboxMedia scan;
    scan.bytes = bytes.str();
    scan.filename = std::filesystem::path(path).filename().string();
    std::string ext = std::filesystem::path(path).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    scan.content_type = ext == ".png"                    ? "image/png"
                        : ext == ".jpg" || ext == ".jpeg" ? "image/jpeg"
                        : ext == ".pdf"                   ? "application/pdf"
                                                          : "application/octet-stream";
    if (scan.content_type == "image/png") std::tie(scan.width, scan.height) = pngSize(scan.bytes);
    return scan;
}

int usage(const char* why) {
    std::cerr << "renkei-cli: " << why << '\n';
    return kUsage;
}

// The shape's content as written (a parsed record always writes back), or null.
template <class T>
nlohmann::json contentOf(const T& record) {
    auto content = care::toContent(record);
    return content ? std::move(*content) : nlohmann::json();
}

nlohmann::json profileJson(const care::MemberProfile& p) {
    return {{"profession", care::toWire(p.profession)}, {"office", p.office},
            {"office_kind", p.office_kind}, {"municipality", p.municipality}, {"team_role", p.team_role}};
}

}  // namespace

int cmdProfile(session::Session& s, const Args& args) {
    if (!args.has("--profession") && !args.has("--office")) {
        auto own = s.ownProfile();
        if (!own) return reportError("cannot read the profile", own.error());
        if (!*own) return usage("no profile yet: give --profession and --office");
        std::cout << jsonLine(profileJson(**own)) << '\n';
        return kOk;
    }
    care::MemberProfile p;
    const auto profession = care::professionFromWire(args.get("--profession").value_or(""));
    if (!profession) return usage("--profession: one of physician, sub_physician, dentist, pharmacist, "
                                  "visiting_nurse, nurse, care_manager, msw, physical_therapist, "
                                  "occupational_therapist, speech_therapist, dietitian, dental_hygienist, "
                                  "care_worker, community_center, other");
    p.profession = *profession;
    p.office = args.get("--office").value_or("");
    p.office_kind = args.get("--office-kind").value_or("");
    p.municipality = args.get("--municipality").value_or("");
    if (auto kept = s.setOwnProfile(p); !kept) return reportError("cannot keep the profile", kept.error());
    auto published = s.publishOwnProfile();
    if (!published) return reportError("profile kept; not yet written to the rooms", published.error());
    std::cout << "profile kept; written to " << *published << " patient room(s)\n";
    return kOk;
}

int cmdOpenPatientRoom(session::Session& s, const Args& args) {
    care::PatientRoomPlan plan;
    auto own = s.ownProfile();
    if (!own) return reportError("cannot read the profile", own.error());
    if (!*own) return usage("set your profession and office first: renkei-cli profile --profession P --office NAME");
    plan.opener = **own;
    const auto patient_file = args.get("--patient");
    if (!patient_file) return usage("--patient FILE.json is required");
    auto patient_doc = readJsonFile(*patient_file, "--patient");
    if (!patient_doc) return reportError("cannot read the patient", patient_doc.error());
    auto patient = care::parsePatient(*patient_doc);
    if (!patient) return usage("--patient: not a valid patient record (see core/care/SCHEMA.md)");
    plan.patient = std::move(*patient);
    if (const auto consent_file = args.get("--consent")) {
        auto consent_doc = readJsonFile(*consent_file, "--consent");
        if (!consent_doc) return reportError("cannot read the consent", consent_doc.error());
        plan.consent = care::parseConsent(*consent_doc);
        if (!plan.consent) return usage("--consent: not a valid consent record (see core/care/SCHEMA.md)");
    }
    if (auto it = args.options.find("--member"); it != args.options.end()) {
        for (const auto& m : it->second) {
            const auto colon = m.rfind(':');
            // "@user:server:role": the role follows the last colon.
            if (colon == std::string::npos || m.find(':') == colon) return usage("--member @user:server:role");
            const std::string role = m.substr(colon + 1);
            plan.team.push_back({m.substr(0, colon), role, role == "主治医"});
        }
    }
    plan.no_physician_reason = args.get("--no-physician-reason");
    plan.creation_id = session::newTransactionId();
    std::optional<store::OutboxMedia> scan;
    if (const auto scan_file = args.get("--consent-scan")) {
        auto read = readScan(*scan_file);
        if (!read) return reportError("cannot read the consent scan", read.error());
        scan = std::move(*read);
    }
    const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
    if (patience < 0) return usage("--patience S: seconds, 0 or more");
    auto queued = s.queuePatientRoom(plan, std::move(scan));
    if (!queued) return reportError("cannot open the patient room", queued.error());
    const FlushResult done = flushOutbox(s, std::chrono::seconds(patience));
    if (auto opened = done.opened_rooms.find(*queued); opened != done.opened_rooms.end()) {
        std::cout << printable(opened->second) << '\n';
        return kOk;
    }
    if (auto refused = done.refused_rooms.find(*queued); refused != done.refused_rooms.end()) {
        return reportError("cannot open the patient room", refused->second);
    }
    std::cout << "patient room queued (" << printable(*queued)
              << "): `renkei-cli flush` creates it when the homeserver is reachable\n";
    return reportError("not opened yet",
                       done.gave_up.value_or(makeError(ErrorKind::Network, "the homeserver was not reached")));
}

int cmdPatient(session::Session& s, const Args& args) {
    const std::string& room = args.positional[0];
    auto record = s.patientRecord(room);
    if (!record) return reportError("cannot read the patient room", record.error());
    auto team = s.careTeam(room);
    if (!team) return reportError("cannot read the care team", team.error());
    nlohmann::json out = {{"room_id", room}, {"patient_room", record->patient_room},
                          {"opened_by", record->opened_by}, {"opened_ts", record->opened_ts_ms}};
    if (record->patient) out["patient"] = contentOf(*record->patient);
    if (record->consent) out["consent"] = contentOf(*record->consent);
    if (record->closure) out["closure"] = contentOf(*record->closure);
    out["rule_exceptions"] = nlohmann::json::array();
    for (const auto& e : record->rule_exceptions) out["rule_exceptions"].push_back({{"rule", e.rule}, {"reason", e.reason}});
    out["team"] = nlohmann::json::array();
    for (const auto& m : *team) {
        nlohmann::json member = {{"user_id", m.user_id}, {"name", m.name}, {"membership", m.membership}};
        if (m.profile) member["profile"] = profileJson(*m.profile);
        out["team"].push_back(std::move(member));
    }
    if (args.has("--json")) {
        std::cout << jsonLine(out) << '\n';
        return kOk;
    }
    auto body = [](const nlohmann::json& content) {
        return content.is_object() ? content.value("body", std::string()) : std::string();
    };
    if (out.contains("patient")) std::cout << printable(body(out["patient"])) << '\n';
    std::cout << (out.contains("consent") ? printable(body(out["consent"])) : std::string("利用者同意: 記録なし")) << '\n';
    for (const auto& e : record->rule_exceptions) std::cout << "例外: " << printable(e.reason) << '\n';
    if (out.contains("closure")) std::cout << printable(body(out["closure"])) << '\n';
    for (const auto& m : *team) {
        std::cout << printable(m.name);
        if (m.profile) std::cout << "（" << printable(m.profile->office) << "）";
        std::cout << '\t' << printable(m.membership) << '\n';
    }
    return kOk;
}

}  // namespace renkei::cli
