// Renkei desktop: the cross-room 「至急」 view: every urgent post of the joined patient rooms
// (Session::urgentPosts, newest first), each with who of the care team has read it and who
// has not yet, by name and profession; it reads again whenever sync changes a room, so a
// member's receipt moves them from 未読 to 既読 while it is open. Choosing a post opens it.
#pragma once

#include <QDialog>
#include <QPointer>
#include <QSet>

#include "care/desktop_notifier.h"  // QPointer<DesktopNotifier> needs the complete type

class QLabel;
class QListWidget;
class QShowEvent;

namespace renkei::ui {

class CoreBridge;

class UrgentView : public QDialog {
    Q_OBJECT
public:
    explicit UrgentView(CoreBridge& bridge, QWidget* parent = nullptr);
    /// Reads the list again from the cache (while shown; showing it reads it).
    void refresh();
    /// The rows' texts as shown (for tests): header line, body, 未読 and 既読 lines.
    QStringList rowTexts() const;

signals:
    /// The user chose the post `event_id` of `room_id`.
    void postChosen(const QString& room_id, const QString& event_id);

protected:
    void showEvent(QShowEvent* event) override;

private:
    CoreBridge& bridge_;
    QListWidget* list_ = nullptr;
    QLabel* empty_ = nullptr;
};

/// Tells the user of a new urgent post by someone else, never with the post's text: `announce`
/// (the window asks for attention, the status bar names the room and sender) and the desktop
/// notifier, when set: 「至急: <room>」 over 「<sender>（<profession>）［<scene>］」. While the
/// screen is locked both say only 「至急の投稿があります」: no patient, room or sender. Posts
/// already cached when it is made are not announced.
class UrgentNotifier : public QObject {
    Q_OBJECT
public:
    explicit UrgentNotifier(CoreBridge& bridge, QObject* parent = nullptr);
    /// Reads the urgent posts again; announces those not seen before.
    void check();
    /// Where desktop notifications go (not owned; null: none).
    void setDesktopNotifier(DesktopNotifier* notifier) { desktop_ = notifier; }
    /// Set while the screen is locked (the screen lock drives it): notices carry no details.
    void setScreenLocked(bool locked) { locked_ = locked; }
    bool screenLocked() const { return locked_; }

signals:
    void announce(const QString& text, const QString& room_id, const QString& event_id);

private:
    CoreBridge& bridge_;
    QPointer<DesktopNotifier> desktop_;
    QSet<QString> seen_;
    bool primed_ = false;
    bool locked_ = false;
};

}  // namespace renkei::ui
