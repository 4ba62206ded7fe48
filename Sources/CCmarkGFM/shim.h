// cmark-gfm's parser and renderers, plus the GFM extensions (tables, strikethrough, autolinks,
// task lists, tag filter). Debian: libcmark-gfm-dev, libcmark-gfm-extensions-dev.
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>
