// Benchmark data: a /sync body for one room of mixed posts as other Matrix clients send them
// (plain and HTML text with reply fallbacks, notices, emotes, images, files, edits,
// reactions, redactions, encrypted events, state). Fictional content only.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace renkei::bench {

/// Event `n` of a mixed room; relations point at earlier events (`n - 1`, `n - 3`).
inline nlohmann::json mixedEvent(int n) {
    const std::string id = "$mixed" + std::to_string(n);
    const std::string sender = n % 3 == 0 ? "@nurse.sato:localhost" : "@dr.tanaka:localhost";
    const auto target = [&](int back) { return "$mixed" + std::to_string(n - back); };
    nlohmann::json e = {{"event_id", id},
                        {"type", "m.room.message"},
                        {"sender", sender},
                        {"origin_server_ts", 1'790'000'000'000LL + n * 60'000LL},
                        {"unsigned", {{"age", 1000}}}};
    const std::string text = "本日訪問。血圧 " + std::to_string(110 + n % 40) + "/72 mmHg、SpO2 97%。";
    switch (n < 3 ? 0 : n % 12) {
    case 1:  // HTML with a reply fallback (Element style)
        e["content"] = {{"msgtype", "m.text"},
                        {"body", "> <@dr.tanaka:localhost> 前回の値\n\n" + text},
                        {"format", "org.matrix.custom.html"},
                        {"formatted_body", "<mx-reply><blockquote>前回の値</blockquote></mx-reply><p><b>" +
                                               text + "</b></p>"},
                        {"m.relates_to", {{"m.in_reply_to", {{"event_id", target(1)}}}}}};
        break;
    case 2:
        e["content"] = {{"msgtype", "m.notice"}, {"body", "定期連絡: " + text}};
        break;
    case 3:
        e["content"] = {{"msgtype", "m.emote"}, {"body", "が訪問を終えました"}};
        break;
    case 4:  // an edit of the previous post (same sender only when it applies)
        e["sender"] = n % 3 == 1 ? "@nurse.sato:localhost" : sender;
        e["content"] = {{"msgtype", "m.text"},
                        {"body", "* 訂正 " + text},
                        {"m.new_content", {{"msgtype", "m.text"}, {"body", "訂正 " + text}}},
                        {"m.relates_to", {{"rel_type", "m.replace"}, {"event_id", target(1)}}}};
        break;
    case 5:
        e["type"] = "m.reaction";
        e["content"] = {{"m.relates_to", {{"rel_type", "m.annotation"}, {"event_id", target(2)}, {"key", "👍"}}}};
        break;
    case 6:
        e["content"] = {{"msgtype", "m.image"},
                        {"body", "創部の写真.jpg"},
                        {"url", "mxc://localhost/img" + std::to_string(n)},
                        {"info", {{"mimetype", "image/jpeg"}, {"w", 1200}, {"h", 900}, {"size", 250'000}}}};
        break;
    case 7:
        e["content"] = {{"msgtype", "m.file"},
                        {"body", "紹介状.pdf"},
                        {"filename", "紹介状.pdf"},
                        {"url", "mxc://localhost/file" + std::to_string(n)},
                        {"info", {{"mimetype", "application/pdf"}, {"size", 310'000}}}};
        break;
    case 8:
        e["type"] = "m.room.redaction";
        e["redacts"] = target(3);
        e["content"] = {{"redacts", target(3)}, {"reason", "誤投稿"}};
        break;
    case 9:
        e["type"] = "m.room.encrypted";
        e["content"] = {{"algorithm", "m.megolm.v1.aes-sha2"}, {"ciphertext", "AwgAEn..."},
                        {"session_id", "s"}, {"sender_key", "k"}, {"device_id", "D"}};
        break;
    case 10:
        e["type"] = "m.room.member";
        e["state_key"] = sender;
        e["content"] = {{"membership", "join"}, {"displayname", n % 3 == 0 ? "佐藤 花子" : "田中 誠"}};
        break;
    default:
        e["content"] = {{"msgtype", "m.text"}, {"body", text}};
    }
    return e;
}

/// A /sync body with events [first, first + count) of the mixed room `room_id`.
inline std::string mixedSyncBody(const std::string& room_id, int first, int count, int batch) {
    nlohmann::json events = nlohmann::json::array();
    for (int n = first; n < first + count; ++n) events.push_back(mixedEvent(n));
    nlohmann::json body = {
        {"next_batch", "s" + std::to_string(batch + 1)},
        {"rooms", {{"join", {{room_id, {{"timeline", {{"events", events}, {"limited", false}}}}}}}}},
    };
    return body.dump();
}

}  // namespace renkei::bench
