#include "room_list_model.h"

#include <QSet>
#include <algorithm>

#include "bridge/core_bridge.h"
#include "care/care_types.h"
#include "matrix/display_text.h"
#include "server_text.h"
#include "session/session.h"

namespace renkei::ui {
namespace {

QString fromStd(const std::string& s) { return QString::fromStdString(s); }
// A room member's text, safe on one line (bidi overrides and controls made harmless).
QString shown(const std::string& s) { return fromStd(matrix::displayText(s)); }

}  // namespace

QString RoomListModel::kanaSortKey(const QString& kana) {
    QString key = RoomFilterModel::fold(kana);
    key.removeIf([](QChar c) { return c.isSpace(); });
    return key;
}

void RoomListModel::setHomeMunicipality(const QString& municipality) {
    if (municipality == home_) return;
    home_ = municipality;
    patients_.clear();
    refresh();
}

RoomListModel::PatientFacts RoomListModel::patientFacts(const std::string& room_id) const {
    PatientFacts facts;
    session::Session* s = bridge_->session();
    if (s == nullptr) return facts;
    if (auto record = s->patientRecord(room_id)) {
        if (record->patient) {
            facts.name = shown(record->patient->name);
            facts.kana = shown(record->patient->kana);
        }
        facts.no_physician = std::any_of(record->rule_exceptions.begin(), record->rule_exceptions.end(),
                                         [](const care::RuleException& e) { return e.rule == care::kRuleNoPhysician; });
    }
    bool physician = false;
    const QString home = RoomFilterModel::fold(home_.trimmed());
    if (auto team = s->careTeam(room_id)) {
        for (const auto& member : *team) {
            if (!member.profile) continue;
            physician = physician || member.profile->profession == care::Profession::Physician;
            const QString where = RoomFilterModel::fold(fromStd(member.profile->municipality).trimmed());
            if (!home.isEmpty() && !where.isEmpty() && where != home) facts.outside_city = true;
        }
    }
    if (!physician) facts.no_physician = true;
    if (auto flags = s->trendFlags(room_id)) {
        for (const auto& flag : *flags) facts.trends << fromStd(flag.reason);
    }
    facts.sort_key = kanaSortKey(facts.kana.isEmpty() ? facts.name : facts.kana);
    return facts;
}

RoomListModel::RoomListModel(CoreBridge* bridge, QObject* parent)
    : QAbstractListModel(parent), bridge_(bridge) {
    connect(bridge_, &CoreBridge::unlockFinished, this, [this](bool ok) { if (ok) reload(); });
    connect(bridge_, &CoreBridge::signInFinished, this, [this](bool ok) { if (ok) reload(); });
    connect(bridge_, &CoreBridge::signedOut, this, &RoomListModel::reload);
    connect(bridge_, &CoreBridge::roomsChanged, this, [this](const QStringList& ids) { refresh(ids); });
    connect(bridge_, &CoreBridge::postQueued, this, &RoomListModel::updateUnsent);
    connect(bridge_, &CoreBridge::postDiscarded, this, &RoomListModel::updateUnsent);
    connect(bridge_, &CoreBridge::sendFinished, this,
            [this](const QString& room_id) { updateUnsent(room_id); });
    connect(bridge_, &CoreBridge::outboxChanged, this, [this](const QStringList& room_ids) {
        if (!room_ids.isEmpty()) {
            for (const auto& id : room_ids) updateUnsent(id);
        } else if (!rows_.empty()) {
            emit dataChanged(index(0), index(static_cast<int>(rows_.size()) - 1), {HasUnsentRole});
        }
    });
    if (bridge_->isOpen()) reload();
}

std::vector<RoomListModel::Row> RoomListModel::readRows(int& total) const {
    std::vector<Row> out;
    total = 0;
    session::Session* s = bridge_->session();
    if (s == nullptr) return out;
    auto rooms = s->rooms();
    if (!rooms) return out;
    total = static_cast<int>(rooms->size());
    // Patient rooms first, by the patient's kana (gojūon order); the others keep the
    // session's order (most recent activity first).
    struct Ref {
        const store::RoomSummaryRow* room;
        std::optional<PatientFacts> patient;  // nullopt: not a patient room
    };
    std::vector<Ref> order;
    order.reserve(rooms->size());
    for (const auto& r : *rooms) {
        std::optional<PatientFacts> facts;
        if (r.room_type == std::optional<std::string>(care::kPatientRoomType)) {
            const QString id = fromStd(r.room_id);
            auto found = patients_.constFind(id);
            facts = found != patients_.constEnd() ? *found : *patients_.insert(id, patientFacts(r.room_id));
        }
        order.push_back({&r, std::move(facts)});
    }
    std::stable_sort(order.begin(), order.end(), [](const Ref& a, const Ref& b) {
        if (a.patient.has_value() != b.patient.has_value()) return a.patient.has_value();
        if (!a.patient) return false;  // the session's order
        return a.patient->sort_key < b.patient->sort_key;
    });
    const std::size_t shown_rows = std::min(order.size(), static_cast<std::size_t>(limit_));
    out.reserve(shown_rows);
    for (std::size_t i = 0; i < shown_rows; ++i) {
        const auto& r = *order[i].room;
        Row row;
        row.room_id = fromStd(r.room_id);
        row.name = fromStd(r.name);
        row.topic = fromStd(r.topic);
        row.room_type = fromStd(r.room_type.value_or(std::string()));
        row.membership = fromStd(r.membership);
        row.inviter = fromStd(r.inviter.value_or(std::string()));
        if (const auto& p = order[i].patient) {
            row.patient_room = true;
            if (!p->name.isEmpty()) row.name = p->name;
            row.kana = p->kana;
            row.outside_city = p->outside_city;
            row.no_physician = p->no_physician;
            row.trends = p->trends;
        }
        // Core says a deleted last post is one; the words are the UI's.
        row.last_body = r.last_post_deleted ? tr("(deleted post)") : fromStd(r.last_body);
        row.last_sender = fromStd(r.last_sender);
        if (!r.last_sender.empty()) {
            row.last_sender_name = fromStd(s->displayName(r.room_id, r.last_sender));
        }
        if (r.last_ts > 0) row.last_time = QDateTime::fromMSecsSinceEpoch(r.last_ts);
        row.unread = r.notification_count;
        row.highlight = r.highlight_count;
        row.urgent = r.urgent_unread;
        out.push_back(std::move(row));
    }
    return out;
}

void RoomListModel::reload() {
    beginResetModel();
    patients_.clear();
    limit_ = kPageSize;
    rows_ = readRows(total_);
    endResetModel();
}

void RoomListModel::refresh(const QStringList& room_ids) {
    // All visible rows are compared (a room list is small); the patient facts of the rooms
    // that changed are read again (their state may have).
    for (const auto& id : room_ids) patients_.remove(id);
    int total = 0;
    std::vector<Row> target = readRows(total);
    total_ = total;
    if (bridge_->session() == nullptr) return;

    // 1. Remove rows that are no longer in the (visible part of the) list, bottom up.
    QSet<QString> wanted;
    for (const auto& row : target) wanted.insert(row.room_id);
    for (int i = static_cast<int>(rows_.size()) - 1; i >= 0; --i) {
        if (wanted.contains(rows_[static_cast<std::size_t>(i)].room_id)) continue;
        beginRemoveRows({}, i, i);
        rows_.erase(rows_.begin() + i);
        endRemoveRows();
    }
    // 2. Walk the target order: keep, move up, or insert; then compare the data.
    for (std::size_t i = 0; i < target.size(); ++i) {
        const int row = static_cast<int>(i);
        if (i >= rows_.size() || rows_[i].room_id != target[i].room_id) {
            auto found = std::find_if(rows_.begin() + row, rows_.end(), [&](const Row& r) {
                return r.room_id == target[i].room_id;
            });
            if (found == rows_.end()) {
                beginInsertRows({}, row, row);
                rows_.insert(rows_.begin() + row, target[i]);
                endInsertRows();
                continue;
            }
            const int from = static_cast<int>(found - rows_.begin());
            beginMoveRows({}, from, from, {}, row);
            Row moved = std::move(*found);
            rows_.erase(found);
            rows_.insert(rows_.begin() + row, std::move(moved));
            endMoveRows();
        }
        if (!(rows_[i] == target[i])) {
            rows_[i] = target[i];
            emit dataChanged(index(row), index(row));
        }
    }
}

void RoomListModel::updateUnsent(const QString& room_id) {
    const int row = rowOfRoom(room_id);
    if (row >= 0) emit dataChanged(index(row), index(row), {HasUnsentRole});
}

int RoomListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

bool RoomListModel::canFetchMore(const QModelIndex& parent) const {
    return !parent.isValid() && static_cast<int>(rows_.size()) < total_;
}

void RoomListModel::fetchMore(const QModelIndex& parent) {
    if (!canFetchMore(parent)) return;
    limit_ += kPageSize;
    refresh();
}

QVariant RoomListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Row& r = rows_[static_cast<std::size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case Qt::AccessibleTextRole: return r.name;
        case Qt::ToolTipRole: {
            QString tip = r.topic.isEmpty() ? r.name : r.topic;
            //: Room list tool tip: the trends worth a look in the patient's vitals, one per line
            if (!r.trends.isEmpty()) tip += QLatin1Char('\n') + tr("Worth a look: %1").arg(r.trends.join(QLatin1Char('\n')));
            return plainToolTip(tip);
        }
        case RoomIdRole: return r.room_id;
        case LastBodyRole: return r.last_body;
        case LastTimeRole: return r.last_time;
        case UnreadRole: return r.unread;
        case MembershipRole: return r.membership;
        case HasUnsentRole: return bridge_->hasUnsent(r.room_id);
        case NameKanaRole: return r.kana;
        case InviterRole: return r.inviter;
        case LastSenderRole: return r.last_sender;
        case LastSenderNameRole: return r.last_sender_name;
        case HighlightRole: return r.highlight;
        case TopicRole: return r.topic;
        case RoomTypeRole: return r.room_type;
        case IsPatientRoomRole: return r.patient_room;
        case UrgentUnreadRole: return r.urgent;
        case OutsideCityRole: return r.outside_city;
        case NoPhysicianRole: return r.no_physician;
        case TrendReasonsRole: return r.trends;
        default: return {};
    }
}

