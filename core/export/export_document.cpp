#include "export/export_document.h"

#include <unordered_set>

#include "care/care_record_format.h"
#include "matrix/display_text.h"

namespace renkei::exporting {

std::string toWire(Layout layout) {
    switch (layout) {
        case Layout::Timeline: return "timeline";
        case Layout::SupportRecord: return "support-record";
        case Layout::PhysicianUpdates: return "physician-updates";
    }
    return "timeline";
}

std::optional<Layout> layoutFromWire(std::string_view wire) {
    for (Layout l : {Layout::Timeline, Layout::SupportRecord, Layout::PhysicianUpdates}) {
        if (toWire(l) == wire) return l;
    }
    return std::nullopt;
}

std::string layoutTitle(Layout layout) {
    switch (layout) {
        case Layout::Timeline: return "経過記録";
        case Layout::SupportRecord: return "支援経過記録";
        case Layout::PhysicianUpdates: return "医師からの情報共有（情報連携）";
    }
    return {};
}

std::string authorLabel(const std::string& name, const std::string& profession, const std::string& office) {
    if (profession.empty()) return name;
    return name + "（" + profession + (office.empty() ? "" : "・" + office) + "）";
}

std::string ExportDocument::headerText() const {
    std::string text = patient_name.empty() ? title : patient_name + " 様　" + title;
    if (!range_text.empty()) text += "　" + range_text;
    return text;
}

std::string ExportDocument::footerText() const {
    std::string who = exported_by;
    if (!exported_by_id.empty() && exported_by_id != exported_by) who += " (" + exported_by_id + ")";
    return "出力: " + who + "　" + care::localMinute(exported_at_ms) + "（日本時間）";
}

std::string rangeText(const ExportRequest& request) {
    std::string text;
    if (request.from_ms || request.to_ms) {
        if (request.from_ms) text += care::jstDate(*request.from_ms) + " ";
        text += "〜";
        if (request.to_ms) text += " " + care::jstDate(*request.to_ms - 1);
    } else {
        text = "全期間";
    }
    if (!request.event_ids.empty()) {
        text += "（選択した " + std::to_string(request.event_ids.size()) + " 件）";
    }
    return text;
}

std::vector<std::string> imageSources(const ExportDocument& doc) {
    std::vector<std::string> out;
    std::unordered_set<std::string> seen;
    for (const auto& block : doc.blocks) {
        if (out.size() == kMaxExportImages) break;
        if (!block.image_mxc.empty() && seen.insert(block.image_mxc).second) out.push_back(block.image_mxc);
    }
    return out;
}

std::string jstTime(std::int64_t ms) { return care::localMinute(ms).substr(11); }

std::vector<std::string> textLines(std::string_view text, bool is_reply) {
    std::vector<std::string> lines;
    bool quoting = is_reply;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        start = end + 1;
        if (quoting && line.starts_with(">")) continue;
        if (quoting && line.empty()) {
            quoting = false;
            continue;
        }
        quoting = false;
        if (lines.size() == kMaxLinesPerBlock) {
            lines.back() = "…";
            break;
        }
        lines.push_back(matrix::displayText(line));
    }
    while (!lines.empty() && lines.back().empty()) lines.pop_back();
    return lines;
}

}  // namespace renkei::exporting
