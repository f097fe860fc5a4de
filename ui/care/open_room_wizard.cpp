#include "care/open_room_wizard.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include "bridge/care_bridge.h"
#include "bridge/core_bridge.h"
#include "care/care_text.h"
#include "care/consent_form.h"
#include "care/patient_form.h"
#include "session/session.h"

namespace renkei::ui {

namespace {

constexpr int kSearchDelayMs = 300;  // search once typing pauses, not per key
constexpr int kUserIdRole = Qt::UserRole;
constexpr int kTeamRoleRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;  // a found user's display name

std::string toStd(const QString& s) { return s.trimmed().toStdString(); }

QLabel* messageLabel(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setWordWrap(true);
    label->setStyleSheet(QStringLiteral("color: #b00020;"));
    label->setAccessibleName(QObject::tr("エラー"));
    label->hide();
    return label;
}

}  // namespace

OpenRoomWizard::OpenRoomWizard(CoreBridge& bridge, QWidget* parent)
    : QWizard(parent), care_(new CareBridge(bridge, this)), creation_id_(session::newTransactionId()) {
    setWindowTitle(tr("部屋の開設"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setButtonText(QWizard::NextButton, tr("次へ(&N) >"));
    setButtonText(QWizard::BackButton, tr("< 戻る(&B)"));
    setButtonText(QWizard::FinishButton, tr("開設する(&O)"));
    setButtonText(QWizard::CancelButton, tr("キャンセル"));
    setPage(PatientStep, buildPatientPage());
    setPage(ConsentStep, buildConsentPage());
    setPage(TeamStep, buildTeamPage());
    setPage(ConfirmStep, buildConfirmPage());
    resize(620, 560);
    connect(care_, &CareBridge::usersFound, this, &OpenRoomWizard::showFoundUsers);
    // Queued in the vault: the wizard is done; the room opens when the server is reachable
    // (at once when online), and roomOpened follows then while this object lives.
    connect(care_, &CareBridge::roomQueued, this, [this](const QString& creation_id) {
        emit roomQueued(creation_id);
        QWizard::accept();
    });
    connect(care_, &CareBridge::roomOpened, this, &OpenRoomWizard::roomOpened);
    connect(care_, &CareBridge::openFailed, this, [this](const QString& text) {
        button(QWizard::FinishButton)->setEnabled(true);
        showMessage(ConfirmStep, text);
    });
}

OpenRoomWizard::~OpenRoomWizard() = default;

QWizardPage* OpenRoomWizard::buildPatientPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("1. 利用者"));
    page->setSubTitle(tr("部屋を開設する利用者の情報を入力します。"));
    auto* layout = new QVBoxLayout(page);
    patient_form_ = new PatientForm(page);
    layout->addWidget(patient_form_);
    auto* form = patient_form_->formLayout();
    messages_[PatientStep] = messageLabel(page);
    form->addRow(messages_[PatientStep]);
    return page;
}

QWizardPage* OpenRoomWizard::buildConsentPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("2. 利用者同意"));
    page->setSubTitle(tr("情報共有への同意がなければ部屋は開設できません。"));
    auto* layout = new QVBoxLayout(page);
    consent_form_ = new ConsentForm(care_->ownUserId(), page);
    layout->addWidget(consent_form_);
    auto* form = consent_form_->formLayout();
    auto* scan_row = new QHBoxLayout;
    auto* choose = new QPushButton(tr("選択(&I)…"), page);
    scan_label_ = new QLabel(tr("なし"), page);
    scan_label_->setWordWrap(true);
    scan_row->addWidget(choose);
    scan_row->addWidget(scan_label_, 1);
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("同意書の写し"), {},
                                                          tr("画像・PDF (*.png *.jpg *.jpeg *.pdf);;すべて (*)"));
        if (!path.isEmpty()) setConsentScan(path);
    });
    form->addRow(tr("同意書の写し（任意）"), scan_row);
    messages_[ConsentStep] = messageLabel(page);
    form->addRow(messages_[ConsentStep]);
    return page;
}

