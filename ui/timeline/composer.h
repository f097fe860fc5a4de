// Renkei desktop app: the composer under the timeline. Multi-line; by default Ctrl+Enter
// sends and Enter inserts a new line (Japanese IME users confirm conversions with Enter).
// An attach button posts an image.
#pragma once

#include <QPlainTextEdit>
#include <QWidget>

#include "app_settings.h"

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
    explicit Composer(QWidget* parent = nullptr);

    void setSendKey(SendKey key);
    /// The draft text (as typed, not trimmed).
    QString text() const;
    /// Replaces the text (a room's saved draft, or a refused post to edit); cursor at the end.
    void setText(const QString& text);
    void clear();
    ComposerEdit* editor() const { return edit_; }
    QPushButton* attachButton() const { return attach_button_; }
    /// Opens the (non-blocking) file dialog for an image; choosing one emits imageChosen.
    void chooseImage();

signals:
    /// The user asked to send `text` (trimmed, not empty). The composer keeps the text: the
    /// receiver clears it once the post is safely queued (nothing is lost when that fails).
    void sendRequested(const QString& text);
    /// The user chose an image file to post (png, jpg, jpeg, gif, webp).
    void imageChosen(const QString& file_path);

private:
    void send();
    void updateHint();

    ComposerEdit* edit_ = nullptr;
    QPushButton* send_button_ = nullptr;
    QPushButton* attach_button_ = nullptr;
    QLabel* hint_ = nullptr;
};

}  // namespace renkei::ui
