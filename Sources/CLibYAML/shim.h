#ifndef NNGUIDE_CLIBYAML_SHIM_H
#define NNGUIDE_CLIBYAML_SHIM_H
// libyaml, the C reference parser (Debian libyaml-dev ships libyaml.a, so the static build stays static).
#include <yaml.h>
#endif
