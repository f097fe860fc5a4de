// Renkei core: the physician's update (see care_record_physician.h).
#include "care/care_record_physician.h"

#include <algorithm>
#include <array>
#include <unordered_set>

#include "care/care_check.h"
#include "care/care_record.h"
#include "care/care_record_fields.h"
#include "care/care_record_format.h"

namespace renkei::care {
namespace {

using detail::textBytesOk;
using nlohmann::json;

constexpr const char* kShape = "physician_update";
constexpr std::size_t kMaxAcknowledgers = 200;
constexpr std::array<std::string_view, 4> kFields{"next_visit_date", "policy_changed",
                                                  "change_summary", "cautions"};

const char* invalidField(const PhysicianUpdate& v) {
    if (!detail::dateOk(v.next_visit_date)) return "next_visit_date";
    if (v.policy_changed ? !textBytesOk(v.change_summary, kChangeSummaryBytes, true, true)
                         : !v.change_summary.empty()) {
        return "change_summary";
    }
    if (!textBytesOk(v.cautions, kCautionsBytes, false, true)) return "cautions";
    return nullptr;
}

}  // namespace

Result<void> validatePhysicianUpdate(const PhysicianUpdate& v, std::int64_t now_ms) {
    if (const char* field = invalidField(v)) return detail::refusal(kShape, field);
    // ISO dates compare as strings.
    if (v.next_visit_date < jstDate(now_ms)) {
        return detail::refusal(kShape, "next_visit_date", "before today");
    }
    return detail::contentFits(physicianUpdateContent(v), kShape);
}

std::vector<RecordLine> physicianUpdateLines(const PhysicianUpdate& v) {
    return {{"次回訪問予定日", v.next_visit_date},
            {"治療方針の変更", v.policy_changed ? "あり" : "なし"},
            {"変更の内容", v.change_summary},
            {"療養上の留意点", v.cautions}};
}

json physicianUpdateContent(const PhysicianUpdate& v) {
    json record = detail::recordBase(v.extra, kFields);
    record["next_visit_date"] = v.next_visit_date;
    record["policy_changed"] = v.policy_changed;
    record["change_summary"] = v.change_summary;
    record["cautions"] = v.cautions;
    return recordContent(RecordKind::PhysicianUpdate, std::move(record),
                         recordTitle(RecordKind::PhysicianUpdate),
                         physicianUpdateLines(v));
}

std::optional<PhysicianUpdate> parsePhysicianUpdate(const json& record) {
    detail::RecordReader r(record, RecordKind::PhysicianUpdate);
    PhysicianUpdate v;
    v.next_visit_date = r.text("next_visit_date", true, 10);
    v.policy_changed = r.boolean("policy_changed", true);
    v.change_summary = r.text("change_summary", false, kChangeSummaryBytes);
    v.cautions = r.text("cautions", false, kCautionsBytes);
    v.extra = r.extra(kFields);
    if (!r.ok() || invalidField(v)) return std::nullopt;
    return v;
}

std::vector<std::string> acknowledgersAmong(const std::vector<std::string>& senders,
                                            std::string_view author) {
    std::vector<std::string> out;
    for (const auto& s : senders) {
        if (out.size() >= kMaxAcknowledgers) break;
        if (s == author || !detail::userIdOk(s)) continue;
        if (std::find(out.begin(), out.end(), s) == out.end()) out.push_back(s);
    }
    return out;
}

std::vector<MonthlyUpdates> monthlyUpdates(std::vector<SharedUpdate> updates) {
    // Drop repeated event ids (the first entry stays), then order by time.
    std::unordered_set<std::string> seen;
    std::erase_if(updates, [&](const SharedUpdate& u) { return !seen.insert(u.event_id).second; });
    std::stable_sort(updates.begin(), updates.end(),
                     [](const SharedUpdate& a, const SharedUpdate& b) {
                         if (a.origin_server_ts != b.origin_server_ts)
                             return a.origin_server_ts < b.origin_server_ts;
                         return a.event_id < b.event_id;
                     });
    std::vector<MonthlyUpdates> months;
    for (auto& u : updates) {
        const std::string month = jstMonth(u.origin_server_ts);
        if (months.empty() || months.back().month != month) months.push_back({month, {}, {}});
        auto& acks = months.back().acknowledged_by;
        for (const auto& who : u.acknowledged_by) {
            if (std::find(acks.begin(), acks.end(), who) == acks.end()) acks.push_back(who);
        }
        months.back().updates.push_back(std::move(u));
    }
    return months;
}

}  // namespace renkei::care