QWizardPage* OpenRoomWizard::buildTeamPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("3. ケアチーム"));
    page->setSubTitle(tr("招待する人を名前または ID で検索し、このチームでの役割を選んで追加します。"));
    auto* layout = new QVBoxLayout(page);
    search_ = new QLineEdit(page);
    search_->setAccessibleName(tr("検索"));
    search_->setPlaceholderText(tr("名前または ID で検索"));
    search_timer_ = new QTimer(this);
    search_timer_->setSingleShot(true);
    search_timer_->setInterval(kSearchDelayMs);
    connect(search_, &QLineEdit::textChanged, search_timer_, qOverload<>(&QTimer::start));
    connect(search_timer_, &QTimer::timeout, this, [this] { care_->searchUsers(search_->text()); });
    found_ = new QListWidget(page);
    found_->setAccessibleName(tr("検索結果"));
    role_ = new QComboBox(page);
    role_->setAccessibleName(tr("役割"));
    role_->setEditable(true);  // a role not in the list can be typed
    role_->addItems({tr("主治医"), tr("副主治医"), tr("訪問看護"), tr("ケアマネジャー"), tr("薬剤師"),
                     tr("歯科医師"), tr("訪問リハビリ"), tr("訪問介護"), tr("地域包括支援センター")});
    auto* add = new QPushButton(tr("追加(&A)"), page);
    connect(add, &QPushButton::clicked, this, &OpenRoomWizard::addSelectedUser);
    connect(found_, &QListWidget::itemActivated, this, &OpenRoomWizard::addSelectedUser);
    auto* add_row = new QHBoxLayout;
    auto* role_label = new QLabel(tr("役割(&R):"), page);
    role_label->setBuddy(role_);
    add_row->addWidget(role_label);
    add_row->addWidget(role_, 1);
    add_row->addWidget(add);
    team_ = new QListWidget(page);
    team_->setAccessibleName(tr("招待する人"));
    auto* remove = new QPushButton(tr("外す(&X)"), page);
    connect(remove, &QPushButton::clicked, this, [this] {
        delete team_->currentItem();
        updatePhysicianRule();
    });
    physician_rule_ = new QLabel(page);
    physician_rule_->setWordWrap(true);
    reason_ = new QPlainTextEdit(page);
    reason_->setAccessibleName(tr("主治医なしで開設する理由"));
    reason_->setPlaceholderText(tr("主治医なしで開設する理由（例: 主治医は調整中）"));
    reason_->setTabChangesFocus(true);
    reason_->setMaximumHeight(60);
    layout->addWidget(search_);
    layout->addWidget(found_, 1);
    layout->addLayout(add_row);
    layout->addWidget(new QLabel(tr("招待する人:"), page));
    layout->addWidget(team_, 1);
    layout->addWidget(remove, 0, Qt::AlignRight);
    layout->addWidget(physician_rule_);
    layout->addWidget(reason_);
    messages_[TeamStep] = messageLabel(page);
    layout->addWidget(messages_[TeamStep]);
    updatePhysicianRule();
    return page;
}

QWizardPage* OpenRoomWizard::buildConfirmPage() {
    auto* page = new QWizardPage(this);
    page->setTitle(tr("4. 確認"));
    page->setSubTitle(tr("次の内容で部屋を開設し、ケアチームを招待します。"));
    auto* layout = new QVBoxLayout(page);
    summary_ = new QLabel(page);
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByKeyboard | Qt::TextSelectableByMouse);
    summary_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    layout->addWidget(summary_, 1);
    messages_[ConfirmStep] = messageLabel(page);
    layout->addWidget(messages_[ConfirmStep]);
    return page;
}

care::Patient OpenRoomWizard::patient() const { return patient_form_->patient(); }

