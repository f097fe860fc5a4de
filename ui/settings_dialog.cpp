#include "settings_dialog.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>

#include "care/profile_form.h"

namespace renkei::ui {

SettingsDialog::SettingsDialog(const AppSettings& current, QWidget* parent) : QDialog(parent) {
    setWindowTitle(tr("Settings"));
    setAccessibleName(windowTitle());

    language_ = new QComboBox;
    language_->setAccessibleName(tr("Language"));
    // The language names are shown in their own language, so anyone can find theirs.
    language_->addItem(QStringLiteral("日本語"), QStringLiteral("ja"));
    language_->addItem(QStringLiteral("English"), QStringLiteral("en"));
    language_->addItem(tr("System setting"), QStringLiteral("system"));
    language_->setCurrentIndex(qMax(0, language_->findData(current.language)));

    send_key_ = new QComboBox;
    send_key_->setAccessibleName(tr("Send shortcut"));
    send_key_->addItem(tr("Ctrl+Enter sends, Enter starts a new line"), 0);
    send_key_->addItem(tr("Enter sends, Shift+Enter starts a new line"), 1);
    send_key_->setCurrentIndex(current.send_key == SendKey::Enter ? 1 : 0);

    font_size_ = new QSpinBox;
    font_size_->setAccessibleName(tr("Font size"));
    font_size_->setRange(0, 32);
    font_size_->setSpecialValueText(tr("Standard"));
    font_size_->setSuffix(tr(" pt"));
    font_size_->setValue(current.font_point_size);

    history_ = new QComboBox;
    history_->setAccessibleName(tr("History kept for offline use"));
    history_->addItem(tr("All"), 0);
    history_->addItem(tr("1 year"), 365);
    history_->addItem(tr("3 months"), 90);
    history_->setCurrentIndex(qMax(0, history_->findData(current.history_days)));

    lock_minutes_ = new QSpinBox;
    lock_minutes_->setAccessibleName(tr("画面ロックまでの時間"));
    lock_minutes_->setRange(1, 60);
    lock_minutes_->setSuffix(tr(" 分"));
    lock_minutes_->setValue(current.lock_minutes);

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("&Language:"), language_);
    form->addRow(tr("&Sending:"), send_key_);
    form->addRow(tr("&Font size:"), font_size_);
    form->addRow(tr("&History kept for offline use:"), history_);
    form->addRow(tr("操作がないとき画面をロックするまで(&L):"), lock_minutes_);

    auto* note = new QLabel(tr("A new language takes effect the next time Renkei starts."));
    note->setWordWrap(true);

    auto* ok = new QPushButton(tr("OK"));
    ok->setAccessibleName(tr("OK"));
    ok->setDefault(true);
    auto* cancel = new QPushButton(tr("Cancel"));
    cancel->setAccessibleName(tr("Cancel"));
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(ok);
    buttons->addWidget(cancel);

    auto* general = new QWidget;
    auto* general_layout = new QVBoxLayout(general);
    general_layout->addLayout(form);
    general_layout->addWidget(note);
    general_layout->addStretch(1);
    profile_ = new ProfileForm;
    profile_->setHomeMunicipality(current.home_municipality);
    tabs_ = new QTabWidget;
    tabs_->addTab(general, tr("General"));
    tabs_->addTab(profile_, tr("Profile"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(tabs_);
    layout->addLayout(buttons);

    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
    connect(ok, &QPushButton::clicked, this, &QDialog::accept);
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);
}

AppSettings SettingsDialog::settings() const {
    AppSettings s;
    s.language = language_->currentData().toString();
    s.send_key = send_key_->currentData().toInt() == 1 ? SendKey::Enter : SendKey::CtrlEnter;
    s.font_point_size = font_size_->value();
    s.history_days = history_->currentData().toInt();
    s.home_municipality = profile_->homeMunicipality();
    s.lock_minutes = lock_minutes_->value();
    return s;
}

void SettingsDialog::setProfile(const std::optional<care::MemberProfile>& profile) { profile_->setProfile(profile); }

std::optional<care::MemberProfile> SettingsDialog::profile() const { return profile_->profile(); }

void SettingsDialog::accept() {
    if (!profile_->check().isEmpty()) {
        tabs_->setCurrentWidget(profile_);
        return;
    }
    QDialog::accept();
}

}  // namespace renkei::ui
