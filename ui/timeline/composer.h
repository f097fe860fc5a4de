// Renkei desktop app: the composer under the timeline. Multi-line; by default Ctrl+Enter
// sends and Enter inserts a new line (Japanese IME users confirm conversions with Enter).
// An attach button posts any file. Two modes above the field, each with a × (and Esc) to
// leave it: 返信 (a bar names the post answered) and 編集 (the field holds the post's text).
#pragma once

#include <QPlainTextEdit>
#include <QWidget>

#include "app_settings.h"
#include "care/care_record.h"
#include "care/care_types.h"

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;

namespace renkei::ui {

/// The text field: turns the configured send key into sendRequested().
class ComposerEdit : public QPlainTextEdit {
    Q_OBJECT
public:
    explicit ComposerEdit(QWidget* parent = nullptr);
    void setSendKey(SendKey key) { send_key_ = key; }
    SendKey sendKey() const { return send_key_; }

signals:
    void sendRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    SendKey send_key_ = SendKey::CtrlEnter;
};

class Composer : public QWidget {
    Q_OBJECT
public:
    /// What sending does: a new post, a reply to targetEventId(), or an edit of it.
    enum class Mode { Post, Reply, Edit };

    explicit Composer(QWidget* parent = nullptr);

    void setSendKey(SendKey key);
    /// The draft text (as typed, not trimmed).
    QString text() const;
    /// Replaces the text (a room's saved draft, or a refused post to edit); cursor at the end.
    void setText(const QString& text);
    /// Empties the field; 至急 is unticked (each urgent post is chosen anew), the scene stays.
    void clear();
    /// The 場面 and 至急 the next new post or reply carries (the selector under the field).
    care::PostContext postContext() const;
    void setPostContext(const care::PostContext& context);
    QComboBox* sceneSelector() const { return scene_; }
    QCheckBox* urgentBox() const { return urgent_; }
    ComposerEdit* editor() const { return edit_; }
    QPushButton* attachButton() const { return attach_button_; }
    /// 記録: a menu of the structured posts (バイタル, 服薬, …) whose form opens for this room.
    QPushButton* recordButton() const { return record_button_; }
    /// Marks the 記録 menu's kinds that have a saved draft in this room 「（下書きあり）」.
    void setRecordDrafts(const QList<care::RecordKind>& drafted);
    /// Opens the (non-blocking) file dialog for any file; choosing one emits fileChosen.
    void chooseFile();

    Mode mode() const { return mode_; }
    QString targetEventId() const { return target_; }
    /// Reply mode: the bar 「返信先: <author>「<excerpt of text>」」; the field keeps its text.
    void startReply(const QString& event_id, const QString& author, const QString& text);
    /// Edit mode: the bar 「投稿を編集中」 and `text` (the post's current text) in the field.
    /// The caller keeps the draft it replaces (modeCancelled tells when to put it back).
    void startEdit(const QString& event_id, const QString& text);
    /// Back to a new post (×, Esc, a room switch, or after the reply or edit was queued);
    /// emits modeCancelled with the mode left (nothing when already Post).
    void cancelMode();
    /// The bar's text (for tests), empty in Post mode.
    QString modeText() const;
    QPushButton* cancelModeButton() const { return cancel_mode_; }
    /// The reply bar's excerpt of a post: its first line, at most `max_chars` characters
    /// (then …).
    static QString excerpt(const QString& text, int max_chars = 20);

signals:
    /// The user asked to send `text` (trimmed, not empty). The composer keeps the text: the
    /// receiver clears it once the post is safely queued (nothing is lost when that fails).
    void sendRequested(const QString& text);
    /// The user chose a file to post (any type).
    void fileChosen(const QString& file_path);
    /// The user chose a structured post to write (its form opens).
    void recordRequested(renkei::care::RecordKind kind);
    /// Reply or Edit mode was left (`left`); Edit: the field still holds the edited text.
    void modeCancelled(renkei::ui::Composer::Mode left);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void send();
    void updateHint();
    void setMode(Mode mode, const QString& event_id, const QString& bar_text);

    Mode mode_ = Mode::Post;
    QString target_;
    QWidget* mode_bar_ = nullptr;
    QLabel* mode_label_ = nullptr;
    QPushButton* cancel_mode_ = nullptr;
    ComposerEdit* edit_ = nullptr;
    QPushButton* send_button_ = nullptr;
    QPushButton* attach_button_ = nullptr;
    QPushButton* record_button_ = nullptr;
    QLabel* hint_ = nullptr;
    QComboBox* scene_ = nullptr;
    QCheckBox* urgent_ = nullptr;
};

}  // namespace renkei::ui