QHash<int, QByteArray> RoomListModel::roleNames() const {
    auto names = QAbstractListModel::roleNames();
    names.insert({{RoomIdRole, "roomId"}, {LastBodyRole, "lastBody"}, {LastTimeRole, "lastTime"},
                  {UnreadRole, "unread"}, {MembershipRole, "membership"},
                  {HasUnsentRole, "hasUnsent"}, {NameKanaRole, "nameKana"},
                  {InviterRole, "inviter"}, {LastSenderRole, "lastSender"},
                  {LastSenderNameRole, "lastSenderName"}, {HighlightRole, "highlight"},
                  {TopicRole, "topic"}, {RoomTypeRole, "roomType"},
                  {IsPatientRoomRole, "isPatientRoom"}, {UrgentUnreadRole, "urgentUnread"},
                  {OutsideCityRole, "outsideCity"}, {NoPhysicianRole, "noPhysician"},
                  {TrendReasonsRole, "trendReasons"}});
    return names;
}

int RoomListModel::rowOfRoom(const QString& room_id) const {
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (rows_[i].room_id == room_id) return static_cast<int>(i);
    }
    return -1;
}

QString RoomListModel::roomIdAt(int row) const {
    if (row < 0 || row >= static_cast<int>(rows_.size())) return {};
    return rows_[static_cast<std::size_t>(row)].room_id;
}

// --- RoomFilterModel ---

RoomFilterModel::RoomFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setDynamicSortFilter(true);
}

QString RoomFilterModel::fold(const QString& text) {
    QString out = text.normalized(QString::NormalizationForm_KC).toCaseFolded();
    for (QChar& ch : out) {
        const char16_t c = ch.unicode();
        // Katakana ァ (U+30A1) .. ヶ (U+30F6) -> hiragana ぁ (U+3041) .. ゖ (U+3096).
        if (c >= 0x30A1 && c <= 0x30F6) ch = QChar(static_cast<char16_t>(c - 0x60));
    }
    return out;
}

void RoomFilterModel::setFilterText(const QString& text) {
    if (text == filter_) return;
    filter_ = text;
    folded_ = fold(text.trimmed());
    invalidateFilter();
}

bool RoomFilterModel::filterAcceptsRow(int source_row, const QModelIndex& source_parent) const {
    if (folded_.isEmpty()) return true;
    const QModelIndex i = sourceModel()->index(source_row, 0, source_parent);
    return fold(i.data(Qt::DisplayRole).toString()).contains(folded_) ||
           fold(i.data(RoomListModel::NameKanaRole).toString()).contains(folded_);
}

}  // namespace renkei::ui
