// Renkei desktop app: preferences — language, send shortcut, font size, the history kept
// for offline reading (QSettings).
#pragma once

#include <QDialog>

#include "app_settings.h"

class QComboBox;
class QSpinBox;

namespace renkei::ui {

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    explicit SettingsDialog(const AppSettings& current, QWidget* parent = nullptr);
    /// The values chosen in the dialog (valid after accept()).
    AppSettings settings() const;

private:
    QComboBox* language_ = nullptr;
    QComboBox* send_key_ = nullptr;
    QSpinBox* font_size_ = nullptr;
    QComboBox* history_ = nullptr;
};

}  // namespace renkei::ui
