// The renkei binary as a running process, seen from outside as another program on a shared
// clinic laptop would see it: no core dump can be written (RLIMIT_CORE 0 in
// /proc/<pid>/limits), and the RENKEI_PASSPHRASE it was started with is gone from
// /proc/<pid>/environ once it has been tried. No server needed.
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include "store/keys.h"

namespace {

/// The "Max core file size" soft and hard limits of a process: "<soft> <hard>".
QString coreLimit(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/limits").arg(pid));
    if (!file.open(QIODevice::ReadOnly)) return QStringLiteral("(unreadable)");
    const QString prefix = QStringLiteral("Max core file size");
    for (const QString& line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!line.startsWith(prefix)) continue;
        const QStringList words =
            line.mid(prefix.size()).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return words.size() >= 2 ? words[0] + QLatin1Char(' ') + words[1] : line;
    }
    return QStringLiteral("(none)");
}

QByteArray procEnviron(qint64 pid) {
    QFile file(QStringLiteral("/proc/%1/environ").arg(pid));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

}  // namespace

class ProcessTest : public QObject {
    Q_OBJECT
private slots:
    void noCoreDumpAndNoPassphraseInTheEnvironment() {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString data = dir.path() + QStringLiteral("/data");
        {
            // Local data protected by another passphrase (cheap KDF: only the test is fast).
            renkei::store::PassphraseKeyProvider keys(
                (data + QStringLiteral("/keys.json")).toStdString(), "本当のパスフレーズ",
                renkei::store::KdfLimits::minimumForTests());
            QVERIFY(keys.loadOrCreate().ok());
        }
        const QByteArray passphrase = QStringLiteral("違うパスフレーズ-5d2a").toUtf8();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("RENKEI_PASSPHRASE"), QString::fromUtf8(passphrase));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path() + QStringLiteral("/config"));
        QProcess app;
        app.setProcessEnvironment(env);
        app.setProcessChannelMode(QProcess::MergedChannels);
        app.start(QStringLiteral(RENKEI_APP_PATH), {QStringLiteral("--data-dir"), data});
        QVERIFY(app.waitForStarted(10000));

        // It tried the passphrase (and now asks for it in a dialog, waiting).
        QByteArray output;
        QDeadlineTimer deadline(60000);
        while (!output.contains("did not open the local data") && !deadline.hasExpired() &&
               app.state() == QProcess::Running) {
            if (app.waitForReadyRead(200)) output += app.readAll();
        }
        const QByteArray environ_text = procEnviron(app.processId());
        const QString core = coreLimit(app.processId());
        app.kill();
        app.waitForFinished(10000);

        QVERIFY2(output.contains("did not open the local data"), output.constData());
        QVERIFY(!environ_text.isEmpty());
        QVERIFY(!environ_text.contains("RENKEI_PASSPHRASE="));
        QVERIFY(!environ_text.contains(passphrase));
        QVERIFY(environ_text.contains("QT_QPA_PLATFORM=offscreen"));  // the rest is still there
        QCOMPARE(core, QStringLiteral("0 0"));
    }
};

QTEST_GUILESS_MAIN(ProcessTest)
#include "process_test.moc"
