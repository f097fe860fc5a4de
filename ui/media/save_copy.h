// Renkei desktop: saving a copy of a file post outside Renkei. The bytes live only in memory
// and in the encrypted store; a saved copy leaves that protection, so the user is told so
// (Japanese first) before choosing where it goes. The copy is written through QSaveFile:
// a full disk or a refused folder leaves no half-written file behind.
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <functional>

class QMessageBox;
class QWidget;

namespace renkei::ui {

/// The dialogs of the save flow; a test seam (tests answer them without a real dialog).
struct SaveDialogs {
    /// Tells that the copy leaves Renkei's encrypted store; true to go on.
    std::function<bool(QWidget* parent)> confirm;
    /// Asks where to save, starting at `suggested` (a full path); empty: cancelled.
    std::function<QString(QWidget* parent, const QString& suggested)> choosePath;
    /// Shows why the copy could not be written (translated text).
    std::function<void(QWidget* parent, const QString& error_text)> showError;

    /// QMessageBox and QFileDialog.
    static SaveDialogs standard();
};

struct SaveCopy {
    Q_DECLARE_TR_FUNCTIONS(SaveCopy)
public:
    /// The text of the confirmation (the copy leaves the encrypted store).
    static QString warningText();
    /// The confirmation as SaveDialogs::standard() shows it: 保存… (accept) and
    /// キャンセル.
    static QMessageBox* warningBox(QWidget* parent);
    /// A file name safe to offer in a save dialog for a name from the server: no folder
    /// part, no control or reserved characters (<>:"/\|?*), no leading dots, at most 120
    /// characters (the extension kept); "file" when nothing is left.
    static QString safeFileName(const QString& name);
    /// Writes `bytes` to `path` whole or not at all (QSaveFile). On failure returns false and
    /// sets `error_text` (translated, says what to do: disk full, no permission, other).
    static bool write(const QString& path, const QByteArray& bytes, QString& error_text);
    /// The whole flow: confirm, choose a path (in the documents folder, named after
    /// `file_name` made safe), write. Returns the path written, or empty (cancelled or
    /// failed; a failure was shown through dialogs.showError).
    static QString run(QWidget* parent, const QByteArray& bytes, const QString& file_name,
                       const SaveDialogs& dialogs = SaveDialogs::standard());
};

}  // namespace renkei::ui
