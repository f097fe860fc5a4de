// Renkei desktop: keeps the composer's text of each room as a draft in the vault, so that
// nothing typed is lost — not on a room switch, a restart or a crash. Saves 300 ms after the
// last keystroke (at most half a second of typing is lost when the process dies), at once
// when the room changes and when the window closes; shows a room's draft when it opens.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>

namespace renkei::ui {

class Composer;
class CoreBridge;

class DraftKeeper : public QObject {
    Q_OBJECT
public:
    /// Quiet time after the last keystroke before the draft is written.
    static constexpr int kDebounceMs = 300;

    /// Watches `composer` (not owned; must outlive this object or call saveNow() first).
    DraftKeeper(CoreBridge& bridge, Composer* composer, QObject* parent = nullptr);

    /// Saves the current room's unsaved text at once, then shows `room_id`'s draft (or an
    /// empty composer).
    void setRoom(const QString& room_id);
    QString roomId() const { return room_id_; }
    /// Writes an unsaved change now (room switch, closing). False if the write failed.
    bool saveNow();
    /// Forgets the unsaved change: the text is being sent (the outbox takes it and deletes
    /// the draft in the same transaction).
    void cancelPending();
    /// Shows `text` in the composer; `save`: written as the draft at once (false: the vault
    /// already agrees, e.g. an emptied composer after sending). False if the write failed.
    bool replaceText(const QString& text, bool save);
    bool hasUnsavedChange() const { return dirty_; }

signals:
    /// A draft could not be written (e.g. disk full); the text stays in the composer.
    void saveFailed(const QString& error_text);

private:
    void onTextChanged();

    CoreBridge& bridge_;
    Composer* composer_;
    QTimer timer_;
    QString room_id_;
    bool loading_ = false;  ///< the composer's text is being replaced by this object
    bool dirty_ = false;    ///< typed since the last save
    QString last_error_;    ///< reported once until a save succeeds again
    QHash<QString, QString> unsaved_;  ///< room -> text whose save failed (kept in memory)
};

}  // namespace renkei::ui
