// Renkei UI: the patient panel beside the timeline of a patient room — the patient's
// profile, the consent on record, the care team with roles, professions and offices, the
// network rules the room departs from and why, who opened the room when. Read from the
// cache (Session::patientRecord, careTeam) and refreshed when the room's state changes.
// Everything in it was written by a room member: plain text only.
#pragma once

#include <QWidget>

class QLabel;

namespace renkei::ui {

class CoreBridge;

class PatientPanel : public QWidget {
    Q_OBJECT

public:
    explicit PatientPanel(CoreBridge& bridge, QWidget* parent = nullptr);

    /// Shows the room's record; hides the panel for a room that is not a patient room.
    void setRoom(const QString& room_id);
    /// The panel's sections as shown (for tests and screen readers).
    QString patientText() const;
    QString consentText() const;
    QString teamText() const;
    QString rulesText() const;

private:
    void refresh();

    CoreBridge& bridge_;
    QString room_id_;
    QLabel* patient_ = nullptr;
    QLabel* consent_ = nullptr;
    QLabel* team_ = nullptr;
    QLabel* rules_ = nullptr;
    QLabel* opened_ = nullptr;
};

}  // namespace renkei::ui
