// renkei-cli: structured posts (care/care_record.h) — `post-vitals` from options,
// `post-record --kind K --json FILE`, their drafts (`draft-record`, `send-draft-record`) and
// corrections (`edit-record`) — queued through the outbox, then flushed as `send` does.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <variant>

#include "care/care_record.h"
#include "care/care_record_content.h"
#include "care/care_record_format.h"
#include "care/care_record_vitals.h"
#include "cli.h"
#include "session/session.h"

namespace renkei::cli {
namespace {

std::int64_t nowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A whole-string finite number ("36.8", "72"), or nullopt.
std::optional<double> number(const std::string& text) {
    if (text.empty()) return std::nullopt;
    char* end = nullptr;
    const double x = std::strtod(text.c_str(), &end);
    if (end != text.c_str() + text.size() || !std::isfinite(x)) return std::nullopt;
    return x;
}

int usage(const std::string& why) {
    std::cerr << "renkei-cli: " << why << '\n';
    return kUsage;
}

// Queues through `queue` (given the post's scene and 至急), prints the transaction id, then
// flushes as `send` does.
template <class Queue>
int queueWithAndFlush(session::Session& s, const Args& args, Queue queue) {
    const auto context = postContextOptions(args);
    if (!context) return kUsage;
    const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
    if (patience < 0) return kUsage;
    Result<store::OutboxPost> post = queue(*context);
    if (!post) return reportError("cannot queue the record", post.error());
    std::cout << printable(post->txn_id) << '\n';
    return cmdFlush(s, std::chrono::seconds(patience));
}

// Queues the record's content with the post's scene and 至急, then flushes as `send` does.
int queueAndFlush(session::Session& s, const Args& args, const nlohmann::json& content) {
    return queueWithAndFlush(s, args, [&](const care::PostContext& context) {
        return s.queueRecord(args.positional.at(0), content, context);
    });
}

// A refused record: the rule, naming the field and its range (never the value).
int refused(const Error& error) {
    std::cerr << "renkei-cli: the record is refused: " << printable(error.message) << '\n';
    return kUsage;
}

// The record object of FILE with "kind" set (and "schema" 1 when absent), or an exit code.
std::variant<nlohmann::json, int> recordFile(const std::string& path, const std::string& kind) {
    std::ifstream in(path, std::ios::binary);
    using Out = std::variant<nlohmann::json, int>;
    if (!in) return Out(std::in_place_type<int>, usage("cannot read " + printable(path)));
    std::stringstream bytes;
    bytes << in.rdbuf();
    auto record = nlohmann::json::parse(bytes.str(), nullptr, /*allow_exceptions=*/false);
    if (record.is_discarded() || !record.is_object()) {
        return Out(std::in_place_type<int>,
                   usage(printable(path) + " does not hold one JSON object (the record)"));
    }
    if (record.contains("kind") && record["kind"] != kind) {
        return Out(std::in_place_type<int>, usage("the record's \"kind\" is not " + kind));
    }
    record["kind"] = kind;
    if (!record.contains("schema")) record["schema"] = 1;
    return Out(std::in_place_type<nlohmann::json>, std::move(record));
}

// The m.room.message content of `record` (an object of kind `kind`), checked as the composer's
// forms check it (care::recordContentFor), or the exit code of its refusal.
std::variant<nlohmann::json, int> recordContentOf(const nlohmann::json& record, care::RecordKind kind) {
    auto content = care::recordContentFor(kind, record, nowMs());
    if (!content) return std::variant<nlohmann::json, int>(std::in_place_type<int>, refused(content.error()));
    return std::variant<nlohmann::json, int>(std::in_place_type<nlohmann::json>, std::move(*content));
}

// The kind named by --kind, or nullopt after printing why.
std::optional<care::RecordKind> kindOption(const Args& args, const char* command) {
    const auto wire = args.get("--kind");
    const auto kind = wire ? care::recordKindFromWire(*wire) : std::nullopt;
    if (!kind) {
        usage(std::string(command) +
              " takes --kind vitals|medication|physician_update|acp|discharge_guidance");
    }
    return kind;
}

}  // namespace

int cmdPostVitals(session::Session& s, const Args& args) {
    care::Vitals v;
    const std::int64_t now = nowMs();
    v.measured_at = now;
    if (auto bp = args.get("--bp")) {
        const auto slash = bp->find('/');
        const auto sys = slash == std::string::npos ? std::nullopt : number(bp->substr(0, slash));
        const auto dia = slash == std::string::npos ? std::nullopt : number(bp->substr(slash + 1));
        if (!sys || !dia) return usage("--bp takes SYSTOLIC/DIASTOLIC in mmHg, e.g. 132/80");
        care::setMeasure(v, care::VitalMeasure::Systolic, *sys);
        care::setMeasure(v, care::VitalMeasure::Diastolic, *dia);
    }
    static const std::pair<const char*, care::VitalMeasure> kOptions[] = {
        {"--pulse", care::VitalMeasure::Pulse},       {"--temp", care::VitalMeasure::Temperature},
        {"--spo2", care::VitalMeasure::SpO2},         {"--resp", care::VitalMeasure::Respiration},
        {"--weight", care::VitalMeasure::Weight},     {"--meal", care::VitalMeasure::MealIntake},
        {"--fluid", care::VitalMeasure::FluidIntake}};
    for (const auto& [option, measure] : kOptions) {
        auto text = args.get(option);
        if (!text) continue;
        const auto x = number(*text);
        const auto& spec = care::measureSpec(measure);
        if (!x) {
            return usage(std::string(option) + " takes a number in " + spec.unit + " (" +
                         spec.label + ")");
        }
        care::setMeasure(v, measure, *x);
    }
    if (auto stool = args.get("--stool")) {
        v.bowel = care::bowelFromWire(*stool);
        if (!v.bowel) return usage("--stool takes yes, no, diarrhea or constipation");
    }
    if (auto at = args.get("--measured-at")) {
        const auto ms = care::jstMinuteMs(*at);
        if (!ms) return usage("--measured-at takes \"YYYY-MM-DD HH:MM\" (Japan time)");
        v.measured_at = *ms;
    }
    if (auto note = args.get("--note")) v.note = *note;
    if (auto problem = care::vitalsProblem(v, now)) {
        std::cerr << "renkei-cli: " << printable(care::problemTextJa(*problem)) << '\n';
        return kUsage;
    }
    auto content = care::vitalsContent(v);
    if (!content) return refused(content.error());
    return queueAndFlush(s, args, *content);
}

namespace {

/// `--kind K --json FILE` of `command`: the kind and FILE's record object, or an exit code.
std::variant<std::pair<care::RecordKind, nlohmann::json>, int> fileRecord(const Args& args, const char* command) {
    using Out = std::variant<std::pair<care::RecordKind, nlohmann::json>, int>;
    const auto kind = kindOption(args, command);
    const auto file = args.get("--json");
    if (!kind) return Out(std::in_place_type<int>, kUsage);
    if (!file) return Out(std::in_place_type<int>, usage(std::string(command) + " takes --kind K and --json FILE"));
    auto loaded = recordFile(*file, care::toWire(*kind));
    if (auto* code = std::get_if<int>(&loaded)) return Out(std::in_place_type<int>, *code);
    return Out(std::in_place_type<std::pair<care::RecordKind, nlohmann::json>>, *kind,
               std::move(std::get<nlohmann::json>(loaded)));
}

}  // namespace

int cmdPostRecord(session::Session& s, const Args& args) {
    auto record = fileRecord(args, "post-record");
    if (auto* code = std::get_if<int>(&record)) return *code;
    const auto& [kind, object] = std::get<0>(record);
    auto content = recordContentOf(object, kind);
    if (auto* code = std::get_if<int>(&content)) return *code;
    return queueAndFlush(s, args, std::get<nlohmann::json>(content));
}

int cmdDraftRecord(session::Session& s, const Args& args) {
    auto record = fileRecord(args, "draft-record");
    if (auto* code = std::get_if<int>(&record)) return *code;
    const auto& [kind, object] = std::get<0>(record);
    if (auto r = s.saveRecordDraft(args.positional.at(0), care::toWire(kind), object); !r) {
        return reportError("cannot save the draft", r.error());
    }
    return kOk;
}

int cmdSendDraftRecord(session::Session& s, const Args& args) {
    const auto kind = kindOption(args, "send-draft-record");
    if (!kind) return kUsage;
    const std::string& room = args.positional.at(0);
    auto draft = s.recordDraft(room, care::toWire(*kind));
    if (!draft) return reportError("cannot read the draft", draft.error());
    if (!*draft) return usage("no " + care::toWire(*kind) + " draft in this room");
    auto content = recordContentOf((*draft)->record, *kind);
    if (auto* code = std::get_if<int>(&content)) return *code;  // the draft stays
    return queueWithAndFlush(s, args, [&](const care::PostContext& context) {
        return s.queueRecord(room, std::get<nlohmann::json>(content), context, care::toWire(*kind));
    });
}

int cmdEditRecord(session::Session& s, const Args& args) {
    auto record = fileRecord(args, "edit-record");
    if (auto* code = std::get_if<int>(&record)) return *code;
    const auto& [kind, object] = std::get<0>(record);
    auto content = recordContentOf(object, kind);
    if (auto* code = std::get_if<int>(&content)) return *code;
    // (A correction keeps the post's own scene and 至急: --scene and --urgent are not taken.)
    return queueWithAndFlush(s, args, [&](const care::PostContext&) {
        return s.queueRecordEdit(args.positional.at(0), args.positional.at(1), std::get<nlohmann::json>(content));
    });
}

}  // namespace renkei::cli
