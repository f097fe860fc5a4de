// TimelineModel: what the rows show of a post's relations: its reactions (aggregated in core,
// named here) and the quote of the post a reply answers (quoteOf, the one place it is
// resolved).
#include <QVariantMap>

#include "timeline/post_delegate.h"
#include "timeline/timeline_model.h"

namespace renkei::ui {
namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }

}  // namespace

QVariantList TimelineModel::reactions(const Item& item) const {
    QVariantList groups;
    const std::string own = own_user_.toStdString();
    for (const auto& g : item.reactions) {
        if (g.senders.empty()) continue;
        QStringList names;
        bool mine = false;
        for (const auto& sender : g.senders) {
            names << displayName(fromStd(sender));
            mine = mine || (!own.empty() && sender == own);
        }
        groups << QVariantMap{{QStringLiteral("key"), fromStd(g.key)},
                              {QStringLiteral("count"), static_cast<int>(g.senders.size())},
                              {QStringLiteral("names"), names},
                              {QStringLiteral("mine"), mine},
                              {QStringLiteral("pending"), g.local.has_value() && *g.local != Item::SendState::Sent}};
    }
    return groups;
}

TimelineModel::ReplyQuote TimelineModel::quoteOf(const QString& event_id) const {
    ReplyQuote quote;
    quote.event_id = event_id;
    const int row = rowOfEvent(event_id);
    if (row < 0) {
        // Not loaded. Once the room's first event is, the original is not in this room's
        // history (or was never sent here); until then it may be in an earlier page.
        quote.state = at_start_ ? ReplyQuote::State::Missing : ReplyQuote::State::Loading;
        return quote;
    }
    const Item& original = item(row);
    quote.state = ReplyQuote::State::Loaded;
    quote.sender_name = displayName(fromStd(original.sender));
    quote.text = original.kind == Item::Kind::Message && original.content
                     ? fromStd(original.content->body)
                     : PostDelegate::placeholderText(index(row));
    return quote;
}

}  // namespace renkei::ui