care::Consent OpenRoomWizard::consent() const {
    care::Consent c = consent_form_->consent();
    c.scan_mxc.reset();  // the scan waits in memory for a later upload (setConsentScan)
    return c;
}

bool OpenRoomWizard::hasPhysician() const {
    for (int row = 0; row < team_->count(); ++row) {
        if (team_->item(row)->data(kTeamRoleRole).toString() == tr("主治医")) return true;
    }
    const auto own = care_->ownProfile();
    return own && own->profession == care::Profession::Physician;
}

QString OpenRoomWizard::physicianReason() const { return reason_->toPlainText().trimmed(); }

care::PatientRoomPlan OpenRoomWizard::plan() const {
    care::PatientRoomPlan plan;
    plan.patient = patient();
    plan.consent = consent();
    for (int row = 0; row < team_->count(); ++row) {
        const QListWidgetItem* item = team_->item(row);
        const QString role = item->data(kTeamRoleRole).toString();
        plan.team.push_back({item->data(kUserIdRole).toString().toStdString(), toStd(role), role == tr("主治医")});
    }
    if (!hasPhysician()) plan.no_physician_reason = physicianReason().toStdString();
    plan.creation_id = creation_id_;
    return plan;
}

void OpenRoomWizard::showMessage(Step step, const QString& text) {
    messages_[step]->setText(text);
    messages_[step]->setVisible(!text.isEmpty());
}

QString OpenRoomWizard::stepMessage() const {
    const int id = currentId();
    return id >= 0 && id < 4 ? messages_[id]->text() : QString();
}

QString OpenRoomWizard::summaryText() const { return summary_->text(); }

bool OpenRoomWizard::validateCurrentPage() {
    const int id = currentId();
    QString message;
    if (id == PatientStep) {
        message = patient_form_->validationMessage();
    } else if (id == ConsentStep) {
        message = consent_form_->validationMessage();
    } else if (id == TeamStep && !hasPhysician()) {
        const auto rule = care::toContent(care::RuleException{care::kRuleNoPhysician, physicianReason().toStdString()});
        if (!rule) message = tr("主治医が招待されていません。主治医なしで開設する理由を入力してください（500 文字まで）。");
    }
    showMessage(static_cast<Step>(id), message);
    return message.isEmpty() && QWizard::validateCurrentPage();
}

void OpenRoomWizard::initializePage(int id) {
    QWizard::initializePage(id);
    if (id != ConfirmStep) return;
    showMessage(ConfirmStep, {});
    const care::PatientRoomPlan p = plan();
    QStringList lines;
    const auto q = [](const std::string& s) { return QString::fromStdString(s); };
    lines << tr("部屋の名前: %1").arg(q(p.patient.name));
    lines << tr("利用者: %1（%2）、%3生まれ、%4、%5、%6")
                 .arg(q(p.patient.name), q(p.patient.kana), q(p.patient.birth_date), sexLabel(p.patient.sex),
                      careLevelLabel(p.patient.care_level), q(p.patient.municipality));
    if (!p.patient.conditions.empty()) {
        QStringList conditions;
        for (const auto& c : p.patient.conditions) conditions << q(c);
        lines << tr("主な病名: %1").arg(conditions.join(tr("、")));
    }
    const care::Consent& c = *p.consent;
    lines << tr("同意: %1、%2（%3）、取得した人 %4")
                 .arg(q(c.date), consentMethodLabel(c.method),
                      c.from_patient ? tr("本人") : tr("家族・%1").arg(q(c.family_relation)), q(c.obtained_by));
    if (!scan_.isEmpty()) {
        lines << tr("同意書の写し: %1（%2 KB、送信まで暗号化して保存し、部屋の最初のファイルとして送信します）")
                     .arg(scan_name_)
                     .arg((scan_.size() + 1023) / 1024);
    }
    lines << tr("招待する人:");
    if (p.team.empty()) lines << tr("  （なし）");
    for (int row = 0; row < team_->count(); ++row) lines << QStringLiteral("  ・") + team_->item(row)->text();
    if (p.no_physician_reason) lines << tr("主治医なしで開設: %1").arg(q(*p.no_physician_reason));
    summary_->setText(lines.join(QLatin1Char('\n')));
}

