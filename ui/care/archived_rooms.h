// Renkei UI: 終了した部屋 — the archive of closed patient rooms kept on this computer
// (Session::archivedRooms), as a collapsible section under the room list. Each row shows
// the patient's name and the closure's reason and date (「施設入所・2026-11-20」); selecting
// one opens it read-only, and 「このパソコンから削除…」 asks the window to remove it. The model
// re-reads the archive when rooms change (a room closed here or by the team moves in).
#pragma once

#include <QAbstractListModel>
#include <QWidget>
#include <optional>
#include <vector>

#include "care/care_types.h"

class QListView;
class QPushButton;
class QToolButton;

namespace renkei::ui {

class CoreBridge;

/// 「施設入所・2026-11-20」: a closure's reason and date as the archive and the banner show it.
QString closureSummary(const care::Closure& closure);

class ArchivedRoomsModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        RoomIdRole = Qt::UserRole + 1,
        PatientNameRole,  ///< QString: the room's name (the patient's), display-safe
        SummaryRole,      ///< QString: closureSummary
        NoteRole,         ///< QString: the closure's note (a member's text), or empty
    };

    /// Reads bridge->session() now and again on roomsChanged, membershipChanged and sign-in.
    explicit ArchivedRoomsModel(CoreBridge& bridge, QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;

    /// Re-reads the archive (a model reset only when the list changed).
    void reload();
    int rowOfRoom(const QString& room_id) const;  ///< -1 if not archived
    /// The archived room's closure, or nullopt when `room_id` is not archived.
    std::optional<care::Closure> closureOf(const QString& room_id) const;
    QString patientName(const QString& room_id) const;

private:
    struct Row {
        QString room_id, name;
        care::Closure closure;
        bool operator==(const Row&) const = default;
    };
    CoreBridge& bridge_;
    std::vector<Row> rows_;
};

class ArchivedRoomsView : public QWidget {
    Q_OBJECT
public:
    explicit ArchivedRoomsView(ArchivedRoomsModel* model, QWidget* parent = nullptr);

    QToolButton* toggleButton() const { return toggle_; }
    QListView* listView() const { return list_; }
    QPushButton* removeButton() const { return remove_; }
    /// Selects the row of `room_id` (opening the section); clears the selection when absent.
    void selectRoom(const QString& room_id);
    void clearSelection();
    QString currentRoomId() const;
    bool expanded() const;
    void setExpanded(bool expanded);

signals:
    /// The user chose an archived room (click, keyboard).
    void roomActivated(const QString& room_id);
    /// 「このパソコンから削除…」 for the selected room.
    void removeRequested(const QString& room_id);

private:
    void updateHeader();

    ArchivedRoomsModel* model_;
    QToolButton* toggle_ = nullptr;
    QListView* list_ = nullptr;
    QPushButton* remove_ = nullptr;
};

}  // namespace renkei::ui
