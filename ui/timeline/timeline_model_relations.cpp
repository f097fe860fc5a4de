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
        // Not loaded: the bridge's fetch (the cache first, else GET /rooms/{id}/event/{id}),
        // asked once per room opening; eventFetched repaints the replies that quote it.
        if (const auto fetched = bridge_->fetchedEvent(room_id_, event_id)) {
            if (fetched->missing) {
                quote.state = ReplyQuote::State::Missing;
                return quote;
            }
            quote.state = ReplyQuote::State::Loaded;
            quote.sender_name = displayName(fetched->sender);
            quote.text = fetched->redacted ? tr("This post was deleted") : fetched->body;
            return quote;
        }
        if (!quotes_requested_.contains(event_id)) {
            quotes_requested_.insert(event_id);
            bridge_->requestEvent(room_id_, event_id);
        }
        quote.state = ReplyQuote::State::Loading;
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

void TimelineModel::onEventFetched(const QString& room_id, const QString& event_id) {
    if (room_id != room_id_) return;
    for (int row = 0; row < rowCount(); ++row) {
        const Item& it = item(row);
        if (!it.in_reply_to || fromStd(*it.in_reply_to) != event_id) continue;
        const QModelIndex changed = index(row);
        emit dataChanged(changed, changed, {ReplyQuoteRole});
    }
}

}  // namespace renkei::ui