void OpenRoomWizard::accept() {
    if (care_->opening()) return;
    showMessage(ConfirmStep, {});
    button(QWizard::FinishButton)->setEnabled(false);
    care_->queuePatientRoom(plan(), scan_, scan_name_);
}

bool OpenRoomWizard::setConsentScan(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxScanBytes) {
        showMessage(ConsentStep, tr("同意書の写しを読めません（10 MB まで）。"));
        return false;
    }
    scan_ = file.readAll();  // in memory only: never copied to a temporary file
    scan_name_ = QFileInfo(path).fileName();
    scan_label_->setText(tr("%1（%2 KB）").arg(scan_name_).arg((scan_.size() + 1023) / 1024));
    showMessage(ConsentStep, {});
    return true;
}

bool OpenRoomWizard::addInvitee(const QString& user_id, const QString& display_name, const QString& role) {
    QString message;
    const QString trimmed_role = role.trimmed();
    if (user_id == care_->ownUserId()) message = tr("自分自身は招待できません。");
    for (int row = 0; message.isEmpty() && row < team_->count(); ++row) {
        const QListWidgetItem* item = team_->item(row);
        if (item->data(kUserIdRole).toString() == user_id) message = tr("この人はすでに追加されています。");
        else if (trimmed_role == tr("主治医") && item->data(kTeamRoleRole).toString() == trimmed_role) {
            message = tr("主治医は 1 人だけ追加できます。");
        }
    }
    if (message.isEmpty() && !care::toContent(care::MemberProfile{care::Profession::Other, "-", "", "", toStd(trimmed_role)})) {
        message = tr("役割は 32 文字までです。");
    }
    showMessage(TeamStep, message);
    if (!message.isEmpty()) return false;
    const QString name = display_name.isEmpty() ? user_id : tr("%1（%2）").arg(display_name, user_id);
    auto* item = new QListWidgetItem(trimmed_role.isEmpty() ? name : tr("%1 — %2").arg(name, trimmed_role), team_);
    item->setData(kUserIdRole, user_id);
    item->setData(kTeamRoleRole, trimmed_role);
    updatePhysicianRule();
    return true;
}

void OpenRoomWizard::addSelectedUser() {
    const QListWidgetItem* item = found_->currentItem();
    if (item == nullptr) {
        showMessage(TeamStep, tr("検索結果から招待する人を選んでください。"));
        return;
    }
    addInvitee(item->data(kUserIdRole).toString(), item->data(kNameRole).toString(), role_->currentText());
}

void OpenRoomWizard::showFoundUsers(const QString& term, const QString& error_text) {
    Q_UNUSED(term);
    found_->clear();
    if (!error_text.isEmpty()) {
        showMessage(TeamStep, tr("検索できません: %1").arg(error_text));
        return;
    }
    for (const FoundUser& user : care_->foundUsers()) {
        const QString text = user.display_name.isEmpty() ? user.user_id : tr("%1（%2）").arg(user.display_name, user.user_id);
        auto* item = new QListWidgetItem(text, found_);
        item->setData(kUserIdRole, user.user_id);
        item->setData(kNameRole, user.display_name);
    }
    if (found_->count() > 0) found_->setCurrentRow(0);
    if (care_->foundLimited()) showMessage(TeamStep, tr("ほかにも該当する人がいます。名前を詳しく入力してください。"));
}

void OpenRoomWizard::updatePhysicianRule() {
    const bool physician = hasPhysician();
    physician_rule_->setText(physician ? tr("主治医: 招待済み")
                                       : tr("主治医が招待されていません。主治医なしで開設するには理由が必要です。"));
    reason_->setVisible(!physician);
}

}  // namespace renkei::ui
