#include "export/export_blocks.h"

#include "care/care_record_format.h"
#include "matrix/display_text.h"
#include "matrix/media.h"

namespace renkei::exporting {
namespace {

using timeline::TimelineItem;
using matrix::content::MsgType;

void stamp(ExportBlock& block, std::int64_t ts_ms) {
    block.ts_ms = ts_ms;
    block.date = care::jstDate(ts_ms);
    block.month = care::jstMonth(ts_ms);
    block.time = jstTime(ts_ms);
}

const char* attachmentLabel(MsgType type) {
    switch (type) {
        case MsgType::Image: return "［画像］";
        case MsgType::Video: return "［動画］";
        case MsgType::Audio: return "［音声］";
        default: return "［ファイル］";
    }
}

}  // namespace

std::vector<std::string> cardLines(const std::vector<care::RecordLine>& lines) {
    std::vector<std::string> out;
    for (const auto& line : lines) {
        if (line.value.empty()) continue;
        auto values = textLines(line.value);
        if (values.empty()) continue;
        out.push_back(matrix::displayText(line.label) + ": " + values.front());
        for (std::size_t i = 1; i < values.size(); ++i) out.push_back("　" + values[i]);
    }
    return out;
}

std::optional<ExportBlock> blockOf(const TimelineItem& item) {
    if (item.local_echo) return std::nullopt;
    ExportBlock block;
    block.event_id = item.event_id;
    stamp(block, item.origin_server_ts);
    if (item.kind == TimelineItem::Kind::CareState) {
        block.lines = textLines(item.state_body);
        if (block.lines.empty()) return std::nullopt;
        return block;
    }
    if (item.kind != TimelineItem::Kind::Message || !item.content) return std::nullopt;
    block.edited = item.edited();
    block.urgent = item.context.urgent;
    if (const care::RecordView* view = item.record()) {
        block.title = matrix::displayText(view->title);
        block.lines = cardLines(view->lines);
        return block;
    }
    const auto& content = *item.content;
    if (content.isAttachment()) {
        block.lines.push_back(std::string(attachmentLabel(content.type)) + " " +
                              matrix::displayText(content.displayFilename()));
        if (content.type == MsgType::Image && content.media && !content.media->encrypted &&
            matrix::parseMxcUri(content.media->url)) {
            block.image_mxc = content.media->url;
        }
        if (auto caption = content.caption()) {
            for (auto& line : textLines(*caption)) block.lines.push_back(std::move(line));
        }
        return block;
    }
    block.lines = textLines(content.body, item.in_reply_to.has_value());
    if (content.type == MsgType::Emote) {
        if (block.lines.empty()) block.lines.emplace_back();
        block.lines.front() = "＊" + block.lines.front();
    }
    return block;
}

ExportBlock blockOf(const care::SharedUpdate& update) {
    ExportBlock block;
    block.event_id = update.event_id;
    stamp(block, update.origin_server_ts);
    block.title = "医師からの情報共有";
    block.lines = cardLines(care::physicianUpdateLines(update.update));
    return block;
}

}  // namespace renkei::exporting
