#include "reauth_dialog.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

#include "bridge/core_bridge.h"

namespace renkei::ui {

ReauthDialog::ReauthDialog(CoreBridge& bridge, QWidget* parent)
    : SecretDialog({tr("Password"), tr("Signing in"), tr("Error"), tr("Sign in"), tr("Later")}, parent),
      bridge_(bridge) {
    setWindowTitle(tr("Sign in again"));
    setAccessibleName(windowTitle());

    auto* heading = new QLabel(tr("Please sign in again"));
    QFont heading_font = heading->font();
    heading_font.setBold(true);
    heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15);
    heading->setFont(heading_font);
    auto* intro = new QLabel(tr("The server has signed this computer out (the sign-in expired or was ended "
                                "elsewhere). Enter your password to continue."));
    intro->setWordWrap(true);
    const int queued = bridge_.queuedCount() + bridge_.failedCount();
    auto* kept = new QLabel(queued > 0 ? tr("Your drafts and the %n post(s) not sent yet are kept on this "
                                            "computer; waiting posts are sent after you sign in.",
                                            nullptr, queued)
                                       : tr("Your drafts are kept on this computer."));
    kept->setWordWrap(true);

    auto* user = new QLineEdit(bridge_.userId());
    user->setReadOnly(true);
    user->setAccessibleName(tr("User"));
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("User:"), user);
    form->addRow(tr("&Password:"), secretField());

    layOut({heading, intro, kept}, form);
    connect(&bridge_, &CoreBridge::reauthenticateFinished, this, &ReauthDialog::finish);
    setMinimumWidth(fontMetrics().averageCharWidth() * 60);
}

void ReauthDialog::start(const QString& password) { bridge_.reauthenticate(password); }

}  // namespace renkei::ui
