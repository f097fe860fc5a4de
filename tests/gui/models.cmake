# Engineer A's tests: CoreBridge (unlock, sign-in, errors, sends) and the item models
# (RoomListModel, RoomFilterModel, TimelineModel) against the real Synapse of the "synapse"
# fixture; gui_media: image posts (thumbnails, sending images, the full-size viewer).
# Included by tests/gui/CMakeLists.txt (renkei_gui_test: offscreen, label gui, RUN_SERIAL,
# translations as in the app).
renkei_gui_test(gui_bridge bridge_test.cpp SYNAPSE)
renkei_gui_test(gui_models models_test.cpp SYNAPSE)
renkei_gui_test(gui_media media_test.cpp SYNAPSE)
foreach(_t gui_bridge gui_models gui_media)
  target_compile_definitions(${_t} PRIVATE RENKEI_HOMESERVER_DIR="${RENKEI_HOMESERVER_DIR}")
endforeach()
target_compile_definitions(gui_media PRIVATE RENKEI_FIXTURES_DIR="${PROJECT_SOURCE_DIR}/tests/fixtures")
