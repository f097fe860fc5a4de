// renkei-cli: structured posts (care/care_record.h) — `post-vitals` from options and
// `post-record --kind K --json FILE` — queued through the outbox, then flushed as `send` does.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <variant>

#include "care/care_record.h"
#include "care/care_record_acp.h"
#include "care/care_record_discharge.h"
#include "care/care_record_medication.h"
#include "care/care_record_physician.h"
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

// "YYYY-MM-DD HH:MM" in Japan time as ms since the epoch, or nullopt.
std::optional<std::int64_t> jstMinute(const std::string& text) {
    int y = 0, mo = 0, d = 0, h = 0, mi = 0;
    char tail = 0;
    if (std::sscanf(text.c_str(), "%4d-%2d-%2d %2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) {
        return std::nullopt;
    }
    using namespace std::chrono;
    const year_month_day day{year{y}, month{static_cast<unsigned>(mo)},
                             std::chrono::day{static_cast<unsigned>(d)}};
    if (!day.ok() || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
    const auto minutes = sys_days{day}.time_since_epoch() + hours{h} + std::chrono::minutes{mi} -
                         std::chrono::minutes{care::kJstOffsetMin};
    return duration_cast<milliseconds>(minutes).count();
}

int usage(const std::string& why) {
    std::cerr << "renkei-cli: " << why << '\n';
    return kUsage;
}

// Queues the record's content with the post's scene and 至急, then flushes as `send` does.
int queueAndFlush(session::Session& s, const Args& args, const nlohmann::json& content) {
    const auto context = postContextOptions(args);
    if (!context) return kUsage;
    const int patience = std::atoi(args.get("--patience").value_or("60").c_str());
    if (patience < 0) return kUsage;
    auto post = s.queueRecord(args.positional.at(0), content, *context);
    if (!post) return reportError("cannot queue the record", post.error());
    std::cout << printable(post->txn_id) << '\n';
    return cmdFlush(s, std::chrono::seconds(patience));
}

// A refused record: the rule, naming the field and its range (never the value).
int refused(const Error& error) {
    std::cerr << "renkei-cli: the record is refused: " << printable(error.message) << '\n';
    return kUsage;
}

// Why a record object does not read as `kind`: the one field whose removal makes it read,
// else a general sentence. Names fields only.
template <class Parse>
std::string unreadable(const nlohmann::json& record, const std::string& kind, Parse parse) {
    for (const auto& [key, value] : record.items()) {
        if (key == "kind" || key == "schema") continue;
        nlohmann::json without = record;
        without.erase(key);
        if (parse(without)) return kind + "." + key + ": wrong type or breaks its rule (SCHEMA.md)";
    }
    return kind + ": a required field is missing or a field breaks its rule (SCHEMA.md, ### " +
           kind + ")";
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

// Parses, validates and writes one kind's record: `write(value)` returns its content.
template <class Parse, class Validate, class Write>
int postKind(session::Session& s, const Args& args, const nlohmann::json& record,
             const std::string& kind, Parse parse, Validate validate, Write write) {
    auto value = parse(record);
    if (!value) return usage("the record is refused: " + printable(unreadable(record, kind, parse)));
    if (auto ok = validate(*value); !ok) return refused(ok.error());
    Result<nlohmann::json> content = write(*value);
    if (!content) return refused(content.error());
    return queueAndFlush(s, args, *content);
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
        const auto ms = jstMinute(*at);
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

int cmdPostRecord(session::Session& s, const Args& args) {
    const auto kind_wire = args.get("--kind");
    const auto file = args.get("--json");
    if (!kind_wire || !file) return usage("post-record takes --kind K and --json FILE");
    const auto kind = care::recordKindFromWire(*kind_wire);
    if (!kind || *kind == care::RecordKind::Vitals) {
        return usage("--kind takes medication, physician_update, acp or discharge_guidance "
                     "(vitals: post-vitals)");
    }
    auto loaded = recordFile(*file, *kind_wire);
    if (auto* code = std::get_if<int>(&loaded)) return *code;
    const auto& record = std::get<nlohmann::json>(loaded);
    const std::int64_t now = nowMs();
    switch (*kind) {
        case care::RecordKind::Medication:
            return postKind(s, args, record, *kind_wire, care::parseMedication, care::validateMedication,
                            care::medicationContent);
        case care::RecordKind::PhysicianUpdate:
            return postKind(
                s, args, record, *kind_wire, care::parsePhysicianUpdate,
                [&](const auto& v) { return care::validatePhysicianUpdate(v, now); },
                [](const auto& v) { return Result<nlohmann::json>(care::physicianUpdateContent(v)); });
        case care::RecordKind::Acp:
            return postKind(
                s, args, record, *kind_wire, care::parseAdvanceCarePlan,
                [&](const auto& v) { return care::validateAdvanceCarePlan(v, now); },
                [](const auto& v) { return Result<nlohmann::json>(care::advanceCarePlanContent(v)); });
        case care::RecordKind::DischargeGuidance:
            return postKind(
                s, args, record, *kind_wire, care::parseDischargeGuidance,
                [&](const auto& v) { return care::validateDischargeGuidance(v, now); },
                [](const auto& v) { return Result<nlohmann::json>(care::dischargeGuidanceContent(v)); });
        case care::RecordKind::Vitals: break;
    }
    return kUsage;
}

}  // namespace renkei::cli
