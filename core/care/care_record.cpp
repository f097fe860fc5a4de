// Renkei core: the structured-post envelope (see care_record.h).
#include "care/care_record.h"

#include <array>
#include <utility>

#include "care/care_enum_table.h"
#include "care/care_types.h"
#include "matrix/rich_text.h"

namespace renkei::care {
namespace {

using detail::Entry;

constexpr std::array<Entry<RecordKind>, 5> kKinds{{
    {RecordKind::Vitals, "vitals", "バイタル"},
    {RecordKind::Medication, "medication", "服薬"},
    {RecordKind::PhysicianUpdate, "physician_update", "医師からの情報共有"},
    {RecordKind::Acp, "acp", "人生の最終段階における意向"},
    {RecordKind::DischargeGuidance, "discharge_guidance", "退院時共同指導記録票"},
}};

}  // namespace

std::string toWire(RecordKind kind) { return detail::entryOf(kKinds, kind).wire; }

std::string recordTitle(RecordKind kind) { return detail::entryOf(kKinds, kind).label; }

std::optional<RecordKind> recordKindFromWire(const std::string& wire) {
    return detail::fromWire(kKinds, wire);
}

std::optional<std::pair<RecordKind, const nlohmann::json*>> recordOf(const nlohmann::json& content) {
    if (!content.is_object()) return std::nullopt;
    const auto it = content.find(kRecordKey);
    if (it == content.end() || !it->is_object()) return std::nullopt;
    const auto kind = it->find("kind");
    if (kind == it->end() || !kind->is_string()) return std::nullopt;
    const auto parsed = recordKindFromWire(kind->get<std::string>());
    if (!parsed) return std::nullopt;
    return std::make_pair(*parsed, &*it);
}

std::string participantsText(const std::vector<Participant>& participants) {
    std::string out;
    for (const auto& p : participants) {
        if (!out.empty()) out += "、";
        out += p.name + "（" + p.role + "）";
    }
    return out;
}

nlohmann::json recordContent(RecordKind kind, nlohmann::json record, const std::string& title,
                             const std::vector<RecordLine>& lines) {
    std::string body = "【" + title + "】";
    std::string html = "<p><strong>";
    matrix::appendHtmlEscaped(html, title);
    html += "</strong></p><ul>";
    for (const auto& line : lines) {
        if (line.value.empty()) continue;
        body += "\n" + line.label + ": " + line.value;
        html += "<li><strong>";
        matrix::appendHtmlEscaped(html, line.label);
        html += "</strong>: ";
        std::size_t start = 0;
        for (std::size_t nl; (nl = line.value.find('\n', start)) != std::string::npos; start = nl + 1) {
            matrix::appendHtmlEscaped(html, std::string_view(line.value).substr(start, nl - start));
            html += "<br>";
        }
        matrix::appendHtmlEscaped(html, std::string_view(line.value).substr(start));
        html += "</li>";
    }
    html += "</ul>";
    record["kind"] = toWire(kind);
    record["schema"] = kSchemaVersion;
    return nlohmann::json{{"msgtype", "m.text"},
                          {"body", std::move(body)},
                          {"format", "org.matrix.custom.html"},
                          {"formatted_body", std::move(html)},
                          {kRecordKey, std::move(record)}};
}

}  // namespace renkei::care
