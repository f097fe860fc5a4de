// Renkei UI: 部屋の終了 — closing a patient room when care ends. The user picks the reason
// (死亡, 施設入所, 転居, その他: その他 needs a note), the date (today by default, never in the
// future) and an optional note, after a warning that every member leaves and the room
// becomes a read-only archive. The close runs through ClosureBridge (off the GUI thread);
// the dialog stays open with the error when core or the server refuses. Cancel is the
// default button, so Enter never closes a room by accident.
#pragma once

#include <QDialog>

#include "care/care_types.h"

class QComboBox;
class QDateEdit;
class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace renkei::ui {

class ClosureBridge;
class CoreBridge;

class CloseRoomDialog : public QDialog {
    Q_OBJECT
public:
    /// `patient_name`: as the room list shows it (plain text).
    CloseRoomDialog(CoreBridge& bridge, const QString& room_id, const QString& patient_name,
                    QWidget* parent = nullptr);

    /// The closure as filled in now (the date as YYYY-MM-DD).
    care::Closure closure() const;
    QString roomId() const { return room_id_; }

    // The fields, for tests.
    QComboBox* reasonBox() const { return reason_; }
    QDateEdit* dateEdit() const { return date_; }
    QPlainTextEdit* noteEdit() const { return note_; }
    QPushButton* closeButton() const { return close_; }
    QString errorText() const;

    /// The most a note may hold, in code points (care/SCHEMA.md: ≤ 500).
    static constexpr int kNoteMax = 500;

signals:
    /// The closure was written and the room left; the dialog closes itself.
    void roomClosed(const QString& room_id);

private:
    void submit();
    void showError(const QString& text);
    void setBusy(bool busy);

    ClosureBridge* closure_bridge_ = nullptr;
    QString room_id_;
    QComboBox* reason_ = nullptr;
    QDateEdit* date_ = nullptr;
    QPlainTextEdit* note_ = nullptr;
    QLabel* error_ = nullptr;
    QPushButton* close_ = nullptr;
    QPushButton* cancel_ = nullptr;
};

}  // namespace renkei::ui
